"""Backups taken while the archive is written restore to the same rows; a bad backup is
refused with one sentence and changes nothing."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.core import backup as backup_module
from desktop.core.article import Original
from desktop.core.backup import backup, restore
from desktop.core.errors import CuttingsError, DamagedArchive
from desktop.core.query import total
from desktop.core.store import sqlite as sqlite_backend
from desktop.core.store import sqlite_files
from desktop.core.store.archive import store_article
from desktop.core.store.db import SCHEMA_VERSION, Archive
from tests.test_store import make_article

pytestmark = pytest.mark.sqlite_only("backup, restore and rescue of an SQLite file (a team archive: pg_dump, or cuttings copy)")

TABLES = ("article", "author", "article_author", "snapshot", "entity", "mention", "meta")


def dump(path, upto: int | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (those of articles after `upto` left out)."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in TABLES:
            rows = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            out[table] = rows
        out["fts"] = con.execute("SELECT rowid, title FROM article_fts ORDER BY rowid").fetchall()
        if upto is not None:
            for table in ("article", "article_author", "snapshot", "mention", "fts"):
                out[table] = [r for r in out[table] if r[0] <= upto]
        return out
    finally:
        con.close()


def _fill(archive, numbers) -> None:
    for n in numbers:
        store_article(archive, make_article(n, url=f"https://news.example/{n}", title=f"Story {n}",
                                            text=f"Story {n} text " * 50), Original(b"<p>page" * 200))


def test_backup_taken_while_another_connection_writes_restores_identically(archive, tmp_path, monkeypatch):
    _fill(archive, range(1, 61))
    monkeypatch.setattr(sqlite_files, "BACKUP_STEP_PAGES", 2)
    writer, stop, written = Archive(archive.path), threading.Event(), []

    def write() -> None:
        n = 1000
        while not stop.is_set():
            _fill(writer, [n])
            written.append(n)
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    steps = []
    try:
        while len(written) < 2:
            time.sleep(0.01)
        copy = backup(archive, tmp_path / "copy.sqlite3", lambda done, pages: (steps.append(done), time.sleep(0.005)))
    finally:
        stop.set()
        thread.join()
    assert len(steps) > 10 and len(written) > 2  # it was copied in steps while articles were stored
    copied = dump(copy)
    last = max(r[0] for r in copied["article"])
    source = dump(archive.path, upto=last)
    # One moment of the archive: every article up to the last copied, whole, and nothing after;
    # the entities named only in later articles (a first name is one article's) came later.
    assert copied["entity"] == source["entity"][:len(copied["entity"])]
    assert copied == source | {"entity": copied["entity"]}
    assert [r[0] for r in copied["fts"]] == [r[0] for r in copied["article"]]
    restored = tmp_path / "restored.sqlite3"
    assert restore(restored, copy) is None
    assert dump(restored) == copied
    assert total(Archive(restored)) == len(copied["article"])


def test_restore_keeps_the_current_archive_beside_it(archive, tmp_path):
    _fill(archive, [1, 2])
    saved = backup(archive, tmp_path)
    before = dump(saved)
    _fill(archive, [3])
    current = dump(archive.path)
    aside = restore(archive.path, saved)
    assert aside.parent == archive.path.parent and "before-restore" in aside.name
    assert dump(archive.path) == before and dump(aside) == current
    assert total(archive) == 2  # an archive already open reads the restored one


def _damaged(path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), 2 * page):  # every other page's header, not the file's
        data[offset:offset + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def _newer(path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()


@pytest.mark.parametrize("spoil, sentence", [
    (_damaged, "is damaged"),
    (_newer, "was made by a newer Cuttings"),
    (lambda p: p.write_bytes(b"not a database at all" * 100), "is not a Cuttings archive"),
])
def test_restore_refuses_a_bad_backup_and_changes_nothing(archive, tmp_path, spoil, sentence):
    _fill(archive, [1, 2, 3])
    bad = backup(archive, tmp_path / "bad.sqlite3")
    spoil(bad)
    before = sorted(p.name for p in archive.path.parent.iterdir())
    rows = dump(archive.path)
    with pytest.raises(CuttingsError, match=sentence) as refused:
        restore(archive.path, bad)
    message = str(refused.value)
    assert "nothing was restored" in message and "\n" not in message and ". " not in message.rstrip(".")
    assert dump(archive.path) == rows
    assert sorted(p.name for p in archive.path.parent.iterdir()) == before  # nothing kept aside


def test_backup_refuses_the_archive_itself(archive):
    with pytest.raises(CuttingsError, match="the archive itself"):
        backup(archive, archive.path)


@pytest.mark.parametrize("dest, sentence", [("pipe", "is not a file"), ("no/such/folder/b.sqlite3", "There is no folder")])
def test_backup_refuses_a_device_or_a_missing_folder_and_touches_neither(archive, tmp_path, dest, sentence):
    target = tmp_path / dest
    if dest == "pipe":  # like /dev/null: a file system entry that is no regular file
        os.mkfifo(target)
    kind = target.stat().st_mode if target.exists() else None
    with pytest.raises(CuttingsError, match=sentence):
        backup(archive, target)
    assert (target.stat().st_mode if target.exists() else None) == kind


def test_a_folder_no_file_can_be_made_in_is_one_sentence(archive):
    with pytest.raises(CuttingsError, match=r"^Cannot write the backup /proc/.*: no file can be made in that folder$"):
        backup(archive, Path("/proc"))


def test_backup_writes_over_nothing_but_an_earlier_backup_when_asked(archive, tmp_path):
    _fill(archive, [1, 2])
    earlier = backup(archive, tmp_path / "earlier.sqlite3")
    other = tmp_path / "pocket.csv"
    other.write_text("title,url\n")
    with pytest.raises(CuttingsError, match="already exists: choose another name"):
        backup(archive, earlier)
    with pytest.raises(CuttingsError, match="is not a Cuttings archive"):
        backup(archive, other, replace=True)
    assert other.read_text() == "title,url\n"
    _fill(archive, [3])
    assert total(Archive(backup(archive, earlier, replace=True))) == 3


def test_a_damaged_archive_is_not_backed_up_but_rescued(archive, tmp_path):
    _fill(archive, [1, 2, 3])
    damaged = backup(archive, tmp_path / "copy.sqlite3")
    _damaged(damaged)
    with pytest.raises(DamagedArchive, match="rescue"):
        backup(Archive(damaged), tmp_path / "of-damaged.sqlite3")
    assert not (tmp_path / "of-damaged.sqlite3").exists()


def test_a_read_only_archive_can_be_backed_up(archive, tmp_path, monkeypatch):
    _fill(archive, [1, 2])
    monkeypatch.setattr(sqlite_backend.os, "access", lambda path, mode: False)  # a read-only folder
    read_only = Archive(archive.path)
    assert read_only.read_only
    assert total(Archive(backup(read_only, tmp_path / "b.sqlite3"))) == 2


def test_backup_file_is_one_self_contained_file(archive, tmp_path):
    _fill(archive, [1])
    copy = backup(archive, tmp_path / "one.sqlite3")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("one")] == ["one.sqlite3"]
    assert backup_module.check_backup(copy) == SCHEMA_VERSION


def test_restore_over_an_archive_that_is_no_database_moves_it_aside(archive, tmp_path):
    _fill(archive, [1])
    saved = backup(archive, tmp_path / "saved.sqlite3")
    target = tmp_path / "elsewhere" / "archive.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"what was here" * 500)
    aside = restore(target, saved)
    assert aside.read_bytes() == b"what was here" * 500
    assert dump(target) == dump(saved)
