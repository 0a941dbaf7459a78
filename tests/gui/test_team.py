"""File ▸ Connect to a team archive…: the dialog, the new window, the one-sentence failures."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from desktop.core import preferences
from desktop.gui import team


def filled_dialog(window, url: str, password: str = "") -> team.TeamDialog:
    parts = urlsplit(url)
    dialog = team.TeamDialog(window, window.settings)
    dialog.edits["host"].setText(parts.hostname)
    dialog.port.setValue(parts.port)
    dialog.edits["database"].setText(parts.path.strip("/"))
    dialog.edits["user"].setText(parts.username)
    dialog.password.setText(password)
    dialog.exec = lambda: True
    return dialog


@pytest.mark.sqlite_only("the window starts on a file and connects to the server")
def test_connecting_opens_the_team_archive_and_remembers_it_without_the_password(qtbot, make_window, archive,
                                                                                pg_archive_url):
    window = make_window(archive)
    team.connect_team(window, filled_dialog(window, pg_archive_url, password="not-needed"))
    qtbot.waitUntil(lambda: bool(team._OPENED) and team._OPENED[-1].loaded, timeout=10_000)
    opened = team._OPENED.pop()
    assert not opened.archive.is_file and "not-needed" not in str(opened.archive)
    assert opened.windowTitle().endswith(pg_archive_url.rsplit("/", 1)[1])
    saved = preferences.load().archive
    assert saved == pg_archive_url and "not-needed" not in saved
    assert "not-needed" not in str(dict((k, window.settings.value(k)) for k in window.settings.allKeys()))
    opened.close()


@pytest.mark.sqlite_only("the window starts on a file and connects to the server")
def test_a_missing_database_is_one_sentence_and_nothing_changes(qtbot, make_window, archive, pg_archive_url,
                                                                monkeypatch):
    window = make_window(archive)
    said = []
    monkeypatch.setattr(team.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    team.connect_team(window, filled_dialog(window, pg_archive_url + "_missing"))
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("The database of the archive") and "does not exist" in said[0]
    assert preferences.load().archive is None and not team._OPENED
