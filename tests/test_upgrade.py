"""An archive of an older schema: opened without upgrading, upgraded on demand, and the CLI
says before it upgrades (a big archive takes minutes)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.cli import run
from desktop.core.query import total
from desktop.core.store import db as store_db
from desktop.core.store.archive import store_article
from desktop.core.store.db import SCHEMA_VERSION, Archive
from tests.test_store import make_article


@pytest.fixture
def older(tmp_path, monkeypatch):
    """An archive one schema behind this version (whose next step adds a column)."""
    path = tmp_path / "older.sqlite3"
    store_article(Archive(path), make_article())

    def add_notes(conn, _backend):
        conn.exec_driver_sql("ALTER TABLE article ADD COLUMN note TEXT DEFAULT ''")

    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_db.MIGRATIONS, SCHEMA_VERSION + 1, add_notes)
    return path


def _schema(path) -> str:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]


def test_an_older_archive_is_upgraded_in_place(older):
    upgraded = Archive(older)
    assert total(upgraded) == 1 and _schema(older) == str(SCHEMA_VERSION + 1)
    with sqlite3.connect(older) as con:
        assert con.execute("SELECT note FROM article").fetchone()[0] == ""


def test_an_older_archive_opened_without_upgrade_is_left_as_it_is_until_asked(older):
    archive = Archive(older, upgrade=False)
    assert archive.needs_upgrade() and _schema(older) == str(SCHEMA_VERSION)
    archive.upgrade()
    assert not archive.needs_upgrade() and _schema(older) == str(SCHEMA_VERSION + 1)
    assert total(archive) == 1


def test_a_new_archive_is_made_at_once_even_without_upgrade(tmp_path):
    archive = Archive(tmp_path / "new.sqlite3", upgrade=False)
    assert not archive.needs_upgrade() and total(archive) == 0


def test_the_cli_says_it_upgrades_then_does_the_command(older, capsys):
    assert run(["list", "--db", str(older)]) == 0
    out, err = capsys.readouterr()
    assert err.startswith(f"note: upgrading the archive {older} to this version of Cuttings")
    assert len(out.splitlines()) == 1 and _schema(older) == str(SCHEMA_VERSION + 1)
    assert run(["list", "--db", str(older)]) == 0
    assert capsys.readouterr().err == ""  # once
