"""The Entities window's "Likely duplicates" tab: proposed merges to review.

Each row is a `duplicates.Proposal`: the entity kept and the one that would join it, their
articles, the reason and score. Accept merges (`corrections.merge_entities`, undoable);
Reject remembers the pair (`duplicates.reject_duplicate`) so it is never proposed again.
Both act on the selected rows (the buttons, the Menu key or a right-click); the rows leave
the list at once and the proposals are read again after.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import corrections, duplicates
from desktop.gui import markup

COLUMNS = ("Kind", "Merge this", "Articles", "into this", "Articles", "Why")
PROPOSALS = 500  # proposals listed at once, best first


def accept_all(archive, proposals: Sequence) -> list:
    """Merge each proposal's `other` into its `keep`, one correction each. A proposal whose
    entity an earlier one merged away follows it to where it went; one that would merge an
    entity into itself is skipped."""
    went: dict[int, int] = {}

    def now(entity_id: int) -> int:
        while entity_id in went:
            entity_id = went[entity_id]
        return entity_id

    changes = []
    for proposal in proposals:
        keep, other = now(proposal.keep.id), now(proposal.other.id)
        if keep != other:
            changes.append(corrections.merge_entities(archive, [other], into=keep))
            went[other] = keep
    return changes


class DuplicatesView(QWidget):
    """The proposals, best first, with Accept and Reject for the selected rows."""

    counted = Signal(int)  # proposals listed

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self._desk = desk
        self.proposals: list = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("duplicatesTable")
        self.table.setAccessibleName("Likely duplicates")
        self.table.setAccessibleDescription("Each row proposes merging the second name into the first. "
                                            "Accept merges, Reject never proposes the pair again.")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu_requested)
        self.table.itemSelectionChanged.connect(self._enable)
        self.accept_button = QPushButton("&Accept (merge)")
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("Not the same: never propose this pair again")
        self.reject_button.clicked.connect(self.reject_selected)
        self.status = QLabel()
        self.status.setObjectName("countLabel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def reload(self) -> None:
        """Ask for the proposals again (in the task runner)."""
        archive = self._desk.archive
        self.status.setText("Looking for likely duplicates…")
        self._desk.runner.run("duplicates", lambda: duplicates.likely_duplicates(archive, limit=PROPOSALS),
                              self.show_proposals, self._desk.failed)

    def show_proposals(self, proposals: Sequence) -> None:
        """List `proposals` (duplicates.Proposal), the first selected."""
        self.proposals = list(proposals)
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            other, keep = _told_apart(p)
            cells = (markup.KIND_NAMES.get(p.kind, p.kind), other, f"{p.other.articles:,}",
                     keep, f"{p.keep.articles:,}", p.reason)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(markup.literal(f"Merge {other} into {keep}: {p.reason} "
                                               f"(similarity {p.score:.2f})"))
                self.table.setItem(row, column, item)
        n = len(self.proposals)
        self.status.setText(f"{n:,} proposal{'s' if n != 1 else ''}" if n else "No likely duplicates.")
        self.counted.emit(n)
        if n:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> list:
        """The Proposal of each selected row, in list order."""
        return [self.proposals[i.row()] for i in sorted(self.table.selectionModel().selectedRows())]

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def _take(self, chosen: list) -> None:
        """Remove the rows of `chosen` at once: the user's answer is given."""
        rows = sorted((self.proposals.index(p) for p in chosen), reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.proposals[row]
        self.counted.emit(len(self.proposals))

    def accept_selected(self) -> None:
        """Merge each selected proposal (undoable corrections); their rows leave at once."""
        chosen, archive = self.selected(), self._desk.archive
        if chosen:
            self._take(chosen)
            self._desk.apply(lambda: accept_all(archive, chosen))

    def reject_selected(self) -> None:
        """Remember each selected pair as not one; their rows leave at once."""
        chosen, archive = self.selected(), self._desk.archive
        if not chosen:
            return
        self._take(chosen)

        def reject() -> int:
            for p in chosen:
                duplicates.reject_duplicate(archive, p.keep.id, p.other.id)
            return len(chosen)

        def done(n: int) -> None:
            self._desk.status(f"Rejected {n} proposal{'s' if n != 1 else ''}: not proposed again.")
            self.reload()

        self._desk.runner.run("duplicates-reject", reject, done, self._desk.failed)

    def menu(self) -> QMenu:
        """Accept or Reject, for the selected proposals."""
        chosen = self.selected()
        menu = QMenu(self)
        if len(chosen) == 1:
            one = chosen[0]
            accept = menu.addAction(f"Accept: merge {one.other.name} into {one.keep.name}".replace("&", "&&"))
        else:
            accept = menu.addAction(f"Accept {len(chosen)} merges")
        accept.triggered.connect(self.accept_selected)
        menu.addAction("Reject: not the same", self.reject_selected)
        return menu

    def _menu_requested(self, pos: QPoint) -> None:
        """The menu of the proposal at `pos`, or of the selection (the Menu key)."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        if self.selected():
            self.menu().exec(self.table.viewport().mapToGlobal(pos))


def _told_apart(p) -> tuple[str, str]:
    """The names of a proposal's other and kept entity; two of one name with their entity ids,
    or the row would say "merge X into X"."""
    if p.other.name != p.keep.name:
        return p.other.name, p.keep.name
    return f"{p.other.name} (entity {p.other.id})", f"{p.keep.name} (entity {p.keep.id})"
