"""An SQLite archive as a whole file: consistent copies while it is in use (SQLite's online
backup API), a copy made self-contained, and the journal files that travel with it
(core.backup's backups and restores)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from desktop.core.store.sqlite import BUSY_TIMEOUT, file_uri, read_only_query

BACKUP_STEP_PAGES = 1024  # pages copied between progress reports (4 MB at SQLite's page size)


def copy_archive(source: Path, dest: Path, progress: Callable[[int, int], None] | None = None,
                 read_only: bool = False) -> None:
    """Copy the database `source` into `dest` (created, or replaced page by page) with SQLite's
    online backup API (https://sqlite.org/backup.html), `progress(pages done, pages in all)`
    after each step.

    The copy is of one moment even while other connections write: the source connection holds
    a read transaction throughout, so the copy reads one WAL snapshot. (Without it, SQLite
    restarts a stepped backup whenever another connection writes: under a steady import it
    never finished.) `read_only`: `source` is opened as a read-only archive is (read_only_query).
    Raises sqlite3.Error (and DatabaseError for a file that is no database).
    """
    if read_only:
        uri = f"{file_uri(source)}?{urlencode(read_only_query(source))}"
        src = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    else:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT, isolation_level=None)
    dst = sqlite3.connect(dest, timeout=BUSY_TIMEOUT)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the snapshot

        def step(_status: int, remaining: int, pages: int) -> None:
            if progress is not None:
                progress(pages - remaining, pages)

        src.backup(dst, pages=BACKUP_STEP_PAGES, progress=step)
        src.execute("COMMIT")
    finally:
        src.close()
        dst.close()


def make_standalone(path: Path) -> None:
    """Turn a copied archive into one self-contained file: no WAL beside it to lose."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        conn.close()


def files_of(path: Path) -> list[Path]:
    """The archive file and the journal files SQLite keeps beside it."""
    return [path] + [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
