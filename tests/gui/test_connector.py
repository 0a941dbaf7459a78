"""The browser connector in the window: a capture posted to the running listener appears in
the import panel and the archive; File ▸ Connect your browser… shows the token."""

from __future__ import annotations

import http.client
import json

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.core import pipeline
from desktop.core.analyser import Analyser
from desktop.core.article import BROWSER
from desktop.core.connector import pairing, running
from desktop.core.connector.listener import CHROMIUM_ORIGIN
from desktop.core.query import detail
from desktop.core.store.archive import SAVED, original_of
from desktop.core.store.captures import evidence_of
from desktop.gui import import_queue
from desktop.gui.connector import ConnectDialog
from desktop.gui.import_queue import EXISTS

WORDS = "The ferry to the island ran again on Sunday after a winter of storms kept it in port. "
DOM = ("<!DOCTYPE html>\n<html><head><title>Ferry runs again</title></head><body><article>"
       "<h1>Ferry runs again</h1>" + "".join(f"<p>{WORDS * 3}Part {i}.</p>" for i in range(4))
       + "</article></body></html>")


@pytest.fixture(autouse=True)
def quick_imports(monkeypatch, tmp_path):
    """No language model, analyses on a thread of the test process, port files in tmp_path."""
    monkeypatch.setattr(pipeline, "add_entities", lambda article, on_stage=None: article)
    monkeypatch.setattr(import_queue, "Analyser", lambda **kw: Analyser(in_process=True, **kw))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def post(port: int, capture: dict) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/capture", json.dumps(capture), {
        "Origin": CHROMIUM_ORIGIN, "Authorization": f"Bearer {pairing.pairing_token()}",
        "Content-Type": "application/json"})
    reply = conn.getresponse()
    answer = json.loads(reply.read())
    conn.close()
    return reply.status, answer


def test_a_capture_posted_to_the_window_is_imported_like_any_other(qtbot, make_window, archive, httpserver):
    window = make_window(archive)
    port = window.connector.start(ports=(0,))
    try:
        assert running.status(archive.location) == {"port": port, "listening": True}
        url = httpserver.url_for("/ferry")  # never asked for: the page comes from the browser
        status, answer = post(port, {"kind": "page", "url": url, "title": "Ferry runs again", "html": DOM})
        assert status == 202 and "Imports panel" in answer["message"]
        qtbot.waitUntil(lambda: window.imports.rowCount() == 1 and window.imports.item(0).state == SAVED,
                        timeout=15_000)
        assert window.import_dock.isVisible() and window.imports.item(0).title == "Ferry runs again"
        article_id = window.imports.item(0).article_id
        assert "winter of storms" in detail(archive, article_id).text
        assert original_of(archive, article_id).data == DOM.encode("utf-8")
        with archive.session() as session:
            assert evidence_of(session, article_id)[0].method == BROWSER
        assert not httpserver.log  # nothing was downloaded
        post(port, {"kind": "page", "url": url, "title": "Ferry runs again", "html": DOM})
        qtbot.waitUntil(lambda: window.imports.rowCount() == 2 and window.imports.item(1).state == EXISTS,
                        timeout=15_000)
    finally:
        window.connector.stop()
    assert running.status(archive.location) == {"port": None, "listening": False}


def test_a_saved_link_is_downloaded_by_the_window(qtbot, make_window, archive, httpserver):
    httpserver.expect_request("/linked").respond_with_data(DOM.replace("Ferry", "Boat"), content_type="text/html")
    window = make_window(archive)
    port = window.connector.start(ports=(0,))
    try:
        assert post(port, {"kind": "link", "url": httpserver.url_for("/linked"), "title": "Boat"})[0] == 202
        qtbot.waitUntil(lambda: window.imports.rowCount() == 1 and window.imports.item(0).state == SAVED,
                        timeout=15_000)
    finally:
        window.connector.stop()
    assert len(httpserver.log) == 1


def test_connect_your_browser_shows_the_token_and_the_port(qtbot, make_window, archive):
    window = make_window(archive)
    assert window.actions["connect_browser"].text() == "&Connect your browser…"
    dialog = ConnectDialog(window, 47815, "")
    qtbot.addWidget(dialog)
    assert dialog.token.text() == pairing.pairing_token()
    assert "127.0.0.1:47815" in dialog.status.text()
    off = ConnectDialog(window, None, "ports 47815–47819 on 127.0.0.1 are all taken.")
    qtbot.addWidget(off)
    assert "Not listening" in off.status.text() and "all taken" in off.status.text()


def test_save_the_extension_writes_it_where_the_user_says(qtbot, make_window, archive, tmp_path, monkeypatch):
    dialog = ConnectDialog(make_window(archive), 47815, "")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save the extension…")
    save.click()
    assert (tmp_path / "cuttings-connector" / "manifest.json").is_file()
    assert list(tmp_path.glob("cuttings-connector-firefox-*.xpi")) and list(tmp_path.glob("cuttings-connector-chromium-*.zip"))
    assert dialog.saved.isVisibleTo(dialog) and str(tmp_path / "cuttings-connector") in dialog.saved.text()
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocked))
    save.click()
    assert dialog.saved.text().startswith(f"Cannot write the extension into {blocked}: ")
