"""The search box above the list, its debounce, and the article count beside it."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class SearchBar(QWidget):
    """Emits `searched(text)` once typing pauses, at once on Enter or when cleared."""

    searched = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.field = QLineEdit(placeholderText="Search titles, authors and text   (Ctrl+F)")
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.field.setAccessibleDescription(
            'Full-text search. Words must all appear; also OR, -word, "a phrase", prefix*, title:, author:.')
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName("Article count")
        self._last = ""
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textEdited.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self.search_now)
        self.field.textChanged.connect(self._cleared)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        """Show `text` without searching again (the filter already has it)."""
        self._timer.stop()
        self._last = text
        if self.field.text() != text:
            self.field.setText(text)

    def search_now(self) -> None:
        self._timer.stop()
        if self.field.text() != self._last:
            self._last = self.field.text()
            self.searched.emit(self._last)

    def _cleared(self, text: str) -> None:
        if not text and self._last:  # the clear button: no need to wait
            self.search_now()

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()
