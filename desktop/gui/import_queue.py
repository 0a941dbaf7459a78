"""Importing from the window: the archive's import queue (core/batch) as a Qt table model.

Every input becomes jobs in the archive before any work starts (a file of links, a job per
link), so closing the window, or a crash, loses nothing: the next start continues what was
left (`resume_interrupted`). Downloads run on a few threads, extraction and entities in the
analyser's worker processes, every write on one writer thread, so each article lands with its
job's DONE in one transaction. The GUI thread only moves rows between states. Inputs added
while the queue is idle start a new batch, inputs added while it works join the running one:
the `batch_finished` summary counts that batch only, the panel's counter every row it lists.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QTimer, Signal

from desktop.core import batch
from desktop.core.analyser import Analyser, worker_count
from desktop.core.batch import Job
from desktop.core.batch.jobs import EXPORT
from desktop.core.batch.pickup import Interrupted, interrupted, retry_jobs
from desktop.core.dropped import Dropped, importable_files
from desktop.core.errors import CuttingsError, describe
from desktop.core.preferences import DEFAULT_CONCURRENCY
from desktop.core.store.archive import RESTORED, SAVED, Outcome
from desktop.core.store.db import Archive
from desktop.gui.import_jobs import continuing_text, enqueue_inputs, failed_list, item_of_job, state_of
from desktop.gui.import_rows import CANCELLED, EXISTS, FAILED, FINAL, QUEUED, ImportRows, Item, summary
from desktop.gui.tasks import TaskRunner

__all__ = ["CANCELLED", "EXISTS", "FAILED", "FINAL", "QUEUED", "ImportQueue", "Item", "summary"]
STAGE_POLL_MS = 100
AHEAD = 2
"""Items started beyond the download threads and analysis workers, so none of them waits
for the next item; the rest wait in the archive's queue, not in memory as downloaded pages."""


class Cancelled(Exception):
    """Raised inside a worker, at a stage boundary, for an item the user cancelled."""


class ImportQueue(ImportRows):
    """The jobs of this session (and of an interrupted one) with their states; the import
    panel's model."""

    article_saved = Signal(int)  # article id, as soon as it is stored
    batch_finished = Signal(str)  # "12 saved, 1 already there, 2 failed"; ids: saved_in_batch()
    resumed = Signal(str)  # "Continuing an import stopped on 30 Nov 14:02: 8,760 left"
    _stage = Signal(int, str)  # from workers: item key, stage name
    _analysed = Signal(int)  # item key whose analysis finished (any thread)

    def __init__(self, archive: Archive, parent=None, downloads: int = DEFAULT_CONCURRENCY, *,
                 entities: bool = True, analyser: Analyser | None = None):
        super().__init__(parent)
        self._archive = archive
        self._downloads = TaskRunner(self, max_threads=max(1, downloads))
        self._entities = entities
        self._analyser = analyser
        self._analysing: dict[int, Future] = {}  # guarded by _lock
        self._writer = TaskRunner(self, max_threads=1)
        self._stage_timer = QTimer(self, interval=STAGE_POLL_MS)
        self._stage_timer.timeout.connect(self._poll_stages)
        self._analysed.connect(self._on_analysed)
        self._stage.connect(self._on_stage)
        self._calls = itertools.count(1)  # keys of writer calls that are not about one job
        self._enqueuing = 0  # enqueue calls on the writer not answered yet
        self._jobs: dict[int, Job] = {}  # item key (job id) -> its job
        self._cancelled: set[int] = set()  # guarded by _lock
        self._batch_saved: list[int] = []
        self._waiting: deque[Item] = deque()  # queued, not started
        self._running: set[int] = set()  # keys of the items started and not finished
        self._stopped = False
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public

    def add(self, inputs: list[Dropped]) -> int:
        """Queue inputs not already waiting or running (in the archive, by the writer: a
        file of links becomes a row per link); return how many inputs were taken.

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
        titles = {d.source: d.title for d in new if d.title}
        self._enqueuing += 1
        self._writer.run(("enqueue", next(self._calls)), lambda: enqueue_inputs(self._archive, new),
                         lambda answer: self._enqueued(*answer, titles=titles))
        return len(new)

    def resume_interrupted(self) -> None:
        """Continue the batches a closed window, a crash or a stopped `cuttings import` left
        unfinished: their rows come back as they stood, the unfinished ones start, and
        `resumed` says what is being continued."""
        self._enqueuing += 1
        self._writer.run(("resume", next(self._calls)), lambda: interrupted(self._archive), self._resumed)

    def cancel(self, rows: list[int] | None = None) -> None:
        """Cancel the given rows (all unfinished ones by default); nothing half-saved stays."""
        items = [i for i in self.items(rows) if not i.finished]
        with self._lock:
            self._cancelled.update(i.key for i in items)
        for item in items:  # every one cancelled before any slot they free is filled
            self.set_state(item, CANCELLED, "Cancelled")
        for item in items:
            with self._lock:
                future = self._analysing.pop(item.key, None)
            self._downloads.cancel(item.key)
            if future is not None:
                future.cancel()
            self._set(item, CANCELLED)
        keys = [i.key for i in items]
        if keys:
            self._writer.run(("cancel", next(self._calls)), lambda: batch.cancel_jobs(self._archive, keys))
            self._check_batch()

    def retry(self, rows: list[int] | None = None) -> None:
        """Start failed or cancelled rows again (all of them by default)."""
        self._retry([i for i in self.items(rows) if i.state in (FAILED, CANCELLED)])

    def retry_failed(self, group: str | None = None) -> None:
        """Start the failed rows again: all of them, or those whose reason is of `group`."""
        self._retry([i for i in self._items if i.state == FAILED and group in (None, i.reason_group)])

    def export_failed(self, path: str, done=None) -> None:
        """Write the failed rows as CSV to `path` (batch.write_failed), on the writer's
        thread; `done(message)` is then called with what happened, in one sentence."""
        jobs = [self._jobs[i.key] for i in self._items if i.state == FAILED and i.key in self._jobs]
        self._writer.run(("export", next(self._calls)), lambda: failed_list(jobs, path), done,
                         lambda exc: done and done(describe(exc)))

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

    def is_active(self) -> bool:
        """True while a row is unfinished or inputs are being queued."""
        return bool(self._enqueuing) or super().is_active()

    def saved_in_batch(self) -> list[int]:
        """The ids of the articles the current (or last) batch saved, in the order saved;
        read it when `batch_finished` arrives to show the newest articles."""
        return list(self._batch_saved)

    def downloading(self) -> bool:
        """True while a download thread is still running (even a cancelled one)."""
        return self._downloads.busy()

    def prepare(self) -> None:
        """Start the worker processes and load their models now, so that the first article
        dropped is analysed at once rather than after ~3 s of loading."""
        self._downloads.run("prepare", lambda: self._worker().warm_up())

    def stop(self, msecs: int = 30_000) -> None:
        """The window is closing: start nothing more, let the article being written land
        whole, and stop the worker processes. Unfinished jobs stay queued in the archive
        for the next start (or a `cuttings import --resume`), the running ones put back."""
        self._stopped = True
        self._waiting.clear()
        self._writer.run(("release", next(self._calls)), lambda: batch.release_jobs(self._archive))
        self._writer.wait(msecs)
        self.shutdown()

    def shutdown(self) -> None:
        """Stop the worker processes without waiting for them."""
        if self._analyser is not None:
            self._analyser.shutdown()

    # ------------------------------------------------------------------ queueing

    def join_batch(self) -> None:
        """As ImportRows.join_batch; a new batch also starts a new list of saved articles."""
        if not self.is_active():
            self._batch_saved = []
        super().join_batch()

    def _enqueued(self, jobs: list[Job], failures: list[tuple[str, str]], titles: dict[str, str]) -> None:
        self._enqueuing -= 1
        self._take(jobs, titles)
        if failures:  # a file of links that cannot be read: a failed row, not a job
            self.append_failed(failures, (-next(self._calls) for _ in failures))
        self._check_batch()

    def _resumed(self, found: Interrupted) -> None:
        self._enqueuing -= 1
        if found.jobs:
            self._take(found.jobs)
            self.resumed.emit(continuing_text(found))
        self._check_batch()

    def _take(self, jobs: list[Job], titles: dict[str, str] | None = None) -> None:
        """Rows for `jobs` (finished ones as they ended), the unfinished ones started."""
        if not jobs:
            return
        self.join_batch()
        items = [item_of_job(job, (titles or {}).get(job.source)) for job in jobs]
        self._jobs.update((job.id, job) for job in jobs)
        self.append(items)
        self._queue([i for i in items if i.state == QUEUED])

    def _retry(self, items: list[Item]) -> None:
        again = [i for i in items if i.key not in self._jobs]  # never queued (server away, bad file): anew
        if again:
            self.remove_rows([self._row_of[i.key] for i in again])
            self.add([Dropped(i.source) for i in again])
        items = [i for i in items if i.key in self._jobs]
        if not items:  # nothing to start: the counter keeps showing the last batch
            return
        self.join_batch()
        keys = [i.key for i in items]
        for item in items:
            with self._lock:
                self._cancelled.discard(item.key)
            self.rejoin(item, item.key)
            self._set(item, QUEUED, "")
        self._writer.run(("retry", next(self._calls)), lambda: retry_jobs(self._archive, keys))
        self._queue(items)

    def _queue(self, items: list[Item]) -> None:
        self._waiting.extend(items)
        self._pump()

    def _pump(self) -> None:
        """Start waiting items while fewer than the workers can take (plus AHEAD) run: the
        writer marks their jobs running (`cuttings queue` shows them), then they start."""
        workers = 1 if self._analyser is None else self._analyser.workers
        room = self._downloads.max_threads() + workers + AHEAD
        starting = []
        while self._waiting and len(self._running) < room and not self._stopped:
            item = self._waiting.popleft()
            if item.state == QUEUED:  # not cancelled or removed while it waited
                self._running.add(item.key)
                starting.append(item)
        if starting:
            jobs = [self._jobs[item.key] for item in starting]
            self._writer.run(("start", next(self._calls)), lambda: batch.start_jobs(self._archive, jobs),
                             lambda taken: self._start_all(starting, {job.id for job in taken}))

    def _start_all(self, items: list[Item], taken: set[int]) -> None:
        for item in items:
            if item.key not in taken:  # `cuttings import --resume` or another window has it
                self._set(item, CANCELLED, "Being imported by another Cuttings on this archive")
            elif item.state == QUEUED and not self._stopped:  # not cancelled meanwhile
                self._start(item)

    # ------------------------------------------------------------------ workers

    def _start(self, item: Item) -> None:
        key, job = item.key, self._jobs[item.key]
        if job.kind == EXPORT:  # a Cuttings export is imported whole: writing, the writer's work
            self._writer.run(key, lambda: batch.run_export(self._archive, job),
                             lambda results: self._on_downloaded(item, key, results),
                             lambda exc: self._on_error(item, key, exc))
            return

        def download():
            fetched = batch.download_job(self._archive, job, self._stage_reporter(key))
            if not isinstance(fetched, batch.Fetched):
                return fetched
            analyser = self._worker()  # started from this thread: starting processes takes a while
            with self._lock:
                future = analyser.submit(key, fetched, entities=self._entities, task=batch.analyse_fetched)
                self._analysing[key] = future
            future.add_done_callback(lambda _future: self._analysed.emit(key))
            return None

        self._downloads.run(key, download, lambda result: self._on_downloaded(item, key, result),
                            lambda exc: self._on_error(item, key, exc))

    def _worker(self) -> Analyser:
        """The analyser, started on first use (called on download threads)."""
        with self._lock:
            if self._analyser is None:
                self._analyser = Analyser(workers=worker_count(window=True))
            return self._analyser

    def _stage_reporter(self, key: int):
        def report(stage: str) -> None:
            with self._lock:
                if key in self._cancelled:
                    raise Cancelled()
            self._stage.emit(key, stage)

        return report

    def _on_downloaded(self, item: Item, key: int, result) -> None:
        if item.key != key or item.finished or self._stopped:
            return
        if result is None:  # in the analyser
            self._stage_timer.start()
        elif isinstance(result, batch.Known):
            self._store(item, key, result)
        elif isinstance(result, batch.Listed):
            self._writer.run(key, lambda: batch.expand_job(self._archive, self._jobs[key], result),
                             lambda jobs: self._expanded(item, key, jobs), lambda exc: self._on_error(item, key, exc))
        else:  # an export file, imported whole
            saved = [outcome for _name, outcome in result if isinstance(outcome, Outcome)]
            self._set(item, SAVED, f"{len(saved):,} of {len(result):,} articles of the export imported")
            self._check_batch()

    def _expanded(self, item: Item, key: int, jobs: list[Job]) -> None:
        """A feed's entries are queued: its row is done, theirs follow it."""
        self._set(item, SAVED, f"{len(jobs):,} entries queued")
        self._take(jobs)

    def _poll_stages(self) -> None:
        with self._lock:
            analyser, idle = self._analyser, not self._analysing
        for key, stage in analyser.stages() if analyser is not None else ():
            self._on_stage(key, stage)
        if idle:
            self._stage_timer.stop()

    def _on_analysed(self, key: int) -> None:
        with self._lock:
            future = self._analysing.pop(key, None)
        item = self.item_of(key)
        if future is None or item is None or item.finished or future.cancelled() or self._stopped:
            return
        if future.exception() is not None:
            self._on_error(item, key, future.exception())
            return
        analysed = future.result()
        item.title = analysed.article.title or item.title
        self._set(item, "waiting to be saved")
        self._store(item, key, analysed)

    def _store(self, item: Item, key: int, result) -> None:
        def store() -> Outcome:
            self._stage_reporter(key)("saving")
            return batch.store_job(self._archive, self._jobs[key], result)

        self._writer.run(key, store, lambda outcome: self._on_stored(item, key, outcome),
                         lambda exc: self._on_error(item, key, exc))

    def _on_stored(self, item: Item, key: int, outcome: Outcome) -> None:
        if item.key != key:
            return
        item.article_id, item.title = outcome.id, outcome.title
        if outcome.status in (SAVED, RESTORED):
            # Stored even if cancel came in during the transaction: say so rather than lie.
            self._batch_saved.append(outcome.id)
            self.article_saved.emit(outcome.id)
        state, message = state_of(outcome.status, outcome.id)
        self._set(item, state, message)
        self._check_batch()

    def _on_error(self, item: Item, key: int, exc: BaseException) -> None:
        if item.key != key or item.finished or self._stopped:
            return
        if isinstance(exc, Cancelled):
            self._set(item, CANCELLED, "Cancelled")
        else:
            reason = str(exc) if isinstance(exc, CuttingsError) else describe(exc)
            item.reason_group = batch.reason_group(exc)
            self._set(item, FAILED, reason)
            job = self._jobs[key]
            self._writer.run(("fail", key), lambda: batch.fail_job(self._archive, job, reason))
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
