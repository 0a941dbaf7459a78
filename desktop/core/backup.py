"""Backups of the archive and restoring one: `cuttings backup` / `restore`, File ▸ Back up… / Restore….

A backup is a consistent copy taken while the archive is in use (the engine's online backup),
written beside its destination and renamed into place only when whole. A restore checks the
file first (its integrity and schema version) and refuses it with one sentence, changing
nothing; otherwise it first keeps the current archive in a dated file beside it, then copies
the backup into the archive's own file, so a window that has it open reads the restored one.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from desktop.core.errors import CuttingsError, describe
from desktop.core.store import postgres, sqlite, sqlite_files
from desktop.core.store.db import SCHEMA_VERSION, Archive, stored_version

Progress = Callable[[int, int], None]  # (pages copied, pages in all)
backend = sqlite  # the engine whose files are copied (see Archive.backend)
ON_A_SERVER = ("{what} copies an SQLite archive file; this archive is a PostgreSQL database: use pg_dump "
               "there, or `cuttings copy --from {name} --to FILE.sqlite3` for a copy in a file.")


def _stamp() -> str:
    return datetime.now().strftime("%Y-%m-%d-%H%M%S")


def backup_path(archive_path: Path, dest: Path) -> Path:
    """The file a backup to `dest` writes: `dest` itself, or in a folder a dated name
    ("archive-backup-2026-11-30-150436.sqlite3")."""
    if dest.is_dir():
        return dest / f"{archive_path.stem}-backup-{_stamp()}{archive_path.suffix or '.sqlite3'}"
    return dest


def backup(archive: Archive, dest: Path, progress: Progress | None = None, replace: bool = False) -> Path:
    """Copy `archive` to `dest` (a file, or a folder to put a dated file in) and return the
    file written. A file already at `dest` is written over only with `replace`, and only if
    it is a Cuttings archive (an earlier backup), once the copy is whole.
    Raises CuttingsError if `dest` is the archive itself, an existing file without `replace`
    or one that is no archive, not a file (a device), in a folder that does not exist, or
    cannot be written; DamagedArchive for a damaged archive (a backup of it would not
    restore: `rescue` saves what is readable)."""
    if not archive.is_file:
        raise CuttingsError(ON_A_SERVER.format(what="A backup", name=archive))
    target = backup_path(archive.path, Path(dest).expanduser())
    if target.resolve() == archive.path.resolve():
        raise CuttingsError(f"{target} is the archive itself: choose another file for the backup.")
    if target.exists() and not target.is_file():
        raise CuttingsError(f"{target} is not a file: choose a file or a folder for the backup.")
    if target.exists():
        _check_replaceable(target, replace)
    if not target.parent.is_dir():
        raise CuttingsError(f"There is no folder {target.parent}: choose a file in a folder that exists.")
    archive.refuse_if_damaged()
    part = target.with_name(target.name + ".part")
    try:
        _remove(part)
        sqlite_files.copy_archive(archive.path, part, progress, read_only=archive.read_only)
        sqlite_files.make_standalone(part)
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        raise CuttingsError(f"Cannot write the backup {target}: {_reason(exc)}") from exc
    finally:
        with suppress(OSError):  # a folder that refused the copy refuses its removal too
            _remove(part)
    return target


def _check_replaceable(target: Path, replace: bool) -> None:
    """Refuse to write a backup over the file `target` unless asked to (`replace`) and it is
    a Cuttings archive: a name typed by mistake must not cost the user another file."""
    if not replace:
        raise CuttingsError(f"{target} already exists: choose another name, or a folder for a dated one "
                            "(`--replace` writes over an earlier backup).")
    try:
        check_backup(target)
    except CuttingsError:
        raise CuttingsError(f"{target} is not a Cuttings archive: a backup only ever replaces an earlier "
                            "backup; choose another name.") from None


def _remove(path: Path) -> None:
    for file in sqlite_files.files_of(path):
        file.unlink(missing_ok=True)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):  # SQLite's words for it
        return "no file can be made in that folder"
    return describe(exc)


def check_backup(path: Path) -> int:
    """The schema version of the archive file at `path`, after SQLite's full integrity check.
    Raises CuttingsError, in one sentence, for a file that is missing, not an archive,
    damaged, or made by a newer Cuttings."""
    if not path.is_file():
        raise CuttingsError(f"There is no file {path}: nothing was restored.")
    engine = backend.make_engines(path, read_only=True)[0]
    try:
        with engine.connect() as conn:
            problems = backend.integrity_problems(conn)
            version = 0 if problems else stored_version(conn)
    except DatabaseError as exc:
        if backend.is_not_database_error(exc):
            raise CuttingsError(f"{path} is not a Cuttings archive (not an SQLite database): nothing was restored.")
        problems = [str(exc.orig)]
    finally:
        engine.dispose()
    if problems:
        raise CuttingsError(f"{path} is damaged ({'; '.join(problems)}): nothing was restored.")
    if version == 0:
        raise CuttingsError(f"{path} is not a Cuttings archive (it has no schema version): nothing was restored.")
    if version > SCHEMA_VERSION:
        raise CuttingsError(f"{path} was made by a newer Cuttings (schema {version}; this version reads "
                            f"{SCHEMA_VERSION} and older): nothing was restored; update Cuttings to restore it.")
    return version


def aside_path(location: Path) -> Path:
    """A free dated name beside the archive for keeping it: "archive-before-restore-<time>.sqlite3"."""
    base = f"{location.stem}-before-restore-{_stamp()}"
    candidate, n = location.with_name(base + location.suffix), 1
    while candidate.exists():
        n += 1
        candidate = location.with_name(f"{base}-{n}{location.suffix}")
    return candidate


def _keep_current(location: Path) -> Path | None:
    """Copy the current archive to a dated file beside it (moved there instead if it is so
    damaged that it cannot be copied); None if there is no archive yet."""
    if not location.exists():
        return None
    aside = aside_path(location)
    try:
        sqlite_files.copy_archive(location, aside)
        sqlite_files.make_standalone(aside)
    except sqlite3.DatabaseError:
        _remove(aside)
        for file, moved in zip(sqlite_files.files_of(location), sqlite_files.files_of(aside)):
            if file.exists():
                file.rename(moved)
    return aside


def restore(location: Path, source: Path, progress: Progress | None = None) -> Path | None:
    """Make the backup `source` the archive at `location`; return where the archive that was
    there is kept (None if there was none). An older schema is upgraded.

    Nothing changes if `source` fails `check_backup` (CuttingsError). The current archive is
    kept first and then overwritten page by page through the backup API, not replaced as a
    file: connections that have it open (a window) then read the restored archive.
    """
    if postgres.is_server(location):
        raise CuttingsError(ON_A_SERVER.format(what="Restoring", name=postgres.display_name(str(location))))
    location, source = Path(location).expanduser(), Path(source).expanduser()
    check_backup(source)
    if location.exists() and source.resolve() == location.resolve():
        raise CuttingsError(f"{source} is the archive itself: nothing was restored.")
    try:
        aside = _keep_current(location)
        sqlite_files.copy_archive(source, location, progress)
    except (OSError, sqlite3.Error) as exc:
        raise CuttingsError(f"Cannot restore into {location}: {_reason(exc)}") from exc
    Archive(location).engine.dispose()  # upgrades an older schema
    return aside
