"""Drag-and-drop anywhere on the window, and Ctrl+V, turned into import requests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.core.dropped import Dropped, dropped_inputs


def mime_formats(mime: QMimeData) -> dict[str, bytes]:
    """All of a drop's or paste's payload as {mime type: bytes} (Qt's own URL list included)."""
    formats = {name: bytes(mime.data(name)) for name in mime.formats()}
    if mime.hasUrls() and not formats.get("text/uri-list"):
        formats["text/uri-list"] = "\r\n".join(u.toString() for u in mime.urls()).encode()
    if mime.hasText() and not formats.get("text/plain"):
        formats["text/plain"] = mime.text().encode()
    return formats


class _Highlight(QLabel):
    """A translucent veil over the window while something importable is dragged over it."""

    def __init__(self, parent: QWidget):
        super().__init__("Drop to add to the archive", parent)
        self.setAlignment(Qt.AlignCenter)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setObjectName("dropOverlay")  # styled by the theme's style sheet
        self.hide()

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect().adjusted(8, 8, -8, -8))
        self.raise_()
        self.show()


class DropTarget(QObject):
    """Makes `window` (and every widget inside it) accept links and files, and Ctrl+V.

    An application-wide event filter sees the drag before a child such as the search field
    would take it as text, so a link dropped anywhere on the window is imported.
    """

    _DRAG_EVENTS = (QEvent.DragEnter, QEvent.DragMove, QEvent.DragLeave, QEvent.Drop)

    def __init__(self, window: QWidget, on_inputs: Callable[[list[Dropped]], None]):
        super().__init__(window)
        self._window = window
        self._on_inputs = on_inputs
        self._highlight = _Highlight(window)
        # What the drag in progress carries: found once, not again on every mouse move
        # (a dragged folder is walked to find its files).
        self._dragged: tuple[dict[str, bytes], list[Dropped]] | None = None
        window.setAcceptDrops(True)
        QApplication.instance().installEventFilter(self)
        paste = QShortcut(QKeySequence.Paste, window)
        paste.setContext(Qt.WindowShortcut)
        paste.activated.connect(self.paste)

    def paste(self) -> None:
        """Import whatever links or files the clipboard holds.

        A text field with the focus takes Ctrl+V itself, so pasting into search still works.
        """
        inputs = dropped_inputs(mime_formats(QApplication.clipboard().mimeData()))
        if inputs:
            self._on_inputs(inputs)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._DRAG_EVENTS or not self._inside(watched):
            return False
        if event.type() == QEvent.DragLeave:
            self._highlight.hide()
            self._dragged = None
            return True
        inputs = self._inputs(mime_formats(event.mimeData()), fresh=event.type() == QEvent.Drop)
        if not inputs:
            self._highlight.hide()
            event.ignore()
            return True
        event.setDropAction(Qt.CopyAction)
        event.accept()
        if event.type() == QEvent.Drop:
            self._highlight.hide()
            self._on_inputs(inputs)
        else:
            self._highlight.cover()
        return True

    def _inputs(self, formats: dict[str, bytes], fresh: bool) -> list[Dropped]:
        if fresh or self._dragged is None or self._dragged[0] != formats:
            self._dragged = (formats, dropped_inputs(formats))
        inputs = self._dragged[1]
        if fresh:
            self._dragged = None
        return inputs

    def _inside(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (watched is self._window or self._window.isAncestorOf(watched))
