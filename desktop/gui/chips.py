"""The active filters as removable chips: "Person: Pyotr Nikitin ×" (they all AND)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from desktop.core.query import Term
from desktop.gui import markup
from desktop.gui.markup import KIND_NAMES


HINT = "Click a person, place, source or year to filter; filters combine with the search."


class ChipBar(QWidget):
    """Always shown, one chip high: adding the first filter does not push the list down
    (nor make the window repaint it while the filtered rows are being fetched)."""

    removed = Signal(object)  # Term
    clearAll = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chipBar")
        # Its width never pushes on the splitter: a change of filters repaints only this bar.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.chips: list[QToolButton] = []
        self._terms: tuple[Term, ...] | None = None
        self._clear = QToolButton(text="Clear all")
        self._clear.setObjectName("clearChips")
        self._clear.setCursor(Qt.CursorShape.PointingHandCursor)
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clearAll)
        self.hint = QLabel(HINT)
        self.hint.setObjectName("chipHint")
        self._layout.addWidget(self.hint)
        self._layout.addStretch(1)
        self._layout.addWidget(self._clear)
        self.set_terms(())

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        """Show one chip per term; the same terms again change nothing (the window shows the
        filter when it is set and again when its rows arrive)."""
        if terms == self._terms:
            return
        self._terms = terms
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.hide()  # now: deleteLater waits for the event loop, and the bar stays visible
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
        self.hint.setVisible(not terms)

    def showEvent(self, event) -> None:
        if not self.minimumHeight():  # one chip high, from the style sheet in force
            sample = QToolButton(self, text="Person: X  ×", objectName="chip")
            sample.ensurePolished()
            self.setMinimumHeight(sample.sizeHint().height())
            sample.deleteLater()
        super().showEvent(event)


