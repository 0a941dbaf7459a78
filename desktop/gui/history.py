"""Edit ▸ Correction history…: every correction, newest first, the undone ones greyed;
undo back to a chosen point, or redo. Read with `corrections.history` in the task runner;
the list follows every change the desk applies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core import corrections
from desktop.gui import style

SHOWN = 2000  # newest corrections listed


def show(desk) -> None:
    """Open (or raise) the history dialog of `desk`'s archive."""
    if desk.history_dialog is None:
        desk.history_dialog = HistoryDialog(desk)
    desk.history_dialog.show()
    desk.history_dialog.raise_()
    desk.history_dialog.reload()


def plain(summary: str) -> str:
    """A correction's summary for people: the core's summaries name entities by id and name
    ("Merged 12 'Obama' into 7 'Barack Obama'", for the CLI); the window shows the names."""
    return re.sub(r"\b\d+ (?=')", "", summary)


def _local(moment: datetime) -> datetime:
    """A stored time (UTC, with or without its zone) in the computer's time zone."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone()


def next_steps(history: Sequence) -> tuple[object | None, object | None]:
    """(the correction Undo would take back, the one Redo would apply again) from `history`,
    newest first. Redo re-applies the last one undone, as long as nothing was done since."""
    undo = next((c for c in history if not c.undone), None)
    redo = None
    for info in history:
        if not info.undone:
            break
        redo = info
    return undo, redo


def steps_back_to(history: Sequence, index: int) -> int:
    """Undo steps that take back the correction at `index` of `history` (newest first) and
    every one made after it that is still in force."""
    return sum(1 for info in history[: index + 1] if not info.undone)


class HistoryDialog(QDialog):
    """The correction history: undo back to a chosen correction, or redo."""

    def __init__(self, desk):
        super().__init__(desk.window)
        self._desk = desk
        self.setObjectName("correctionHistory")
        self.setWindowTitle("Correction history")
        style.fit_to_screen(self, 720, 480)
        self.entries: list = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Corrections, newest first")
        self.tree.setHeaderLabels(["When", "Correction"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.undo_button = QPushButton("&Undo back to here")
        self.undo_button.setToolTip("Take back the selected correction and every later one")
        self.undo_button.clicked.connect(self.undo_to_selected)
        self.redo_button = QPushButton("&Redo")
        self.redo_button.clicked.connect(desk.redo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.redo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.empty = QLabel("No corrections yet: right-click a person, place or organisation to correct it.")
        self.empty.setObjectName("sectionLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        desk.changed.connect(self._reload_if_shown)

    def _reload_if_shown(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the history again (in the task runner)."""
        archive = self._desk.archive
        self._desk.runner.run("history", lambda: corrections.history(archive, limit=SHOWN), self.show_entries,
                              self._desk.failed)

    def show_entries(self, entries: Sequence) -> None:
        """List CorrectionInfo entries (newest first); the newest in force is selected."""
        self.entries = list(entries)
        self.tree.clear()
        faint = style.theme().qcolor("faint")
        for info in self.entries:
            row = QTreeWidgetItem([_local(info.made).strftime("%Y-%m-%d %H:%M"),
                                   plain(info.summary) + ("  (undone)" if info.undone else "")])
            if info.undone:
                for column in (0, 1):
                    row.setForeground(column, faint)
            self.tree.addTopLevelItem(row)
        self.empty.setVisible(not self.entries)
        first_in_force = next((i for i, info in enumerate(self.entries) if not info.undone), None)
        if first_in_force is not None:
            self.tree.setCurrentItem(self.tree.topLevelItem(first_in_force))
        self._enable()

    def _selected(self) -> int | None:
        index = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return index if index >= 0 else None

    def _enable(self) -> None:
        index = self._selected()
        self.undo_button.setEnabled(index is not None and steps_back_to(self.entries, index) > 0)
        self.redo_button.setEnabled(next_steps(self.entries)[1] is not None)

    def undo_to_selected(self) -> None:
        """Undo the selected correction and every later one still in force."""
        index = self._selected()
        if index is not None:
            self._desk.undo_to(steps_back_to(self.entries, index))

    def select(self, index: int) -> None:
        """Select the `index`-th correction, newest first (scripts and tests)."""
        self.tree.setCurrentItem(self.tree.topLevelItem(index))

