"""Everything SQLite-only: the engine and its pragmas, write locking, and the FTS5 index.

A second engine (PostgreSQL) is a sibling module with the same public members; nothing
outside the store knows which one is in use.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Connection

from desktop.core.store.models import ARTICLE_DATES_INDEX

_FTS_DDL = [
    "CREATE VIRTUAL TABLE article_fts USING fts5("
    " title, authors_text, text, content='article', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
    " INSERT INTO article_fts(rowid, title, authors_text, text)"
    " VALUES (new.id, new.title, new.authors_text, new.text); END",
    "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, authors_text, text)"
    " VALUES ('delete', old.id, old.title, old.authors_text, old.text); END",
    "CREATE TRIGGER article_fts_update AFTER UPDATE OF title, authors_text, text ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, authors_text, text)"
    " VALUES ('delete', old.id, old.title, old.authors_text, old.text);"
    " INSERT INTO article_fts(rowid, title, authors_text, text)"
    " VALUES (new.id, new.title, new.authors_text, new.text); END",
]

_WORD = re.compile(r"\w+", re.UNICODE)
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another one before giving up


class _Compiler(SQLiteCompiler):
    """SQLite's statement compiler, plus the table hints SQLAlchemy leaves out for SQLite:
    `select.with_hint(table, "INDEXED BY ix", dialect_name="sqlite")`."""

    def get_from_hint_text(self, table, text):
        return text


def make_engines(path: Path, read_only: bool = False) -> tuple[Engine, Engine]:
    """A reading engine and a writing one whose transactions take the write lock up front.

    BEGIN IMMEDIATE makes a second writer wait (busy timeout) and then fail cleanly,
    instead of failing half-way through an import when its read lock cannot be upgraded.
    """
    # URL.create, not a URL string: a string's path is percent-decoded ("a%20b" would open "a b").
    if read_only:  # an SQLite URI filename, which SQLite itself percent-decodes
        url = URL.create("sqlite", database=f"file:{quote(path.as_posix())}", query={"mode": "ro", "uri": "true"})
    else:
        url = URL.create("sqlite", database=str(path))
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT, "check_same_thread": False},
        # SQLAlchemy's default pool: each task checks a connection out for itself, so threads
        # never share one, and the query path skips opening the file (~5 ms a list refresh).
    )
    engine.dialect.statement_compiler = _Compiler

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except Exception:  # a read-only archive can still be read in its current mode
            pass
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine, engine.execution_options(sqlite_begin="IMMEDIATE")


def install(conn: Connection) -> None:
    """Create the engine-specific parts of a new archive: the full-text index."""
    for statement in _FTS_DDL:
        conn.exec_driver_sql(statement)


def fulltext_ids(query: str):
    """A SELECT of the ids of articles whose title, authors or text match every word.

    Each word is matched as a prefix, so results follow the user's typing.
    """
    words = _WORD.findall(query)
    match = " ".join(f'"{w}"*' for w in words) or '""'
    return text("SELECT rowid FROM article_fts WHERE article_fts MATCH :match").bindparams(match=match)


def date_order_of_subset(query, table):
    """`query`, a SELECT of some of `table`'s (article) rows in date order, reading each row's
    date from the narrow (id, published) index: SQLite would otherwise read the wide article
    rows, two to three times slower for thousands of matches."""
    return query.with_hint(table, f"INDEXED BY {ARTICLE_DATES_INDEX}", dialect_name="sqlite")


def is_locked_error(exc: Exception) -> bool:
    """True if `exc` means another program holds the archive's write lock."""
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def is_readonly_error(exc: Exception) -> bool:
    """True if `exc` means the archive file or its folder cannot be written."""
    msg = str(exc)
    return "readonly database" in msg or "unable to open database" in msg
