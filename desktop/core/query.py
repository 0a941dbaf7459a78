"""Reading the archive: a Filter value in, article ids, rows and facet counts out.

The GUI and the CLI hold a Filter, never SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import col, select

from desktop.core.article import ENTITY_KINDS
from desktop.core.list_rows import AUTHORS, TAGS, Summary, names_by_part, summary
from desktop.core.search import ENGINE_REFUSED, SearchSyntaxError, parse_search
from desktop.core.store.among import NotAmong
from desktop.core.store.captures import Evidence, evidence_of
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleAuthor, ArticleRow, ArticleTag, Author, EntityRow, Mention, Quotation, Tag

PUBLISHER, AUTHOR, YEAR, TAG = "publisher", "author", "year", "tag"
RELEVANCE = "relevance"
QUOTED = "quoted"  # a Term's kind: the articles quoting a person (its ids: that person's entities)
FACET_KINDS = (*ENTITY_KINDS, PUBLISHER, AUTHOR, YEAR, TAG)

SORT_COLUMNS = {
    "published": ArticleRow.published,
    "title": ArticleRow.title,
    "publisher": ArticleRow.publisher,
    "authors": ArticleRow.authors_text,
    "people": ArticleRow.person_count,
    "added": ArticleRow.added,
    RELEVANCE: ArticleRow.published,  # best match first when searching (article_ids); else by date
}


@dataclass(frozen=True)
class Term:
    """One active filter: an entity (by the ids it stands for), a person's quotations (QUOTED,
    the ids of that person's entities), or a publisher, author, year or tag."""

    kind: str
    label: str
    ids: tuple[int, ...] = ()  # entity ids; empty for publisher/author/year/tag terms


@dataclass(frozen=True)
class Filter:
    """What the user is looking at: full-text words AND every term, in one sort order."""

    text: str = ""
    terms: tuple[Term, ...] = ()
    sort: str = "published"
    descending: bool = True
    trash: bool = False  # the articles in the trash instead of the others

    def adding(self, term: Term) -> Filter:
        return self if term in self.terms else replace(self, terms=(*self.terms, term))

    def removing(self, term: Term) -> Filter:
        return replace(self, terms=tuple(t for t in self.terms if t != term))

    @property
    def is_narrowed(self) -> bool:
        return bool(self.text.strip() or self.terms)


@dataclass
class EntityInfo:
    id: int
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    local: bool = False  # a first-name-only person, of one article alone
    mentions: int = 0  # in one article, or articles archive-wide, by context
    context: str = ""
    first_pos: int = 0


@dataclass
class QuoteInfo:
    """One quotation of an article: its words, where they stand in the article's text
    (character offsets, end exclusive) and its speaker, a person entity (None: an unnamed
    or group source)."""

    quote: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: int | None = None


@dataclass
class Detail(Summary):
    """One article with its text, linked entities and quotations, for the detail pane and `show`."""

    text: str = ""
    language: str | None = None
    image: str | None = None
    entities: list[EntityInfo] = field(default_factory=list)
    provenance: str | None = None  # where the text came from when not the page: see ArticleRow
    quotes: list[QuoteInfo] = field(default_factory=list)  # in the order of the text
    capture: Evidence | None = None  # how its newest copy was captured (None: no copy kept)
    version_count: int = 1  # versions kept: more than 1 when a re-check found it changed


@dataclass
class FacetEntry:
    term: Term
    count: int  # articles
    quoted: int = 0  # a person's quotations in those articles (quotations.add_quote_counts)


# The few trashed ids. Testing an article id against them (not reading `trashed` off each row)
# lets every browse query keep to its covering indexes, which all hold the article id.
_TRASHED = select(ArticleRow.id).where(col(ArticleRow.trashed).is_not(None))


def shown(article_id, flt: Filter):
    """The condition that `article_id` (a column) is an article `flt` looks at: trashed or not."""
    return col(article_id).in_(_TRASHED) if flt.trash else NotAmong(col(article_id), _TRASHED)


def is_subset(flt: Filter) -> bool:
    """True if `flt` picks out some articles (words, terms or the trash), not the whole archive."""
    return flt.is_narrowed or flt.trash


@contextmanager
def search_errors(archive: Archive) -> Iterator[None]:
    """Turns the engine refusing a full-text search into SearchSyntaxError(ENGINE_REFUSED)."""
    try:
        yield
    except OperationalError as exc:
        if archive.backend.is_search_error(exc):
            raise SearchSyntaxError(ENGINE_REFUSED) from exc
        raise


def matching_ids(archive: Archive, flt: Filter, probing: bool = False):
    """A SELECT of the ids of the articles matching `flt`, in no order; raises
    SearchSyntaxError for unreadable search text. `probing`: the search text is tested
    article by article (backend.fulltext_probe), for a query that picks few candidates
    itself (core/pages.py), instead of finding every match first."""
    query = select(ArticleRow.id).where(shown(ArticleRow.id, flt))
    search = parse_search(flt.text)
    if search is not None:
        backend = archive.backend
        query = query.where(backend.fulltext_probe(search) if probing else
                            col(ArticleRow.id).in_(backend.fulltext_ids(search)))
    for term in flt.terms:
        if term.kind == PUBLISHER:
            query = query.where(ArticleRow.publisher == term.label)
        elif term.kind == YEAR:
            query = query.where(func.substr(ArticleRow.published, 1, 4) == term.label)
        elif term.kind == AUTHOR:
            query = query.where(
                col(ArticleRow.id).in_(
                    select(ArticleAuthor.article_id)
                    .join(Author, Author.id == ArticleAuthor.author_id)
                    .where(Author.name == term.label)
                )
            )
        elif term.kind == TAG:
            query = query.where(col(ArticleRow.id).in_(tagged(term)))
        else:
            link = Quotation if term.kind == QUOTED else Mention
            query = query.where(
                col(ArticleRow.id).in_(select(link.article_id).where(col(link.entity_id).in_(term.ids)))
            )
    return query


def article_ids(archive: Archive, flt: Filter = Filter(), limit: int | None = None) -> list[int]:
    """Ids of the articles matching `flt`, in its sort order (undated last, then newest id).

    Sorted by RELEVANCE with search text, the best match comes first (last if ascending).
    Raises SearchSyntaxError for search text the search language or the engine cannot read.
    """
    return run_ids(archive, ordered_ids(archive, flt).limit(limit))


def ordered_ids(archive: Archive, flt: Filter, probing: bool = False):
    """A SELECT of the ids article_ids returns; `probing` as in matching_ids (not by RELEVANCE)."""
    search = parse_search(flt.text) if flt.sort == RELEVANCE else None
    if search is not None:
        return _by_relevance(archive, flt, search)
    column = SORT_COLUMNS.get(flt.sort, ArticleRow.published)
    order = col(column).desc() if flt.descending else col(column).asc()
    # NULLS LAST rather than an "IS NULL" sort key: the date index can then give the order.
    query = matching_ids(archive, flt, probing).order_by(order.nulls_last(), col(ArticleRow.id).desc())
    # Unfiltered, the date index gives the order; a publisher filter needs the article rows.
    if column is ArticleRow.published and is_subset(flt) and all(t.kind != PUBLISHER for t in flt.terms):
        query = archive.backend.date_order_of_subset(query, ArticleRow)
    return query


def _by_relevance(archive: Archive, flt: Filter, search):
    """A SELECT of the ids matching `flt` (whose text is `search`), best match first."""
    ranked = archive.backend.fulltext_ranked(search)
    relevance = ranked.c.relevance.desc() if flt.descending else ranked.c.relevance.asc()
    return (
        matching_ids(archive, replace(flt, text=""))  # the text is matched by the join
        .join(ranked, ranked.c.id == ArticleRow.id)
        .order_by(relevance, col(ArticleRow.id).desc())
    )


def run_ids(archive: Archive, query) -> list[int]:
    """The ids `query` (a SELECT of one id column) returns, in its order; raises
    SearchSyntaxError as article_ids does. The driver's rows, not SQLAlchemy's: 100k ids take
    PostgreSQL's driver 24 ms, its Result 60 ms (a session's, three times that)."""
    with archive.reading() as conn, search_errors(archive):
        result = conn.execute(query)
        try:
            return [article_id for (article_id,) in result.cursor.fetchall()]
        finally:
            result.close()


def total(archive: Archive) -> int:
    """How many articles the archive shows (those in the trash not counted)."""
    with archive.session() as session:  # all rows less the trash: no per-row check
        everything = session.exec(select(func.count()).select_from(ArticleRow)).one()
    return everything - trash_count(archive)


def trash_count(archive: Archive) -> int:
    """How many articles are in the trash."""
    with archive.session() as session:
        return session.exec(select(func.count()).where(col(ArticleRow.trashed).is_not(None))).one()


def tagged(term: Term):
    """A SELECT of the ids of the articles carrying a tag: those of `term.ids` when the caller
    looked them up (store.tags.tag_ids: any case, accents too), else the tag named
    `term.label` exactly (the sidebar's and the reading pane's own names)."""
    if term.ids:
        return select(ArticleTag.article_id).where(col(ArticleTag.tag_id).in_(term.ids))
    return select(ArticleTag.article_id).join(Tag, Tag.id == ArticleTag.tag_id).where(Tag.name == term.label)


def entity_info(row: EntityRow, **extra) -> EntityInfo:
    """The EntityInfo of an entity row; `extra`: its per-article or archive-wide fields."""
    return EntityInfo(
        id=row.id,
        kind=row.kind,
        name=row.name,
        aliases=[a for a in row.aliases.split("\n") if a],
        geonameid=row.geonameid,
        country=row.country,
        lat=row.lat,
        lon=row.lon,
        local=row.scope_article_id is not None,
        **extra,
    )


def detail(archive: Archive, article_id: int) -> Detail | None:
    """Everything about one article, its entities ordered by first mention."""
    with archive.session() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None
        names = names_by_part(session, [article_id], (AUTHORS, TAGS))
        authors, tags = (names[part].get(article_id, []) for part in (AUTHORS, TAGS))
        linked = session.exec(
            select(EntityRow, Mention)
            .join(Mention, Mention.entity_id == EntityRow.id)
            .where(Mention.article_id == article_id)
            .order_by(Mention.first_pos)
        ).all()
        quotes = session.exec(
            select(Quotation.text, Quotation.start, Quotation.end, EntityRow.name, EntityRow.id)
            .join(EntityRow, EntityRow.id == Quotation.entity_id, isouter=True)
            .where(Quotation.article_id == article_id)
            .order_by(Quotation.start)
        ).all()
        captures = evidence_of(session, article_id)
    versions = captures[-1].version if captures else 1
    base = summary(row, authors, tags=tags, changed=versions > 1)
    return Detail(
        capture=captures[-1] if captures else None,
        version_count=versions,
        **vars(base),
        provenance=row.provenance,
        text=row.text,
        language=row.language,
        image=row.image,
        entities=[
            entity_info(e, mentions=m.count, context=m.context, first_pos=m.first_pos) for e, m in linked
        ],
        quotes=[QuoteInfo(*q) for q in quotes],
    )

