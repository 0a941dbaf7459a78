"""The saved-copy window: a hostile page served on 127.0.0.1 is shown and not one request is made."""

from __future__ import annotations

import re

import httpx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.core.article import Article, Original
from desktop.core.store.archive import store_article
from desktop.core.store.models import Snapshot
from desktop.gui.detail import SafeBrowser
from desktop.gui.saved_copy import PAGE, TEXT, SavedCopyWindow
from desktop.gui.tasks import TaskRunner
from tests.test_snapshot import HOSTILE


@pytest.fixture
def opened(qtbot, monkeypatch):
    """opened(archive, article_id) -> a shown SavedCopyWindow whose views are filled.

    Opening URLs in the user's browser is recorded in `opened.urls` instead."""
    from desktop.gui.app import application

    application()
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(QUrl(url)) or True))
    runners = []

    def open_window(archive, article_id):
        runner = TaskRunner()
        runners.append(runner)
        window = SavedCopyWindow(archive, runner)
        qtbot.addWidget(window)
        window.show_article(article_id)
        qtbot.waitUntil(lambda: window.loaded, timeout=5000)
        return window

    open_window.urls = urls
    yield open_window
    for runner in runners:
        runner.wait(5000)


def _served_page(base: str) -> str:
    """Every hostile fragment of the core tests, pointed at the local server."""
    host = base.split("://", 1)[1]
    body = "".join(markup for markup, _ in HOSTILE).replace("http://evil.example", base).replace("evil.example", host)
    return f"<html><head><title>Served</title></head><body><h1>Hostile page</h1>{body}<p>The end.</p></body></html>"


def _settle(qtbot, window, view: int) -> None:
    window.show_view(view)
    window.current_browser().verticalScrollBar().setValue(10_000)  # lay out and paint it all
    qtbot.wait(400)


def test_a_hostile_saved_page_makes_zero_requests(qtbot, opened, archive, httpserver):
    httpserver.expect_request(re.compile(".*")).respond_with_data("x", content_type="image/png")
    base = httpserver.url_for("/").rstrip("/")
    page = _served_page(base)
    assert page.count(base.split("://", 1)[1]) >= 40  # the page does point at the server, many ways
    outcome = store_article(archive, Article(url=f"{base}/story", title="Hostile", text="The story text."),
                            Original(page.encode("utf-8"), "text/html", "utf-8"))

    window = opened(archive, outcome.id)
    for view in (PAGE, TEXT, PAGE):
        _settle(qtbot, window, view)

    assert window.page.requested == [] and window.text.requested == []  # Qt asked for no resource
    assert len(httpserver.log) == 0
    assert "Hostile page" in window.page.toPlainText() and "[image: kept]" in window.page.toPlainText()
    assert "The story text." in window.text.toPlainText()
    # It would have shown: the same page unsanitised makes Qt ask for its resources...
    raw = SafeBrowser()
    raw.setHtml(page)
    raw.resize(800, 600)
    raw.show()
    qtbot.wait(100)
    assert any(url.toString().startswith(base) for url in raw.requested)
    raw.close()
    # ...and the server is there and counting.
    assert httpx.get(f"{base}/direct").status_code == 200
    assert len(httpserver.log) == 1


def test_links_are_shown_not_followed_and_only_the_button_opens(qtbot, opened, archive):
    page = b'<p>See <a href="/elsewhere">elsewhere</a>.</p>'
    outcome = store_article(archive, Article(url="https://news.example/a", title="Linked", text="Body."),
                            Original(page))
    window = opened(archive, outcome.id)
    assert "https://news.example/a" in window.header.text() and "saved " in window.header.text()
    window.page.anchorClicked.emit(QUrl("https://news.example/elsewhere"))
    window.text.linkClicked.emit("entity", 1)
    assert opened.urls == []
    assert "not followed" in window.status.text() and "https://news.example/elsewhere" in window.status.text()
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert opened.urls == [QUrl("https://news.example/a")]


def test_text_files_show_as_text_and_file_imports_cannot_be_opened(opened, archive):
    outcome = store_article(archive, Article(title="Notes", text="# Notes\n\n<b>not bold</b>"),
                            Original(b"# Notes\n\n<b>not bold</b>", "text/markdown", "utf-8"))
    window = opened(archive, outcome.id)
    assert "<b>not bold</b>" in window.page.toPlainText()
    assert "Imported from a file" in window.header.text()
    assert not window.open_button.isEnabled()


def test_missing_and_damaged_copies_say_so(opened, archive):
    bare = store_article(archive, Article(url="https://news.example/b", title="Bare", text="No copy."))
    window = opened(archive, bare.id)
    assert "stored without a copy" in window.page.toPlainText()
    assert "No copy." in window.text.toPlainText()
    damaged = store_article(archive, Article(url="https://news.example/c", title="Damaged", text="Text."),
                            Original(b"<p>fine</p>"))
    with archive.transaction() as session:
        session.get(Snapshot, damaged.id).data = b"garbage"
    window = opened(archive, damaged.id)
    assert f"saved copy of article {damaged.id} is damaged" in window.page.toPlainText()
    assert window.header.text() == "The saved copy cannot be shown"


def test_find_escape_and_accessible_names(qtbot, opened, archive):
    outcome = store_article(archive, Article(url="https://news.example/d", title="Find", text="Body."),
                            Original(b"<p>alpha beta</p><p>beta gamma</p>"))
    window = opened(archive, outcome.id)
    window.page.setFocus()
    assert not window.find_box.hasFocus()
    qtbot.keyClick(window.page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_box.hasFocus()
    window.find_box.setText("beta")
    assert window.find_next() and window.find_next() and window.find_next()  # wraps to the first
    window.find_box.setText("delta")
    assert not window.find_next() and window.status.text() == "Not found: delta"
    for widget in (window.page_button, window.text_button, window.find_box, window.open_button,
                   window.header, window.status, window.page, window.text):
        assert widget.accessibleName()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
