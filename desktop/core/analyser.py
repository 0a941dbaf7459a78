"""Extraction and entities for imports from the window, in a process of their own.

Parsing a page and running the language model hold Python's GIL for long stretches; in a
thread of the window's process they froze the window for up to 0.7 s. One worker process
loads the model once and analyses one article at a time.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor

from desktop.core import pipeline
from desktop.core.article import Article
from desktop.core.pipeline import Loaded

_stages = None  # in the worker: where (item key, stage name) messages go


def _start(stages) -> None:
    global _stages
    _stages = stages
    if multiprocessing.parent_process() is not None:  # a worker process, not a thread
        threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    """End this worker when the process that started it ends. A window killed (SIGTERM at
    logout, SIGKILL, the OOM killer) never calls shutdown(), and its ~290 MB worker would
    otherwise run on under PID 1, one more for each window started after."""
    multiprocessing.parent_process().join()  # waits on the parent's sentinel, no polling
    os._exit(0)  # no cleanup worth waiting for: the worker only reads and computes


def _analyse(key: int, loaded: Loaded, entities: bool) -> Article:
    return pipeline.analyse(loaded, on_stage=lambda stage: _stages.put((key, stage)), entities=entities)


def _load_models() -> str | None:
    from desktop.core.entities import load_models

    return load_models()


class Analyser:
    """Runs `pipeline.analyse` off the caller's process (or, with in_process, on one thread)."""

    def __init__(self, in_process: bool = False):
        if in_process:
            self._stages = queue.SimpleQueue()
            self._pool: Executor = ThreadPoolExecutor(1, initializer=_start, initargs=(self._stages,))
        else:
            context = multiprocessing.get_context("spawn")  # never fork a process running Qt
            self._stages = context.SimpleQueue()
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start, initargs=(self._stages,))

    def submit(self, key: int, loaded: Loaded, entities: bool = True) -> Future:
        """Start analysing (finding entities unless `entities` is off); the future's result
        is the Article (or the CuttingsError)."""
        return self._pool.submit(_analyse, key, loaded, entities)

    def warm_up(self) -> Future:
        """Start the worker and load its models before the first article needs them; the
        future's result is the spaCy model package (None: entities are off)."""
        return self._pool.submit(_load_models)

    def stages(self) -> list[tuple[int, str]]:
        """The (item key, stage) messages sent since the last call."""
        messages = []
        while not self._stages.empty():
            messages.append(self._stages.get())
        return messages

    def shutdown(self) -> None:
        """Drop what has not started and stop the worker process: it only reads and computes
        (articles are stored by the caller), so stopping it mid-article loses nothing, and
        the app need not linger after its window closes while the worker loads its models."""
        # ProcessPoolExecutor.terminate_workers() arrives in Python 3.14; shutdown() forgets
        # the processes, so take them first.
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
