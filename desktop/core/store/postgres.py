"""Everything PostgreSQL-only: the engine, the writers' lock, full-text search with tsvector
and GIN, change notices (LISTEN/NOTIFY, in postgres_watch.py), and what the server's errors
mean (postgres_errors.py).

The sibling of core/store/sqlite.py, with the same public members the Archive and the query
layer use; nothing outside the store knows which one is in use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import URL, Engine, Float, Integer, bindparam, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.compiler import compiles

from desktop.core.errors import CuttingsError
from desktop.core.search import AUTHOR, ELLIPSIS, HIT_END, HIT_START, TITLE, AnyOf, Phrase, Search
from desktop.core.store import postgres_errors, postgres_watch
from desktop.core.store.among import NotAmong
from desktop.core.store.postgres_watch import CONNECT_TIMEOUT, NOTICE_CHANNEL, ORIGIN

SCHEMES = ("postgresql:", "postgres:")
CONFIG = "cuttings"  # the text search configuration: the simple one, accents removed
# A fixed key of pg_advisory_xact_lock: the writers' lock, the analogue of SQLite's
# BEGIN IMMEDIATE (every write transaction takes it first, so one writes at a time and a
# look-up-then-insert inside a transaction cannot race another writer's).
WRITERS_LOCK = 0x43757474  # "Cutt"
LOCK_TIMEOUT = "30s"  # how long a writer waits for another; imports take well under a second each

# ASCII punctuation the server's word parser would read as part of a word ("e-mail",
# "10.5", "www.x.com"); SQLite's unicode61 tokenizer splits there, so the index does too.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_WORD = re.compile(r"[^\W_]+")
# The weight each field's words carry in the index (tsquery's `word:A` looks in one field).
_WEIGHTS = {TITLE: "A", AUTHOR: "B"}
# ts_rank's weights for D, C, B and A hits: text 1, authors 4, title 10, as in sqlite.py.
RANK_WEIGHTS = "{0.1, 0.0, 0.4, 1.0}"


def is_server(location: object) -> bool:
    """True if `location` names a PostgreSQL database (a postgresql:// URL), not a file."""
    return str(location).startswith(SCHEMES)


def display_name(location: str) -> str:
    """`location` without its password, to show: postgresql://ann@db.example:5432/news.
    Raises CuttingsError for an address that cannot be read (a port that is no number)."""
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ValueError as exc:
        raise CuttingsError(f"The address {location.split('@')[-1]!r} is not a valid PostgreSQL address "
                            "(postgresql://user@host:port/database).") from exc


def server_url(host: str, port: int, database: str, user: str, password: str | None = None) -> str:
    """The postgresql:// URL of a database; `password` only for this program's memory (see
    without_password), else libpq finds it in PGPASSWORD or ~/.pgpass."""
    url = URL.create("postgresql", username=user or None, password=password or None, host=host or None,
                     port=port or None, database=database)
    return url.render_as_string(hide_password=False)


def without_password(location: str) -> str:
    """`location` with any password taken out: what may be written into settings."""
    url = make_url(location)  # (URL.set takes None as "unchanged")
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query).render_as_string(hide_password=False)


def make_engines(location: str, read_only: bool = False) -> tuple[Engine, Engine]:
    """A reading engine and a writing one whose transactions take the writers' lock first
    (WRITERS_LOCK, waiting up to LOCK_TIMEOUT) and notify NOTICE_CHANNEL when they commit.

    The password comes from libpq's usual places (the URL, PGPASSWORD, ~/.pgpass); times
    are read and written in UTC, as SQLite keeps them. `read_only` is unused: the server's
    privileges decide, and a refused write says so (is_readonly_error).
    """
    url = make_url(location).set(drivername="postgresql+psycopg")
    engine = create_engine(
        url, pool_pre_ping=True,
        connect_args={"options": "-c timezone=UTC", "connect_timeout": CONNECT_TIMEOUT,
                      "application_name": "cuttings"},
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        if conn.get_execution_options().get("cuttings_writer"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITERS_LOCK})")
            # Delivered at commit only, so a rolled-back write tells nobody.
            conn.exec_driver_sql("SELECT pg_notify(%s, %s)", (NOTICE_CHANNEL, ORIGIN))

    return engine, engine.execution_options(cuttings_writer=True)


# What the server's errors mean (store.postgres_errors), as this backend's.
explain = postgres_errors.explain
is_connection_error = postgres_errors.is_connection_error
is_damage_error = postgres_errors.is_damage_error
is_locked_error = postgres_errors.is_locked_error
is_readonly_error = postgres_errors.is_readonly_error
is_search_error = postgres_errors.is_search_error
is_not_database_error = postgres_errors.is_not_database_error

# Other programs' writes to the database, for the window (store.postgres_watch).
watch_changes = postgres_watch.watch_changes


def _document(column: str, weight: str) -> str:
    # Each character escaped (E'\\x21...'): the driver would read a bare '%' as a placeholder.
    punctuation = "".join(f"\\x{ord(c):02x}" for c in PUNCTUATION)
    spaces = " " * len(PUNCTUATION)
    return (f"setweight(to_tsvector('{CONFIG}', translate(coalesce({column}, ''), "
            f"E'{punctuation}', '{spaces}')), '{weight}')")


_SEARCH_CONFIG_DDL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"DO $$ BEGIN CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);"
    " EXCEPTION WHEN unique_violation THEN NULL; END $$",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR"
    " word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple",
]
# The articles' words in a table of their own (as FTS5's article_fts), kept by a trigger: on the
# article row, a word in half the articles read every row's ~1.6 KB tsvector (~870 ms at 100k).
_ARTICLE_SEARCH_DDL = [
    "CREATE TABLE IF NOT EXISTS article_search (article_id integer PRIMARY KEY"
    " REFERENCES article (id) ON DELETE CASCADE, search tsvector NOT NULL)",
    "CREATE OR REPLACE FUNCTION article_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" INSERT INTO article_search VALUES (NEW.id, {_document('NEW.title', 'A')}"
    f" || {_document('NEW.authors_text', 'B')} || {_document('NEW.text', 'D')})"
    " ON CONFLICT (article_id) DO UPDATE SET search = EXCLUDED.search; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS article_search_update ON article",
    "CREATE TRIGGER article_search_update AFTER INSERT OR UPDATE OF title, authors_text, text ON article"
    " FOR EACH ROW EXECUTE FUNCTION article_search_update()",
    # The planner prices a sequential scan by pages, not by the tsvectors it reads, so these always
    # use the GIN index (a function's SET holds while it runs). Called in FROM: materialised at once,
    # a third of the time of a call per row; an id found twice (article and version) IN folds.
    "CREATE OR REPLACE FUNCTION article_matches(query tsquery) RETURNS SETOF integer LANGUAGE sql STABLE"
    " ROWS 10000 SET enable_seqscan = off AS $$ SELECT article_id FROM article_search WHERE search @@ query"
    " UNION ALL SELECT article_id FROM article_version WHERE search @@ query $$",
    "CREATE OR REPLACE FUNCTION article_ranks(query tsquery, weights real[])"
    " RETURNS TABLE (id integer, relevance real) LANGUAGE sql STABLE SET enable_seqscan = off"
    " AS $$ SELECT article_id, ts_rank(weights, search, query) FROM article_search WHERE search @@ query $$",
    "CREATE INDEX IF NOT EXISTS ix_article_search_words ON article_search USING gin (search)",
]
# The list's default order (query.article_ids: newest published first, undated last) read
# straight from an index: the (id, published) one made the server sort all ids (370 ms at
# 100k articles, against 70 ms). SQLite walks that index backwards instead.
_ORDER_DDL = ["CREATE INDEX IF NOT EXISTS ix_article_published_order ON article (published DESC NULLS LAST, id DESC)"]
_QUOTATION_SEARCH_DDL = [
    f"ALTER TABLE quotation ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS ({_document('text', 'D')}) STORED",
    "CREATE INDEX IF NOT EXISTS ix_quotation_search ON quotation USING gin (search)",
]

# Earlier versions of articles (store.versions): a search finds a story by what it said
# before an edit. A version has no authors; its title and text weigh as an article's do.
_VERSION_SEARCH_DDL = [
    "ALTER TABLE article_version ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS ("
    f"{_document('title', 'A')} || {_document('text', 'D')}) STORED",
    "CREATE INDEX IF NOT EXISTS ix_article_version_search ON article_version USING gin (search)",
]


def install(conn: Connection) -> None:
    """Create the engine-specific parts of a new archive: the full-text search tables and
    columns (always current), their GIN indexes, and the list order's index."""
    for statement in _SEARCH_CONFIG_DDL + _ORDER_DDL:
        conn.exec_driver_sql(statement)
    install_quotation_search(conn)
    install_version_search(conn)
    for statement in _ARTICLE_SEARCH_DDL:  # its functions read article_version
        conn.exec_driver_sql(statement)


def separate_article_search(conn: Connection) -> None:
    """Schema 9: move the articles' words from the article row's generated `search` column
    (schema 8) into article_search, kept by a trigger; nothing to move in a new archive."""
    old_column = "search" in {column["name"] for column in inspect(conn).get_columns("article")}
    conn.exec_driver_sql(_ARTICLE_SEARCH_DDL[0])
    if old_column:  # filled before the GIN index exists: one bulk build, not 100k insertions
        conn.exec_driver_sql("INSERT INTO article_search SELECT id, search FROM article")
        conn.exec_driver_sql("ALTER TABLE article DROP COLUMN search")  # and its index
    for statement in _ARTICLE_SEARCH_DDL:
        conn.exec_driver_sql(statement)


def install_quotation_search(conn: Connection) -> None:
    """Create the full-text search column and index of quotations (a new archive, or one
    upgraded to schema 5)."""
    for statement in _SEARCH_CONFIG_DDL + _QUOTATION_SEARCH_DDL:
        conn.exec_driver_sql(statement)


def install_version_search(conn: Connection) -> None:
    """Create the full-text search column and index of earlier versions (a new archive, or
    one upgraded to schema 8)."""
    for statement in _SEARCH_CONFIG_DDL + _VERSION_SEARCH_DDL:
        conn.exec_driver_sql(statement)


def ts_query(search: Search) -> str:
    """`search` as to_tsquery text (https://www.postgresql.org/docs/15/datatype-textsearch.html).

    Each word is split into the index's words (letters and digits, as the PUNCTUATION
    translation leaves them) and single-quoted, so no user text is read as tsquery syntax;
    a phrase's words are joined by <-> (followed by), a prefix gets `:*`, a field the weight
    its words carry (`:A` title, `:B` authors). Groups are bracketed.
    """
    if isinstance(search, Phrase):
        tokens = [t for word in search.words for t in _WORD.findall(word)]
        weight = _WEIGHTS.get(search.field, "")
        marks = [f"'{t}':{weight}" if weight else f"'{t}'" for t in tokens]
        if search.prefix:
            marks[-1] = f"'{tokens[-1]}':*{weight}"
        return " <-> ".join(marks)
    if isinstance(search, AnyOf):
        return " | ".join(f"({ts_query(option)})" for option in search.options)
    matched = " & ".join(f"({ts_query(item)})" for item in search.include)
    if not search.exclude:
        return matched
    excluded = " | ".join(f"({ts_query(item)})" for item in search.exclude)
    return f"({matched}) & !({excluded})"


_MATCHED = "article JOIN article_search ON article_id = id"  # an article with its words


def _query_sql() -> str:
    return f"to_tsquery('{CONFIG}', :match)"


def fulltext_ids(search: Search):
    """A SELECT of the ids of the articles matching `search` in their newest version or in
    any earlier one (an id may come twice: it is for `IN`)."""
    return text(f"SELECT * FROM article_matches({_query_sql()})").bindparams(match=ts_query(search))


def fulltext_probe(search: Search):
    """The condition that the row of the query's `article` table matches `search`, tested
    row by row through the primary keys of its words and earlier versions (OFFSET 0 keeps
    the planner from matching every article first): for a query that picks few candidates
    itself (a word in two thirds of 100k articles: ~250 ms all, ~3 ms for a page of them)."""
    return text(
        f"(EXISTS (SELECT FROM article_search WHERE article_id = article.id AND search @@ {_query_sql()} OFFSET 0)"
        f" OR EXISTS (SELECT FROM article_version AS v WHERE v.article_id = article.id AND v.search @@ {_query_sql()}))"
    ).bindparams(match=ts_query(search))


def fulltext_ranked(search: Search):
    """A subquery of the articles matching `search`: `id`, and `relevance`, higher for a
    better match: ts_rank with hits weighted by field (RANK_WEIGHTS). An article matching only in
    an earlier version comes last, at relevance 0 (ts_rank of a match is above 0)."""
    ranked = text(f"SELECT id, relevance FROM article_ranks({_query_sql()}, '{RANK_WEIGHTS}') UNION ALL"
                  f" SELECT DISTINCT article_id, 0 FROM article_version AS v WHERE search @@ {_query_sql()} AND NOT"
                  f" EXISTS (SELECT FROM article_search AS s WHERE s.article_id = v.article_id AND s.search @@ {_query_sql()})")
    return ranked.bindparams(match=ts_query(search)).columns(id=Integer, relevance=Float).subquery("ranked")


def _headline(column: str, options: str) -> str:
    return f"ts_headline('{CONFIG}', {column}, {_query_sql()}, :options{options})"


def _marks(**more: object) -> dict[str, str]:
    words = ", ".join(f"{k}={v}" for k, v in more.items())
    return {"options": f'StartSel="{HIT_START}", StopSel="{HIT_END}", {words}'}


def fulltext_snippets(search: Search, ids: Sequence[int], tokens: int, earlier: bool = False):
    """A SELECT of (id, snippet) for those of `ids` matching `search` (`earlier`: (id, version, snippet) of their
    earlier versions), as sqlite's; ts_headline's words around the best hits, then ELLIPSIS where text is cut."""
    keys, rows = ("article_id, version", "article_version") if earlier else ("id", _MATCHED)
    cut = (f"SELECT {keys}, CASE WHEN at > 1 THEN :ellipsis ELSE '' END || marked"
           " || CASE WHEN at + length(bare) <= length(text) THEN :ellipsis ELSE '' END FROM"
           f" (SELECT {keys}, text, marked, bare, strpos(text, bare) AS at FROM"
           f"  (SELECT {keys}, text, marked, replace(replace(marked, :start, ''), :end, '') AS bare FROM"
           f"   (SELECT {keys}, text, {_headline('text', '')} AS marked FROM {rows}"
           f"    WHERE search @@ {_query_sql()} AND article_id IN :ids) AS hits) AS plain) AS placed")
    return text(cut).bindparams(
        bindparam("ids", expanding=True), match=ts_query(search), ids=list(ids), ellipsis=ELLIPSIS,
        start=HIT_START, end=HIT_END, **_marks(MaxWords=tokens, MinWords=max(1, tokens - 4)))


def fulltext_highlighted(search: Search, article_id: int):
    """A SELECT of one row, (title, text) of the article with every hit of `search` between
    HIT_START and HIT_END, or of no row if the article does not match."""
    return text(
        f"SELECT {_headline('title', '')}, {_headline('text', '')} FROM {_MATCHED}"
        f" WHERE search @@ {_query_sql()} AND id = :id"
    ).bindparams(match=ts_query(search), id=article_id, **_marks(HighlightAll="true"))


def quotation_ids(search: Search):
    """A SELECT of the ids of the quotations whose words match `search` (one without
    title: or author: fields, which quotations do not have)."""
    return text(f"SELECT id FROM quotation WHERE search @@ {_query_sql()}").bindparams(match=ts_query(search))


def quotations_highlighted(search: Search, ids: Sequence[int]):
    """A SELECT of (id, text) for those of the quotations `ids` matching `search`, every hit
    between HIT_START and HIT_END."""
    return text(
        f"SELECT id, {_headline('text', '')} FROM quotation WHERE search @@ {_query_sql()} AND id IN :ids"
    ).bindparams(bindparam("ids", expanding=True), match=ts_query(search), ids=list(ids),
                 **_marks(HighlightAll="true"))


@compiles(NotAmong, "postgresql")
def _not_among(element: NotAmong, compiler, **kw) -> str:
    return f"{compiler.process(element.column, **kw)} <> ALL (ARRAY({compiler.process(element.ids, **kw)}))"


def date_order_of_subset(query, table):
    """`query` as it is: the server's planner picks the (id, published) index itself."""
    return query


def unindexed(column, empty):
    """`column` as it is: the server's planner weighs the sides of a join from its statistics,
    which a coalesce() would hide (it guessed 128 people for 20,000 and walked every
    person's 290k mentions: 1.8 s, not 0.2 s, for a facet within 29k of 100k articles)."""
    return column


def contains_word(column, word: str):
    """The condition that `column` holds `word`, case-blind (ILIKE)."""
    return column.icontains(word, autoescape=True)


def page_count(conn: Connection) -> int:
    """0: the server watches its own disk (see room_needed)."""
    return 0


def room_needed(conn: Connection, pages_before: int) -> int:
    """0: the server refuses a write that would fill its disk, and rolls it back."""
    return 0


def damage(conn: Connection, limit: int = 3) -> list[str]:
    """[]: the server checks its pages itself (checksums) and reports damage as errors."""
    return []


def fix_id_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """Move each table's id sequence past its highest id, after rows were written with
    the ids they had elsewhere (an export file, a copied archive); never back."""
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" greatest((SELECT max(id) FROM {table}), (SELECT last_value FROM {table}_id_seq), 1))"
        )
