"""The archive's tables (SQLModel). Engine-neutral: nothing SQLite-only lives here."""

from __future__ import annotations

import functools
from datetime import datetime, timezone

from sqlalchemy import Column, Index, Insert, LargeBinary, UniqueConstraint, insert
from sqlmodel import Field, Session, SQLModel


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Meta(SQLModel, table=True):
    """Key/value facts about the archive itself, such as its schema version."""

    key: str = Field(primary_key=True)
    value: str


# Dates of a subset of articles without reading their wide rows (sorting a filtered list).
ARTICLE_DATES_INDEX = "ix_article_id_published"


class ArticleRow(SQLModel, table=True):
    __tablename__ = "article"
    __table_args__ = (Index(ARTICLE_DATES_INDEX, "id", "published"),)

    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, unique=True)  # normalised, for duplicate checks
    canonical_url: str | None = Field(default=None, index=True)  # normalised
    source_url: str | None = None  # as the user gave it, or the final URL after redirects
    title: str = ""
    authors_text: str = ""  # "A, B and C": indexed for full-text search, shown in lists
    published: str | None = Field(default=None, index=True)
    publisher: str | None = Field(default=None, index=True)
    language: str | None = None
    image: str | None = None
    text: str = ""
    text_hash: str = Field(index=True)  # finds url-less files imported twice
    person_count: int = 0
    added: datetime = Field(default_factory=_now)
    updated: datetime = Field(default_factory=_now)
    # When the user edited title, authors, date or publisher: a refresh then keeps them.
    edited: datetime | None = None
    # When it went to the trash (UTC); NULL for the articles the archive shows.
    trashed: datetime | None = Field(default=None, index=True)
    # Where the text came from when not the page itself, one sentence for the reader:
    # "Kept from the Pocket export's copy: the site answered 404 Not Found."
    provenance: str | None = None


class Author(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ArticleAuthor(SQLModel, table=True):
    __tablename__ = "article_author"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    author_id: int = Field(foreign_key="author.id", primary_key=True, index=True)
    position: int = 0


class Snapshot(SQLModel, table=True):
    """The original page as downloaded, zlib-compressed: the offline copy."""

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    content_type: str = "text/html"
    charset: str | None = None
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0  # uncompressed bytes
    fetched: datetime = Field(default_factory=_now)


class EntityRow(SQLModel, table=True):
    """One canonical person, place or organisation, shared by every article naming it.

    `key` is what makes two mentions the same entity (kind-specific: a GeoNames id for a
    place, the folded full name for a person). A first-name-only person is scoped to one
    article, so its key carries that article's id.
    """

    __tablename__ = "entity"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    key: str
    name: str = Field(index=True)
    aliases: str = ""  # newline-separated other surface forms
    scope_article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="CASCADE")
    geonameid: int | None = Field(default=None, index=True)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Mention(SQLModel, table=True):
    # Covering: the articles of an entity (every sidebar click) without reading the table.
    __table_args__ = (Index("ix_mention_entity_article", "entity_id", "article_id"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    entity_id: int = Field(foreign_key="entity.id", primary_key=True, index=True, ondelete="CASCADE")
    count: int = 1
    first_pos: int = 0
    context: str = ""


QUOTATION_ARTICLE_INDEX, QUOTATION_ENTITY_INDEX = "ix_quotation_article_entity", "ix_quotation_entity_article"


class Quotation(SQLModel, table=True):
    """One direct quotation in an article; `entity_id` is its speaker, a person entity of
    the article, or NULL for an unnamed or group source. Offsets are characters of the
    article's stored text."""

    # Covering: a person's quotation count within the listed articles, and the articles
    # quoting a person, without reading the quotations' text (3x faster at 58k quotations).
    __table_args__ = (Index(QUOTATION_ARTICLE_INDEX, "article_id", "entity_id"),
                      Index(QUOTATION_ENTITY_INDEX, "entity_id", "article_id"))

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    entity_id: int | None = Field(default=None, foreign_key="entity.id", index=True, ondelete="SET NULL")
    text: str
    start: int = 0
    end: int = 0


class Correction(SQLModel, table=True):
    """One correction the user made to entities or article details, kept as a rule.

    `rule` (JSON) says what it matches and what it makes of it; it is applied at once to the
    stored mentions, and again by reindex and to every later import unless `undone` is set.
    `scope_article_id` limits it to one article (NULL: everywhere). `before` (JSON) holds the
    rows it changed as they were, which undo puts back.
    """

    id: int | None = Field(default=None, primary_key=True)
    made: datetime = Field(default_factory=_now, index=True)
    action: str
    scope_article_id: int | None = Field(default=None, foreign_key="article.id", index=True, ondelete="CASCADE")
    rule: str = "{}"
    before: str = "{}"
    summary: str = ""  # one line for the history: "Renamed Ursula von der to Ursula von der Leyen"
    undone: datetime | None = None


class DuplicateVerdict(SQLModel, table=True):
    """A proposed merge of two entities the user rejected, by their keys: never proposed again."""

    __tablename__ = "duplicate_verdict"

    kind: str = Field(primary_key=True)
    key_a: str = Field(primary_key=True)  # the smaller of the two keys
    key_b: str = Field(primary_key=True)
    made: datetime = Field(default_factory=_now)


class Tag(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ArticleTag(SQLModel, table=True):
    __tablename__ = "article_tag"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class ImportBatch(SQLModel, table=True):
    """One `cuttings import` (or one start of the window's import panel): its inputs as given."""

    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    created: datetime = Field(default_factory=_now)
    inputs: str = ""  # the inputs as the user gave them, one a line
    refresh: bool = False  # download stored pages again and update them


class ImportJob(SQLModel, table=True):
    """One item of an import batch and where it stands (core/batch: QUEUED, RUNNING, DONE,
    FAILED, CANCELLED). Written before the work starts so a killed import resumes."""

    __tablename__ = "import_job"

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True, ondelete="CASCADE")
    kind: str  # core/batch's PAGE, ITEM, FEED or EXPORT
    source: str  # a web address or a file path
    title: str = ""
    origin: str = ""  # names the export in a provenance note: "Pocket export"
    item: str | None = None  # the ImportItem as JSON: its tags and the export's copy survive a restart
    url: str | None = None  # the web address the user gave a saved page file
    state: str = Field(index=True)
    status: str | None = None  # what storing did: saved, exists, restored, refreshed
    article_id: int | None = None  # no foreign key: the article may be deleted after its import
    reason: str | None = None  # why it failed, one sentence
    attempts: int = 0
    # The process working on it while RUNNING (core.batch.owner.OWNER): no other takes it.
    owner: str | None = None
    updated: datetime = Field(default_factory=_now)


class Capture(SQLModel, table=True):
    """The evidence of how one version of an article's offline copy was captured.

    `method` is one of article.CAPTURE_METHODS; `captured` is UTC; `final_url`, `status`
    and `headers` (JSON: [[name, value], ...] as received) are the download's, NULL when not
    known (files, browser captures, archives made before schema 8). `sha256` is the hex
    SHA-256 of the copy's bytes as received (after undoing any Content-Encoding, before
    the archive compresses them): what the stored copy is checked against.
    """

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    version: int = Field(default=1, primary_key=True)  # 1 for the first capture, then 2, 3...
    method: str
    captured: datetime = Field(default_factory=_now)
    final_url: str | None = None
    status: int | None = None
    headers: str | None = None
    sha256: str


class ArticleVersion(SQLModel, table=True):
    """An earlier version of an article, kept when a re-check found its title or text changed:
    the article row and its snapshot always hold the newest version; this keeps the ones
    before it, each with its own offline copy (zlib-compressed, as Snapshot) and Capture."""

    __tablename__ = "article_version"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    version: int = Field(primary_key=True)
    title: str = ""
    text: str = ""
    content_type: str = "text/html"
    charset: str | None = None
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0  # uncompressed bytes


def insert_rows(session: Session, model, rows: list[dict]) -> None:
    """INSERT `rows` (column: value dicts) into `model`'s table in one executemany, in the
    session's transaction, without ORM objects; nothing for no rows."""
    if rows:  # an executemany of no rows would be one INSERT of the defaults
        session.connection().execute(insert_of(model), rows)


def insert_of(model) -> Insert:
    """The INSERT of `model`'s table, built once: building a statement costs more than running it."""
    return _insert(model.__table__)


@functools.cache
def _insert(table) -> Insert:
    return insert(table)
