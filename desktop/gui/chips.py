"""The active filters as removable chips: "Person: Pyotr Nikitin ×" (they all AND)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from desktop.core.query import Term
from desktop.gui import markup
from desktop.gui.markup import KIND_NAMES


class ChipBar(QWidget):
    removed = Signal(object)  # Term
    clearAll = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chipBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.chips: list[QToolButton] = []
        self._clear = QToolButton(text="Clear all")
        self._clear.setObjectName("clearChips")
        self._clear.setCursor(Qt.CursorShape.PointingHandCursor)
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clearAll)
        self._layout.addStretch(1)
        self._layout.addWidget(self._clear)
        self.set_terms(())

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for position, term in enumerate(terms):
            chip = QToolButton()
            chip.setObjectName("chip")
            chip.setProperty("kind", term.kind)
            chip.setText(f"{KIND_NAMES.get(term.kind, term.kind)}: {term.label}  ×")
            chip.setToolTip(markup.literal(
                f"Remove this filter ({KIND_NAMES.get(term.kind, term.kind).lower()} {term.label})"))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _=False, t=term: self.removed.emit(t))
            self._layout.insertWidget(position, chip)
            self.chips.append(chip)
        self._clear.setVisible(len(terms) > 1)
        self.setVisible(bool(terms))


