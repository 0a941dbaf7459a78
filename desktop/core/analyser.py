"""Extraction and entities for imports, in worker processes of their own.

Parsing a page and running the language model hold Python's GIL for long stretches; in a
thread of the window's process they froze the window for up to 0.7 s. Each worker process
loads the model once and analyses one article at a time; a batch runs as many workers as
worker_count finds the machine can take.

Each article has a time and a memory budget in the worker; an article over either, or one the user cancels
while it is analysed, has its worker terminated and replaced, so the articles behind it
are not kept waiting (the new worker loads its models again, ~3 s).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, InvalidStateError, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import psutil

from desktop.core import pipeline
from desktop.core.errors import CuttingsError

BUDGET_S = 60.0
"""How long the worker may spend on one article before it is stopped. The slowest pages
met so far (tens of thousands of tiny paragraphs, issue 18) took ~25 s before their fixes
and a few seconds since; 60 s leaves room for a slow machine and for the ~3 s a fresh
worker spends loading its models, so a page over it is stuck rather than slow."""

MEMORY_BUDGET_MB = 1_500
"""How much memory the worker may hold while it analyses one article. It holds ~300 MB with
its models loaded; the most any of 210 fuzzed pages took it to (megabytes of JSON-LD and
attributes, million-character paragraphs; benchmarks/bench_robustness.py) was ~650 MB, so a
page over this would only take memory from the rest of the machine."""
WATCH_S = 0.25  # how often the budgets are checked while an article is analysed

WORKER_MB = 450
"""The memory one worker is counted at when sizing the pool: ~300 MB with its models loaded
(above) plus the ~150 MB a large page takes it to while it parses."""

Task = Callable[..., object]  # task(loaded, on_stage=..., entities=...): what a worker runs

_local = threading.local()  # in a worker: `stages`, where (item key, stage name) messages go


def _start(stages) -> None:
    _local.stages = stages  # thread-local: in-process, every worker thread has its own queue
    if multiprocessing.parent_process() is not None:  # a worker process, not a thread
        threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    """End this worker when the process that started it ends. A window killed (SIGTERM at
    logout, SIGKILL, the OOM killer) never calls shutdown(), and its ~290 MB worker would
    otherwise run on under PID 1, one more for each window started after."""
    multiprocessing.parent_process().join()  # waits on the parent's sentinel, no polling
    os._exit(0)  # no cleanup worth waiting for: the worker only reads and computes


def _analyse(task: Task, key: int, loaded, entities: bool, report_stages: bool):
    stages = _local.stages
    on_stage = (lambda stage: stages.put((key, stage))) if report_stages else _quiet
    return task(loaded, on_stage=on_stage, entities=entities)


def _quiet(_stage: str) -> None:
    pass


def _load_models() -> str | None:
    from desktop.core.entities import load_models

    return load_models()


@dataclass(eq=False)  # a job is itself: one page may be queued twice
class _Job:
    """One article to analyse and the future its caller holds."""

    key: int
    loaded: object
    entities: bool
    task: Task
    future: Future = field(default_factory=Future)


class _Worker:
    """One worker process (a thread, in-process), the article it analyses and when that
    article's time is up (`deadline`, time.monotonic; None: not counting). `up` is done once
    the worker answers with its process id: the budget counts from then, as starting a
    process (~1 s here) is no fault of the page."""

    def __init__(self, in_process: bool):
        self.running: _Job | None = None
        self.deadline: float | None = None
        self._in_process, self._process = in_process, None
        # A new stage queue for each worker: one terminated mid-message may leave the old
        # one's lock taken.
        if in_process:
            self.stages = queue.SimpleQueue()
            self.pool: Executor = ThreadPoolExecutor(1, initializer=_start, initargs=(self.stages,))
        else:
            context = multiprocessing.get_context("spawn")  # never fork a process running Qt
            self.stages = context.SimpleQueue()
            self.pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start, initargs=(self.stages,))
        self.up = self.pool.submit(os.getpid)

    def process(self):
        """The worker process's psutil handle once it is `up` (None in-process, or when it
        failed to start or has gone), made once: making one reads its start time from /proc,
        which for every article was most of the cost of watching its budgets."""
        if self._process is None and not self._in_process and self.up.done() and self.up.exception() is None:
            self._process = _process(self.up.result())
        return self._process

    def stop_clock(self) -> None:
        """Stop counting the running article's budgets (they may not have started)."""
        self.deadline = None

    def terminate(self) -> None:
        """Stop the worker now, whatever it is doing, and refuse new work."""
        # ProcessPoolExecutor.terminate_workers() arrives in Python 3.14; shutdown() forgets
        # the processes, so take them first.
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


def worker_count(window: bool, memory_mb: float | None = None) -> int:
    """How many analysis workers suit this machine: every core for the CLI, one fewer for
    the window (its own thread needs one to stay responsive), and no more than the
    available memory holds at WORKER_MB each (`memory_mb`: psutil's available memory)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    available = psutil.virtual_memory().available / 2**20 if memory_mb is None else memory_mb
    return max(1, min(cores - 1 if window else cores, int(available // WORKER_MB)))


class Analyser:
    """Runs `pipeline.analyse` (or another `task`) off the caller's process (or, with
    in_process, on threads) in `workers` worker processes, one article each at a time, each
    article within `budget` seconds and each worker within `memory_mb`.

    Only the articles being analysed are handed to workers; the others wait here, so that
    replacing a worker loses none of them and the budget counts from the article's start.
    In-process (tests), a stopped article's thread cannot be killed: it is left to finish
    unheard while a new thread takes the next article. With `report_stages` off the workers
    send no stage messages (`stages`): a caller that shows none saves reading them, and
    unread they would fill a worker's pipe (~900 articles) and block it.
    """

    def __init__(self, in_process: bool = False, budget: float = BUDGET_S,
                 memory_mb: float = MEMORY_BUDGET_MB, workers: int = 1, report_stages: bool = True):
        self._in_process, self._report_stages = in_process, report_stages
        self._budget, self._memory_mb = budget, memory_mb
        self._lock = threading.RLock()  # the pool's callbacks may run inside _next, under it
        self._waiting: deque[_Job] = deque()
        self._workers = [_Worker(in_process) for _ in range(max(1, workers))]
        self._watch: threading.Thread | None = None  # _watch_budgets, while an article is counted
        self._closed = threading.Event()  # set at shutdown

    @property
    def workers(self) -> int:
        """How many articles are analysed at once."""
        return len(self._workers)

    def submit(self, key: int, loaded, entities: bool = True, task: Task | None = None) -> Future:
        """Queue an article (finding entities unless `entities` is off); the future's result
        is what `task(loaded, on_stage=..., entities=...)` returns (default pipeline.analyse:
        the Article), or its CuttingsError, among them the budgets'. `task` must be a
        module-level function (it is sent to a worker process). Cancelling the future of
        the article being analysed stops its worker."""
        job = _Job(key, loaded, entities, task or pipeline.analyse)
        job.future.add_done_callback(lambda _future: self._on_done(job))
        with self._lock:
            self._waiting.append(job)
            self._next()
        return job.future

    def _next(self) -> None:
        """Hand waiting articles to idle workers and start their clocks (lock held)."""
        for index, worker in enumerate(self._workers):
            if not self._waiting:
                return
            if worker.running is not None:
                continue
            job = self._waiting.popleft()
            try:
                inner = worker.pool.submit(_analyse, job.task, job.key, job.loaded, job.entities, self._report_stages)
            except BrokenProcessPool:  # it died while idle: a new one takes the article
                worker.terminate()
                worker = self._workers[index] = _Worker(self._in_process)
                inner = worker.pool.submit(_analyse, job.task, job.key, job.loaded, job.entities, self._report_stages)
            worker.running = job
            inner.add_done_callback(lambda inner, worker=worker, job=job: self._finished(worker, job, inner))
            worker.up.add_done_callback(lambda up, worker=worker, job=job: self._start_clock(worker, job, up))

    def _start_clock(self, worker: _Worker, job: _Job, _up: Future) -> None:
        """Count `job`'s budgets from now, on the one watch thread (started when none runs):
        a thread for every article cost the importing process ~0.3 ms an article."""
        with self._lock:
            if worker.running is job:
                worker.deadline = time.monotonic() + self._budget
                if self._watch is None:
                    self._watch = threading.Thread(target=self._watch_budgets, name="analyser-budget", daemon=True)
                    self._watch.start()

    def _watch_budgets(self) -> None:
        """Every WATCH_S, stop each article that has run out of time or whose worker has run
        out of memory (its resident set); return when no article is counted, or at shutdown."""
        while not self._closed.wait(WATCH_S):
            with self._lock:
                counted = [(w, w.running, w.deadline) for w in self._workers if w.deadline is not None]
                if not counted:
                    self._watch = None  # under the lock: _start_clock starts another when needed
                    return
            for worker, job, deadline in counted:
                message = self._over_budget(worker, deadline)
                if message is not None and self._stop(job):
                    _settle(job.future.set_exception, CuttingsError(message))

    def _over_budget(self, worker: _Worker, deadline: float) -> str | None:
        """Why the article `worker` analyses must stop (its `deadline` passed, its memory is
        over budget), or None."""
        if time.monotonic() > deadline:
            return f"Analysing this page took longer than {self._budget:g} s; it was stopped."
        process = worker.process()
        if process is not None and _resident_mb(process) > self._memory_mb:
            return f"Analysing this page needed more than {self._memory_mb:,.0f} MB of memory; it was stopped."
        return None

    def _finished(self, worker: _Worker, job: _Job, inner: Future) -> None:
        with self._lock:
            if worker.running is not job:  # stopped: its worker was replaced, its answer is moot
                return
            worker.running = None
            worker.stop_clock()
            error = inner.exception()
            if isinstance(error, BrokenProcessPool):  # the worker died (the OOM killer, a crash)
                worker.terminate()
                self._workers[self._workers.index(worker)] = _Worker(self._in_process)
                error = CuttingsError("The process analysing this page ended abruptly; it was replaced.")
            self._next()
        # Outside the lock: the caller's callbacks run here and may submit.
        if error is not None:
            _settle(job.future.set_exception, error)
        else:
            _settle(job.future.set_result, inner.result())

    def _on_done(self, job: _Job) -> None:
        """If the caller cancelled `job`: forget it if it waits, stop its worker if it runs (on
        a thread of its own, as starting the next worker takes a while)."""
        if not job.future.cancelled():
            return
        with self._lock:
            if job in self._waiting:
                self._waiting.remove(job)
            elif any(w.running is job for w in self._workers):
                threading.Thread(target=self._stop, args=(job,), name="analyser-stop", daemon=True).start()

    def _stop(self, job: _Job) -> bool:
        """Replace the worker if it is still analysing `job` (True), and go on with the next."""
        with self._lock:
            index = next((i for i, w in enumerate(self._workers) if w.running is job), None)
            if index is None:
                return False
            worker = self._workers[index]
            worker.running = None
            worker.stop_clock()
            worker.terminate()
            self._workers[index] = _Worker(self._in_process)
            self._next()
        return True

    def warm_up(self) -> Future:
        """Start the workers and load their models before the first article needs them; the
        future's result (the first worker's) is the spaCy model package (None: entities are off)."""
        futures = [w.pool.submit(_load_models) for w in self._workers]
        return futures[0]

    def stages(self) -> list[tuple[int, str]]:
        """The (item key, stage) messages sent since the last call."""
        messages = []
        for worker in self._workers:
            while not worker.stages.empty():
                messages.append(worker.stages.get())
        return messages

    def shutdown(self) -> None:
        """Drop what has not started and stop the worker processes: they only read and
        compute (articles are stored by the caller), so stopping one mid-article loses
        nothing, and the app need not linger after its window closes while a worker loads
        its models."""
        self._closed.set()
        with self._lock:
            waiting, self._waiting = list(self._waiting), deque()
            for worker in self._workers:
                if worker.running is not None:
                    waiting.append(worker.running)
                    worker.running = None
                    worker.stop_clock()
                worker.terminate()
        for job in waiting:
            job.future.cancel()


def _process(pid: int):
    """The psutil handle of process `pid`, None if it has already gone."""
    try:
        return psutil.Process(pid)
    except psutil.Error:
        return None


def _resident_mb(process) -> float:
    """The resident memory of `process` in megabytes (0 once it has gone)."""
    try:
        return process.memory_info().rss / 2**20
    except psutil.Error:
        return 0.0


def _settle(setter, value) -> None:
    """Give a future its outcome unless it already has one (the caller cancelled it, or
    the budget ran out as the answer arrived)."""
    try:
        setter(value)
    except InvalidStateError:
        pass
