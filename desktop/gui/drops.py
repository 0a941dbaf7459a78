"""Drag-and-drop anywhere on the window, and Ctrl+V, turned into import requests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from desktop.core.dropped import Dropped, dropped_inputs, only_inputs


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
    would take it as text, so a link dropped anywhere on the window is imported. The window's
    Paste action calls `paste`; a text field with the focus keeps Ctrl+V for itself unless it
    is empty and the clipboard holds only links or files (the user is not typing then).
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

    def paste(self) -> int:
        """Import whatever links or files the clipboard holds; returns how many."""
        inputs = dropped_inputs(mime_formats(QApplication.clipboard().mimeData()))
        if inputs:
            self._on_inputs(inputs)
        return len(inputs)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.ShortcutOverride:
            return self._leave_paste_to_window(watched, event)
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

    def _leave_paste_to_window(self, watched: QObject, event) -> bool:
        """True (the field does not take Ctrl+V, so the window imports) for an empty text
        field of this window while the clipboard holds only links or files."""
        if not event.matches(QKeySequence.StandardKey.Paste) or not self._inside(watched):
            return False
        if isinstance(watched, QLineEdit):
            empty = not watched.text()
        elif isinstance(watched, (QTextEdit, QPlainTextEdit)):
            empty = watched.isReadOnly() or not watched.toPlainText()
        else:
            return False
        return empty and bool(only_inputs(mime_formats(QApplication.clipboard().mimeData())))
    def _inputs(self, formats: dict[str, bytes], fresh: bool) -> list[Dropped]:
        if fresh or self._dragged is None or self._dragged[0] != formats:
            self._dragged = (formats, dropped_inputs(formats))
        inputs = self._dragged[1]
        if fresh:
            self._dragged = None
        return inputs

    def _inside(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (watched is self._window or self._window.isAncestorOf(watched))
