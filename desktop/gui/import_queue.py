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
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QTimer, Signal

from desktop.core import pipeline
from desktop.core.analyser import Analyser
from desktop.core.article import Article, Original
from desktop.core.dropped import Dropped, importable_files
from desktop.core.errors import CuttingsError
from desktop.core.preferences import DEFAULT_CONCURRENCY
from desktop.core.store.archive import RESTORED, SAVED, Outcome, store_article
from desktop.core.store.db import Archive
from desktop.gui.import_rows import CANCELLED, EXISTS, FAILED, FINAL, QUEUED, ImportRows, Item, summary
from desktop.gui.tasks import TaskRunner

__all__ = ["CANCELLED", "EXISTS", "FAILED", "FINAL", "QUEUED", "ImportQueue", "Item", "summary"]
STAGE_POLL_MS = 100
AHEAD = 2
"""Items started beyond the download threads and analysis workers, so none of them waits
for the next item; the rest wait in the queue, not in memory as downloaded pages."""


class Cancelled(Exception):
    """Raised inside a worker, at a stage boundary, for an item the user cancelled."""


class ImportQueue(ImportRows):
    """Every input of this session with its state; the import panel's model."""

    article_saved = Signal(int)  # article id, as soon as it is stored
    batch_finished = Signal(str)  # "12 saved, 1 already there, 2 failed"; ids: saved_in_batch()
    _stage = Signal(int, str)  # from workers: item key, stage name
    _analysed = Signal(int)  # item key whose analysis finished (any thread)

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
        self._keys = itertools.count(1)
        self._cancelled: set[int] = set()
        self._batch_saved: list[int] = []
        self._waiting: deque[Item] = deque()  # queued, not started
        self._running: set[int] = set()  # keys of the items started and not finished
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
        self.join_batch()
        items = [Item(next(self._keys), d.source, d.title or d.source) for d in new]
        self.append(items)
        self._queue(items)
        return len(items)

    def cancel(self, rows: list[int] | None = None) -> None:
        """Cancel the given rows (all unfinished ones by default); nothing half-saved stays."""
        items = [i for i in self.items(rows) if not i.finished]
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
        items = [i for i in self.items(rows) if i.state in (FAILED, CANCELLED)]
        if not items:  # nothing to start: the counter keeps showing the last batch
            return
        self.join_batch()
        for item in items:
            with self._lock:
                self._cancelled.discard(item.key)
            self.rejoin(item, next(self._keys))
            self._set(item, QUEUED, "")
        self._queue(items)

    def remove(self, rows: list[int]) -> None:
        """Take rows off the list, cancelling the unfinished ones (stored articles stay)."""
        self.cancel(rows)
        self.remove_rows(rows)

    def set_downloads(self, downloads: int) -> None:
        """How many downloads run at once (the user's preference); running ones go on."""
        self._downloads.set_max_threads(max(1, downloads))
        self._pump()

    def set_entities(self, entities: bool) -> None:
        """Whether articles analysed from now on get their people and places found."""
        self._entities = entities

    def saved_in_batch(self) -> list[int]:
        """The ids of the articles the current (or last) batch saved, in the order saved;
        read it when `batch_finished` arrives to show the newest articles."""
        return list(self._batch_saved)

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

    def join_batch(self) -> None:
        """As ImportRows.join_batch; a new batch also starts a new list of saved articles."""
        if not self.is_active():
            self._batch_saved = []
        super().join_batch()

    def _queue(self, items: list[Item]) -> None:
        self._waiting.extend(items)
        self._pump()

    def _pump(self) -> None:
        """Start waiting items while fewer than the workers can take (plus AHEAD) run."""
        room = self._downloads.max_threads() + 1 + AHEAD
        while self._waiting and len(self._running) < room:
            item = self._waiting.popleft()
            if item.state == QUEUED:  # not cancelled or removed while it waited
                self._running.add(item.key)
                self._start(item)

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
        item = self.item_of(key)
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
        item = self.item_of(key)
        if item is not None and not item.finished:
            self._set(item, stage)

    def _check_batch(self) -> None:
        if self.rowCount() and not self.is_active():
            self.flush()
            self.batch_finished.emit(summary(self.batch_counts()))

    def _set(self, item: Item, state: str, message: str | None = None) -> None:
        self.set_state(item, state, message)
        if state in FINAL and item.key in self._running:
            self._running.discard(item.key)
            self._pump()
