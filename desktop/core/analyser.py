"""Extraction and entities for imports from the window, in a process of their own.

Parsing a page and running the language model hold Python's GIL for long stretches; in a
thread of the window's process they froze the window for up to 0.7 s. One worker process
loads the model once and analyses one article at a time.
"""

from __future__ import annotations

import multiprocessing
import queue
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor

from desktop.core import pipeline
from desktop.core.article import Article
from desktop.core.pipeline import Loaded

_stages = None  # in the worker: where (item key, stage name) messages go


def _start(stages) -> None:
    global _stages
    _stages = stages


def _analyse(key: int, loaded: Loaded) -> Article:
    return pipeline.analyse(loaded, on_stage=lambda stage: _stages.put((key, stage)))


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

    def submit(self, key: int, loaded: Loaded) -> Future:
        """Start analysing; the future's result is the Article (or the CuttingsError)."""
        return self._pool.submit(_analyse, key, loaded)

    def stages(self) -> list[tuple[int, str]]:
        """The (item key, stage) messages sent since the last call."""
        messages = []
        while not self._stages.empty():
            messages.append(self._stages.get())
        return messages

    def shutdown(self) -> None:
        """Drop what has not started; do not wait for the article being analysed."""
        self._pool.shutdown(wait=False, cancel_futures=True)
