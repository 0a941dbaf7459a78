"""Archives in a bad state (issue 18): damaged, not an archive, read-only, created twice at once."""

from __future__ import annotations

import json

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop.cli import run
from desktop.core.errors import CuttingsError, DamagedArchive, DiskFull
from desktop.core.query import detail, total
from desktop.core.store import db as store_db
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.core.store.trash import trash_articles
from tests.test_store import make_article

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path):
    """An archive of 12 articles whose 5th article's page is overwritten with random bytes."""
    path = tmp_path / "damaged.sqlite3"
    archive = Archive(path)
    for n in range(1, 13):  # texts of ~3 KB: about one article a page
        store_article(archive, make_article(n, text=f"Marker{n:02d}X " + "words of the story " * 160))
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = data.index(b"Marker05X") // page_size * page_size
    data[start:start + page_size] = random.Random(7).randbytes(page_size)
    path.write_bytes(bytes(data))
    return path


def test_damaged_archive_refuses_writes_and_is_left_as_it_is(damaged):
    before = digest(damaged)
    with pytest.raises(DamagedArchive, match="damaged.*rescue"):
        store_article(Archive(damaged), make_article(20))
    assert digest(damaged) == before


def test_reading_damage_raises_damaged_archive_and_the_rest_reads(damaged):
    archive = Archive(damaged)
    assert detail(archive, 4).title == "Story 4"
    with pytest.raises(DamagedArchive, match="cannot be read"):
        detail(archive, 5)


def test_export_of_a_damaged_archive_says_so_and_saves_what_it_can(damaged, tmp_path, capsys):
    out = tmp_path / "x.json"
    assert run(["export", "--db", str(damaged), "--out", str(out)]) == 1
    said = capsys.readouterr()
    assert "damaged" in said.err and "unexpected" not in said.err and "sqlalche" not in said.err
    assert said.out == f"rescued 11 articles to {out}; 1 could not be read\n"
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 11


def test_rescue_saves_every_readable_article_and_counts_the_rest(damaged, tmp_path, capsys):
    out = tmp_path / "rescued.json"
    assert run(["rescue", "--db", str(damaged), "--out", str(out)]) == 1
    assert capsys.readouterr().out == f"rescued 11 articles to {out}; 1 could not be read\n"
    fresh = tmp_path / "fresh.sqlite3"
    assert run(["import", str(out), "--db", str(fresh)]) == 0
    assert total(Archive(fresh)) == 11


def test_two_processes_creating_an_archive_at_once(tmp_path, monkeypatch):
    """The second opener read version 0 before the first committed the schema: it must see
    the new schema under the write lock and leave it alone, not create it again."""
    path = tmp_path / "new.sqlite3"
    Archive(path)
    real, calls = store_db.stored_version, []

    def stale_first(conn):
        calls.append(1)
        return 0 if len(calls) == 1 else real(conn)

    monkeypatch.setattr(store_db, "stored_version", stale_first)
    archive = Archive(path)  # before the fix: "table article_fts already exists"
    monkeypatch.undo()
    store_article(archive, make_article(1))
    assert total(archive) == 1


def test_a_file_that_is_not_an_archive_is_one_sentence_and_untouched(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("".join(f"my notes line {i}\n" for i in range(100)))
    before = digest(notes)
    assert run(["list", "--db", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {notes} is not a Cuttings archive (not an SQLite database); it was left as it is.\n"
    assert digest(notes) == before
    with pytest.raises(CuttingsError, match="not a Cuttings archive"):
        Archive(notes)


def test_an_archive_in_a_read_only_folder_is_read(tmp_path):
    """A cleanly closed WAL archive (no -wal, no -shm) in a folder nobody may write."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root writes anywhere; setpriv is needed to drop that")
    folder = tmp_path / "ro"
    store_article(Archive(folder / "a.sqlite3"), make_article(1))
    sqlite3.connect(folder / "a.sqlite3").execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    folder.chmod(0o555)
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
            "--inh-caps=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    try:
        listed = subprocess.run([*drop, sys.executable, "-m", "desktop", "list", "--db", str(folder / "a.sqlite3")],
                                cwd=ROOT, capture_output=True, text=True)
    finally:
        folder.chmod(0o755)
    assert (listed.returncode, listed.stdout.count("Story 1")) == (0, 1), listed.stderr
    assert "read-only" in listed.stderr


def test_a_write_that_would_fill_the_disk_is_refused_and_delete_still_works(tmp_path, monkeypatch):
    archive = Archive(tmp_path / "a.sqlite3")
    store_article(archive, make_article(1))
    full = shutil.disk_usage(tmp_path)._replace(free=100 * 1024)
    monkeypatch.setattr(store_db.shutil, "disk_usage", lambda path: full)
    with pytest.raises(DiskFull, match="nearly full: nothing was saved"):
        store_article(archive, make_article(2, text="a long story " * 2000))
    assert total(archive) == 1
    assert trash_articles(archive, [1]) == 1  # deleting grows nothing: never refused


def test_each_commit_is_checkpointed_into_the_archive_file(tmp_path):
    """A full disk must not find committed pages waiting in the WAL: checkpointing them
    needs the file to grow, and until then no write (not even a delete) fits."""
    path = tmp_path / "a.sqlite3"
    store_article(Archive(path), make_article(1))
    copy = tmp_path / "file-alone.sqlite3"
    shutil.copy(path, copy)  # the archive file without its -wal
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM article").fetchone() == (1,)
