"""Reading quotations: who said what across the archive (`cuttings quotes`, a person's
"What they said" in the entity view) and how often each person is quoted (the sidebar).

Searches use the article search's language (core/search.py) over the quotations' words;
the store's backend holds the full-text index (SQLite: quotation_fts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from desktop.core.article import PERSON
from desktop.core.query import FacetEntry, Filter, matching_ids, search_errors, shown
from desktop.core.search import AnyOf, Phrase, Search, SearchSyntaxError, parse_search
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, EntityRow, Quotation

NO_FIELDS = "Search: quotations are searched by their words alone; title: and author: do not apply."


@dataclass
class QuotationListing:
    """One stored quotation with its speaker and its article, as lists show it."""

    id: int
    quote: str
    start: int  # character offsets into the article's text, end exclusive
    end: int
    speaker: str | None  # the person entity's name; None for an unnamed or group source
    speaker_id: int | None
    article_id: int
    title: str
    published: str | None
    publisher: str | None
    # With search text: the quote with each hit between search.HIT_START and HIT_END.
    marked: str = ""


@dataclass(frozen=True)
class QuoteQuery:
    """Which quotations to list: all of those conditions (empty ones do not narrow)."""

    speaker_ids: tuple[int, ...] = ()  # spoken by one of these entities
    search: str = ""  # words of the quotation, in the search language
    article_id: int | None = None  # of this article only


def _parsed(text: str) -> Search | None:
    """The search `text` for quotations; SearchSyntaxError for a field (title:, author:)
    or what the search language cannot read."""
    search = parse_search(text)
    if search is not None and _has_field(search):
        raise SearchSyntaxError(NO_FIELDS)
    return search


def _has_field(search: Search) -> bool:
    if isinstance(search, Phrase):
        return search.field is not None
    parts = search.options if isinstance(search, AnyOf) else (*search.include, *search.exclude)
    return any(_has_field(part) for part in parts)


def _selection(archive: Archive, asked: QuoteQuery, search: Search | None):
    """A SELECT of what `quotations` lists (not ordered, not limited)."""
    query = (
        select(Quotation.id, Quotation.text, Quotation.start, Quotation.end, EntityRow.name, Quotation.entity_id,
               ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.publisher)
        .join(ArticleRow, ArticleRow.id == Quotation.article_id)
        .join(EntityRow, EntityRow.id == Quotation.entity_id, isouter=True)
        .where(shown(Quotation.article_id, Filter()))
    )
    if asked.speaker_ids:
        query = query.where(col(Quotation.entity_id).in_(asked.speaker_ids))
    if asked.article_id is not None:
        query = query.where(Quotation.article_id == asked.article_id)
    if search is not None:
        query = query.where(col(Quotation.id).in_(archive.backend.quotation_ids(search)))
    return query


def quotations(archive: Archive, asked: QuoteQuery = QuoteQuery(), limit: int | None = None) -> list[QuotationListing]:
    """The quotations `asked` for in the articles the archive shows (the trash left out),
    newest article first (undated last) and in the order of its text within an article;
    at most `limit`. With search text each carries its hits (`marked`).

    Raises SearchSyntaxError for search text the language or the engine cannot read, or
    that names a field.
    """
    search = _parsed(asked.search)
    query = _selection(archive, asked, search).order_by(
        col(ArticleRow.published).desc().nulls_last(), col(ArticleRow.id).desc(), Quotation.start
    ).limit(limit)
    with archive.engine.connect() as conn, search_errors(archive):
        found = [QuotationListing(*row) for row in conn.execute(query)]
        if search is not None and found:
            marks = dict(conn.execute(archive.backend.quotations_highlighted(search, [q.id for q in found])).all())
            for listing in found:
                listing.marked = marks.get(listing.id, listing.quote)
    return found


def count_quotations(archive: Archive, asked: QuoteQuery = QuoteQuery()) -> int:
    """How many quotations `quotations(archive, asked)` lists without a limit (same errors)."""
    selection = _selection(archive, asked, _parsed(asked.search)).subquery()
    with archive.engine.connect() as conn, search_errors(archive):
        return conn.execute(select(func.count()).select_from(selection)).scalar_one()


def quote_counts(archive: Archive, entity_ids: Sequence[int], flt: Filter = Filter()) -> dict[int, int]:
    """{entity id: its quotations in the articles `flt` matches} for those of `entity_ids`
    quoted there (one query). Raises SearchSyntaxError as query.article_ids does."""
    if not entity_ids:
        return {}
    speakers = list(entity_ids)
    if flt.is_narrowed:
        # Driven from the listed articles: by the (entity, article) index SQLite would look up
        # every speaker in every article (555 ms, not 52, for 300 people in 5,000 articles of
        # 20,000; bench_quotations.py).
        where = (archive.backend.unindexed(Quotation.entity_id, 0).in_(speakers),
                 col(Quotation.article_id).in_(matching_ids(archive, flt)))
    else:
        where = (col(Quotation.entity_id).in_(speakers), shown(Quotation.article_id, flt))
    query = select(Quotation.entity_id, func.count(Quotation.id)).where(*where).group_by(Quotation.entity_id)
    with archive.engine.connect() as conn, search_errors(archive):
        return dict(conn.execute(query).all())


def add_quote_counts(archive: Archive, people: list[FacetEntry], flt: Filter = Filter()) -> list[FacetEntry]:
    """Fill `quoted` of the sidebar's People entries (entries of PERSON terms) within `flt`;
    return `people`."""
    counts = quote_counts(archive, [i for entry in people if entry.term.kind == PERSON for i in entry.term.ids], flt)
    for entry in people:
        entry.quoted = sum(counts.get(i, 0) for i in entry.term.ids)
    return people
