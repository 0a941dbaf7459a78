"""A window sees other programs' writes to an archive file (store.sqlite.watch_changes)."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing

from desktop.core.store import sqlite, sqlite_watch
from desktop.core.store.db import Archive


def _watch(path) -> tuple[threading.Event, threading.Event, threading.Thread]:
    stop, seen = threading.Event(), threading.Event()
    thread = threading.Thread(target=sqlite.watch_changes, args=(str(path), stop, seen.set), daemon=True)
    thread.start()
    return stop, seen, thread


def _write_as_another_program(path) -> None:
    with closing(sqlite3.connect(path)) as conn:  # not the archive's engine: not this process's own write
        conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        conn.commit()


def test_a_cleanly_closed_archive_is_watched_from_the_first_moment(tmp_path):
    path = tmp_path / "archive.sqlite3"
    Archive(path).engine.dispose()  # cleanly closed: no -shm yet for a reader to use
    stop, seen, thread = _watch(path)
    try:
        assert not seen.wait(1.5)
        _write_as_another_program(path)
        assert seen.wait(5)
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()


def test_a_missing_file_is_not_created_and_is_watched_once_it_exists(tmp_path):
    path = tmp_path / "later.sqlite3"
    stop, seen, thread = _watch(path)
    try:
        assert not seen.wait(1.5) and not path.exists()
        Archive(path).engine.dispose()  # this process's own writes: no notice
        time.sleep(2 * sqlite_watch.WATCH_POLL)  # the watcher opens the new file at its next try
        _write_as_another_program(path)
        assert seen.wait(5)
    finally:
        stop.set()
        thread.join(5)
