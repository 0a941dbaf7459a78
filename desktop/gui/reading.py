"""What can be done with the article being read: its links in the reading pane, its web
address (open, copy), its saved copy, and the entity views opened from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.core.article import ENTITY_KINDS
from desktop.core.query import TAG, Term
from desktop.gui.entity_view import EntityView
from desktop.gui.saved_copy import SavedCopyWindow

NO_ADDRESS = "This article has no web address (it was imported from a file)."


class Reading(QObject):
    """Links of the reading pane and the current article's actions. Asks the window to
    filter (`termChosen`) or to show an article (`articleChosen`), never reaches into it."""

    termChosen = Signal(object)  # Term: filter the list by it
    articleChosen = Signal(int, object)  # article id, the Term whose articles to show if it is not listed
    failed = Signal(object)
    entityViewMade = Signal(object)  # the EntityView, once: others add to its menus

    def __init__(self, window, archive, runner):
        super().__init__(window)
        self._window, self._archive, self._runner = window, archive, runner
        self._list, self._detail = window.list, window.detail
        self.entity_view: EntityView | None = None
        self.saved_copy: SavedCopyWindow | None = None
        self._detail.linkClicked.connect(self._clicked)
        self._detail.linkDoubleClicked.connect(lambda kind, ident: kind == "entity" and self.open_entity(ident))
        self._detail.linkHovered.connect(self._hovered)

    def _status(self, text: str, ms: int = 5000) -> None:
        self._window.statusBar().showMessage(text, ms)

    def _clicked(self, kind: str, ident: int) -> None:
        entity = self._detail.entity(ident) if kind == "entity" else None
        if entity is not None:
            self.termChosen.emit(Term(entity.kind, entity.name, (entity.id,)))
        elif kind == "open":
            self.open_original()
        elif kind == "tag" and self._detail.article is not None and ident < len(self._detail.article.tags):
            self.termChosen.emit(Term(TAG, self._detail.article.tags[ident]))

    def _hovered(self, kind: str, ident: int) -> None:
        entity = self._detail.entity(ident) if kind == "entity" else None
        if entity is not None:
            self._status(f"Click: show only articles naming {entity.name} · double-click: all about it", 0)
        elif kind == "open" and self._detail.article is not None:
            self._status(f"Open {self._detail.article.url} in your browser", 0)
        else:
            self._window.statusBar().clearMessage()

    def current_url(self) -> str | None:
        """The web address of the article current in the list (None: none, or a file)."""
        article_id = self._list.current_id()
        if article_id is None:
            return None
        if self._detail.article is not None and self._detail.article.id == article_id:
            return self._detail.article.url
        summary = self._list.summary_of(article_id)
        return summary.url if summary is not None else None

    def open_original(self) -> None:
        if self._list.current_id() is None:
            return
        url = self.current_url()
        if not url:
            self._status(NO_ADDRESS)
        elif QUrl(url).scheme() not in ("http", "https"):
            self._status(f"Not a web address: {url}")
        elif not QDesktopServices.openUrl(QUrl(url)):
            QGuiApplication.clipboard().setText(url)
            self._status(f"No web browser could be started; the address is copied: {url}", 10_000)

    def copy_link(self) -> None:
        url = self.current_url()
        if url:
            QGuiApplication.clipboard().setText(url)
            self._status(f"Copied {url}", 4000)
        elif self._list.current_id() is not None:
            self._status(NO_ADDRESS)

    def open_saved_copy(self) -> None:
        """The current article's offline copy, in its own window (one, reused)."""
        article_id = self._list.current_id()
        if article_id is None:
            return
        if self.saved_copy is None:
            self.saved_copy = SavedCopyWindow(self._archive, self._runner, self._window)
            self.saved_copy.entityChosen.connect(self.open_entity)
        self.saved_copy.show_article(article_id)

    def open_entity_term(self, term: Term) -> None:
        if term.kind in ENTITY_KINDS and term.ids:
            self.open_entity(term.ids[0])

    def open_entity(self, entity_id: int) -> None:
        """The entity view of `entity_id` (one window, reused)."""
        if self.entity_view is None:
            self.entity_view = EntityView(self._archive, self._runner, self._window)
            self.entity_view.articleChosen.connect(self.articleChosen)
            self.entity_view.termChosen.connect(self.termChosen)
            self.entity_view.failed.connect(self.failed)
            self.entityViewMade.emit(self.entity_view)
        self.entity_view.open(entity_id)

    def close(self) -> None:
        for window in (self.entity_view, self.saved_copy):
            if window is not None:
                window.close()
