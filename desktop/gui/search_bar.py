"""The search box above the list, its debounce, and the article count beside it."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class SearchBar(QWidget):
    """Emits `searched(text)` once typing pauses, at once on Enter or when cleared."""

    searched = Signal(str)
    relevanceToggled = Signal(bool)  # "Best match first" while searching

    def __init__(self, parent=None):
        super().__init__(parent)
        self.field = QLineEdit(placeholderText="Search titles, authors and text   (Ctrl+F)")
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.field.setAccessibleDescription(
            'Full-text search. Words must all appear; also OR, -word, "a phrase", prefix*, title:, author:.')
        self.relevance = QToolButton(text="Best match first")
        self.relevance.setObjectName("relevanceButton")
        self.relevance.setCheckable(True)
        self.relevance.setAccessibleName("Best match first")
        self.relevance.setAccessibleDescription("Order the found articles by how well they match the search")
        self.relevance.setToolTip("Order the found articles by relevance instead of by the column clicked")
        self.relevance.toggled.connect(self.relevanceToggled)
        self.relevance.hide()
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName("Article count")
        self._last = ""
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textEdited.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self.search_now)
        self.field.textChanged.connect(self._cleared)
        self.problem = QLabel()
        self.problem.setObjectName("searchProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Search problem")
        self.problem.hide()
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.field, 1)
        row.addWidget(self.relevance)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def text(self) -> str:
        return self.field.text()

    def show_search(self, text: str, by_relevance: bool) -> None:
        """Show the filter's search `text` and order without searching again."""
        self._timer.stop()
        self._last = text
        if self.field.text() != text:
            self.field.setText(text)
        self.relevance.setVisible(bool(text.strip()))
        self.relevance.blockSignals(True)
        self.relevance.setChecked(by_relevance)
        self.relevance.blockSignals(False)
        self.show_problem("")

    def show_problem(self, sentence: str) -> None:
        """Mark the field as holding a search that cannot run, with the reason (or clear it)."""
        self.field.setProperty("invalid", bool(sentence))
        self.field.setToolTip(sentence)
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        self.problem.setText(f"{sentence} The list still shows the last search that worked." if sentence else "")
        self.problem.setVisible(bool(sentence))

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
