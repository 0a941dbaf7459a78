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
    dialog.answers = [False, True]  # Connect, then Cancel when the dialog comes back after a failure
    dialog.exec = dialog.answers.pop
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
    dialog = filled_dialog(window, pg_archive_url + "_missing")
    team.connect_team(window, dialog)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("The database of the archive") and "does not exist" in said[0]
    qtbot.waitUntil(lambda: not dialog.answers, timeout=5000)  # shown again to correct, then cancelled
    assert len(said) == 1 and preferences.load().archive is None and not team._OPENED


def test_a_team_archive_that_cannot_open_at_start_asks_in_the_filled_dialog(qtbot, pg_archive_url, monkeypatch,
                                                                          tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.core.errors import CuttingsError
    from desktop.gui import app

    monkeypatch.setattr(team, "QSettings", lambda *a: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    missing = pg_archive_url + "_gone"
    shown, said = [], []
    monkeypatch.setattr(team.QMessageBox, "warning", lambda parent, title, text: said.append(text))

    def user(dialog) -> bool:  # looks at the dialog, corrects the database, types a password
        shown.append({name: edit.text() for name, edit in dialog.edits.items()})
        dialog.edits["database"].setText(pg_archive_url.rsplit("/", 1)[1] if len(shown) > 1 else "still_gone")
        dialog.password.setText("typed")
        return True

    monkeypatch.setattr(team.TeamDialog, "exec", user)
    archive = app._first_archive(missing, smoke=False)
    assert shown[0]["database"] == missing.rsplit("/", 1)[1] and shown[0]["user"]  # filled from the address
    assert len(said) == 1 and "does not exist" in said[0]  # the first try failed: said, and asked again
    assert not archive.is_file and archive.name.endswith(pg_archive_url.rsplit("/", 1)[1])
    saved = preferences.load().archive
    assert saved == pg_archive_url and "typed" not in saved
    archive.engine.dispose()

    monkeypatch.setattr(team.TeamDialog, "exec", lambda dialog: False)  # the user cancels: nothing opens
    with pytest.raises(CuttingsError, match="does not exist"):
        app._first_archive(missing, smoke=False)


def test_a_read_that_meets_the_server_away_is_the_archives_one_sentence(pg_archive_url):
    from sqlalchemy.exc import OperationalError

    from desktop.core.store.db import Archive
    from desktop.gui.dialogs import failure_sentence

    archive = Archive(pg_archive_url)
    refused = OperationalError("SELECT 1", {}, Exception(
        'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused'))
    said = failure_sentence(refused, archive)
    assert said.startswith("Cannot reach the archive's server for postgresql://") and "OperationalError" not in said
    assert failure_sentence(ValueError("Bad date."), archive) == "Bad date."
    archive.engine.dispose()
