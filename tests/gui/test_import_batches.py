"""The import panel on the archive's queue (issue 15): a batch interrupted by closing the
window goes on in the next one, progress with the time left, failures by reason, Retry
failed, Export failed list…, Import from… with a row per link, and a panel of thousands of
rows that only changes in blocks."""

from __future__ import annotations

import csv
import threading

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog
from werkzeug import Response

from desktop.core import pipeline, polite
from desktop.core.analyser import Analyser
from desktop.core.dropped import Dropped
from desktop.core.query import detail, total
from desktop.core.store.archive import SAVED
from desktop.gui import import_queue
from desktop.gui.import_queue import FAILED, QUEUED
from desktop.gui.import_rows import ImportRows, Item
from desktop.gui.imports import ImportPanel
from tests.gui.test_imports import page, rows, serve, settle

NOT_AN_ADDRESS, NOT_FOUND = "not a web address", "page not found (404)"


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    """No language model to wait for; analysis on threads of the test process."""
    monkeypatch.setattr(pipeline, "add_entities", lambda article, on_stage=None: article)
    monkeypatch.setattr(import_queue, "Analyser", lambda **kw: Analyser(in_process=True, **kw))
    monkeypatch.setattr(polite, "GATE", polite.Gate(pause=0))  # no slot held by another test's download


@pytest.fixture
def panel(qtbot, archive, make_queue):
    panel = ImportPanel(make_queue())
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    return panel


def missing(n: int) -> list[Dropped]:
    return [Dropped(f"missing-{i}.html") for i in range(n)]


def test_a_batch_interrupted_by_closing_the_window_goes_on_in_the_next_one(qtbot, archive, make_window, httpserver,
                                                                          monkeypatch):
    monkeypatch.setattr(polite, "GATE", polite.Gate(per_host=3, pause=0))  # the quick page never waits for a slow one
    release = threading.Event()
    for path in ("/slow-1", "/slow-2"):
        httpserver.expect_request(path).respond_with_handler(
            lambda _r, path=path: (release.wait(10), Response(page(path), content_type="text/html"))[1])
    quick = serve(httpserver, "/quick")
    window = make_window(archive)
    window.import_inputs([Dropped(quick), Dropped(httpserver.url_for("/slow-1")), Dropped(httpserver.url_for("/slow-2"))])
    qtbot.waitUntil(lambda: window.imports.rowCount() == 3 and window.imports.item(0).state == SAVED
                    and window.imports.item(2).state == "downloading", timeout=20_000)
    assert window.close()  # no question: nothing is lost
    release.set()  # the pages arrive after the window closed: they are not stored by it
    qtbot.waitUntil(lambda: not window.imports.downloading(), timeout=5000)
    qtbot.wait(100)
    assert total(archive) == 1

    release.clear()  # the slow pages hold on again: the new window has work to show
    again = make_window(archive)
    queue, panel = again.imports, again.import_dock.panel
    qtbot.waitUntil(lambda: queue.rowCount() == 3, timeout=5000)
    assert again.import_dock.isVisible()
    assert panel.continuing.isVisibleTo(panel) and panel.continuing.text().endswith(": 2 left")
    assert panel.continuing.text().startswith("Continuing an import stopped on ")
    release.set()
    settle(qtbot, queue)
    assert [queue.item(i).state for i in range(3)] == [SAVED, SAVED, SAVED]
    assert total(archive) == 3 and panel.status.text() == "3 of 3"
    assert [r.path for r, _ in httpserver.log].count("/quick") == 1  # nothing done twice
    assert not panel.continuing.isVisibleTo(panel)
    newest = queue.saved_in_batch()[-1]  # the batch's newest article is shown
    assert newest in (queue.item(1).article_id, queue.item(2).article_id)
    qtbot.waitUntil(lambda: again.current_id() == newest, timeout=5000)


def test_cancel_the_rest_of_an_interrupted_batch(qtbot, archive, make_window, httpserver):
    from desktop.core.batch import enqueue, queue_status

    release = threading.Event()
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: (release.wait(10), Response(page("/slow"), content_type="text/html"))[1])
    enqueue(archive, [httpserver.url_for(f"/slow?n={n}") for n in range(3)])  # a batch a killed window left
    window = make_window(archive)
    panel = window.import_dock.panel
    qtbot.waitUntil(lambda: panel.cancel_rest_button.isVisibleTo(panel), timeout=5000)
    assert panel.continuing.text().endswith(": 3 left")
    panel.cancel_rest_button.click()
    settle(qtbot, window.imports)
    release.set()
    assert not panel.cancel_rest_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: queue_status(archive).counts()["cancelled"] == 3, timeout=5000)
    qtbot.waitUntil(lambda: not window.imports.downloading(), timeout=5000)
    qtbot.wait(100)
    assert total(archive) == 0 and queue_status(archive).counts()["queued"] == 0


def test_progress_line_counts_the_rows_and_gives_the_time_left_once_meaningful():
    now = [0.0]
    model = ImportRows(clock=lambda: now[0])
    model.join_batch()
    items = [Item(key, f"https://x.example/{key}", "") for key in range(1, 101)]
    model.append(items)
    assert model.progress_line() == "0 of 100"
    for second, item in enumerate(items[:2], 1):
        now[0] = second * 6.0
        model.set_state(item, SAVED)
    assert model.progress_line() == "2 of 100"  # two items are no rate worth a promise
    for item in items[2:10]:
        now[0] += 6.0
        model.set_state(item, FAILED, "The site answered 404 Not Found")
    # 10 items in 60 s: the 90 left take about 9 minutes
    assert model.progress_line() == "10 of 100 · 8 failed · about 9 min left"
    model.set_state(items[10], "cancelled")
    assert model.progress_line().startswith("10 of 99 · 8 failed")


def test_failures_by_reason_and_retry_of_one_reason(qtbot, panel, httpserver):
    queue = panel.queue
    httpserver.expect_oneshot_request("/gone").respond_with_data("gone", status=404)
    queue.add(missing(2) + [Dropped(httpserver.url_for("/gone"))])
    rows(qtbot, queue, 3)
    settle(qtbot, queue)
    qtbot.waitUntil(lambda: panel.failures.text() == f"2 {NOT_AN_ADDRESS} · 1 {NOT_FOUND}")
    assert panel.failures.isVisibleTo(panel) and panel.export_button.isEnabled()

    menu = panel.retry_button.menu()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["All failed (3)", f"2 {NOT_AN_ADDRESS}", f"1 {NOT_FOUND}"]
    serve(httpserver, "/gone")  # the site is back
    menu.actions()[2].trigger()
    settle(qtbot, queue)
    assert [queue.item(i).state for i in range(3)] == [FAILED, FAILED, SAVED]
    qtbot.waitUntil(lambda: panel.failures.text() == f"2 {NOT_AN_ADDRESS}")
    assert panel.status.text() == "3 of 3 · 2 failed"  # every row listed, the retried one saved


def test_export_failed_list_as_csv(qtbot, panel, tmp_path, monkeypatch, httpserver):
    queue = panel.queue
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    queue.add([Dropped(httpserver.url_for("/gone")), Dropped(serve(httpserver, "/fine"))] + missing(1))
    rows(qtbot, queue, 3)
    settle(qtbot, queue)
    out = tmp_path / "failed.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    told = []
    panel.told.connect(told.append)
    panel.export_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == [f"2 failed imports written to {out}"]
    with out.open(newline="", encoding="utf-8") as f:
        written = list(csv.DictReader(f))
    assert [(r["url"], r["group"]) for r in written] == [(httpserver.url_for("/gone"), NOT_FOUND),
                                                        ("missing-0.html", NOT_AN_ADDRESS)]
    assert written[0]["reason"] == "The site answered 404 Not Found"


def test_export_failed_list_to_an_unwritable_place_says_why(qtbot, panel, tmp_path, monkeypatch):
    panel.queue.add(missing(1))
    rows(qtbot, panel.queue, 1)
    settle(qtbot, panel.queue)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "f.csv"), ""))
    told = []
    panel.told.connect(told.append)
    panel.export_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told[0].startswith("Cannot write ") and "Traceback" not in told[0]


def test_import_from_a_pocket_csv_shows_a_row_per_link(qtbot, archive, make_window, tmp_path, httpserver,
                                                       monkeypatch, config_file):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')
    httpserver.expect_request("/dead").respond_with_data("gone", status=404)
    export = tmp_path / "pocket.csv"
    export.write_text("title,url,time_added,tags,status\n"
                      f"Rally in Belgrade,{serve(httpserver, '/rally')},1674295200,russia|exiles,archive\n"
                      f"A dead link,{httpserver.url_for('/dead')},1676000000,,unread\n"
                      f"March in Tbilisi,{serve(httpserver, '/march')},1715000000,georgia,unread\n")
    window = make_window(archive)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(export)], ""))
    window.actions["import_from"].trigger()
    queue = window.imports
    rows(qtbot, queue, 3)
    assert [queue.item(i).title for i in range(3)] == ["Rally in Belgrade", "A dead link", "March in Tbilisi"]
    settle(qtbot, queue)
    assert [queue.item(i).state for i in range(3)] == [SAVED, FAILED, SAVED]
    assert detail(archive, queue.item(0).article_id).tags == ["archived", "exiles", "russia"]
    assert window.import_dock.panel.failures.text() == f"1 {NOT_FOUND}"
    assert total(archive) == 2


def test_five_thousand_queued_rows_arrive_in_one_insert_and_start_a_few_at_a_time(qtbot, archive, httpserver, make_queue):
    release = threading.Event()
    httpserver.expect_request("/hold").respond_with_handler(
        lambda _r: (release.wait(10), Response(page("/hold"), content_type="text/html"))[1])
    queue = make_queue(downloads=2)
    QAbstractItemModelTester(queue, QAbstractItemModelTester.FailureReportingMode.Fatal)
    inserts, changes = [], []
    queue.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    queue.dataChanged.connect(lambda first, last: changes.append(last.row()))
    queue.add([Dropped(httpserver.url_for(f"/hold?n={n}")) for n in range(5000)])
    rows(qtbot, queue, 5000, timeout=30_000)
    assert inserts == [5000]  # one insert for the whole batch
    qtbot.waitUntil(lambda: queue.counts()[QUEUED] < 5000, timeout=5000)
    started = 5000 - queue.counts()[QUEUED]
    assert started <= 2 + 1 + import_queue.AHEAD  # the rest wait in the archive, not in threads
    changes.clear()
    queue.cancel()  # 5,000 rows change at once...
    # ...and the view hears of it at most once now and once after FLUSH_MS, not 5,000 times
    qtbot.waitUntil(lambda: 4999 in changes, timeout=2000)
    assert len(changes) <= 2
    assert not queue.is_active() and queue.progress_line() == "0 of 0"
    release.set()
    qtbot.waitUntil(lambda: not queue.downloading(), timeout=15_000)
    assert queue.rowCount() == 5000 and total(archive) == 0


def test_cancel_is_offered_only_for_selected_rows_still_to_be_done(qtbot, panel, httpserver):
    release = threading.Event()
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: (release.wait(10), Response(page("/slow"), content_type="text/html"))[1])
    queue = panel.queue
    queue.add(missing(1) + [Dropped(httpserver.url_for("/slow"))])
    rows(qtbot, queue, 2)
    qtbot.waitUntil(lambda: queue.item(0).state == FAILED)
    assert not panel.cancel_button.isEnabled()  # nothing selected
    panel.table.selectRow(0)
    assert not panel.cancel_button.isEnabled()  # a failed row has nothing left to cancel
    panel.table.selectRow(1)
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    release.set()
    settle(qtbot, queue)
    assert not panel.cancel_button.isEnabled()


def test_a_files_row_is_named_by_its_folder_and_name_until_its_title_is_known(tmp_path):
    from desktop.core import batch
    from desktop.core.batch import Job
    from desktop.gui.import_jobs import item_of_job

    def title(source: str, name: str) -> str:
        return item_of_job(Job(1, 1, source, name, batch.QUEUED)).title

    pages = [tmp_path / folder / "source.html" for folder in ("bbc-1", "cnn")]
    assert [title(str(p), p.name) for p in pages] == ["bbc-1/source.html", "cnn/source.html"]
    assert title("https://news.example/a", "https://news.example/a") == "https://news.example/a"
    assert title("https://news.example/a", "Ferry runs again") == "Ferry runs again"
    assert title("notes.md", "notes.md") == "notes.md"  # no folder to name
