"""`cuttings copy`: a whole archive from an SQLite file to PostgreSQL and back, verified."""

from __future__ import annotations

import re

import pytest

from desktop.cli import run
from desktop.core import corrections
from desktop.core.article import Original, Quote
from desktop.core.batch import enqueue
from desktop.core.store.archive import store_article
from desktop.core.store.copy import content_hash, copy_archive, tables
from desktop.core.store.db import Archive
from desktop.core.store.tags import add_tags
from desktop.core.store.trash import trash_articles
from desktop.core.store.versions import store_new_version
from tests import db_rows
from tests.corrections_helpers import article, person, seeded


def filled(path) -> Archive:
    """An SQLite archive with a row in every table: articles with entities, an offline copy
    and an earlier version, quotations, tags, the trash, a correction, a queued import."""
    archive = Archive(path)
    named = seeded(archive)
    quoted = article(4, [person("Ann Lee")], text='Ann Lee said "we will win" on Tuesday.')
    quoted.authors, quoted.quotes = ["Jo Writer"], [Quote("we will win", 13, 24, "Ann Lee")]
    store_article(archive, quoted, Original(b"<html>copy</html>", charset="utf-8"))
    with archive.transaction() as session:  # a re-check found the story edited
        quoted.text += " He left."
        store_new_version(session, 4, quoted, Original(b"<html>copy 2</html>", charset="utf-8"))
    enqueue(archive, ["https://example.org/later"])
    add_tags(archive, [1, 4], ["Élections", "brief"])
    trash_articles(archive, [2])
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    return archive


def test_copy_to_postgresql_and_back_is_verified_and_the_same(tmp_path, pg_archive_url, capsys):
    source = filled(tmp_path / "mine.sqlite3")
    assert all(db_rows.count(source, t.name) for t in tables() if t.name != "duplicate_verdict")
    assert run(["copy", "--from", source.location, "--to", pg_archive_url]) == 0
    out = capsys.readouterr().out
    assert "every table verified" in out and "MISMATCH" not in out
    assert re.search(r"^article +4  verified$", out, re.M)
    team = Archive(pg_archive_url)
    back = tmp_path / "back.sqlite3"
    assert run(["copy", "--from", pg_archive_url, "--to", str(back)]) == 0
    returned = Archive(back)
    for table in tables():
        assert content_hash(returned, table) == content_hash(source, table) == content_hash(team, table)
    # ids go on after the copied ones; the copied words are searchable
    assert store_article(team, article(9, [])).id == 5
    assert run(["list", "--search", "win", "--db", pg_archive_url]) == 0
    assert "Story 4" in capsys.readouterr().out


def test_copy_refuses_a_destination_in_use(tmp_path, pg_archive_url, capsys):
    source = filled(tmp_path / "mine.sqlite3")
    team = Archive(pg_archive_url)
    store_article(team, article(7, []))
    assert run(["copy", "--from", source.location, "--to", pg_archive_url]) == 1
    assert "is not empty (1 article rows)" in capsys.readouterr().err
    assert db_rows.count(team, "article") == 1
    with pytest.raises(Exception, match="same archive"):
        copy_archive(source, Archive(source.location))


def test_a_mismatch_exits_1(tmp_path, pg_archive_url, capsys, monkeypatch):
    from desktop.core.store import copy as copying

    source = filled(tmp_path / "mine.sqlite3")
    real = copying.content_hash
    monkeypatch.setattr(copying, "content_hash",
                        lambda archive, table: (real(archive, table)[0], archive.location if table.name == "tag" else ""))
    assert run(["copy", "--from", source.location, "--to", pg_archive_url]) == 1
    out, err = capsys.readouterr()
    assert "tag" in err and "MISMATCH" in out


def test_copy_from_a_file_that_does_not_exist_copies_nothing(tmp_path, capsys):
    missing, dest = tmp_path / "typo.sqlite3", tmp_path / "dest.sqlite3"
    assert run(["copy", "--from", str(missing), "--to", str(dest)]) == 1
    assert "There is no archive at" in capsys.readouterr().err
    assert not missing.exists() and not dest.exists()
