"""The archive window: facet sidebar, article list with search and chips, detail pane.

The window holds one `Filter` and asks the core for everything (`desktop.core.query`);
every query runs in the task runner (desktop.gui.tasks), never on the GUI thread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from html import escape

from PySide6.QtCore import (
    QByteArray,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import query
from desktop.core.article import ENTITY_KINDS
from desktop.core.dropped import Dropped
from desktop.core.query import FACET_KINDS, Filter, Term
from desktop.core.store.archive import delete_articles
from desktop.core.store.db import Archive
from desktop.gui import markup, style
from desktop.gui.article_table import COLUMNS, PAGE_SIZE, TITLE, ArticleTableModel, CellDelegate, column_of_sort
from desktop.gui.chips import ChipBar
from desktop.gui.detail import DetailPane
from desktop.gui.drops import DropTarget
from desktop.gui.entity_view import EntityView
from desktop.gui.facets import FACET_LIMIT, FacetPanel
from desktop.gui.import_dialog import ImportDialog
from desktop.gui.imports import ImportPanel, ImportQueue
from desktop.gui.tasks import TaskRunner
from desktop.resources import LICENCES, app_icon_files

SEARCH_DELAY_MS = 250
DETAIL_DELAY_MS = 100
PROFILE_ARTICLES = 1000  # newest articles listed in the entity view
IMPORT_DOCK_HEIGHT = 210  # the list stays the main thing while an import runs below it
REFRESH_DELAY_MS = 300
PREPARE_IMPORTS_MS = 2000
RECOUNT_AFTER_ROWS_MS = 15  # a frame: the new rows are painted before the sidebar recount starts
RECOUNT_WHILE_IMPORTING_MS = 3000  # imported articles show up in batches, not one query each

EMPTY_STATE = """
<div align="center">
<p style="font-size:18pt; font-weight:600; margin-bottom:8px">Your archive is empty</p>
<p style="font-size:11pt; color:#5f6672">Add news articles to follow a story across outlets:</p>
<table cellpadding="4" style="font-size:11pt; margin-top:6px">
<tr><td>•</td><td><b>Drag a link</b> from your browser onto this window</td></tr>
<tr><td>•</td><td><b>Paste</b> a link with <b>Ctrl+V</b></td></tr>
<tr><td>•</td><td>or use <b>File ▸ Import…</b></td></tr>
</table>
<p style="color:#8a8f98; margin-top:14px">From a terminal: <code>cuttings import URL_OR_FILE</code></p>
</div>
"""
NO_MATCH = """
<div align="center">
<p style="font-size:13pt; font-weight:600">No articles match</p>
<p style="color:#5f6672">Remove a filter, change the search, or press <b>Esc</b> to clear them all.</p>
</div>
"""


class ArticleTable(QTableView):
    """The list; Enter opens the original (Return in a QTableView would otherwise do nothing)."""

    openRequested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    queryFinished = Signal()  # a query result is on screen (tests, benchmark, refresh callers)
    detailShown = Signal(int)

    def __init__(self, archive: Archive, settings: QSettings | None = None, runner=None):
        super().__init__()
        self.archive = archive
        self.settings = settings if settings is not None else QSettings("Cuttings", "Cuttings")
        self.runner = runner if runner is not None else TaskRunner(self)
        self.filter = Filter(
            sort=str(self.settings.value("table/sort", "published")),
            descending=_as_bool(self.settings.value("table/descending", True)),
        )
        if self.filter.sort not in query.SORT_COLUMNS:
            self.filter = Filter()
        self.total = 0
        self._total_stale = True  # count the archive with the next query
        self.matching = 0
        self.loaded = False
        self._pending_select: list[int] = []
        self._pending_top: int | None = None
        self._after_delete_row: int | None = None
        self.entity_view: EntityView | None = None

        self.setWindowTitle(f"Cuttings — {archive.path.name}")
        self._build()
        self._build_imports()
        self._build_menus()
        self._build_shortcuts()
        self._restore_settings()
        self.run_query()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.facets = FacetPanel()
        self.facets.termClicked.connect(self.add_term)
        self.facets.termActivated.connect(self.open_entity_term)
        self.facets.searchChanged.connect(lambda _text: self._count_facets(self.filter))

        self.search = QLineEdit(placeholderText="Search titles, authors and text   (Ctrl+F)")
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.textChanged.connect(self._search_cleared)

        self.chips = ChipBar()
        self.chips.removed.connect(self.remove_term)
        self.chips.clearAll.connect(self.clear_filters)

        self.model = ArticleTableModel(self.archive, self.runner, self)
        self.model.sortRequested.connect(self._sort_requested)
        self.table = ArticleTable()
        self.table.setObjectName("articleTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(24, self.fontMetrics().height() + 10))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        fm = self.table.fontMetrics()
        for column, width in enumerate((fm.horizontalAdvance("2024-12-31") + 22, 360,
                                        fm.horizontalAdvance("Seattle Times") + 16,
                                        fm.horizontalAdvance("Anna Petrova") + 16,
                                        fm.horizontalAdvance("People") + 26)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self._apply_sort_indicator()
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.openRequested.connect(self.open_original)
        self.table.doubleClicked.connect(lambda _i: self.open_original())

        self.empty = QLabel(EMPTY_STATE)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.no_match = QLabel(NO_MATCH)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(10, 8, 10, 8)
        centre_layout.setSpacing(8)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self.chips)
        centre_layout.addWidget(self.stack, 1)

        self.detail = DetailPane()
        self.detail.linkClicked.connect(self._detail_link)
        self.detail.linkDoubleClicked.connect(self._detail_double)
        self.detail.linkHovered.connect(self._detail_hover)
        self._detail_timer = QTimer(self, singleShot=True, interval=DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._load_detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail)
        self.facets.setMinimumWidth(180)
        self.detail.setMinimumWidth(260)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 700, 430])
        self.setCentralWidget(self.splitter)
        self._fit_to_screen(1360, 820)
        self.statusBar().setSizeGripEnabled(True)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Start at the preferred size, but never bigger than the screen it opens on."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 0:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.95))
        self.resize(width, height)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        import_action = QAction("&Import…", self, shortcut=QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        import_action.triggered.connect(self.show_import_dialog)
        file_menu.addAction(import_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for text, keys, slot in (
            ("&Search", QKeySequence.StandardKey.Find, self.focus_search),
            ("&Clear filters", QKeySequence(Qt.Key.Key_Escape), self.clear_filters),
            ("&Refresh", QKeySequence.StandardKey.Refresh, self.refresh),
        ):
            action = QAction(text, self, shortcut=keys)
            action.triggered.connect(slot)
            view_menu.addAction(action)

        view_menu.addSeparator()
        view_menu.addAction(self.import_dock.toggleViewAction())

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Cuttings", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_shortcuts(self) -> None:
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    # -- settings -----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        widths = s.value("table/widths")
        if widths:
            header = self.table.horizontalHeader()
            for column, width in enumerate(_as_list(widths)[: len(COLUMNS)]):
                if column != TITLE and int(width) > 0:
                    header.resizeSection(column, int(width))

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        if self.facets.isVisible() and self.detail.isVisible():
            s.setValue("window/splitter", self.splitter.saveState())
        header = self.table.horizontalHeader()
        s.setValue("table/widths", [header.sectionSize(c) for c in range(len(COLUMNS))])
        s.setValue("table/sort", self.filter.sort)
        s.setValue("table/descending", self.filter.descending)
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.imports.is_active():
            answer = QMessageBox.question(
                self,
                "Stop importing?",
                "Some articles are still being imported. Stop importing and close?\n\n"
                "Articles already saved stay in the archive; the others are not saved.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.imports.cancel()
            self.imports.wait_for_writer()  # the article being written lands whole, or not at all
        self.imports.shutdown()
        self.save_settings()
        if self.entity_view is not None:
            self.entity_view.close()
        super().closeEvent(event)

    # -- the filter ---------------------------------------------------------------------
    def set_filter(self, flt: Filter, select: Sequence[int] | None = None) -> None:
        self.filter = flt
        self.run_query(select=select)  # first: the worker queries while the chips are redrawn
        self.chips.set_terms(flt.terms)
        if self.search.text() != flt.text:
            self.search.setText(flt.text)

    def add_term(self, term: Term) -> None:
        self.set_filter(self.filter.adding(term))

    def remove_term(self, term: Term) -> None:
        self.set_filter(self.filter.removing(term))

    def clear_filters(self) -> None:
        self._search_timer.stop()
        if self.filter.is_narrowed or self.search.text():
            self.set_filter(replace(self.filter, text="", terms=()))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.filter.text:
            self.set_filter(replace(self.filter, text=self.search.text()))

    def _search_cleared(self, text: str) -> None:
        if not text and self.filter.text:  # the clear button: no need to wait
            self._search_now()

    def _sort_requested(self, sort: str, descending: bool) -> None:
        if (sort, descending) == (self.filter.sort, self.filter.descending):
            return
        self.set_filter(replace(self.filter, sort=sort, descending=descending))

    def _apply_sort_indicator(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self.filter.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column_of_sort(self.filter.sort), order)

    # -- queries ------------------------------------------------------------------------
    def run_query(self, keep_position: bool = False, select: Sequence[int] | None = None) -> None:
        """Run the current Filter in the worker; the result replaces the list when it comes.

        The selected articles stay selected if they are still listed (or `select` is).
        With `keep_position` the list also keeps its scroll position (see refresh).
        """
        self._pending_select = list(select) if select is not None else self.selected_ids()
        top = self.table.rowAt(0) if keep_position else -1
        self._pending_top = self.model.id_at(top) if top >= 0 else None
        archive, flt, count_total = self.archive, self.filter, self._total_stale

        def work():
            ids = query.article_ids(archive, flt)
            # Counting 100k articles takes ~7 ms; the total only changes with the archive.
            total = len(ids) if not flt.is_narrowed else query.total(archive) if count_total else None
            return ids, total, query.summaries(archive, ids[:PAGE_SIZE])

        self.runner.cancel("facets")
        self.runner.run("query", work, lambda result: self._query_done(result, flt), self._failed)

    def _count_facets(self, flt: Filter) -> None:
        """Recount the sidebar for `flt`; started once its rows are shown, not to slow them.

        While imported articles arrive, the sidebar is recounted every few seconds, not after
        each article: rebuilding it is the dearest thing the window does on its own thread.
        """
        if self.imports.is_active():
            if not self._recount_timer.isActive():
                self._recount_timer.start()
            return
        self._recount_timer.stop()
        self._recount(flt)

    def _recount(self, flt: Filter) -> None:
        archive, text = self.archive, self.facets.search_text()
        # One more than shown, so the sidebar can tell "300" from "more than 300".
        self.runner.run(
            "facets",
            lambda: {kind: query.facet(archive, kind, flt, limit=FACET_LIMIT + 1, containing=text)
                     for kind in FACET_KINDS},
            self.facets.set_facets,
            self._failed,
        )

    def refresh(self) -> None:
        """The archive changed: re-run the current query and recount, keeping the selection
        and the scroll position."""
        self._total_stale = True
        self.run_query(keep_position=True)

    def _query_done(self, result, flt: Filter) -> None:
        ids, total, first_rows = result
        if total is not None:
            self.total, self._total_stale = total, False
        total, self.matching = self.total, len(ids)
        self.model.set_result(ids, first_rows)
        self._apply_sort_indicator()
        if self.filter.is_narrowed:
            self.count_label.setText(f"{len(ids):,} of {total:,} article{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{total:,} article{'s' if total != 1 else ''}")
        self.stack.setCurrentWidget(self.table if ids else (self.empty if total == 0 else self.no_match))
        # An empty archive is all welcome: no empty sidebar, filter hint or reading pane.
        for part in (self.facets, self.chips, self.detail):
            part.setVisible(total > 0)
        self._restore_position()
        self.loaded = True
        self.queryFinished.emit()
        # The recount's worker thread would slow the painting of the rows (it holds the GIL).
        QTimer.singleShot(RECOUNT_AFTER_ROWS_MS, self, lambda: self._count_facets(flt))

    def _restore_position(self) -> None:
        rows = [r for r in (self.model.row_of(i) for i in self._pending_select) if r is not None]
        if self._pending_top is not None:
            top = self.model.row_of(self._pending_top)
            if top is not None:
                self.table.scrollTo(self.model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if not rows and self._after_delete_row is not None and self.model.rowCount():
            rows = [min(self._after_delete_row, self.model.rowCount() - 1)]
        self._after_delete_row = None
        if rows:
            self.select_rows(rows, scroll=self._pending_top is None)
        elif self.detail.article is not None:
            self.detail.show_placeholder()
        self._pending_select, self._pending_top = [], None

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(f"Could not read the archive: {exc}", 10_000)

    # -- selection and detail -----------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [a for a in (self.model.id_at(r) for r in rows) if a is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_rows(self, rows: Sequence[int], scroll: bool = True) -> None:
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, len(COLUMNS) - 1))
        sm = self.table.selectionModel()
        sm.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def select_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self.select_rows([row])
        return True

    def _selection_changed(self, *_args) -> None:
        self._detail_timer.start()

    def _load_detail(self) -> None:
        article_id = self.current_id() if self.selected_ids() else None
        if article_id is None:
            self.runner.cancel("detail")
            if self.detail.article is not None:
                self.detail.show_placeholder()
            return
        archive = self.archive
        self.runner.run("detail", lambda: query.detail(archive, article_id), self._detail_done, self._failed)

    def _detail_done(self, item) -> None:
        self.detail.show_article(item)
        if item is not None:
            self.detailShown.emit(item.id)

    def _entity_term(self, entity_id: int) -> Term | None:
        entity = self.detail.entity(entity_id)
        return Term(entity.kind, entity.name, (entity.id,)) if entity else None

    def _detail_link(self, kind: str, ident: int) -> None:
        if kind == "entity":
            term = self._entity_term(ident)
            if term is not None:
                self.add_term(term)
        elif kind == "open":
            self.open_original()

    def _detail_double(self, kind: str, ident: int) -> None:
        if kind == "entity":
            self.open_entity(ident)

    def _detail_hover(self, kind: str, ident: int) -> None:
        entity = self.detail.entity(ident) if kind == "entity" else None
        if entity is not None:
            self.statusBar().showMessage(f"Click: show only articles naming {entity.name} · double-click: all about it")
        elif kind == "open" and self.detail.article is not None:
            self.statusBar().showMessage(f"Open {self.detail.article.url} in your browser")
        else:
            self.statusBar().clearMessage()

    def open_original(self) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        url = None
        if self.detail.article is not None and self.detail.article.id == article_id:
            url = self.detail.article.url
        else:
            row = self.model.summary_at(self.model.row_of(article_id) or 0)
            url = row.url if row is not None and row.id == article_id else None
        if not url:
            self.statusBar().showMessage("This article has no web address (it was imported from a file).", 5000)
            return
        qurl = QUrl(url)
        if qurl.scheme() not in ("http", "https"):
            self.statusBar().showMessage(f"Not a web address: {url}", 5000)
            return
        QDesktopServices.openUrl(qurl)

    # -- entity view --------------------------------------------------------------------
    def open_entity_term(self, term: Term) -> None:
        if term.kind in ENTITY_KINDS and term.ids:
            self.open_entity(term.ids[0])

    def open_entity(self, entity_id: int) -> None:
        if self.entity_view is None:
            self.entity_view = EntityView(self)
            self.entity_view.articleChosen.connect(self._profile_article)
            self.entity_view.termChosen.connect(self.add_term)
        archive = self.archive
        if self.entity_view.profile is None or self.entity_view.profile.entity.id != entity_id:
            self.entity_view.show_loading()  # a very common entity takes a moment at 100k articles
        self.entity_view.show()
        self.entity_view.raise_()
        self.runner.run("profile", lambda: query.profile(archive, entity_id, companions=30, articles=PROFILE_ARTICLES), self._profile_done, self._failed)

    def _profile_done(self, item) -> None:
        self.entity_view.show_profile(item)
        self.entity_view.show()
        self.entity_view.raise_()

    def _profile_article(self, article_id: int, term: Term | None) -> None:
        if self.select_article(article_id):
            return
        # Not in the list as filtered now: show this entity's articles, then select it.
        self.set_filter(Filter(terms=(term,) if term else (), sort=self.filter.sort,
                                descending=self.filter.descending), select=[article_id])

    # -- deleting -----------------------------------------------------------------------
    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            summary = self.model.summary_at(self.model.row_of(ids[0]))
            what = f"“{summary.title}”" if summary else "this article"
        else:
            what = f"these {len(ids)} articles"
        answer = QMessageBox.question(
            self,
            "Delete from archive",
            markup.literal(f"Delete {what} from the archive?\n\n"
                           "The saved copy and its links go too. This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        archive = self.archive

        def done(n: int) -> None:
            self.statusBar().showMessage(f"Deleted {n} article{'s' if n != 1 else ''}.", 5000)
            self._after_delete_row = self.model.row_of(ids[0]) or 0
            self.refresh()

        self.runner.run("delete", lambda: delete_articles(archive, ids), done, self._failed)

    # -- importing ----------------------------------------------------------------------
    def _build_imports(self) -> None:
        self.imports = ImportQueue(self.archive, self)
        self.imports.article_saved.connect(lambda _id: self._refresh_timer.start())
        self.imports.batch_finished.connect(lambda text: self.statusBar().showMessage(f"Import finished: {text}", 10_000))
        self.imports.batch_finished.connect(lambda _text: self._count_facets(self.filter))
        self._recount_timer = QTimer(self, singleShot=True, interval=RECOUNT_WHILE_IMPORTING_MS)
        self._recount_timer.timeout.connect(lambda: self._recount(self.filter))
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.import_dock = QDockWidget("Imports", self)
        self.import_dock.setObjectName("importDock")
        self.import_dock.setWidget(ImportPanel(self.imports))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.import_dock)
        self.import_dock.hide()
        self.drop_target = DropTarget(self, self.import_inputs)

    def import_inputs(self, inputs: list[Dropped]) -> None:
        """Queue dropped, pasted or chosen links and files, and show their progress."""
        queued = self.imports.add(inputs)
        if not self.import_dock.isVisible():
            self.import_dock.show()
            self.resizeDocks([self.import_dock], [IMPORT_DOCK_HEIGHT], Qt.Orientation.Vertical)
        if queued:
            self.statusBar().showMessage(f"Importing {queued} item{'s' if queued != 1 else ''}…", 5000)

    def show_import_dialog(self) -> None:
        dialog = ImportDialog(self)
        if dialog.exec():
            self.import_inputs(dialog.inputs)
            if dialog.junk:
                self.statusBar().showMessage(
                    f"Skipped {len(dialog.junk)} line(s) that are neither web addresses nor files: "
                    + ", ".join(dialog.junk[:3]), 10_000)

    # -- about --------------------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Cuttings",
            f"<h3>Cuttings {__version__}</h3>"
            "<p>An archive of news articles: who and where, across outlets.</p>"
            f"<p>Archive file:<br><code>{escape(str(self.archive.path))}</code></p>"
            f"<p>Data folder:<br><code>{escape(str(self.archive.path.parent))}</code></p>"
            "<p style='font-size:small'>Built with: "
            + ", ".join(f"{escape(name)} ({escape(licence)})" for name, licence, _url in LICENCES)
            + ". Place data © GeoNames, CC BY 4.0.</p>",
        )

    def wait_loaded(self, timeout_ms: int = 10_000) -> bool:
        """Process events until the current query's rows are on screen (scripts, smoke)."""
        if self.loaded and not self.runner.busy():
            return True
        loop = QEventLoop()
        self.queryFinished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.queryFinished.disconnect(loop.quit)
        return self.loaded


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Cuttings")
    app.setOrganizationName("Cuttings")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("cuttings")
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    style.apply(app)
    return app


def run_window(db: str | None = None, smoke: bool = False) -> int:
    """Open the archive window (the `cuttings` command with no sub-command).

    With `smoke`, open it offscreen, check it lists the stored articles, print one line
    and return 0 (or 1 if the table does not show them).
    """
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    archive = Archive(db)
    app = application()
    window = MainWindow(archive)
    window.show()
    if not smoke:
        # Once the window is up and idle, start the import worker: importing is what users
        # come to do, and the first article would otherwise wait ~3 s for the models.
        QTimer.singleShot(PREPARE_IMPORTS_MS, window.imports.prepare)
        code = app.exec()
        if window.imports.downloading():
            # A cancelled download can take until its timeout to give up; nothing of it will be
            # saved and the writer is idle, so leave without waiting for it.
            sys.stdout.flush()
            os._exit(code)
        return code
    window.wait_loaded(30_000)
    stored = query.total(archive)
    rows = window.model.rowCount()
    ok = window.loaded and rows == stored
    print(f"smoke {'ok' if ok else 'FAILED'}: window shows {rows} of {stored} articles in {archive.path}")
    window.close()
    return 0 if ok else 1
