"""Everything SQLite-only: the engine and its pragmas, write locking, and the FTS5 index;
with its two siblings, sqlite_files (whole-file copies for backups) and sqlite_watch (other
programs' writes, for the window).

A second engine (PostgreSQL) is a sibling module with the same public members; nothing
outside the store knows which one is in use.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import URL, Engine, Float, Integer, bindparam, create_engine, event, func, literal_column, text
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Connection

from desktop.core.search import AUTHOR, ELLIPSIS, HIT_END, HIT_START, TITLE, AnyOf, Phrase, Search
from desktop.core.store import sqlite_watch
from desktop.core.store.models import ARTICLE_DATES_INDEX

_FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    " title, authors_text, text, content='article', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON article BEGIN"
    " INSERT INTO article_fts(rowid, title, authors_text, text)"
    " VALUES (new.id, new.title, new.authors_text, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, authors_text, text)"
    " VALUES ('delete', old.id, old.title, old.authors_text, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE OF title, authors_text, text ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, authors_text, text)"
    " VALUES ('delete', old.id, old.title, old.authors_text, old.text);"
    " INSERT INTO article_fts(rowid, title, authors_text, text)"
    " VALUES (new.id, new.title, new.authors_text, new.text); END",
]
# The words of quotations, for searching what people said (core/quotations.py).
_QUOTATION_FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotation_fts USING fts5("
    " text, content='quotation', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS quotation_fts_insert AFTER INSERT ON quotation BEGIN"
    " INSERT INTO quotation_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS quotation_fts_delete AFTER DELETE ON quotation BEGIN"
    " INSERT INTO quotation_fts(quotation_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS quotation_fts_update AFTER UPDATE OF text ON quotation BEGIN"
    " INSERT INTO quotation_fts(quotation_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " INSERT INTO quotation_fts(rowid, text) VALUES (new.id, new.text); END",
]

# Earlier versions' words (store.versions): a search finds what a story said before an edit.
# A copy of its own: the version table has no authors column, and an old version never changes.
_VERSION_FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_version_fts USING fts5("
    " title, authors_text, text, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS article_version_fts_insert AFTER INSERT ON article_version BEGIN"
    " INSERT INTO article_version_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS article_version_fts_delete AFTER DELETE ON article_version BEGIN"
    " DELETE FROM article_version_fts WHERE rowid = old.rowid; END",
]
_FTS_COLUMNS = {TITLE: "title", AUTHOR: "authors_text"}  # the FTS5 column each search field looks in
# bm25 weight of a hit in each column: a title hit counts most, then an author, then the text.
RELEVANCE_WEIGHTS = {"title": 10.0, "authors_text": 4.0, "text": 1.0}
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another one before giving up
DISK_RESERVE = 256 * 1024  # bytes a growing write leaves free, for deletes and the WAL
WAL_CHECKPOINT_PAGES = 1  # SQLite's default is 1000 pages (4 MB) of WAL between checkpoints


class _Compiler(SQLiteCompiler):
    """SQLite's statement compiler, plus the table hints SQLAlchemy leaves out for SQLite:
    `select.with_hint(table, "INDEXED BY ix", dialect_name="sqlite")`."""

    def get_from_hint_text(self, table, text):
        return text


def make_engines(path: Path, read_only: bool = False) -> tuple[Engine, Engine]:
    """A reading engine and a writing one whose transactions take the write lock up front.

    BEGIN IMMEDIATE makes a second writer wait (busy timeout) and then fail cleanly,
    instead of failing half-way through an import when its read lock cannot be upgraded.
    `read_only`: the file or its folder cannot be written (see read_only_query).
    """
    # URL.create, not a URL string: a string's path is percent-decoded ("a%20b" would open "a b").
    if read_only:  # an SQLite URI filename, which SQLite itself percent-decodes
        url = URL.create("sqlite", database=file_uri(path), query=read_only_query(path))
    else:
        url = URL.create("sqlite", database=str(path))
    # SQLAlchemy's default pool: each task checks a connection out for itself, so threads
    # never share one, and the query path skips opening the file (~5 ms a list refresh).
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT, "check_same_thread": False})
    engine.dialect.statement_compiler = _Compiler

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        with suppress(Exception):  # a read-only archive can still be read in its current mode
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Copy each commit into the archive file at once (a passive checkpoint: it never
        # waits for readers), so the WAL holds no committed pages and its space is reused by
        # the next write. Otherwise, on a full disk, a delete could neither grow the WAL nor
        # checkpoint it (the file must grow for that): nothing could be freed.
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    key, commit = sqlite_watch.file_key(path), engine.dialect.do_commit

    def _do_commit(dbapi_conn) -> None:  # once it has ended, a commit is this process's own
        commit(dbapi_conn)
        sqlite_watch.own_commit_done(key)

    engine.dialect.do_commit = _do_commit

    return engine, engine.execution_options(sqlite_begin="IMMEDIATE")


def file_uri(path: Path) -> str:
    """`path` as an SQLite URI filename (SQLite percent-decodes it), without its query."""
    return f"file:{quote(path.as_posix())}"


def read_only_query(path: Path) -> dict[str, str]:
    """The URI options opening `path` for reading only.

    A WAL archive read needs its -shm file, which SQLite cannot create in a read-only folder
    ("attempt to write a readonly database"). With no -wal file beside it (a cleanly closed
    archive) the file alone is the whole archive, and nobody can write it from that folder
    either, so `immutable` (no locks, no -shm) reads it safely.
    """
    query = {"mode": "ro", "uri": "true"}
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        query["immutable"] = "1"
    return query


def install(conn: Connection) -> None:
    """Create the engine-specific parts of a new archive: the full-text indexes."""
    for statement in _FTS_DDL:
        conn.exec_driver_sql(statement)
    install_quotation_search(conn)
    install_version_search(conn)


def install_version_search(conn: Connection) -> None:
    """Create the full-text index of earlier versions and its triggers (a new archive, or one
    upgraded to schema 8, whose version table is new and empty)."""
    for statement in _VERSION_FTS_DDL:
        conn.exec_driver_sql(statement)


def separate_article_search(conn: Connection) -> None:
    """Schema 9 (PostgreSQL's words off the article row): nothing, article_fts always was."""


def install_quotation_search(conn: Connection) -> None:
    """Create the full-text index of quotations and the triggers that keep it current (a
    new archive, or one upgraded to schema 5, whose quotation table is new and empty)."""
    for statement in _QUOTATION_FTS_DDL:
        conn.exec_driver_sql(statement)


def fts_match(search: Search) -> str:
    """`search` as an FTS5 MATCH expression (https://sqlite.org/fts5.html#full_text_query_syntax).

    Every phrase is a double-quoted FTS5 string, so no user text is read as FTS5 syntax
    (NEAR, ^, column names, '*'); a prefix phrase gets FTS5's trailing '*', a field its
    column filter ("title : ..."). Groups are bracketed rather than left to FTS5's
    precedence (NOT, then AND, then OR), and exclusions become one trailing NOT (...).
    """
    if isinstance(search, Phrase):
        quoted = '"' + " ".join(search.words).replace('"', '""') + '"' + ("*" if search.prefix else "")
        return f"{_FTS_COLUMNS[search.field]} : {quoted}" if search.field else quoted
    if isinstance(search, AnyOf):
        return " OR ".join(_fts_group(option) for option in search.options)
    matched = " AND ".join(_fts_group(item) for item in search.include)
    if not search.exclude:
        return matched
    excluded = " OR ".join(_fts_group(item) for item in search.exclude)
    return f"({matched}) NOT ({excluded})"


def _fts_group(search: Search) -> str:
    return fts_match(search) if isinstance(search, Phrase) else f"({fts_match(search)})"


def fulltext_ids(search: Search):
    """A SELECT of the ids (as `rowid`) of the articles matching `search` in their newest
    version or in any earlier one."""
    return text(
        "SELECT rowid FROM article_fts WHERE article_fts MATCH :match"
        " UNION SELECT v.article_id FROM article_version AS v"
        " JOIN article_version_fts AS f ON f.rowid = v.rowid WHERE article_version_fts MATCH :match"
    ).bindparams(match=fts_match(search))


def fulltext_probe(search: Search):
    """The condition that the row of the query's `article` table matches `search`, as
    fulltext_ids finds them: FTS5 reads a word's whole list of rows in a few milliseconds."""
    return literal_column("article.id").in_(fulltext_ids(search))


def fulltext_ranked(search: Search):
    """A subquery of the articles matching `search`: `id`, and `relevance`, higher for a
    better match: FTS5's bm25 (https://sqlite.org/fts5.html#the_bm25_function, where lower is
    better, hence negated) with the columns weighted by RELEVANCE_WEIGHTS. An article matching
    only in an earlier version comes last, at relevance 0 (bm25 is never negative here)."""
    weights = ", ".join(str(RELEVANCE_WEIGHTS[c]) for c in ("title", "authors_text", "text"))
    return (
        text(f"SELECT rowid AS id, -bm25(article_fts, {weights}) AS relevance"
             " FROM article_fts WHERE article_fts MATCH :match"
             " UNION ALL SELECT DISTINCT v.article_id, 0.0 FROM article_version AS v"
             " JOIN article_version_fts AS f ON f.rowid = v.rowid WHERE article_version_fts MATCH :match"
             " AND v.article_id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :match)")
        .bindparams(match=fts_match(search))
        .columns(id=Integer, relevance=Float)
        .subquery("ranked")
    )


def fulltext_snippets(search: Search, ids: Sequence[int], tokens: int, earlier: bool = False):
    """A SELECT of (id, snippet) for those of `ids` matching `search`: about `tokens` words
    of the article text around its best hits, each hit between HIT_START and HIT_END, cut
    text marked by ELLIPSIS (FTS5's snippet(), https://sqlite.org/fts5.html#the_snippet_function).
    With `earlier`, of (id, version, snippet) for their earlier versions that match.

    `+rowid` keeps the id list from FTS5, which would run the match once per id (a prefix
    word's list of rows rebuilt each time: 30-60 ms a page of 100 at 20k articles, not 2 ms).
    """
    statement = (
        "SELECT v.article_id, v.version, snippet(article_version_fts, 2, :start, :end, :ellipsis, :tokens)"
        " FROM article_version_fts JOIN article_version AS v ON v.rowid = article_version_fts.rowid"
        " WHERE article_version_fts MATCH :match AND v.article_id IN :ids" if earlier else
        "SELECT rowid, snippet(article_fts, 2, :start, :end, :ellipsis, :tokens) FROM article_fts"
        " WHERE article_fts MATCH :match AND +rowid IN :ids"
    )
    return text(statement).bindparams(
        bindparam("ids", expanding=True), match=fts_match(search), ids=list(ids),
        start=HIT_START, end=HIT_END, ellipsis=ELLIPSIS, tokens=tokens,
    )


def fulltext_highlighted(search: Search, article_id: int):
    """A SELECT of one row, (title, text) of the article with every hit of `search` between
    HIT_START and HIT_END (FTS5's highlight()), or of no row if the article does not match."""
    return text(
        "SELECT highlight(article_fts, 0, :start, :end), highlight(article_fts, 2, :start, :end)"
        " FROM article_fts WHERE article_fts MATCH :match AND rowid = :id"
    ).bindparams(match=fts_match(search), id=article_id, start=HIT_START, end=HIT_END)


def quotation_ids(search: Search):
    """A SELECT of the ids (as `rowid`) of the quotations whose words match `search` (a
    search without title: or author: fields, which quotations do not have)."""
    return text("SELECT rowid FROM quotation_fts WHERE quotation_fts MATCH :match").bindparams(
        match=fts_match(search))


def quotations_highlighted(search: Search, ids: Sequence[int]):
    """A SELECT of (id, text) for those of the quotations `ids` matching `search`, every hit
    between HIT_START and HIT_END (FTS5's highlight(); `+rowid` as in fulltext_snippets)."""
    return text(
        "SELECT rowid, highlight(quotation_fts, 0, :start, :end) FROM quotation_fts"
        " WHERE quotation_fts MATCH :match AND +rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True), match=fts_match(search), ids=list(ids),
                 start=HIT_START, end=HIT_END)


def date_order_of_subset(query, table):
    """`query`, a SELECT of some of `table`'s (article) rows in date order, reading each row's
    date from the narrow (id, published) index: SQLite would otherwise read the wide article
    rows, two to three times slower for thousands of matches."""
    return query.with_hint(table, f"INDEXED BY {ARTICLE_DATES_INDEX}", dialect_name="sqlite")


def unindexed(column, empty):
    """`column` as a value SQLite's planner cannot look up in an index (`empty` for NULL), so a
    join over it is driven from the other side: from the few matching articles, not from every
    entity of a kind (a facet within a filter) or every quotation of a speaker."""
    return func.coalesce(column, empty)


def contains_word(column, word: str):
    """`column` holds `word`, case-blind: SQLite's LIKE is, for ASCII (lower() took twice as long)."""
    return column.contains(word, autoescape=True)


def explain(exc: Exception, name: str) -> str | None:
    """None: a file has no connection to lose (see sqlite errors' own sentences in db.py)."""


# Other programs' writes to the file, for the window (store.sqlite_watch).
watch_changes = sqlite_watch.watch_changes


def fix_id_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """Nothing to do: SQLite's next id is always past the highest one."""


def is_locked_error(exc: Exception) -> bool:
    """True if `exc` means another program holds the archive's write lock."""
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def is_connection_error(exc: Exception) -> bool:
    """False: a file has no connection to lose."""
    return False


def is_search_error(exc: Exception) -> bool:
    """True if `exc` is FTS5 refusing a MATCH expression: its "fts5: syntax error near ...",
    "fts5: parser stack overflow", or the tokenizer's "unterminated string" and "unknown
    special query" (a bare '*')."""
    return any(m in str(exc) for m in ("fts5:", "unterminated string", "unknown special query"))


def is_readonly_error(exc: Exception) -> bool:
    """True if `exc` means the archive file or its folder cannot be written."""
    msg = str(exc)
    return "readonly database" in msg or "unable to open database" in msg


def page_count(conn: Connection) -> int:
    """The archive's size in pages, as seen inside the connection's transaction."""
    return conn.exec_driver_sql("PRAGMA page_count").scalar_one()


def room_needed(conn: Connection, pages_before: int) -> int:
    """Bytes of free disk a transaction that began at `pages_before` pages needs to commit
    and still leave deleting possible (0 if it did not grow the archive).

    Its new pages are written twice, to the WAL and then into the file by the checkpoint;
    if the disk fills in between, the WAL keeps committed pages that can neither be
    checkpointed nor overwritten, and even a delete fails. So growth must leave a reserve.
    """
    grown = page_count(conn) - pages_before
    if grown <= 0:
        return 0
    page_size = conn.exec_driver_sql("PRAGMA page_size").scalar_one()
    return 2 * grown * page_size + DISK_RESERVE


def is_damage_error(exc: Exception) -> bool:
    """True if `exc` means the archive file is damaged: SQLite's "database disk image is
    malformed" or "malformed database schema", or stored text that is not the UTF-8
    Cuttings always writes. (Not a bare "malformed": a search can be a "malformed MATCH".)"""
    msg = str(exc)
    return any(m in msg for m in ("disk image is malformed", "malformed database schema",
                                  "Could not decode to UTF-8"))


def is_not_database_error(exc: Exception) -> bool:
    """True if `exc` means the file is not an SQLite database at all."""
    return "file is not a database" in str(exc)


def damage(conn: Connection, limit: int = 3) -> list[str]:
    """Up to `limit` problems SQLite's quick_check finds in the archive ([] if none).

    quick_check reads every page but skips matching index entries to rows: ~0.5 s for a
    100k-article (250 MB) archive, against 3 s for integrity_check.
    """
    return _problems(conn, f"PRAGMA quick_check({int(limit)})")


def _problems(conn: Connection, pragma: str) -> list[str]:
    found = [r[0] for r in conn.exec_driver_sql(pragma)]
    # Problems are lines, some headed by "*** in database main ***"; "ok" alone means none.
    lines = "\n".join(found).splitlines()
    return [line for line in lines if line not in ("ok", "") and not line.startswith("***")]


def integrity_problems(conn: Connection, limit: int = 3) -> list[str]:
    """Up to `limit` problems SQLite's full integrity_check finds ([] if none): unlike
    `damage`'s quick check it also matches every index to its table, which a file about to
    become the archive deserves."""
    return _problems(conn, f"PRAGMA integrity_check({int(limit)})")
