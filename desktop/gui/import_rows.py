"""The import panel's rows: one per job of the queue, with its state, kept cheap at 10,000 rows.

Rows are only appended in blocks (one insert per enqueue or resume) and found by key in a
dict; the counts by state are kept as states change, never recounted. State changes reach
the view at most every FLUSH_MS as one `dataChanged` over the rows that changed: a batch
of thousands of fast failures would otherwise repaint the list thousands of times a second.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer

from desktop.core.batch import Progress, reason_group
from desktop.core.store.archive import RESTORED, SAVED
from desktop.gui import markup, style

QUEUED, EXISTS, FAILED, CANCELLED = "queued", "already in the archive", "failed", "cancelled"
LISTED = "entries queued"  # a feed or a list of feeds: its entries are rows of their own
FINAL = frozenset({SAVED, RESTORED, EXISTS, FAILED, CANCELLED, LISTED})
STATE_COLOURS = {FAILED: "error", SAVED: "success", RESTORED: "success"}  # colour names of the theme
# How the summaries name the final states, in the order they list them.
OUTCOME_WORDS = ((RESTORED, "restored from the Trash"), (EXISTS, "already there"), (FAILED, "failed"),
                 (CANCELLED, "cancelled"))
FLUSH_MS = 100  # at most ten repaints a second for state changes, however many arrive


@dataclass(eq=False)  # an item is itself: two drops of one link are two rows
class Item:
    """One input in the queue and where it stands. `key` is its job's id in the archive's
    queue; `reason_group` names its failure's kind ("page not found (404)")."""

    key: int
    source: str
    title: str
    state: str = QUEUED
    message: str = ""
    article_id: int | None = None
    batch: int = 0
    reason_group: str = ""

    @property
    def finished(self) -> bool:
        return self.state in FINAL


class ImportRows(QAbstractTableModel):
    """The rows of the import panel and their counts; ImportQueue moves them between states."""

    COLUMNS = ("Article", "State")

    def __init__(self, parent=None, clock=time.monotonic):
        """`clock` gives seconds for the time left (tests pass their own)."""
        super().__init__(parent)
        self._clock = clock
        self._items: list[Item] = []
        self._row_of: dict[int, int] = {}  # item key -> row
        self._counts: Counter[str] = Counter()  # every row's state
        self._batch_counts: Counter[str] = Counter()  # the current batch's rows' states
        self._batch = 0
        self._changed: set[int] = set()  # rows changed since the view last heard of it
        self._open_from = 0  # no row above this one is unfinished
        self._progress = Progress(0, clock=clock)  # the rate of the current batch's recent items
        self._flush = QTimer(self, singleShot=True, interval=FLUSH_MS)
        self._flush.timeout.connect(self._emit_changes)

    # ------------------------------------------------------------------ reading

    def item(self, row: int) -> Item:
        return self._items[row]

    def item_of(self, key: int) -> Item | None:
        """The row's item of job `key`, None once removed."""
        row = self._row_of.get(key)
        return None if row is None else self._items[row]

    def items(self, rows: list[int] | None = None) -> list[Item]:
        """The items of `rows` (every row by default)."""
        return list(self._items) if rows is None else [self._items[row] for row in rows]

    def first_unfinished(self) -> int | None:
        """The first row not yet finished, None when all are (amortised O(1): rows finish
        mostly in order)."""
        while self._open_from < len(self._items) and self._items[self._open_from].finished:
            self._open_from += 1
        return self._open_from if self._open_from < len(self._items) else None

    def is_active(self) -> bool:
        """True while a row is neither saved, already there, failed nor cancelled."""
        return self._counts.total() > sum(self._counts[state] for state in FINAL)

    def counts(self) -> Counter:
        """How many items of the whole list are in each state."""
        return +self._counts

    def batch_counts(self) -> Counter:
        """How many items of the current (or last) batch are in each state."""
        return +self._batch_counts

    def progress_line(self) -> str:
        """ "1,240 of 10,000 · 37 failed · about 9 min left": every row of the list, as the
        user sees them (two captures one after the other are "2 of 2", not a second "1 of 1"),
        with core.batch's Progress giving the time left at the rate of the current batch's
        recent items (a pause between batches is no part of it); cancelled rows are out of
        it, as no work is left in them."""
        counts, progress = self._counts, self._progress
        progress.total = counts.total() - counts[CANCELLED]
        progress.done = sum(counts[state] for state in FINAL) - counts[CANCELLED]
        progress.failed = counts[FAILED]
        return progress.line()

    def failure_groups(self) -> Counter:
        """How many failed rows there are of each reason group, most first."""
        return Counter(i.reason_group or "other problems" for i in self._items if i.state == FAILED)

    # ------------------------------------------------------------------ changing

    def join_batch(self) -> None:
        """Call before rows start (new or again): an idle queue starts a new batch, which
        the counts then follow; a busy one lets them join the running batch."""
        if not self.is_active():
            self._batch += 1
            self._batch_counts = Counter()
            self._progress = Progress(0, clock=self._clock)

    def append_failed(self, failures: list[tuple[str, str]], keys) -> None:
        """Failed rows, in the current batch, for inputs that never became jobs: (source,
        reason) each, keyed by `keys` (an iterator of numbers no job has)."""
        self.join_batch()
        self.append([Item(next(keys), source, source, FAILED, reason, reason_group=reason_group(reason))
                     for source, reason in failures])

    def append(self, items: list[Item]) -> None:
        """Add rows at the end, in one insert, to the current batch (see join_batch)."""
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        for row, item in enumerate(items, first):
            item.batch = self._batch
            self._row_of[item.key] = row
            self._count(item)
        self._items += items
        self.endInsertRows()

    def rejoin(self, item: Item, key: int) -> None:
        """A finished row starts again as job `key`, in the current batch (a retry)."""
        row = self._row_of.get(item.key)
        self._uncount(item)
        self._row_of.pop(item.key, None)
        item.key, item.batch, item.reason_group = key, self._batch, ""
        if row is not None:
            self._row_of[key] = row
            self._open_from = min(self._open_from, row)
        self._count(item)

    def remove_rows(self, rows: list[int]) -> None:
        """Take rows off the list (from the end, so earlier rows keep their numbers)."""
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            self._uncount(self._items.pop(row))
            self.endRemoveRows()
        self._row_of = {item.key: row for row, item in enumerate(self._items)}
        self._changed.clear()
        self._open_from = 0

    def set_state(self, item: Item, state: str, message: str | None = None) -> None:
        """Move `item` to `state` (and its message); the view hears of it within FLUSH_MS."""
        if state in FINAL and not item.finished and item.batch == self._batch:
            self._progress.finished()
        self._uncount(item)
        item.state = state
        if message is not None:
            item.message = message
        self._count(item)
        row = self._row_of.get(item.key)
        if row is None:  # a removed row may still finish its transaction
            return
        self._changed.add(row)
        if not self._flush.isActive():  # the first change shows at once, the rest paced
            self._emit_changes()
            self._flush.start()

    def _count(self, item: Item, step: int = 1) -> None:
        """Count `item` in (or, with step -1, out of) the counts, if it is on the list."""
        if item.key in self._row_of:
            self._counts[item.state] += step
            if item.batch == self._batch:
                self._batch_counts[item.state] += step

    def _uncount(self, item: Item) -> None:
        self._count(item, -1)

    def flush(self) -> None:
        """Tell the view of the changes not yet told (a batch ended: show its end now)."""
        self._emit_changes()

    def _emit_changes(self) -> None:
        if self._changed:
            first, last = min(self._changed), max(self._changed)
            self._changed.clear()
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    # ------------------------------------------------------------------ model

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.DisplayRole:
            if index.column() == 0:
                return item.title
            return item.message if item.state == FAILED else item.state
        if role == Qt.ToolTipRole:
            # The whole row in full (cells are elided): title, link, and the reason it failed.
            return markup.literal("\n".join(dict.fromkeys(filter(None, (item.title, item.source, item.message)))))
        if role == Qt.ForegroundRole and index.column() == 1:
            name = STATE_COLOURS.get(item.state)
            return style.theme().qcolor(name) if name else None
        return None


def summary(counts: Counter) -> str:
    """ "12 saved, 1 already there, 2 failed" (parts that are zero are left out)."""
    parts = [f"{counts[SAVED]} saved"] if counts[SAVED] else []
    return ", ".join(parts + _outcomes(counts)) or "Nothing imported"


def _outcomes(counts: Counter) -> list[str]:
    return [f"{counts[state]} {words}" for state, words in OUTCOME_WORDS if counts[state]]
