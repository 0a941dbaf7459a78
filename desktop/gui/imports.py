"""Importing from the window: the queue of items, its workers, and the import panel.

Downloads and extraction run on a small thread pool; entities and writes go through one
writer thread, so the language model is used by one worker at a time and every article
lands in its own transaction. The GUI thread only moves items between states.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import pipeline
from desktop.core.analyser import Analyser
from desktop.core.article import Article, Original
from desktop.core.dropped import Dropped, importable_files
from desktop.core.errors import CuttingsError
from desktop.core.preferences import DEFAULT_CONCURRENCY, Preferences
from desktop.core.store.archive import SAVED, Outcome, store_article
from desktop.core.store.db import Archive
from desktop.gui import markup, style
from desktop.gui.tasks import TaskRunner

QUEUED, EXISTS, FAILED, CANCELLED = "queued", "already in the archive", "failed", "cancelled"
FINAL = {SAVED, EXISTS, FAILED, CANCELLED}
STAGE_POLL_MS = 100


class Cancelled(Exception):
    """Raised inside a worker, at a stage boundary, for an item the user cancelled."""


@dataclass
class Item:
    key: int
    source: str
    title: str
    state: str = QUEUED
    message: str = ""
    article_id: int | None = None

    @property
    def finished(self) -> bool:
        return self.state in FINAL


class ImportQueue(QAbstractTableModel):
    """Every input of this session with its state; the import panel's model."""

    article_saved = Signal(int)  # article id, as soon as it is stored
    batch_finished = Signal(str)  # "12 saved, 1 already there, 2 failed"
    _stage = Signal(int, str)  # from workers: item key, stage name
    _analysed = Signal(int)  # item key whose analysis finished (any thread)

    COLUMNS = ("Article", "State")

    def __init__(self, archive: Archive, parent=None, analyser: Analyser | None = None):
        super().__init__(parent)
        self._archive = archive
        # Downloads on threads (they mostly wait), extraction and entities in a worker process
        # (started by prepare() or the first import), writes on one thread, one transaction
        # at a time.
        self._downloads = TaskRunner(self, max_threads=DEFAULT_CONCURRENCY)
        self._entities = True
        self._analyser = analyser
        self._analysing: dict[int, tuple[Future, Original]] = {}  # guarded by _lock
        self._writer = TaskRunner(self, max_threads=1)
        self._stage_timer = QTimer(self, interval=STAGE_POLL_MS)
        self._stage_timer.timeout.connect(self._poll_stages)
        self._analysed.connect(self._on_analysed)
        self._items: list[Item] = []
        self._keys = itertools.count(1)
        self._cancelled: set[int] = set()
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
        items = [Item(next(self._keys), d.source, d.title or d.source) for d in new]
        self._items += items
        self.endInsertRows()
        for item in items:
            self._start(item)
        return len(items)

    def cancel(self, rows: list[int] | None = None) -> None:
        """Cancel the given rows (all unfinished ones by default); nothing half-saved stays."""
        for row in range(len(self._items)) if rows is None else rows:
            item = self._items[row]
            if not item.finished:
                with self._lock:
                    self._cancelled.add(item.key)
                    future, _original = self._analysing.pop(item.key, (None, None))
                self._downloads.cancel(item.key)
                if future is not None:
                    future.cancel()
                self._set(item, CANCELLED, "Cancelled")
        self._check_batch()

    def retry(self, rows: list[int] | None = None) -> None:
        """Start failed or cancelled rows again (all of them by default)."""
        for row in range(len(self._items)) if rows is None else rows:
            item = self._items[row]
            if item.state in (FAILED, CANCELLED):
                with self._lock:
                    self._cancelled.discard(item.key)
                item.key = next(self._keys)
                self._set(item, QUEUED, "")
                self._start(item)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Take the user's downloads-at-once and entities switch, from the next item on."""
        self._downloads.set_max_threads(prefs.import_concurrency)
        self._entities = prefs.entities

    def is_active(self) -> bool:
        return any(not i.finished for i in self._items)

    def counts(self) -> Counter:
        return Counter(i.state for i in self._items)

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
            loaded = pipeline.load(source, on_stage=self._stage_reporter(key))
            # Submitted from this thread: starting the worker process takes a while.
            analyser = self._worker()
            with self._lock:
                future = analyser.submit(key, loaded, self._entities)
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
        item.article_id, item.title = outcome.id, outcome.title
        if outcome.status == SAVED:
            # Stored even if cancel came in during the transaction: say so rather than lie.
            self._set(item, SAVED, f"Saved as article {outcome.id}")
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

    def _check_batch(self) -> None:
        if self._items and not self.is_active():
            self.batch_finished.emit(summary(self.counts()))

    def _set(self, item: Item, state: str, message: str | None = None) -> None:
        item.state = state
        if message is not None:
            item.message = message
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
            return markup.literal(f"{item.source}\n{item.message}".strip())
        if role == Qt.ForegroundRole and index.column() == 1:
            return {FAILED: style.theme().qcolor("error"), SAVED: style.theme().qcolor("success")}.get(item.state)
        return None


def summary(counts: Counter) -> str:
    """ "12 saved, 1 already there, 2 failed" (parts that are zero are left out)."""
    parts = [(counts[SAVED], "saved"), (counts[EXISTS], "already there"),
             (counts[FAILED], "failed"), (counts[CANCELLED], "cancelled")]
    return ", ".join(f"{n} {label}" for n, label in parts if n) or "Nothing imported"


class ImportPanel(QWidget):
    """The live list of imports with overall progress, cancel and retry."""

    def __init__(self, queue: ImportQueue, parent=None):
        super().__init__(parent)
        self.queue = queue
        self.table = QTableView()
        self.table.setModel(queue)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # A set width, not ResizeToContents: that re-measured every row at each state change,
        # many calls into Python while import threads hold the GIL (stalls of 300 ms and more).
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("The site answered 404 Not Found") + 24)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_all_button = QPushButton("Cancel all")
        self.retry_button = QPushButton("Retry failed")
        self.cancel_button.clicked.connect(lambda: queue.cancel(self._selected_rows()))
        self.cancel_all_button.clicked.connect(lambda: queue.cancel())
        self.retry_button.clicked.connect(lambda: queue.retry(self._selected_rows() or None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.cancel_button, self.cancel_all_button, self.retry_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for signal in (queue.dataChanged, queue.rowsInserted):
            signal.connect(self._update)
        self._update()

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _update(self, *_args) -> None:
        counts = self.queue.counts()
        total = sum(counts.values())
        done = sum(n for state, n in counts.items() if state in FINAL)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} done" if total else "Nothing to import")
        self.status.setText(summary(counts) if total and done == total else
                            f"Importing {total - done}…" if total else "")
        self.cancel_all_button.setEnabled(self.queue.is_active())
        self.retry_button.setEnabled(bool(counts[FAILED] or counts[CANCELLED]))
