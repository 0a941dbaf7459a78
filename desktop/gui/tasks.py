"""The one way the window runs slow work: off the GUI thread, results back by a signal.

`runner.run(key, func, callback, on_error)` runs `func()` on a QThreadPool. Its result (or
exception) comes back to the GUI thread, where `callback(result)` (or `on_error(exc)`) is
called — unless a newer task with the same `key` was started meanwhile: an older query
finishing after a newer one is dropped (a generation counter per key).

Workers never touch widgets; they only call core functions. Tests may swap in
`SyncRunner`, which runs everything at once on the calling thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call across threads.

    Only a job number crosses in the signal; the result waits in `results` (PySide6 6.12
    miscounts references of None and bools sent through queued signals, which crashes).
    """

    finished = Signal(int)  # job number

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.lock = threading.Lock()
        self.results: dict[int, tuple[bool, Any]] = {}


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job: int, func: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(True)
        self._relay, self._job, self._func = relay, job, func

    def run(self) -> None:  # worker thread: no widgets here
        try:
            outcome = (True, self._func())
        except BaseException as exc:  # handed to the GUI thread, never lost
            outcome = (False, exc)
        with self._relay.lock:
            self._relay.results[self._job] = outcome
        self._relay.finished.emit(self._job)


class TaskRunner(QObject):
    """Runs callables on a thread pool; delivers the newest result per key to the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._generations: dict[object, int] = {}
        self._jobs = itertools.count(1)
        # job number -> (key, generation, callback, on_error)
        self._pending: dict[int, tuple[object, int, Callback | None, ErrorCallback | None]] = {}

    def run(
        self,
        key: object,
        func: Callable[[], Any],
        callback: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> int:
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        job = next(self._jobs)
        self._pending[job] = (key, generation, callback, on_error)
        self._pool.start(_Job(self._relay, job, func))
        return generation

    def set_max_threads(self, count: int) -> None:
        """Run up to `count` tasks at once from now on (running ones are not stopped)."""
        self._pool.setMaxThreadCount(count)

    def max_threads(self) -> int:
        """How many tasks run at once at most."""
        return self._pool.maxThreadCount()

    def cancel(self, key: object) -> None:
        """Forget what the running task of `key` returns (it still runs to its end)."""
        self._generations[key] = self._generations.get(key, 0) + 1

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int)
    def _deliver(self, job: int) -> None:
        with self._relay.lock:
            ok, result = self._relay.results.pop(job)
        key, generation, callback, on_error = self._pending.pop(job)
        if generation != self._generations.get(key):
            return  # stale: a newer task with this key was started
        _call(callback, on_error, ok, result)


class SyncRunner(QObject):
    """Same interface, runs at once on the calling thread (for tests and scripts)."""

    def run(self, key, func, callback=None, on_error=None) -> int:
        try:
            result, ok = func(), True
        except Exception as exc:
            result, ok = exc, False
        _call(callback, on_error, ok, result)
        return 0

    def cancel(self, key) -> None:
        pass

    def busy(self) -> bool:
        return False

    def wait(self, msecs: int = 0) -> bool:
        return True


def _call(callback: Callback | None, on_error: ErrorCallback | None, ok: bool, result: Any) -> None:
    if ok:
        if callback is not None:
            callback(result)
    elif on_error is not None:
        on_error(result)
    else:
        log.error("background task failed", exc_info=result)


def wait_for(signal, done: Callable[[], bool], timeout_ms: int) -> bool:
    """Process events until `signal` is emitted with `done()` then true, at most `timeout_ms`
    milliseconds (scripts and smoke tests wait so for the window); returns `done()`."""
    loop, timer = QEventLoop(), QTimer(singleShot=True)
    timer.timeout.connect(loop.quit)
    signal.connect(loop.quit)
    timer.start(timeout_ms)
    while timer.isActive():
        loop.exec()
        if done():
            break
    signal.disconnect(loop.quit)
    timer.stop()
    return done()
