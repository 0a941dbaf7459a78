"""Versions in the window: Check for changes on a page that changed on a local server marks
the row, the reading pane shows the evidence of capture, and Compare versions shows the diff."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.pipeline import import_one
from desktop.gui.article_table import CHANGED_MARK, TITLE
from desktop.gui.capture_markup import HASH_MEANING
from desktop.gui.export_dialog import ExportDialog
from tests.gui.helpers import click_text, select_title, titles
from tests.test_versions import V1, V2, serve


def _title_cell(window, row: int) -> str:
    return window.model.cell(row, TITLE)[0]


def test_check_for_changes_then_compare_two_versions(archive, make_window, qtbot, httpserver, monkeypatch):
    article = import_one(archive, serve(httpserver, V1), entities=False).id
    window = make_window(archive)
    select_title(qtbot, window, "Minister resigns over harbour deal")
    shown = window.detail.toPlainText()
    assert "Downloaded " in shown and "HTTP 200" in shown and "SHA-256 " in shown
    click_text(qtbot, window.detail, "details")
    assert HASH_MEANING in window.detail.toPlainText() and "Content-Type: text/html" in window.detail.toPlainText()

    serve(httpserver, V2)
    monkeypatch.setattr(window, "preferences", replace(window.preferences, entities=False))
    window.actions["recheck"].trigger()
    qtbot.waitUntil(lambda: window.rechecker.progress is None, timeout=10_000)
    assert "1 changed" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: titles(window) == ["Minister quits over harbour deal"] and not window.runner.busy(),
                    timeout=5000)
    assert _title_cell(window, 0) == CHANGED_MARK + "Minister quits over harbour deal"
    qtbot.waitUntil(lambda: window.detail.article is not None and window.detail.article.version_count == 2,
                    timeout=5000)
    assert "2 versions" in window.detail.toPlainText()

    click_text(qtbot, window.detail, "Compare versions")
    dialog = window.detail.versions_dialog
    qtbot.waitUntil(lambda: "<ins>" in dialog.view.html, timeout=5000)
    html = dialog.view.html
    assert "Minister <del>resigns</del> <ins>quits</ins> over harbour deal" in html
    assert "<del>Monday</del> <ins>Tuesday after a vote</ins>" in html
    assert (dialog.older.currentData(), dialog.newer.currentData()) == (1, 2)
    dialog.older.setCurrentIndex(1)  # the newest against itself: nothing changed
    qtbot.waitUntil(lambda: "the same title and text" in dialog.view.html, timeout=5000)
    assert article == window.detail.article.id


def test_export_dialog_offers_web_archives(archive, make_window, tmp_path):
    window = make_window(archive)
    dialog = ExportDialog(0, window, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("warc"))
    assert dialog.path.text().endswith("cuttings.warc.gz")
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.path.text().endswith("cuttings.json")


def test_check_recent_articles_says_what_failed(archive, make_window, qtbot, httpserver, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    import_one(archive, serve(httpserver, V1), entities=False)
    window = make_window(archive)
    httpserver.clear()
    httpserver.expect_request("/story").respond_with_data("gone", status=410)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (7, True))
    window.actions["recheck_recent"].trigger()
    qtbot.waitUntil(lambda: "Checked 1 article" in window.statusBar().currentMessage(), timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "0 changed, 0 the same, 1 could not be checked" in message and "410 Gone" in message
