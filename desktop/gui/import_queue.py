"""Importing from the window: the queue of items (a Qt table model) and its workers.

Downloads run on a few threads (they mostly wait), extraction and entities in one worker
process (core/analyser.py), writes on one writer thread, so every article lands in its own
transaction. The GUI thread only moves items between states.

Items are grouped in batches: inputs added while the queue is idle start a new batch,
inputs added while it works join the running one. The panel's counter and the
`batch_finished` summary count the current batch only.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal

from desktop.core import pipeline
from desktop.core.analyser import Analyser
from desktop.core.article import Article, Original
from desktop.core.dropped import Dropped, importable_files
from desktop.core.errors import CuttingsError
from desktop.core.preferences import DEFAULT_CONCURRENCY
from desktop.core.store.archive import RESTORED, SAVED, Outcome, store_article
from desktop.core.store.db import Archive
from desktop.gui import markup, style
from desktop.gui.tasks import TaskRunner

QUEUED, EXISTS, FAILED, CANCELLED = "queued", "already in the archive", "failed", "cancelled"
FINAL = {SAVED, RESTORED, EXISTS, FAILED, CANCELLED}
STAGE_POLL_MS = 100
STATE_COLOURS = {FAILED: "error", SAVED: "success", RESTORED: "success"}  # colour names of the theme
# How the summaries name the final states, in the order they list them.
OUTCOME_WORDS = ((RESTORED, "restored from the Trash"), (EXISTS, "already there"), (FAILED, "failed"), (CANCELLED, "cancelled"))


class Cancelled(Exception):
    """Raised inside a worker, at a stage boundary, for an item the user cancelled."""


@dataclass(eq=False)  # an item is itself: two drops of one link are two rows
class Item:
    """One input in the queue and where it stands."""

    key: int
    source: str
    title: str
    state: str = QUEUED
    message: str = ""
    article_id: int | None = None
    batch: int = 0
    captured: pipeline.Loaded | None = None  # a page the browser sent: analysed, not downloaded

    @property
    def finished(self) -> bool:
        return self.state in FINAL


class ImportQueue(QAbstractTableModel):
    """Every input of this session with its state; the import panel's model."""

    article_saved = Signal(int)  # article id, as soon as it is stored
    batch_finished = Signal(str)  # "12 saved, 1 already there, 2 failed"; ids: saved_in_batch()
    _stage = Signal(int, str)  # from workers: item key, stage name
    _analysed = Signal(int)  # item key whose analysis finished (any thread)

    COLUMNS = ("Article", "State")

    def __init__(self, archive: Archive, parent=None, downloads: int = DEFAULT_CONCURRENCY, *,
                 entities: bool = True, analyser: Analyser | None = None):
        super().__init__(parent)
        self._archive = archive
        # Downloads on threads (they mostly wait), extraction and entities in a worker process
        # (started by prepare() or the first import), writes on one thread, one transaction
        # at a time.
        self._downloads = TaskRunner(self, max_threads=max(1, downloads))
        self._entities = entities
        self._analyser = analyser
        self._analysing: dict[int, tuple[Future, Original]] = {}  # guarded by _lock
        self._writer = TaskRunner(self, max_threads=1)
        self._stage_timer = QTimer(self, interval=STAGE_POLL_MS)
        self._stage_timer.timeout.connect(self._poll_stages)
        self._analysed.connect(self._on_analysed)
        self._items: list[Item] = []
        self._keys = itertools.count(1)
        self._cancelled: set[int] = set()
        self._batch = 0
        self._batch_saved: list[int] = []
        self._lock = threading.Lock()
        self._stage.connect(self._on_stage)

    # ------------------------------------------------------------------ public

    def add(self, inputs: list[Dropped]) -> int:
        """Queue inputs not already waiting or running; return how many were queued.

        A folder is listed by a worker (it may be big); its files are queued when found.
        """
        folders = [d for d in inputs if Path(d.source).is_dir()]
        for folder in folders:
            self._downloads.run(
                ("list", folder.source),
                lambda path=Path(folder.source): [Dropped(str(p)) for p in importable_files([path])],
                self.add,
            )
        busy = {i.source for i in self._items if not i.finished}
        new = [d for d in dict.fromkeys(inputs) if d.source not in busy and d not in folders]
        if not new:
            return 0
        self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(new) - 1)
        items = [Item(next(self._keys), d.source, d.title or d.source, captured=d.captured) for d in new]
        self._join_batch(items)
        self._items += items
        self.endInsertRows()
        for item in items:
            self._start(item)
        return len(items)

    def cancel(self, rows: list[int] | None = None) -> None:
        """Cancel the given rows (all unfinished ones by default); nothing half-saved stays."""
        items = [i for i in self._rows(rows) if not i.finished]
        for item in items:
            with self._lock:
                self._cancelled.add(item.key)
                future, _original = self._analysing.pop(item.key, (None, None))
            self._downloads.cancel(item.key)
            if future is not None:
                future.cancel()
            self._set(item, CANCELLED, "Cancelled")
        if items:
            self._check_batch()

    def retry(self, rows: list[int] | None = None) -> None:
        """Start failed or cancelled rows again (all of them by default)."""
        items = [i for i in self._rows(rows) if i.state in (FAILED, CANCELLED)]
        if not items:  # nothing to start: the counter keeps showing the last batch
            return
        self._join_batch(items)
        for item in items:
            with self._lock:
                self._cancelled.discard(item.key)
            item.key = next(self._keys)
            self._set(item, QUEUED, "")
            self._start(item)

    def remove(self, rows: list[int]) -> None:
        """Take rows off the list, cancelling the unfinished ones (stored articles stay)."""
        self.cancel(rows)
        for row in sorted(set(rows), reverse=True):  # from the end: earlier rows keep their numbers
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def set_downloads(self, downloads: int) -> None:
        """How many downloads run at once (the user's preference); running ones go on."""
        self._downloads.set_max_threads(max(1, downloads))

    def set_entities(self, entities: bool) -> None:
        """Whether articles analysed from now on get their people and places found."""
        self._entities = entities

    def is_active(self) -> bool:
        return any(not i.finished for i in self._items)

    def counts(self) -> Counter:
        """How many items of the whole list are in each state."""
        return Counter(i.state for i in self._items)

    def batch_counts(self) -> Counter:
        """How many items of the current (or last) batch are in each state."""
        return Counter(i.state for i in self._items if i.batch == self._batch)

    def saved_in_batch(self) -> list[int]:
        """The ids of the articles the current (or last) batch saved, in the order saved;
        read it when `batch_finished` arrives to show the newest articles."""
        return list(self._batch_saved)

    def item(self, row: int) -> Item:
        return self._items[row]

    def downloading(self) -> bool:
        """True while a download thread is still running (even a cancelled one)."""
        return self._downloads.busy()

    def prepare(self) -> None:
        """Start the worker process and load its models now, so that the first article
        dropped is analysed at once rather than after ~3 s of loading."""
        self._downloads.run("prepare", lambda: self._worker().warm_up())

    def shutdown(self) -> None:
        """Stop the worker process without waiting for it (the window is closing)."""
        if self._analyser is not None:
            self._analyser.shutdown()

    def wait_for_writer(self, msecs: int = 30_000) -> bool:
        """Let the article being written finish its transaction (used when closing)."""
        return self._writer.wait(msecs)

    # ------------------------------------------------------------------ workers

    def _start(self, item: Item) -> None:
        key, source = item.key, item.source

        def read():
            stored = pipeline.already_stored(self._archive, source)
            if stored is not None:
                return stored
            loaded = item.captured or pipeline.load(source, on_stage=self._stage_reporter(key))
            # Submitted from this thread: starting the worker process takes a while.
            analyser = self._worker()
            with self._lock:
                future = analyser.submit(key, loaded, entities=self._entities)
                self._analysing[key] = (future, loaded.original)
            future.add_done_callback(lambda _future: self._analysed.emit(key))
            return None

        self._downloads.run(key, read, lambda result: self._on_read(item, key, result),
                            lambda exc: self._on_error(item, key, exc))

    def _worker(self) -> Analyser:
        """The analyser, started on first use (called on download threads)."""
        with self._lock:
            if self._analyser is None:
                self._analyser = Analyser()
            return self._analyser

    def _stage_reporter(self, key: int):
        def report(stage: str) -> None:
            with self._lock:
                if key in self._cancelled:
                    raise Cancelled()
            self._stage.emit(key, stage)

        return report

    def _on_read(self, item: Item, key: int, result: Outcome | None) -> None:
        if item.key != key or item.finished:
            return
        if result is not None:  # already in the archive
            self._on_stored(item, key, result)
        else:
            self._stage_timer.start()

    def _poll_stages(self) -> None:
        with self._lock:
            analyser, idle = self._analyser, not self._analysing
        for key, stage in analyser.stages() if analyser is not None else ():
            self._on_stage(key, stage)
        if idle:
            self._stage_timer.stop()

    def _on_analysed(self, key: int) -> None:
        with self._lock:
            future, original = self._analysing.pop(key, (None, None))
        item = self._item_of(key)
        if future is None or item is None or item.finished or future.cancelled():
            return
        if future.exception() is not None:
            self._on_error(item, key, future.exception())
            return
        article = future.result()
        item.title = article.title or item.title
        self._set(item, "waiting to be saved")
        self._writer.run(
            key,
            lambda: self._store(key, article, original),
            lambda outcome: self._on_stored(item, key, outcome),
            lambda exc: self._on_error(item, key, exc),
        )

    def _store(self, key: int, article: Article, original: Original) -> Outcome:
        self._stage_reporter(key)(pipeline.SAVING)
        return store_article(self._archive, article, original)

    def _on_stored(self, item: Item, key: int, outcome: Outcome) -> None:
        if item.key != key:
            return
        item.article_id, item.title, item.captured = outcome.id, outcome.title, None
        if outcome.status == SAVED:
            # Stored even if cancel came in during the transaction: say so rather than lie.
            self._set(item, SAVED, f"Saved as article {outcome.id}")
            self._batch_saved.append(outcome.id)
            self.article_saved.emit(outcome.id)
        elif outcome.status == RESTORED:
            self._set(item, RESTORED, f"Restored from the Trash as article {outcome.id}")
            self._batch_saved.append(outcome.id)
            self.article_saved.emit(outcome.id)
        else:
            self._set(item, EXISTS, f"Already in the archive as article {outcome.id}")
        self._check_batch()

    def _on_error(self, item: Item, key: int, exc: BaseException) -> None:
        if item.key != key or item.finished:
            return
        if isinstance(exc, Cancelled):
            self._set(item, CANCELLED, "Cancelled")
        elif isinstance(exc, CuttingsError):
            self._set(item, FAILED, str(exc))
        else:
            self._set(item, FAILED, f"Unexpected problem: {exc.__class__.__name__}: {exc}")
        self._check_batch()

    def _on_stage(self, key: int, stage: str) -> None:
        item = self._item_of(key)
        if item is not None and not item.finished:
            self._set(item, stage)

    def _item_of(self, key: int) -> Item | None:
        return next((i for i in self._items if i.key == key), None)

    def _rows(self, rows: list[int] | None) -> list[Item]:
        return list(self._items) if rows is None else [self._items[row] for row in rows]

    def _join_batch(self, items: list[Item]) -> None:
        """Call before `items` become unfinished: an idle queue starts a new batch."""
        if not self.is_active():
            self._batch += 1
            self._batch_saved = []
        for item in items:
            item.batch = self._batch

    def _check_batch(self) -> None:
        if self._items and not self.is_active():
            self.batch_finished.emit(summary(self.batch_counts()))

    def _set(self, item: Item, state: str, message: str | None = None) -> None:
        item.state = state
        if message is not None:
            item.message = message
        if item in self._items:  # a removed row may still finish its transaction
            row = self._items.index(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

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


def progress(counts: Counter) -> str:
    """ "12 of 50 saved, 2 failed": where a batch stands, while it runs and after."""
    return ", ".join([f"{counts[SAVED]} of {counts.total()} saved"] + _outcomes(counts))


def _outcomes(counts: Counter) -> list[str]:
    return [f"{counts[state]} {words}" for state, words in OUTCOME_WORDS if counts[state]]
