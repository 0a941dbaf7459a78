"""Noticing other programs' writes to an archive file (the command line while the window is
open): SQLite's data version, polled, with this process's own commits taken out as they end.
The SQLite engine (store.sqlite) reports those and offers watch_changes as its backend's."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path

WATCH_POLL = 1.0  # seconds between looks at whether another program wrote to the file


class _Watch:
    """One watcher's connection and the data version it last accounted for."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn, self.lock, self.open = conn, threading.Lock(), True
        self.seen = self.version()

    def close(self) -> None:
        """Close the connection, never while own_commit_done reads it."""
        with self.lock:
            self.open = False
            self.conn.close()

    def version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]


_watches: dict[str, set[_Watch]] = {}  # per archive file (file_key)
_watches_lock = threading.Lock()


def file_key(path: Path | str) -> str:
    """The archive file's one name, links resolved: what watchers and commits meet under."""
    return os.path.realpath(path)


def own_commit_done(key: str) -> None:
    """This process has just committed to the file `key`: each watcher of it accounts for
    the new data version as its own, not another program's."""
    with _watches_lock:
        watches = list(_watches.get(key, ()))
    for watch in watches:
        with watch.lock, suppress(sqlite3.Error):  # never an error in a write that succeeded
            if watch.open:
                watch.seen = watch.version()


def watch_changes(location: str, stop: threading.Event, changed: Callable[[], None]) -> None:
    """Call `changed()` within WATCH_POLL seconds of another program committing a write to
    the archive file at `location`, until `stop` is set; blocks, so run it in a thread. A
    file that cannot be opened is tried again each WATCH_POLL.

    SQLite's `PRAGMA data_version` moves when any other connection commits
    (https://sqlite.org/pragma.html#pragma_data_version); this process's own commits are
    taken out as they end (own_commit_done), so only another program's are told. A commit
    by another program in the instant between one of ours and its accounting goes untold
    (its next one tells). Opened read-write (mode=rw: never creates a file) but never written.
    """
    from desktop.core.store.sqlite import BUSY_TIMEOUT, file_uri  # the engine that reports our commits

    key = file_key(location)
    delay = 0.0
    while not stop.wait(delay):
        delay = WATCH_POLL
        try:
            # check_same_thread off: own_commit_done reads it on the writer's thread, under the lock.
            with closing(sqlite3.connect(f"{file_uri(Path(key))}?mode=rw", uri=True, timeout=BUSY_TIMEOUT,
                                         check_same_thread=False)) as conn, closing(_Watch(conn)) as watch:
                _poll(key, watch, stop, changed)
        except sqlite3.Error:
            continue  # moved, locked or being replaced: tried again


def _poll(key: str, watch: _Watch, stop: threading.Event, changed: Callable[[], None]) -> None:
    with _watches_lock:
        _watches.setdefault(key, set()).add(watch)
    try:
        while not stop.wait(WATCH_POLL):
            with watch.lock:
                now = watch.version()
                moved, watch.seen = now != watch.seen, now
            if moved:
                changed()
    finally:
        with _watches_lock:
            _watches[key].discard(watch)
