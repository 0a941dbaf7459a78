"""Importing from the window: drops, pastes, the queue's states, cancel and retry."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from werkzeug import Response

from desktop.core import pipeline, polite
from desktop.core.analyser import Analyser
from desktop.core.dropped import Dropped
from desktop.gui import import_queue
from desktop.core.query import total
from desktop.core.store.archive import SAVED
from desktop.gui.drops import DropTarget
from desktop.gui.import_queue import CANCELLED, EXISTS, FAILED, ImportQueue, summary
from desktop.gui.import_rows import FLUSH_MS
from desktop.gui.imports import ImportPanel

PAGE = """<html><head><title>{title}</title><meta property="og:site_name" content="Local News"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>Second paragraph with enough words to count as
an article body for the extractor, about a rally in a city square.</p></article></body></html>"""


def page(title: str) -> str:
    return PAGE.format(title=title, body=f"The text of {title}, reported by our correspondent on Saturday.")


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    """Entities are tested elsewhere; here an import must not wait for the language model,
    and analyses on a thread of the test process (one test below uses the real process)."""
    monkeypatch.setattr(pipeline, "add_entities", lambda article, on_stage=None: article)
    monkeypatch.setattr(import_queue, "Analyser", lambda **kw: Analyser(in_process=True, **kw))
    # Each test its own per-host limits: a download a test left blocked holds no slot of the next
    monkeypatch.setattr(polite, "GATE", polite.Gate(pause=0))


@pytest.fixture
def window(qtbot, archive):
    win = QMainWindow()
    central = QWidget()
    QVBoxLayout(central).addWidget(QLineEdit())
    win.setCentralWidget(central)
    win.queue = ImportQueue(archive, win)
    win.panel = ImportPanel(win.queue)
    win.target = DropTarget(win, win.queue.add)
    qtbot.addWidget(win)
    qtbot.addWidget(win.panel)
    win.resize(600, 400)
    win.show()
    return win


def serve(httpserver, path, body=None, **kwargs):
    kwargs.setdefault("content_type", "text/html; charset=utf-8")
    httpserver.expect_request(path).respond_with_data(body if body is not None else page(path), **kwargs)
    return httpserver.url_for(path)


def chromium_mime(url: str, text: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    mime.setText(url)
    mime.setData("_NETSCAPE_URL", f"{url}\n{text}".encode())
    mime.setData("text/html", f'\ufeff<a href="{url}">{text}</a>'.encode())
    return mime


def firefox_mime(url: str, text: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    mime.setData("_NETSCAPE_URL", f"{url}\n{text}".encode())
    mime.setData("text/x-moz-url-data", url.encode("utf-16-le"))
    mime.setData("text/x-moz-url-desc", text.encode("utf-16-le"))
    mime.setData("text/html", f'<meta http-equiv="content-type" content="text/html; charset=utf-8"><a href="{url}">{text}</a>'.encode())
    return mime


def drop(widget, mime: QMimeData) -> bool:
    pos = QPoint(20, 20)
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    dropped = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, dropped)
    return enter.isAccepted() and dropped.isAccepted()


def settle(qtbot, queue, timeout=15_000):
    qtbot.waitUntil(lambda: not queue.is_active(), timeout=timeout)


def rows(qtbot, queue, count, timeout=5000):
    """Wait for the queue to show `count` rows (inputs are queued in the archive first)."""
    qtbot.waitUntil(lambda: queue.rowCount() == count, timeout=timeout)


@pytest.mark.parametrize("make_mime", [chromium_mime, firefox_mime])
def test_browser_drop_anywhere_imports_with_provisional_title(qtbot, window, archive, httpserver, make_mime):
    url = serve(httpserver, "/rally")
    search_field = window.centralWidget().findChild(QLineEdit)
    saved = []
    window.queue.article_saved.connect(saved.append)
    assert drop(search_field, make_mime(url, "Link text from the page"))  # even onto a text field
    rows(qtbot, window.queue, 1)
    assert window.queue.item(0).title == "Link text from the page"
    settle(qtbot, window.queue)
    assert window.queue.item(0).state == SAVED
    assert window.queue.item(0).title == "/rally"  # the page's own title replaces the link text
    assert saved == [1] and total(archive) == 1
    assert search_field.text() == ""


def test_a_drag_is_read_once_not_on_every_move(qtbot, window, monkeypatch, tmp_path):
    from desktop.gui import drops

    (tmp_path / "a.md").write_text("# A\n\nText.")
    calls = []
    real = drops.dropped_inputs
    monkeypatch.setattr(drops, "dropped_inputs", lambda formats: calls.append(1) or real(formats))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    pos = QPoint(20, 20)
    QApplication.sendEvent(window, QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    for _ in range(20):
        QApplication.sendEvent(window, QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert len(calls) == 1


def test_one_drop_never_imports_a_link_twice(qtbot, window, archive, httpserver):
    url = serve(httpserver, "/once")
    mime = chromium_mime(url, "Once")
    mime.setText(f"{url}\n{url}?utm_source=x")
    drop(window, mime)
    settle(qtbot, window.queue)
    assert window.queue.rowCount() == 1
    assert len(httpserver.log) == 1


def test_paste_urls(qtbot, window, archive, httpserver):
    first, second = serve(httpserver, "/p1"), serve(httpserver, "/p2")
    QGuiApplication.clipboard().setText(f"{first}\n{second}\n")
    window.setFocus()
    window.centralWidget().findChild(QLineEdit).clearFocus()
    window.target.paste()
    settle(qtbot, window.queue)
    assert total(archive) == 2


def test_mixed_batch_cancel_and_retry(qtbot, window, archive, httpserver):
    release = threading.Event()

    def slow(_request):
        release.wait(10)
        return Response(page("/slow"), content_type="text/html")

    good = serve(httpserver, "/good")
    httpserver.expect_request("/slow").respond_with_handler(slow)
    missing = httpserver.url_for("/later")
    httpserver.expect_oneshot_request("/later").respond_with_data("gone", status=404)
    pdf = serve(httpserver, "/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    queue = window.queue
    queue.add([Dropped(good), Dropped(httpserver.url_for("/slow")), Dropped(missing), Dropped(pdf)])
    rows(qtbot, queue, 4)
    qtbot.waitUntil(lambda: queue.item(1).state == "downloading", timeout=5000)
    queue.cancel([1])
    assert queue.item(1).state == CANCELLED
    settle(qtbot, queue)
    release.set()
    states = [queue.item(i).state for i in range(4)]
    assert states == [SAVED, CANCELLED, FAILED, FAILED]
    assert queue.item(2).message == "The site answered 404 Not Found"
    assert queue.item(3).message == "Not a web page: application/pdf"
    assert window.panel.status.text() == "3 of 3 · 2 failed"
    time.sleep(0.3)  # the cancelled download finishes in the background: it must not be stored
    qtbot.wait(200)
    assert total(archive) == 1

    serve(httpserver, "/later")  # the site is fixed
    queue.retry([2])
    settle(qtbot, queue)
    assert queue.item(2).state == SAVED and total(archive) == 2

    assert window.panel.status.text() == "3 of 3 · 1 failed"  # the list's rows, the retried one saved

    queue.add([Dropped(good)])  # already there
    settle(qtbot, queue)
    assert queue.item(4).state == EXISTS and total(archive) == 2


def test_summary_words():
    from collections import Counter

    assert summary(Counter({SAVED: 12, EXISTS: 1, FAILED: 2})) == "12 saved, 1 already there, 2 failed"


def test_main_window_drop_keeps_filters_and_shows_the_new_article(qtbot, filled, make_window, httpserver):
    from desktop.core.query import PUBLISHER, Term

    window = make_window(filled)
    assert window.search.count_label.text() == "5 articles"
    window.list.select_article(filled.ids["Belgrade protests"])
    qtbot.waitUntil(lambda: window.detail.article is not None)
    url = serve(httpserver, "/new")
    drop(window.list.viewport(), chromium_mime(url, "A new story"))
    assert window.import_dock.isVisible()
    qtbot.waitUntil(lambda: window.search.count_label.text() == "6 articles", timeout=15_000)
    new = window.imports.item(0).article_id
    qtbot.waitUntil(lambda: window.current_id() == new)  # the batch's newest article, shown
    qtbot.waitUntil(lambda: window.detail.article is not None and window.detail.article.id == new)

    window.add_term(Term(PUBLISHER, "Daily Planet"))
    qtbot.waitUntil(lambda: window.search.count_label.text().startswith("2 of"))
    drop(window, chromium_mime(serve(httpserver, "/newer"), "Another"))
    qtbot.waitUntil(lambda: window.search.count_label.text() == "2 of 7 articles", timeout=15_000)
    assert window.filter.terms == (Term(PUBLISHER, "Daily Planet"),)


def test_dropped_folder_is_listed_in_the_background_and_imported(qtbot, window, archive, tmp_path):
    folder = tmp_path / "saved pages"
    (folder / "inner").mkdir(parents=True)
    (folder / "one.html").write_text(page("One"))
    (folder / "inner" / "two.md").write_text("# Two\n\nThe body of the second article, saved as Markdown.\n")
    (folder / "inner" / "photo.png").write_bytes(b"\x89PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    assert drop(window, mime)
    qtbot.waitUntil(lambda: window.queue.rowCount() == 2, timeout=5000)
    settle(qtbot, window.queue)
    assert sorted(window.queue.item(i).title for i in range(2)) == ["One", "Two"]
    assert total(archive) == 2


def test_articles_are_analysed_in_a_worker_process(qtbot, archive, httpserver, monkeypatch, make_queue):
    monkeypatch.undo()  # the real thing: a spawned process with the language model
    queue = make_queue()
    url = serve(httpserver, "/real", page("Protest in Belgrade"))
    seen = []
    queue.dataChanged.connect(lambda *_: seen.append(queue.item(0).state))
    queue.add([Dropped(url)])
    settle(qtbot, queue, timeout=60_000)
    assert queue.item(0).state == SAVED
    assert "finding entities" in seen  # reported from the worker process
    from desktop.core.query import detail

    names = {e.name for e in detail(archive, queue.item(0).article_id).entities}
    assert "Belgrade" in names


def test_prepare_starts_the_worker_and_loads_its_models(qtbot, archive, monkeypatch, make_queue):
    warmed = []

    class Recording(Analyser):
        def warm_up(self):
            warmed.append(super().warm_up())
            return warmed[-1]

    monkeypatch.setattr(import_queue, "Analyser", lambda **kw: Recording(in_process=True, **kw))
    queue = make_queue()
    queue.prepare()
    qtbot.waitUntil(lambda: bool(warmed), timeout=10_000)
    from desktop.core.entities import ner

    assert warmed[0].result(timeout=60) == ner.model_package()
    assert ner.load_model() is not None  # loaded by the warm-up, in the worker


def test_the_worker_process_loads_its_models_on_request():
    from desktop.core.entities import ner

    analyser = Analyser()  # a real spawned process
    try:
        assert analyser.warm_up().result(timeout=120) == ner.model_package()
    finally:
        analyser.shutdown()


# ---------------------------------------------------------------- the panel

def failing(n: int, start: int = 0) -> list[Dropped]:
    """Inputs that fail at once, without a server: neither a file nor a web address."""
    return [Dropped(f"missing-{i}.html") for i in range(start, start + n)]


@pytest.fixture
def panel(qtbot, window):
    window.panel.resize(500, 160)  # room for a few rows only
    window.panel.show()
    qtbot.waitExposed(window.panel)
    return window.panel


def last_row_visible(panel) -> bool:
    table = panel.table
    last = table.model().rowCount() - 1
    return table.viewport().rect().contains(table.visualRect(table.model().index(last, 0)).center())


def test_new_rows_scroll_into_view_unless_the_user_scrolled_up(qtbot, panel):
    queue, bar = panel.queue, panel.table.verticalScrollBar()
    queue.add(failing(20))
    qtbot.waitUntil(lambda: last_row_visible(panel))
    settle(qtbot, queue)
    bar.setValue(0)  # the user looks at the first rows
    queue.add(failing(5, start=20))
    qtbot.wait(50)
    assert bar.value() == 0 and not last_row_visible(panel)
    bar.setValue(bar.maximum())  # back at the tail: follow it again
    queue.add(failing(5, start=25))
    qtbot.waitUntil(lambda: last_row_visible(panel))


def test_a_failure_reason_is_readable_in_full(qtbot, panel):
    queue = panel.queue
    queue.add(failing(1))
    settle(qtbot, queue)
    model = panel.table.model()
    reason = "No such file, and not a web address"
    for column in (0, 1):
        assert reason in model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 1)) == reason
    panel.table.selectRow(0)
    assert panel.reason.text() == reason and panel.reason.wordWrap() and panel.reason.isVisibleTo(panel)


def test_failed_rows_copy_retry_and_remove_from_the_keyboard(qtbot, panel):
    queue, table = panel.queue, panel.table
    queue.add(failing(3))
    settle(qtbot, queue)
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in table.actions()] == ["Copy reason", "Copy link", "Retry", "Remove"]
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "No such file, and not a web address"
    panel.copy_link_action.trigger()
    assert QGuiApplication.clipboard().text() == "missing-1.html"
    retried = []
    queue.dataChanged.connect(lambda *_: retried.append(queue.item(1).state))
    qtbot.wait(2 * FLUSH_MS)  # the view has heard of the failures: the retry shows at once
    panel.retry_action.trigger()
    settle(qtbot, queue)
    assert "queued" in retried and queue.item(1).state == FAILED
    table.clearSelection()
    panel.retry_action.trigger()  # nothing selected: nothing starts, the counter stays
    assert panel.status.text() == "3 of 3 · 3 failed"
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [queue.item(i).source for i in range(queue.rowCount())] == ["missing-0.html", "missing-2.html"]
    assert table.model().rowCount() == 2


def test_removing_a_running_row_cancels_it_and_nothing_is_stored(qtbot, panel, archive, httpserver):
    release = threading.Event()
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: (release.wait(10), Response(page("/slow"), content_type="text/html"))[1])
    queue = panel.queue
    queue.add([Dropped(httpserver.url_for("/slow"))])
    rows(qtbot, queue, 1)
    qtbot.waitUntil(lambda: queue.item(0).state == "downloading", timeout=5000)
    queue.remove([0])
    assert queue.rowCount() == 0 and panel.table.model().rowCount() == 0 and not queue.is_active()
    release.set()
    qtbot.waitUntil(lambda: not queue.downloading(), timeout=5000)
    qtbot.wait(100)
    assert total(archive) == 0


def test_the_counter_counts_every_row_the_list_shows(qtbot, panel, httpserver):
    release = threading.Event()
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: (release.wait(10), Response(page("/slow"), content_type="text/html"))[1])
    queue = panel.queue
    queue.add(failing(2))
    settle(qtbot, queue)
    assert panel.status.text() == "2 of 2 · 2 failed"
    queue.add([Dropped(httpserver.url_for("/slow"))])  # dropped while idle: a new batch, in the same list
    rows(qtbot, queue, 3)
    assert panel.status.text() == "2 of 3 · 2 failed"
    queue.add([Dropped(serve(httpserver, "/quick"))])  # dropped while busy: joins it
    rows(qtbot, queue, 4)
    qtbot.waitUntil(lambda: queue.item(3).state == SAVED, timeout=10_000)
    qtbot.waitUntil(lambda: panel.status.text() == "3 of 4 · 2 failed")  # changes reach the panel within FLUSH_MS
    assert panel.progress.format() == "1 saved, 2 failed"
    release.set()
    settle(qtbot, queue)
    assert panel.status.text() == "4 of 4 · 2 failed"


def test_separate_captures_count_as_the_list_shows_them(qtbot, panel, httpserver):
    finished = []
    panel.queue.batch_finished.connect(finished.append)
    for n, path in enumerate(("/first", "/second"), 1):  # two pastes, each after the last has landed
        panel.queue.add([Dropped(serve(httpserver, path))])
        rows(qtbot, panel.queue, n)
        settle(qtbot, panel.queue)
    qtbot.waitUntil(lambda: panel.status.text() == "2 of 2")
    assert panel.progress.format() == "2 saved" and panel.progress.value() == panel.progress.maximum() == 2
    assert finished == ["1 saved", "1 saved"]  # the status bar's word on each capture is its own


def test_a_finished_batch_tells_which_articles_it_saved(qtbot, window, httpserver):
    queue = window.queue
    finished = []
    queue.batch_finished.connect(lambda text: finished.append((text, queue.saved_in_batch())))
    queue.add([Dropped(serve(httpserver, "/one")), Dropped(serve(httpserver, "/two"))] + failing(1))
    settle(qtbot, queue)
    assert finished == [("2 saved, 1 failed", [queue.item(0).article_id, queue.item(1).article_id])] \
        or finished == [("2 saved, 1 failed", [queue.item(1).article_id, queue.item(0).article_id])]
    queue.add([Dropped(serve(httpserver, "/three")), Dropped(serve(httpserver, "/one"))])
    settle(qtbot, queue)
    assert finished[-1] == ("1 saved, 1 already there", [queue.item(3).article_id])


def test_download_concurrency_is_a_parameter_with_a_setter(qtbot, archive, httpserver, monkeypatch, make_queue):
    # All pages come from one host: lift polite's per-host limit (2) to see the panel's own.
    monkeypatch.setattr(polite, "GATE", polite.Gate(per_host=3, pause=0))
    running, most, lock = [0], [0], threading.Lock()

    def slow(_request):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(1.0)  # long enough for all allowed downloads to overlap on a busy machine
        with lock:
            running[0] -= 1
        return Response(page("/x"), content_type="text/html")

    httpserver.expect_request("/s").respond_with_handler(slow)
    queue = make_queue(downloads=1)
    queue.add([Dropped(httpserver.url_for(f"/s?n={n}")) for n in range(3)])
    settle(qtbot, queue)
    assert most[0] == 1
    queue.set_downloads(3)
    most[0] = 0
    queue.add([Dropped(httpserver.url_for(f"/s?m={n}")) for n in range(3)])
    settle(qtbot, queue)
    assert most[0] == 3


@pytest.mark.parametrize("entities", [True, False])
def test_the_entities_switch_reaches_the_analyser(qtbot, archive, httpserver, monkeypatch, entities, make_queue):
    calls = []
    monkeypatch.setattr(pipeline, "add_entities", lambda article, on_stage=None: calls.append(1) or article)
    queue = make_queue(entities=not entities)
    queue.set_entities(entities)
    queue.add([Dropped(serve(httpserver, "/e"))])
    settle(qtbot, queue)
    assert queue.item(0).state == SAVED and bool(calls) == entities


def test_the_panel_widgets_have_accessible_names(panel):
    from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QTableView

    widgets = [w for kind in (QTableView, QProgressBar, QLabel, QAbstractButton) for w in panel.findChildren(kind)
               if not w.objectName().startswith("qt_")]  # Qt's own parts of the table
    assert len(widgets) >= 7
    for widget in widgets:
        assert widget.accessibleName(), widget
    assert panel.table.accessibleDescription()


def test_an_import_the_filter_hides_leaves_the_selection_as_it_was(qtbot, filled, make_window, httpserver):
    from desktop.core.query import PUBLISHER, Term

    window = make_window(filled)
    window.add_term(Term(PUBLISHER, "Daily Planet"))
    qtbot.waitUntil(lambda: window.search.count_label.text().startswith("2 of"))
    window.list.select_article(filled.ids["Belgrade protests"])
    qtbot.waitUntil(lambda: window.detail.article is not None)
    drop(window, chromium_mime(serve(httpserver, "/elsewhere"), "Another outlet's story"))
    qtbot.waitUntil(lambda: window.search.count_label.text() == "2 of 6 articles", timeout=15_000)
    qtbot.wait(200)  # the batch's end has been handled
    assert window.current_id() == filled.ids["Belgrade protests"]
    assert window.detail.article is not None and window.detail.article.id == filled.ids["Belgrade protests"]


def test_a_failures_reason_gets_as_much_of_the_panel_as_a_title(qtbot, panel):
    panel.resize(1200, 200)
    panel.queue.add(failing(1))
    settle(qtbot, panel.queue)
    header = panel.table.horizontalHeader()
    assert header.sectionSize(1) >= header.sectionSize(0) - 1  # not a narrow column eliding the reason
    assert "…" not in panel.table.fontMetrics().elidedText(
        panel.queue.item(0).message, Qt.TextElideMode.ElideRight, header.sectionSize(1))


def test_a_link_the_archive_could_not_queue_is_added_again_by_retry(qtbot, archive, httpserver, monkeypatch,
                                                                    make_queue):
    queue = make_queue()
    url = serve(httpserver, "/later", page("Back online"))
    real = import_queue.enqueue_inputs
    away = [True]

    def enqueue(archive, inputs):  # the team archive's server is away for the first try
        if away.pop() if away else False:
            return [], [(d.source, "Cannot reach the archive's server for postgresql://x/y") for d in inputs]
        return real(archive, inputs)

    monkeypatch.setattr(import_queue, "enqueue_inputs", enqueue)
    queue.add([Dropped(url)])
    qtbot.waitUntil(lambda: queue.rowCount() == 1 and queue.item(0).state == FAILED, timeout=5000)
    queue.retry_failed()
    settle(qtbot, queue)
    assert queue.rowCount() == 1 and queue.item(0).state == SAVED  # the failed row gave way to the job's
    assert total(archive) == 1
