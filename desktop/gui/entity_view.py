"""The entity view: one person, place or organisation across the archive.

Its articles by date (click one to select it in the main list), the people and places most
often mentioned with it (click to filter the archive by them), and the sentences it
appears in. Filled from `profiles.profile`, run in the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import profiles
from desktop.core.article import PERSON
from desktop.core.profiles import Profile
from desktop.core.query import Term
from desktop.core.store.db import Archive
from desktop.gui import markup, style
from desktop.gui.article_table import source_label
from desktop.gui.detail import SafeBrowser
from desktop.gui.said import TAB_PAGE_MARGINS, SaidPanel


PROFILE_ARTICLES = 1000  # newest articles listed
COMPANIONS = 30


class EntityView(QDialog):
    articleChosen = Signal(int, object)  # article id, the entity's Term
    termChosen = Signal(object)  # Term of a companion
    failed = Signal(object)  # the exception of a profile query

    def __init__(self, archive: Archive, runner, parent=None):
        super().__init__(parent)
        self._archive, self._runner = archive, runner
        self.setObjectName("entityView")
        self.setWindowTitle("Cuttings — entity")
        style.fit_to_screen(self, 980, 620)
        self.profile: Profile | None = None
        self.browser = SafeBrowser()
        self.browser.setObjectName("profileText")
        self.browser.setAccessibleName("About this entity")
        self.browser.setAccessibleDescription("Who and what goes with it, and the sentences that name it; "
                                              "links filter the archive")
        self.articles = QTreeWidget()
        self.articles.setObjectName("profileArticles")
        self.articles.setAccessibleName("Its articles by date")
        self.articles.setAccessibleDescription("Enter or a click selects the article in the main window")
        self.articles.setHeaderLabels(["Date", "Title", "Source"])
        self.articles.setRootIsDecorated(False)
        self.articles.setUniformRowHeights(True)
        self.articles.setAlternatingRowColors(True)
        header = self.articles.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("sectionLabel")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(*TAB_PAGE_MARGINS)  # as What they said: not flush under the tabs
        left_layout.setSpacing(6)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.articles)

        self.said = SaidPanel(archive, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("entityTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(left, "Articles")
        self.tabs.addTab(self.said, "What they said")
        self.said.counted.connect(lambda n: self.tabs.setTabText(1, f"What they said ({n:,})"))
        self.said.articleChosen.connect(lambda article_id: self.articleChosen.emit(article_id, self.entity_term()))
        self.said.failed.connect(self.failed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(splitter)

        self.articles.itemActivated.connect(self._article_activated)
        self.articles.itemClicked.connect(self._article_activated)
        self.browser.linkClicked.connect(self._link)

    def open(self, entity_id: int) -> None:
        """Show and raise the view, and fill it with `entity_id`'s profile from the worker."""
        if self.profile is None or self.profile.entity.id != entity_id:
            self.show_loading()  # a very common entity takes a moment at 100k articles
        self.show()
        self.raise_()
        archive = self._archive
        self._runner.run(
            "profile",
            lambda: profiles.profile(archive, entity_id, companions=COMPANIONS, articles=PROFILE_ARTICLES),
            self.show_profile,
            self.failed.emit,
        )

    def show_loading(self) -> None:
        self.profile = None
        self.articles.clear()
        self.count_label.setText("")
        self.browser.set_markup('<p class="muted">Gathering its articles…</p>')

    def show_profile(self, item: Profile | None) -> None:
        self.profile = item
        self.articles.clear()
        if item is None:
            self.browser.set_markup('<p class="muted">This entity is no longer in the archive.</p>')
            self.count_label.setText("")
            return
        self.setWindowTitle(f"Cuttings — {markup.entity_label(item.entity)}")
        self._show_said(item)
        self.browser.set_markup(markup.profile_html(item))
        n, shown = max(item.entity.mentions, len(item.articles)), len(item.articles)
        self.count_label.setText(
            f"ARTICLES BY DATE ({n:,})" if shown == n else f"ARTICLES BY DATE (NEWEST {shown:,} OF {n:,})"
        )
        rows = []
        for summary in item.articles:
            row = QTreeWidgetItem([(summary.published or "")[:10], summary.title, source_label(summary)])
            row.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            row.setToolTip(1, markup.literal(summary.title))
            rows.append(row)
        self.articles.addTopLevelItems(rows)

    def _show_said(self, item: Profile) -> None:
        """The "What they said" tab, for a person only."""
        person = item.entity.kind == PERSON
        self.tabs.setTabVisible(1, person)
        if not person:
            self.tabs.setCurrentIndex(0)
        else:
            self.tabs.setTabText(1, "What they said")
            self.said.show_person(item.entity.id)

    def entity_term(self) -> Term | None:
        if self.profile is None:
            return None
        e = self.profile.entity
        return Term(e.kind, e.name, (e.id,))

    def _article_activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        self.articleChosen.emit(row.data(0, Qt.ItemDataRole.UserRole), self.entity_term())

    def _link(self, kind: str, ident: int) -> None:
        if kind == "article":
            self.articleChosen.emit(ident, self.entity_term())
        elif kind == "entity" and self.profile is not None:
            entry = next((c for c in self.profile.companions if c.term.ids and c.term.ids[0] == ident), None)
            if entry is not None:
                self.termChosen.emit(entry.term)
