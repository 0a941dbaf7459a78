"""The analyser with several worker processes: articles analysed side by side, one per
worker, and a worker that dies replaced without losing the articles behind it."""

from __future__ import annotations

import os
import time

import pytest

from desktop.core.analyser import Analyser, worker_count
from desktop.core.errors import CuttingsError


def pid_after(seconds, on_stage=None, entities=True):
    """A task for the workers: wait, then tell which process ran it."""
    time.sleep(seconds)
    return os.getpid()


def die(_loaded, on_stage=None, entities=True):
    os._exit(3)  # as the OOM killer would end it: no exception, no answer


def test_two_workers_analyse_side_by_side_and_a_dead_one_is_replaced():
    analyser = Analyser(workers=2)
    try:
        for up in [analyser.submit(n, 0.0, task=pid_after) for n in range(2)]:
            up.result(60)  # both workers started
        first = [analyser.submit(n, 1.0, task=pid_after) for n in range(2)]
        assert len({f.result(60) for f in first}) == 2  # two processes, one article each
        dead = analyser.submit(9, None, task=die)
        behind = [analyser.submit(10 + n, 0.0, task=pid_after) for n in range(3)]
        with pytest.raises(CuttingsError, match="ended abruptly"):
            dead.result(60)
        assert all(isinstance(f.result(60), int) for f in behind)
    finally:
        analyser.shutdown()


def test_the_pool_is_sized_by_cores_and_memory():
    cores = len(os.sched_getaffinity(0))
    assert worker_count(window=False, memory_mb=100_000) == cores
    assert worker_count(window=True, memory_mb=100_000) == max(1, cores - 1)
    assert worker_count(window=False, memory_mb=500) == 1  # room for one worker only


def test_a_workers_memory_is_watched_through_one_handle_made_once(monkeypatch):
    """Making a psutil handle reads the process's start time: it was made for every article."""
    from desktop.core import analyser as module

    made = []
    real = module.psutil.Process
    monkeypatch.setattr(module.psutil, "Process", lambda pid: made.append(pid) or real(pid))
    analyser = Analyser(workers=1)
    try:
        pids = {analyser.submit(n, 0.3, task=pid_after).result(60) for n in range(3)}
    finally:
        analyser.shutdown()
    assert made == list(pids)  # one worker, one handle


def test_one_thread_watches_the_budgets_of_the_articles_one_after_another(monkeypatch):
    """A thread started for every article's watch cost the importing process ~0.3 ms an article."""
    import threading

    started = []
    real = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: started.append(self.name) or real(self))
    analyser = Analyser(in_process=True, budget=30)
    try:
        assert [f.result(60) for f in [analyser.submit(n, 0.05, task=pid_after) for n in range(5)]] == [os.getpid()] * 5
    finally:
        analyser.shutdown()
    assert started.count("analyser-budget") == 1
