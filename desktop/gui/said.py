""""What they said": one person's quotations across the archive, newest first, searchable.

Part of the entity view. Each quotation shows its date and article (a link that selects the
article in the main window); the search box narrows them with the article search's language.
Queries run in the task runner (`quotations.quotations`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.quotations import QuotationListing, QuoteQuery, count_quotations, quotations
from desktop.core.search import SearchSyntaxError
from desktop.core.store.db import Archive
from desktop.gui import markup
from desktop.gui.detail import SafeBrowser

TAB_PAGE_MARGINS = (0, 6, 0, 0)  # a tab page's content starts a little below the tab bar
SAID_LIMIT = 500  # newest quotations listed; the search box finds older ones
SEARCH_DELAY_MS = 250


def said_html(found: list[QuotationListing], searching: bool = False) -> str:
    """The quotations as our own markup, under their article (date, a link to it, source):
    the words, search hits marked; `searching`: `found` answers a search."""
    if not found:
        return f'<p class="muted">{"No quotation matches." if searching else "Not quoted in the archive."}</p>'
    items, article = [], None
    for q in found:
        if q.article_id != article:
            article = q.article_id
            meta = " · ".join(filter(None, [
                escape((q.published or "")[:10]),
                f'<a href="{markup.SCHEME}://article/{q.article_id}">{escape(q.title or "(untitled)")}</a>',
                escape(q.publisher or ""),
            ]))
            items.append(f'<p class="said-article">{meta}</p>')
        words = markup.hit_html(q.marked) if q.marked else escape(q.quote)
        items.append(f'<p class="said-quote">“{words}”</p>')
    return "".join(items)


class SaidPanel(QWidget):
    """The search box, a count, and the quotations of the person `show_person` was given."""

    articleChosen = Signal(int)
    counted = Signal(int)  # how many quotations the person has in all (the tab's label)
    failed = Signal(object)

    def __init__(self, archive: Archive, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("whatTheySaid")
        self._archive, self._runner = archive, runner
        self.person: int | None = None
        self.found: list[QuotationListing] = []
        self.search = QLineEdit(placeholderText="Search what they said…")
        self.search.setObjectName("saidSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search what they said")
        self.search.setAccessibleDescription('Words (prefixes too), OR, -word, "a phrase"')
        self.count_label = QLabel()
        self.count_label.setObjectName("sectionLabel")
        self.browser = SafeBrowser()
        self.browser.setObjectName("profileText")
        self.browser.setAccessibleName("What they said")
        self.browser.setAccessibleDescription("Their quotations, newest first; a link selects the article")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*TAB_PAGE_MARGINS)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.count_label)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._query)
        self.search.textChanged.connect(self._timer.start)
        self.browser.linkClicked.connect(lambda kind, ident: kind == "article" and self.articleChosen.emit(ident))

    def show_person(self, entity_id: int) -> None:
        """List `entity_id`'s quotations (the search box is cleared for another person)."""
        if entity_id != self.person:
            self.person = entity_id
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.browser.set_markup('<p class="muted">Gathering what they said…</p>')
        self._query()

    def _query(self) -> None:
        archive, text, person = self._archive, self.search.text(), self.person
        if person is None:
            return

        def work() -> tuple[list[QuotationListing], int, int]:
            asked = QuoteQuery(speaker_ids=(person,), search=text)
            everything = count_quotations(archive, QuoteQuery(speaker_ids=(person,)))
            return quotations(archive, asked, SAID_LIMIT), count_quotations(archive, asked), everything

        self._runner.run("said", work, self._show, self._failed)

    def _show(self, result: tuple[list[QuotationListing], int, int]) -> None:
        self.found, matching, everything = result
        self._mark_invalid(False)
        self.counted.emit(everything)
        shown = len(self.found)
        if self.search.text().strip():
            label = f"{matching:,} OF {everything:,} QUOTATIONS MATCH"
        else:
            label = f"{everything:,} QUOTATION{'S' if everything != 1 else ''}, NEWEST FIRST"
        if shown < matching:
            label += f" (THE NEWEST {shown:,} SHOWN)"
        self.count_label.setText(label)
        self.browser.set_markup(said_html(self.found, bool(self.search.text().strip())))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SearchSyntaxError):
            self.count_label.setText(str(exc))
            self._mark_invalid(True)
        else:
            self.failed.emit(exc)

    def _mark_invalid(self, invalid: bool) -> None:
        """The search box's error border (the style sheet's QLineEdit[invalid="true"])."""
        self.search.setProperty("invalid", invalid)
        self.search.style().unpolish(self.search)
        self.search.style().polish(self.search)
