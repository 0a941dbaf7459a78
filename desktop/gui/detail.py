"""The detail pane: one article in our own markup, in a browser that never loads anything."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser

from desktop.core import query
from desktop.core.query import Detail
from desktop.core.search_results import Hits, highlight_spans
from desktop.core.store.db import Archive
from desktop.gui import capture_markup, markup, style
from desktop.gui.dialogs import failure_sentence

DETAIL_DELAY_MS = 100  # arrowing through the list loads only the article it stops on
# The article's editable details, as `fieldDoubleClicked` names them (update keywords).
TITLE, AUTHORS, PUBLISHED, PUBLISHER, URL = "title", "authors", "published", "publisher", "url"
ARTICLE_FIELDS = (TITLE, AUTHORS, PUBLISHED, PUBLISHER, URL)


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that follows no link and loads no resource.

    Links come back as `linkClicked(kind, id)` for our cuttings: scheme (kind "entity",
    "article" or "open"); any other URL is ignored. `loadResource` returns nothing, so an
    <img> in article text (escaped anyway) could never cause a request; `requested` records
    what Qt asked for, for tests. Its markup is rendered again, in the new colours, when
    the theme changes.
    """

    linkClicked = Signal(str, int)
    linkDoubleClicked = Signal(str, int)
    linkHovered = Signal(str, int)
    linkMenuRequested = Signal(str, int, QPoint)  # a link's kind and id, global position
    # The menu off the links (Copy, Select all) and the selected text: listeners add to it.
    textMenuShown = Signal(QMenu, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.requested: list[QUrl] = []
        self.html = ""
        self.document().setDocumentMargin(14)
        style.theme().changed.connect(self._restyle)
        self.anchorClicked.connect(self._anchor)
        self.highlighted.connect(self._hover)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt name)
        self.requested.append(QUrl(url))
        return None

    def set_markup(self, html: str) -> None:
        self.html = html  # what is shown, as we wrote it
        # The default style sheet applies only to HTML set after it, hence on every call.
        self.document().setDefaultStyleSheet(markup.css(style.colours()))
        self.setHtml(html)

    def _restyle(self) -> None:
        """Render the same markup in the theme's new colours, where the reader was."""
        position = self.verticalScrollBar().value()
        self.set_markup(self.html)
        self.verticalScrollBar().setValue(position)

    @staticmethod
    def parse(url: QUrl) -> tuple[str, int] | None:
        if url.scheme() != markup.SCHEME:
            return None
        try:
            return url.host(), int(url.path().strip("/"))
        except ValueError:
            return None

    def _anchor(self, url: QUrl) -> None:
        link = self.parse(url)
        if link:
            self.linkClicked.emit(*link)

    def _hover(self, url: QUrl) -> None:
        link = self.parse(url)
        self.linkHovered.emit(*(link or ("", 0)))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        link = self.parse(QUrl(self.anchorAt(event.position().toPoint())))
        if link:
            self.linkDoubleClicked.emit(*link)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        """A link's own menu (filter, entity view, copy); elsewhere the usual copy menu.
        From the keyboard (Menu key), the menu is for the link that has the focus."""
        if event.reason() == event.Reason.Keyboard:
            cursor = self.textCursor()
            href = cursor.charFormat().anchorHref() if cursor.hasSelection() else ""
            pos = self.cursorRect(cursor).center()
        else:
            pos = event.pos()
            href = self.anchorAt(pos)
        link = self.parse(QUrl(href)) if href else None
        if link:
            self.linkMenuRequested.emit(*link, self.viewport().mapToGlobal(pos))
            return
        self.text_menu(pos).exec(self.viewport().mapToGlobal(pos))

    def text_menu(self, pos: QPoint) -> QMenu:
        """The menu at viewport `pos` off the links: Copy and Select all, and what the
        listeners of `textMenuShown` add for the selected text."""
        menu = self.createStandardContextMenu(pos)
        selected = self.textCursor().selectedText().replace("\u2029", " ").replace("\u2028", " ")
        self.textMenuShown.emit(menu, " ".join(selected.split()))
        return menu


class DetailPane(SafeBrowser):
    """The reading pane. `load(article_id)` fetches the article in the task runner, after a
    short pause so that arrowing through the list does not load every article passed."""

    shown = Signal(int)  # an article's id, once it is on screen
    fieldDoubleClicked = Signal(str)  # an ARTICLE_FIELDS name: the user wants to edit it
    failed = Signal(object)  # the exception of a detail query

    def __init__(self, archive: Archive, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Reading pane")
        self.setAccessibleDescription("The selected article with its people, places and organisations as links. "
                                      "Tab moves between links, Enter filters by the linked entity.")
        self._archive, self._runner = archive, runner
        self._wanted: int | None = None
        self.search_text = ""  # the list's search: its hits are marked in the article
        self._timer = QTimer(self, singleShot=True, interval=DETAIL_DELAY_MS)
        self._timer.timeout.connect(self._load_now)
        self.article: Detail | None = None
        self._hits: Hits | None = None
        self.capture_open = False  # the evidence of capture's details, shown or not
        self.versions_dialog = None  # the last "Compare versions" opened from here
        self.linkClicked.connect(self._jump)
        self.show_placeholder()

    def _jump(self, kind: str, ident: int) -> None:
        """A quotation's link in the Quoted section: scroll to it in the text; the evidence
        line's "details": show or hide them; "Compare versions…": open the comparison."""
        if kind == "quote":
            self.scrollToAnchor(markup.quote_anchor(ident))
        elif kind == "capture" and self.article is not None:
            self.capture_open = not self.capture_open
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)
        elif kind == "versions":
            from desktop.gui.versions_view import compare_versions  # it builds on this module

            self.versions_dialog = compare_versions(self, self._archive, self._runner, ident)

    def load(self, article_id: int | None) -> None:
        """Show `article_id` soon (None: the placeholder)."""
        self._wanted = article_id
        self._timer.start()

    def _load_now(self) -> None:
        article_id, archive = self._wanted, self._archive
        if article_id is None:
            self._runner.cancel("detail")
            if self.article is not None:
                self.show_placeholder()
            return
        text = self.search_text

        def work() -> tuple[Detail | None, Hits | None]:
            item = query.detail(archive, article_id)
            return item, highlight_spans(archive, article_id, text) if item is not None and text.strip() else None

        self._runner.run("detail", work, self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        """The article could not be read (the team archive's server away): say so here, not
        the article selected before it, and tell the window (`failed`)."""
        self.show_placeholder(f"This article could not be read. {failure_sentence(exc, self._archive)}")
        self.failed.emit(exc)

    def _loaded(self, result: tuple[Detail | None, Hits | None]) -> None:
        item, hits = result
        self.show_article(item, hits)
        if item is not None:
            self.shown.emit(item.id)

    def show_placeholder(self, text: str = "Select an article to read it here.") -> None:
        self.article = None
        self.set_markup(f'<p class="muted" style="margin-top:40px" align="center">{markup.escape(text)}</p>')

    def show_article(self, item: Detail | None, hits: Hits | None = None) -> None:
        """Show `item` with the search's `hits` marked (None: the article is gone)."""
        if item is None:
            self.show_placeholder("This article is no longer in the archive.")
            return
        if self.article is None or self.article.id != item.id:
            self.capture_open = False
        self.article, self._hits = item, hits
        self._render()
        self.verticalScrollBar().setValue(0)

    def _render(self) -> None:
        self.set_markup(markup.detail_html(self.article, self._hits,
                                           capture_markup.capture_html(self.article, self.capture_open)))

    def entity(self, entity_id: int):
        if self.article is None:
            return None
        return next((e for e in self.article.entities if e.id == entity_id), None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Double-clicking the title, a part of the byline line or the address asks to edit it."""
        pos = event.position().toPoint()
        field = self.field_at(pos) if not self.anchorAt(pos) else None
        if field is not None:
            self.fieldDoubleClicked.emit(field)
            return
        super().mouseDoubleClickEvent(event)

    def field_at(self, pos: QPoint) -> str | None:
        """The article detail shown at viewport `pos` (markup.detail_html's first blocks: the
        title, the "By … · date · source" line, the address line); None elsewhere."""
        if self.article is None:
            return None
        cursor = self.cursorForPosition(pos)
        block, at = cursor.block(), cursor.positionInBlock()
        if block.blockNumber() == 0:
            return TITLE
        if block.blockNumber() == 2 and block.text().startswith(markup.OPEN_ORIGINAL):
            return URL
        if block.blockNumber() != 1:
            return None
        start = 0
        for part in block.text().split(markup.META_SEPARATOR):
            if at <= start + len(part):
                break
            start += len(part) + len(markup.META_SEPARATOR)
        if part.startswith(markup.BY):
            return AUTHORS
        return PUBLISHED if re.fullmatch(r"\d{4}(-\d\d){0,2}", part.strip()) else PUBLISHER

