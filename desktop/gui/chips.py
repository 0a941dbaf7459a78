"""The active filters as removable chips: "Person: Pyotr Nikitin ×" (they all AND)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from desktop.core.article import PERSON
from desktop.core.query import QUOTED, Term
from desktop.gui import markup
from desktop.gui.markup import KIND_NAMES


HINT = "Click a person, place, source or year to filter; filters combine with the search."


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" where the room runs out (a QLabel cuts it off
    mid-letter), the whole of it in the tooltip."""

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as it fits the label's width now."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event) -> None:  # noqa: N802
        self.style().drawItemText(QPainter(self), self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())


class ChipBar(QWidget):
    """Always shown, one chip high: adding the first filter does not push the list down
    (nor make the window repaint it while the filtered rows are being fetched)."""

    removed = Signal(object)  # Term
    termsChanged = Signal(object)  # the terms, one of them swapped (a person <-> where they are quoted)
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
        self.toggles: list[QToolButton] = []  # "quoted" beside each person's chip
        self._terms: tuple[Term, ...] | None = None
        self._clear = QToolButton(text="Clear all")
        self._clear.setObjectName("clearChips")
        self._clear.setCursor(Qt.CursorShape.PointingHandCursor)
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clearAll)
        self.hint = ElidedLabel(HINT)
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
        for chip in self.chips + self.toggles:
            self._layout.removeWidget(chip)
            chip.hide()  # now: deleteLater waits for the event loop, and the bar stays visible
            chip.deleteLater()
        self.chips, self.toggles = [], []
        for term in terms:
            chip = QToolButton()
            chip.setObjectName("chip")
            chip.setProperty("kind", term.kind)
            chip.setText(f"{KIND_NAMES.get(term.kind, term.kind)}: {term.label}  ×")
            chip.setToolTip(markup.literal(
                f"Remove this filter ({KIND_NAMES.get(term.kind, term.kind).lower()} {term.label})"))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _=False, t=term: self.removed.emit(t))
            self._layout.insertWidget(len(self.chips) + len(self.toggles), chip)
            self.chips.append(chip)
            if term.kind in (PERSON, QUOTED) and term.ids:
                self._add_toggle(term)
        self._clear.setVisible(len(terms) > 1)
        self.hint.setVisible(not terms)

    def _add_toggle(self, term: Term) -> None:
        """A "quoted" switch after a person's chip: only the articles where they are quoted, or back."""
        quoted = term.kind == QUOTED
        toggle = QToolButton(text="✓ where quoted" if quoted else "where quoted", checkable=True, checked=quoted)
        toggle.setObjectName("quotedToggle")
        toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        toggle.setAccessibleName(f"Only articles where {term.label} is quoted")
        toggle.setToolTip(markup.literal(f"Every article naming {term.label}" if quoted
                                         else f"Only the articles where {term.label} is quoted"))
        toggle.toggled.connect(lambda on, t=term: self._swap(t, QUOTED if on else PERSON))
        self._layout.insertWidget(len(self.chips) + len(self.toggles), toggle)
        self.toggles.append(toggle)

    def _swap(self, term: Term, kind: str) -> None:
        swapped = Term(kind, term.label, term.ids)
        self.termsChanged.emit(tuple(dict.fromkeys(swapped if t == term else t for t in self._terms or ())))

    def showEvent(self, event) -> None:
        if not self.minimumHeight():  # one chip high, from the style sheet in force
            sample = QToolButton(self, text="Person: X  ×", objectName="chip")
            sample.ensurePolished()
            self.setMinimumHeight(sample.sizeHint().height())
            sample.deleteLater()
        super().showEvent(event)


