"""A window shows what another program saves, within seconds, keeping the user's place: a
colleague's program on a team archive, the command line on one's own archive file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.store.archive import store_article
from tests.gui.conftest import make_article

COLLEAGUE = """
import sys
from desktop.core.article import Article
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive

store_article(Archive(sys.argv[1]), Article(url="https://news.example/colleague", title="Saved by a colleague",
                                            published="2024-05-01", text="Words a colleague saved."))
"""


@pytest.fixture
def team(archive):
    for n in range(1, 41):
        store_article(archive, make_article(n % 28 + 1, url=f"https://news.example/{n}", title=f"Story {n}"))
    return archive


def test_a_colleagues_article_appears_within_5_seconds_keeping_selection_and_scroll(qtbot, make_window, team):
    window = make_window(team)
    table = window.list
    table.selectRow(30)
    chosen = table.selected_ids()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    top = table.indexAt(table.viewport().rect().topLeft()).row()
    before = window.model.rowCount()
    root = Path(__file__).resolve().parents[2]
    started = time.monotonic()
    # another program, another "machine": its own process, its own settings folder
    subprocess.run([sys.executable, "-c", COLLEAGUE, team.location], cwd=root, check=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=5000)
    assert time.monotonic() - started < 5
    assert table.selected_ids() == chosen
    # the new article is the newest: it goes on top, so the rows in view move down by one
    assert table.indexAt(table.viewport().rect().topLeft()).row() in (top, top + 1)
    qtbot.waitUntil(lambda: "41" in window.search.count_label.text(), timeout=5000)


def test_the_windows_own_writes_send_it_no_notice(qtbot, team):
    from desktop.gui.live import LiveUpdates

    live = LiveUpdates(team)
    seen = []
    live.changed.connect(lambda: seen.append(1))
    time.sleep(0.5)  # listening
    store_article(team, make_article(1, url="https://news.example/mine"))
    qtbot.wait(1500)
    assert seen == []
    live.stop()
