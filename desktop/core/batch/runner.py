"""Working off queued jobs from one process: downloads on threads, analysis in the
analyser's worker processes, every write on the caller's thread (the one writer).

Built from the same calls the window's import panel chains (download_job, analyse_fetched in
its worker form analyse_apart, store_job, fail_job, expand_job), so the CLI and the window
import alike; the runner stores the jobs that finish together with store_jobs, store_job's
several-to-a-transaction form.
"""

from __future__ import annotations

import gc
import itertools
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from desktop.core import polite
from desktop.core.analyser import Analyser, worker_count
from desktop.core.batch.jobs import EXPORT, FAILED, Job, fail_job, release_jobs, start_jobs
from desktop.core.batch.progress import Progress
from desktop.core.batch.work import (Analysed, Fetched, Known, Listed, analyse_apart, download_job, expand_job,
                                     known_jobs, run_export, store_job, store_jobs, with_page)
from desktop.core.errors import ArchiveUnreachable, CuttingsError
from desktop.core.store.archive import Outcome
from desktop.core.store.db import Archive

POOL_FROM = 8
"""A batch of fewer jobs is done one job at a time, in order, analysed on a thread of this
process: a worker process spends ~3 s loading its language model, more than a few pages gain
from it. Larger batches store each job as it is ready, so their ids follow no file order."""

AHEAD = 4  # jobs downloaded or analysed ahead per analysis worker: enough to keep each busy
SCAN = 200  # how far down the queue the runner looks for a job whose host is free
GROUP = 16
"""How many finished jobs the writer stores in one transaction at most (work.store_jobs):
each group costs the one writer ~2.5 ms of CPU (its transaction, on SQLite a checkpoint at
the commit, and the statements it runs once: store.group), which on a 2-core machine is CPU
taken from the analysis workers."""
GATHER_S = 0.3
"""How long the writer waits, after a job finishes, for more to join its group: ~10 articles
from two workers on two cores (bench_batch --pages 600: 58 groups for 570 stored pages; at
0.1 s and 8 at most, 157). A job stored a few tenths of a second later is nothing to a batch;
the jobs waiting are counted in flight, so the limit leaves room for a group besides the workers'."""
TAKE_AHEAD = 16
"""How many of the next queued jobs are taken for this process (start_jobs) with the ones
about to start, in one transaction: the writer then commits once per ~16 jobs to take them,
not once per job. A process killed meanwhile leaves them RUNNING under its mark, and
`resume` puts them back as it does the jobs it was working on."""
RECONNECT_WAITS_S = (1, 2, 4, 8, 15)
"""Pauses before storing a group again when the archive's server could not be reached (a
restart takes it a few seconds): its transaction left nothing, so trying again is safe; after
the last the batch stops, its jobs left to `resume`."""


@dataclass
class Finished:
    """One job's end, as the runner reports it: the job and its Outcome or error."""

    job: Job
    outcome: Outcome | BaseException


Report = Callable[[Finished, Progress], None]


def _ignore(_finished: Finished, _progress: Progress) -> None:
    pass


class _Run:
    """One run over a list of jobs; see run_batch."""

    def __init__(self, archive: Archive, jobs: Sequence[Job], *, downloads: int, workers: int,
                 entities: bool, report: Report):
        self.archive, self.entities, self.report = archive, entities, report
        self.refused = [j for j in jobs if j.state == FAILED]  # bad lines of a file, failed as queued
        self.exports = [j for j in jobs if j.kind == EXPORT and j.state != FAILED]
        self.pending = [j for j in jobs if j.kind != EXPORT and j.state != FAILED]
        self.progress = Progress(len(jobs))
        self.events: queue.SimpleQueue = queue.SimpleQueue()  # (job, result or exception) from other threads
        self.in_flight = 0
        self.ours: set[int] = set()  # the ids of the jobs taken for this process (_take_ahead)
        self.known: dict[int, Known] = {}  # taken jobs whose address is stored already (known_jobs)
        self.not_started: Counter[str] = Counter()  # jobs handed to download threads not started yet, by host
        self.lock = threading.Lock()  # for not_started: the download threads count down
        small = len(self.pending) < POOL_FROM
        downloads = 1 if small else downloads
        # No stage messages: the CLI shows none (reading them cost the writer's thread).
        self.analyser = Analyser(in_process=small, workers=1 if small else workers, report_stages=False)
        if not small:
            self.analyser.warm_up()  # the models load while the first pages download
        self.group = 1 if small else GROUP  # a small batch stores each job in order, as it ends
        self.limit = 1 if small else max(downloads, self.analyser.workers * AHEAD) + GROUP
        self.threads = ThreadPoolExecutor(downloads, thread_name_prefix="download")

    def run(self) -> Progress:
        """Work off every job; return the final counts. Stops the workers whatever happens."""
        try:
            for job in self.refused:
                self._report(job, CuttingsError(job.reason))
            for job in self.exports:
                self._export(job)
            self._dispatch()
            while self.in_flight:
                finished = self._gather()
                self.in_flight -= len(finished)
                self._settle(finished)
                self._dispatch()
        except KeyboardInterrupt:
            release_jobs(self.archive)  # Ctrl-C: what was running goes back in the queue now
            raise
        finally:
            self.threads.shutdown(wait=False, cancel_futures=True)
            self.analyser.shutdown()
        return self.progress

    def _export(self, job: Job) -> None:
        if not self._take([job]):
            return
        try:
            results = run_export(self.archive, job)
        except Exception as exc:  # one input fails alone
            self._report(fail_job(self.archive, job, exc), exc)
            return
        self.progress.add(len(results) - 1)
        for name, outcome in results:
            self._report(Job(job.id, job.batch_id, name, name, job.state), outcome)

    def _dispatch(self) -> None:
        """Start downloads up to `limit` jobs in flight, jobs whose host is free first."""
        room = self.limit - self.in_flight
        if room <= 0 or not self.pending:
            return
        # Lazily, stopping at `room`: the first few jobs' hosts are usually free, and asking
        # the gate about all SCAN of them for every job would cost the one writer ~2 ms a job.
        head = self.pending[:SCAN]
        with self.lock:
            busy = {host for host, n in self.not_started.items() if n}
        ready = list(itertools.islice((j for j in head if self._free(j, busy)), room))
        chosen = ready or head[:room]
        picked = {id(j) for j in chosen}
        # Only the head is gone through (every chosen job is in it): going through a queue of
        # 2,000 jobs took the writer's thread ~0.2 ms on average for every job started.
        self.pending = [j for j in head if id(j) not in picked] + self.pending[SCAN:]
        for job in self._take_ahead(chosen):
            self.in_flight += 1
            if job.id in self.known:  # nothing to download
                self.events.put((job, self.known.pop(job.id)))
                continue
            with self.lock:
                self.not_started[_host(job)] += 1
            self.threads.submit(self._download, job)

    def _free(self, job: Job, busy: set[str]) -> bool:
        """Whether `job`'s host is free now (the gate's ready) and no job handed to a download
        thread, in this round or an earlier one, is yet to start there (it would make this one
        wait out the host's pause, holding a thread); the host of a free job is busy after."""
        host = _host(job)
        if host in busy or not polite.GATE.ready(_address(job)):
            return False
        busy.add(host)
        return True

    def _take_ahead(self, chosen: list[Job]) -> list[Job]:
        """The jobs of `chosen` this process holds: those not taken yet are taken (_take)
        together with the next TAKE_AHEAD pending ones; a job another importer took first
        leaves `chosen` and the pending list."""
        if all(j.id in self.ours for j in chosen):
            return chosen
        # Only jobs not held yet: one held already is RUNNING, and start_jobs would find it taken.
        asked = [j for j in chosen + self.pending[:TAKE_AHEAD] if j.id not in self.ours]
        taken_jobs = self._take(asked)
        self.known |= known_jobs(self.archive, taken_jobs)
        taken = {j.id for j in taken_jobs}
        self.ours |= taken
        lost = {j.id for j in asked} - taken
        if lost:
            self.pending = [j for j in self.pending if j.id not in lost]
        return [j for j in chosen if j.id in self.ours]

    def _download(self, job: Job) -> None:
        """On a download thread: download, then hand to the analyser (or straight back)."""
        with self.lock:
            self.not_started[_host(job)] -= 1
        try:
            fetched = download_job(self.archive, job, looked_up=True)
            if isinstance(fetched, (Known, Listed)):
                self.events.put((job, fetched))
                return
            future = self.analyser.submit(job.id, fetched, self.entities, task=analyse_apart)
        except Exception as exc:  # reported on the writer's thread: every job in flight comes back
            self.events.put((job, exc))
            return
        future.add_done_callback(lambda f: self.events.put((job, _result(f, fetched))))

    def _gather(self) -> list[tuple[Job, object]]:
        """The next finished jobs (job, result or exception): one, waited for, then those
        that finish within GATHER_S, up to `group`."""
        finished = [self.events.get()]
        deadline = time.monotonic() + GATHER_S
        while len(finished) < min(self.group, self.in_flight):
            try:
                finished.append(self.events.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                break
        return finished

    def _settle(self, finished: list[tuple[Job, object]]) -> None:
        """On the writer's thread: store the articles of `finished` and mark the jobs that
        failed FAILED in one transaction (store_jobs), expand feeds; report each job, in order."""
        stored = [(job, result) for job, result in finished if isinstance(result, (Analysed, Known))]
        failed = [(job, result) for job, result in finished if isinstance(result, Exception)]
        outcomes = iter(self._store(stored, failed))
        for job, result in finished:
            if isinstance(result, (Analysed, Known)):
                self._settle_one(job, next(outcomes))
            elif isinstance(result, Exception):
                self._report(job, result)  # marked FAILED with the group
            else:
                self._settle_one(job, result)

    def _store(self, stored: list[tuple[Job, Analysed | Known]],
               failed: Sequence[tuple[Job, Exception]] = ()) -> list[Outcome | Exception]:
        """store_jobs; when it raises (a job that cannot be stored, a full disk, a value the
        archive cannot take), each job is stored, or failed, alone, so each fails, or not, as
        it would alone. An unreachable server is waited for (RECONNECT_WAITS_S), then
        ArchiveUnreachable raised."""
        if not stored and not failed:
            return []
        for wait in (*RECONNECT_WAITS_S, None):
            try:
                return store_jobs(self.archive, stored, failed)
            except ArchiveUnreachable:
                if wait is None:
                    raise
                time.sleep(wait)
            except Exception:
                for job, error in failed:
                    fail_job(self.archive, job, error)
                return [_alone(self.archive, job, result) for job, result in stored]

    def _settle_one(self, job: Job, result) -> None:
        """Report a stored job, or expand or fail it."""
        try:
            if isinstance(result, BaseException):
                raise result
            if isinstance(result, Listed):
                added = expand_job(self.archive, job, result)
                self.pending[:0] = added  # a feed's entries next, before later inputs
                self.progress.add(len(added) - 1)
                return
        except Exception as exc:  # one job fails alone, with its reason kept
            self._report(fail_job(self.archive, job, exc), exc)
            return
        self._report(job, result)

    def _take(self, jobs: list[Job]) -> list[Job]:
        """Take `jobs` for this process (start_jobs); the ones another importer of the archive
        took first leave the count: they are that importer's to report."""
        taken = start_jobs(self.archive, jobs)
        self.progress.add(len(taken) - len(jobs))
        return taken

    def _report(self, job: Job, outcome) -> None:
        self.progress.finished(failed=isinstance(outcome, BaseException))
        self.report(Finished(job, outcome), self.progress)


def _alone(archive: Archive, job: Job, result: Analysed | Known) -> Outcome | Exception:
    try:
        return store_job(archive, job, result)
    except Exception as exc:  # one job fails alone, with its reason kept
        return exc


def _address(job: Job) -> str:
    return job.item.url if job.item is not None and job.item.url else job.source


def _host(job: Job) -> str:
    """The host the politeness limits count `job` against (polite.host_of)."""
    return polite.host_of(_address(job))


def _result(future: Future, fetched: Fetched) -> Analysed | BaseException:
    """The analysis of `fetched` (analyse_apart's, its page's bytes back), or why there is none."""
    if future.cancelled():
        return CuttingsError("The analysis was stopped")
    return future.exception() or with_page(future.result(), fetched)


def run_batch(archive: Archive, jobs: Sequence[Job], *, downloads: int = 8, workers: int | None = None,
              entities: bool = True, report: Report = _ignore) -> Progress:
    """Work off `jobs` (QUEUED, from enqueue or resume): `downloads` download threads,
    `workers` analysis processes (worker_count's for the CLI by default), each job stored
    and marked DONE on this thread (with the jobs that finished with it, up to GROUP, in
    one transaction: work.store_jobs), or marked FAILED with its reason.
    `report` is called on this thread as each job ends. Returns the final Progress."""
    # The objects made before the batch (the modules, the archive's tables: ~130,000) outlive
    # it; frozen while it runs, the collector's full passes no longer go through them all again
    # (half its time, ~3% of the importing process's CPU). Garbage is collected first, so none
    # is kept, and they are the collector's again after.
    gc.collect()
    gc.freeze()
    try:
        return _Run(archive, jobs, downloads=max(1, downloads),
                    workers=worker_count(window=False) if workers is None else workers,
                    entities=entities, report=report).run()
    finally:
        gc.unfreeze()
