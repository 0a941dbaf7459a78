"""Importing from the window, issue 18: a page stuck in analysis fails after its time budget,
and cancelling it frees the worker for the pages behind it."""

from __future__ import annotations

import threading

import pytest

from desktop.core import pipeline
from desktop.core.analyser import Analyser
from desktop.core.dropped import Dropped
from desktop.core.query import total
from desktop.core.store.archive import SAVED
from desktop.gui.import_queue import CANCELLED, FAILED
from tests.gui.test_imports import rows, serve, settle


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    """Entities are tested elsewhere: no waiting for the language model here."""
    monkeypatch.setattr(pipeline, "add_entities", lambda article, on_stage=None: article)


@pytest.fixture
def stuck(monkeypatch):
    """Pages whose address holds "/stuck" hang in analysis until the test ends (or `set()`)."""
    release = threading.Event()
    real = pipeline.analyse

    def analyse(loaded, on_stage=lambda stage: None, entities=True):
        if "/stuck" in (loaded.url or ""):
            on_stage(pipeline.EXTRACTING)
            release.wait(30)
        return real(loaded, on_stage, entities)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    yield release
    release.set()


def test_a_page_over_the_analysis_budget_fails_and_the_next_is_saved(qtbot, archive, httpserver, stuck, make_queue):
    queue = make_queue(analyser=Analyser(in_process=True, budget=1))
    queue.add([Dropped(serve(httpserver, "/stuck")), Dropped(serve(httpserver, "/next"))])
    settle(qtbot, queue)
    assert queue.item(0).state == FAILED
    assert queue.item(0).message == "Analysing this page took longer than 1 s; it was stopped."
    assert queue.item(1).state == SAVED and total(archive) == 1
    assert not stuck.is_set()  # the stuck page never finished: the next one did not wait for it


def test_cancelling_the_page_being_analysed_lets_the_next_one_through(qtbot, archive, httpserver, stuck, make_queue):
    analyser = Analyser(in_process=True)  # the real budget: only the cancel can free the worker
    queue = make_queue(analyser=analyser)
    queue.add([Dropped(serve(httpserver, "/stuck"))])
    rows(qtbot, queue, 1)
    qtbot.waitUntil(lambda: queue.item(0).state == pipeline.EXTRACTING, timeout=5000)
    queue.add([Dropped(serve(httpserver, "/next"))])
    qtbot.waitUntil(lambda: len(analyser._waiting) == 1, timeout=5000)  # the next one waits behind it
    queue.cancel([0])
    settle(qtbot, queue, timeout=10_000)
    assert [queue.item(0).state, queue.item(1).state] == [CANCELLED, SAVED]
    assert not stuck.is_set() and total(archive) == 1
