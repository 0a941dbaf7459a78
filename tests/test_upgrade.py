"""An archive of an older schema: opened without upgrading, upgraded on demand, and the CLI
says before it upgrades (a big archive takes minutes)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import Engine, event

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


@pytest.fixture
def version_reads():
    """How many times an archive opened during the test reads its schema version (the `meta`
    row: a round trip each on PostgreSQL)."""
    reads = []

    def count(_conn, _cursor, statement, *_rest):
        if statement.lstrip().upper().startswith("SELECT") and "FROM meta" in statement:
            reads.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    yield reads
    event.remove(Engine, "before_cursor_execute", count)


def test_opening_then_asking_for_an_upgrade_reads_the_version_once(archive, version_reads):
    opened = Archive(archive.location, upgrade=False)
    assert not opened.needs_upgrade()
    opened.upgrade()
    assert len(version_reads) == 1
    opened.engine.dispose()


def test_an_upgrade_reads_the_version_again_only_under_the_write_lock(older, version_reads):
    opened = Archive(older, upgrade=False)
    assert opened.needs_upgrade()
    opened.upgrade()
    assert not opened.needs_upgrade() and _schema(older) == str(SCHEMA_VERSION + 1)
    assert len(version_reads) == 2  # on opening, and under the lock (another process may have upgraded)
