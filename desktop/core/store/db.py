"""Opening an archive: where it lives, its engine, its schema version and migrations."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import platformdirs
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError
from sqlmodel import Session, SQLModel

from desktop.core.errors import ArchiveUnreachable, CuttingsError, DamagedArchive, DiskFull
from desktop.core.store import captures, models, postgres, sqlite

SCHEMA_VERSION = 9

# MIGRATIONS[n] upgrades an archive from schema n-1 to n, inside one transaction.
# Each step gets the connection and the engine module (for engine-specific parts).
Migration = Callable[[Connection, ModuleType], None]


def _create_schema(conn: Connection, backend: ModuleType) -> None:
    SQLModel.metadata.create_all(conn)
    backend.install(conn)


def _declared_index(table, *names: str) -> Migration:
    """A step creating indexes a model declares (a new archive has them from step 1)."""

    def step(conn: Connection, backend: ModuleType) -> None:
        for name in names:
            next(i for i in table.indexes if i.name == name).create(conn, checkfirst=True)

    return step


def _declared_tables(*tables) -> Migration:
    """A step creating tables the models declare, with their indexes (a new archive has
    them from step 1)."""

    def step(conn: Connection, backend: ModuleType) -> None:
        SQLModel.metadata.create_all(conn, tables=[t.__table__ for t in tables])

    return step


def _declared_columns(table, *names: str) -> Migration:
    """A step adding nullable columns a model declares, and the indexes on them (a new
    archive has them from step 1)."""

    def step(conn: Connection, backend: ModuleType) -> None:
        present = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for name in names:
            if name in present:
                continue
            column = table.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
        for index in table.indexes:
            if set(index.columns.keys()) & set(names):
                index.create(conn, checkfirst=True)

    return step


def _schema_5(conn: Connection, backend: ModuleType) -> None:
    """Quotations, corrections, rejected duplicates and tags, and the quotations' full-text index."""
    _declared_tables(models.Quotation, models.Correction, models.DuplicateVerdict, models.Tag,
                     models.ArticleTag)(conn, backend)
    backend.install_quotation_search(conn)


def _schema_8(conn: Connection, backend: ModuleType) -> None:
    """The evidence of capture and earlier versions of articles; the evidence older copies give."""
    _declared_tables(models.Capture, models.ArticleVersion)(conn, backend)
    backend.install_version_search(conn)
    captures.fill_captures(conn)


def _schema_9(conn: Connection, backend: ModuleType) -> None:
    """PostgreSQL's article words in a table of their own, off the wide article row."""
    backend.separate_article_search(conn)


MIGRATIONS: dict[int, Migration] = {
    1: _create_schema,
    2: _declared_index(models.Mention.__table__, "ix_mention_entity_article"),
    3: _declared_index(models.ArticleRow.__table__, models.ARTICLE_DATES_INDEX),
    4: _declared_columns(models.ArticleRow.__table__, "edited", "trashed"),
    5: _schema_5,
    6: _declared_columns(models.ArticleRow.__table__, "provenance"),
    7: _declared_tables(models.ImportBatch, models.ImportJob),
    8: _schema_8,
    9: _schema_9,
}


def default_location(preferred: str | None = None) -> Path | str:
    """The archive used when none is named: $CUTTINGS_DB, else `preferred` (the user's
    default archive preference), else archive.sqlite3 in the user's data folder. A file's
    location is a Path, a PostgreSQL database's its postgresql:// URL (a str)."""
    env = os.environ.get("CUTTINGS_DB") or preferred
    if env and postgres.is_server(env):
        return env
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Cuttings", appauthor=False)) / "archive.sqlite3"


class Archive:
    """An open archive: an engine for reading, one for writing, and what it is called.

    Opening raises CuttingsError for a file that is not an archive, one made by a newer
    Cuttings, or one that cannot be read; `read_only` tells whether writes will be refused.
    Any read or write of a damaged archive raises DamagedArchive, and so does the first
    write transaction when SQLite's quick check finds damage; a write that would fill the
    disk raises DiskFull.
    """

    def __init__(self, location: str | os.PathLike | None = None, upgrade: bool = True):
        """Open (or create) the archive at `location` (default_location() when None). With
        `upgrade` off, an archive of an older schema is left as it is until upgrade() (the
        window shows progress meanwhile); raises CuttingsError when it cannot be opened."""
        location = default_location() if location is None else location
        self.location = str(location)  # as given: what `--db` takes to open it again
        if "://" in self.location and not postgres.is_server(location):  # mysql://, https://…: no file either
            raise CuttingsError(f"{self.location.split('://')[0]}:// is not an archive: give a file path "
                                "or a postgresql:// address.")
        if postgres.is_server(location):
            # path: the archive's file, None for a database on a server (see `is_file`).
            self.path, self.backend, self.name = None, postgres, postgres.display_name(str(location))
            self.read_only = False
            self.engine, self._write_engine = self.backend.make_engines(str(location))
        else:
            self.path, self.backend = Path(location).expanduser(), sqlite
            self.name = str(self.path)
            self._make_folder()
            self.read_only = self.path.exists() and not _writable(self.path)
            self.engine, self._write_engine = self.backend.make_engines(self.path, self.read_only)
        # The write engine shares the reading engine's events, so both translate damage.
        event.listen(self.engine, "handle_error", self._on_error)
        self._checked = False  # whether the quick check found this archive whole
        self._reading = threading.local()  # .conn: the connection of this thread's reading() block
        # Read once: schemas only move forward, and upgrade() looks again under the write lock.
        self._version = self._read_version()
        if upgrade or self._version == 0:  # a new archive is made at once
            self.upgrade()

    def __str__(self) -> str:
        return self.name

    @property
    def is_file(self) -> bool:
        """True for an SQLite file (backup, restore and rescue work on it), False for a
        PostgreSQL database."""
        return self.path is not None

    @property
    def title(self) -> str:
        """A short name for a window title: the file's name, or the database's."""
        return self.path.name if self.is_file else self.name.rsplit("/", 1)[-1]

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CuttingsError(f"Cannot create the archive folder {self.path.parent}: {exc.strerror}")

    def session(self) -> Session:
        """A session for reading; use it in a `with` block. Inside reading(), on its connection."""
        conn = getattr(self._reading, "conn", None)
        return Session(self.engine if conn is None else conn, expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reading, shared by the reads of this block in this thread (sessions
        too): a click's ids, rows and snippets take one connection and one transaction; on
        PostgreSQL one check of the connection, one BEGIN and one ROLLBACK, not one each."""
        shared = getattr(self._reading, "conn", None)
        if shared is not None:
            yield shared
            return
        with self.engine.connect() as conn:
            conn.begin()  # owned here, so a session on it leaves it open
            self._reading.conn = conn
            try:
                yield conn
            finally:
                self._reading.conn = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or not at all."""
        self.refuse_if_damaged()
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                pages = self.backend.page_count(session.connection())
                yield session
                session.flush()
                self._keep_room(session.connection(), pages)
        except (OperationalError, ProgrammingError) as exc:  # Programming: a refused privilege
            raise self._explain(exc) from exc

    def _keep_room(self, conn: Connection, pages_before: int) -> None:
        """Raise DiskFull, before the commit, if the transaction would leave the disk too
        full for a later delete (see backend.room_needed)."""
        needed = self.backend.room_needed(conn, pages_before)
        if needed and self.is_file and shutil.disk_usage(self.path.parent).free < needed:
            raise DiskFull(
                f"The disk holding the archive {self.path} is nearly full: nothing was saved, "
                "so that deleting stays possible. Free some space, or delete articles, and try again."
            )

    def problem(self, exc: BaseException) -> str | None:
        """One sentence for `exc`, an engine's error met reading or writing this archive, when
        it is a connection or permission problem (backend.explain), else None."""
        return self.backend.explain(exc, self.name) if isinstance(exc, DatabaseError) else None

    def _explain(self, exc: DatabaseError) -> CuttingsError:
        said = self.backend.explain(exc, self.name)
        if said:
            return (ArchiveUnreachable if self.backend.is_connection_error(exc) else CuttingsError)(said)
        if self.backend.is_locked_error(exc):
            return CuttingsError(
                "The archive is busy: another program is writing to it. Try again in a moment."
            )
        if self.backend.is_readonly_error(exc):
            return CuttingsError(f"Cannot write to the archive {self}: it is read-only.")
        return CuttingsError(f"The archive {self} could not be written: {exc.orig}")

    def _damaged(self, what: str) -> DamagedArchive:
        return DamagedArchive(
            f"The archive {self} is damaged ({what}). Cuttings will not write into it; "
            "`cuttings rescue --out FILE` saves every article still readable."
        )

    def _on_error(self, context: ExceptionContext) -> None:
        """Raise DamagedArchive in place of the engine's error if it means damage."""
        if self.backend.is_damage_error(context.original_exception):
            raise self._damaged("part of it cannot be read") from context.original_exception

    def refuse_if_damaged(self) -> None:
        """Raise DamagedArchive if the quick check finds damage; checked once per Archive,
        before its first write (0.5 s at 100k articles: too slow for every read-only command)."""
        if self._checked:
            return
        with self.engine.connect() as conn:
            problems = self.backend.damage(conn)
        if problems:
            raise self._damaged("; ".join(problems))
        self._checked = True

    def needs_upgrade(self) -> bool:
        """True when the archive's schema is older than this version's (see upgrade)."""
        return self._version != SCHEMA_VERSION

    def upgrade(self) -> None:
        """Bring the schema to SCHEMA_VERSION (create it in a new file), in one transaction:
        a crash midway leaves the older archive as it was. May take minutes for a big archive
        (a migration that rewrites every article); CuttingsError when it cannot be done."""
        if not self.needs_upgrade():
            return
        if self.read_only:
            raise CuttingsError(f"The archive {self} is read-only and needs an upgrade first.")
        self.refuse_if_damaged()
        try:
            with self._write_engine.begin() as conn:
                # Look again under the write lock: another process may have created or
                # upgraded the archive since (two windows opening a new archive at once).
                version = self._checked_version(stored_version(conn))
                if version == SCHEMA_VERSION:
                    self._version = version
                    return
                for step in sorted(s for s in MIGRATIONS if s > version):
                    MIGRATIONS[step](conn, self.backend)
                conn.execute(
                    models.Meta.__table__.delete().where(models.Meta.key == "schema_version")
                )
                conn.execute(
                    models.Meta.__table__.insert().values(key="schema_version", value=str(SCHEMA_VERSION))
                )
            self._version = SCHEMA_VERSION
        except (OperationalError, ProgrammingError) as exc:
            raise self._explain(exc) from exc

    def _read_version(self) -> int:
        """The stored schema version (0: a new file); CuttingsError if it is not readable."""
        try:
            with self.engine.connect() as conn:
                return self._checked_version(stored_version(conn))
        except DatabaseError as exc:  # OperationalError too
            said = self.backend.explain(exc, self.name)
            if said:
                raise CuttingsError(said) from exc
            if self.backend.is_not_database_error(exc):
                raise CuttingsError(
                    f"{self.path} is not a Cuttings archive (not an SQLite database); it was left as it is."
                ) from exc
            raise CuttingsError(f"Cannot open the archive {self}: {exc.orig}") from exc

    def _checked_version(self, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise CuttingsError(
                f"The archive {self} was made by a newer Cuttings (schema {version}); "
                f"this version reads schema {SCHEMA_VERSION} and older. Please update Cuttings."
            )
        return version


def _writable(path: Path) -> bool:
    """Can we write the archive file and create its journal files beside it?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def backend_of(conn: Connection) -> ModuleType:
    """The engine module (sqlite or postgres) of an open connection."""
    return postgres if conn.dialect.name == "postgresql" else sqlite


def stored_version(conn: Connection) -> int:
    """The schema version an archive's `meta` table holds; 0 for a file without one."""
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(
        models.Meta.__table__.select().where(models.Meta.key == "schema_version")
    ).first()
    return int(row.value) if row else 0
