"""Choose a place's GeoNames entry: Paris, Texas instead of Paris, France.

A table of candidates (name, kind, admin region, country, population, coordinates) for the typed
name, looked up with `corrections.place_candidates` in the task runner as the user types;
"Not in GeoNames" keeps it a place that the gazetteer does not have.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core import corrections
from desktop.gui import style
from desktop.gui.markup import KIND_NAMES, country_name

SEARCH_DELAY_MS = 200
COLUMNS = ("Name", "Kind", "Region", "Country", "Population", "Coordinates")
# What `chosen()` returns for "Not in GeoNames" (None: cancelled is told by exec()).
NOT_IN_GEONAMES = 0


def coordinates(lat: float | None, lon: float | None) -> str:
    """ "48.86° N, 2.35° E" (degrees, two decimals); "" when unknown."""
    if lat is None or lon is None:
        return ""
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


class PlacePicker(QDialog):
    """Candidates for `name`; `chosen()` is a geonameid, or NOT_IN_GEONAMES."""

    def __init__(self, name: str, runner, parent=None, current: int | None = None, allow_none: bool = True):
        super().__init__(parent)
        self.setObjectName("placePicker")
        self.setWindowTitle(f"Which place is “{name}”?")
        style.fit_to_screen(self, 720, 460)
        self._runner, self._current = runner, current
        self._chosen: int | None = None
        self.candidates: list = []
        self.search = QLineEdit(name)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Place name")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("GeoNames places of that name")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.accept)
        self.status = QLabel()
        self.status.setObjectName("sectionLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Use this place")
        self.not_listed = self.buttons.addButton("Not in GeoNames", QDialogButtonBox.ButtonRole.ActionRole)
        self.not_listed.setToolTip("A place the gazetteer does not have: kept as a place, without coordinates")
        self.not_listed.setVisible(allow_none)
        self.not_listed.clicked.connect(self._not_listed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose the place meant. Type another spelling to look it up.", wordWrap=True))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        self.search.textChanged.connect(self._timer.start)
        self._enable()
        self.look_up()

    def look_up(self) -> None:
        """Ask the gazetteer for the places of the typed name, in the task runner."""
        text = self.search.text().strip()
        self.status.setText("Looking it up…")
        self._runner.run("place-candidates", lambda: corrections.place_candidates(text) if text else [],
                         self.show_candidates, lambda exc: self.status.setText(str(exc)))

    def show_candidates(self, candidates: Sequence) -> None:
        """List PlaceCandidate rows, the entity's current place (or the first) selected."""
        self.candidates = list(candidates)
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            population = QTableWidgetItem(f"{c.population:,}" if c.population else "")
            population.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = (QTableWidgetItem(c.name), QTableWidgetItem(KIND_NAMES.get(c.kind, c.kind)),
                     QTableWidgetItem(c.admin1 or ""),
                     QTableWidgetItem(country_name(c.country)), population, QTableWidgetItem(coordinates(c.lat, c.lon)))
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        current = next((r for r, c in enumerate(self.candidates) if c.geonameid == self._current), 0)
        if self.candidates:
            self.table.selectRow(current)
        n = len(self.candidates)
        self.status.setText(f"{n} place{'s' if n != 1 else ''} in GeoNames" if n
                            else "GeoNames has no place of that name.")
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.table.selectedItems()))

    def _not_listed(self) -> None:
        self._chosen = NOT_IN_GEONAMES
        self.done(QDialog.DialogCode.Accepted)

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self._chosen = self.candidates[rows[0].row()].geonameid
        super().accept()

    def chosen(self) -> int | None:
        """The geonameid chosen, NOT_IN_GEONAMES, or None before a choice."""
        return self._chosen
