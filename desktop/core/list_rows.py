"""The article list's rows (`query.Summary`): each article's list columns with its authors,
places, tags and "changed" mark, read in two statements however many rows are asked for.

A page of rows is read on every click in the sidebar, and on PostgreSQL each statement costs
a round trip and the driver's and SQLAlchemy's work around it (~1 ms) besides the server's
own, so one UNION ALL brings every per-article name. Each of its branches is driven by the
articles' ids: the place names come from a correlated lookup of each mention's entity by
its key, which neither planner can turn into a scan of every place of the archive (a hash
join over the entity table cost PostgreSQL 2-30 ms a page at 100k articles).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import Integer, String, literal, union_all
from sqlmodel import col, select

from desktop.core.article import CITY, COUNTRY, PLACE
from desktop.core.entities.name_forms import fold
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleAuthor, ArticleRow, ArticleTag, ArticleVersion, Author, EntityRow, \
    Mention, Tag

@dataclass
class Summary:
    """One article as a list shows it."""

    id: int
    url: str | None
    title: str
    authors: list[str]
    published: str | None
    publisher: str | None
    person_count: int = 0
    added: datetime | None = None
    places: list[str] = field(default_factory=list)  # cities, countries, places: first named first
    trashed: datetime | None = None  # when it went to the trash (UTC)
    tags: list[str] = field(default_factory=list)  # by name, A-Z
    changed: bool = False  # a re-check found it changed: it has earlier versions (store.versions)


# The UNION's branches, by the number each row carries in its `part` column.
AUTHORS, PLACES, TAGS, VERSIONS = range(4)

SUMMARY_COLUMNS = (
    ArticleRow.id,
    ArticleRow.source_url,
    ArticleRow.title,
    ArticleRow.published,
    ArticleRow.publisher,
    ArticleRow.person_count,
    ArticleRow.added,
    ArticleRow.trashed,
)


def summaries(archive: Archive, ids: Sequence[int]) -> list[Summary]:
    """The list rows of `ids`, in that order (ids no longer stored are skipped)."""
    with archive.session() as session:
        # Only the list columns: never load article text to draw a row.
        rows = {r.id: r for r in session.exec(select(*SUMMARY_COLUMNS).where(col(ArticleRow.id).in_(ids)))}
        parts = names_by_part(session, list(rows))
    authors, places, tags, changed = (parts[p] for p in (AUTHORS, PLACES, TAGS, VERSIONS))
    return [summary(rows[i], authors.get(i, []), places.get(i), tags.get(i), i in changed) for i in ids if i in rows]


def names_by_part(session, ids: Sequence[int], parts: Sequence[int] = (AUTHORS, PLACES, TAGS, VERSIONS)
                  ) -> dict[int, dict[int, list[str]]]:
    """{part: {article id: [name, ...]}} for the articles `ids`, in one statement: AUTHORS in
    byline order, PLACES (cities, countries, other places) in the order the text names them,
    TAGS A-Z ignoring case and accents, VERSIONS an empty name for each earlier version (the "changed"
    mark). Every part asked for is in the answer, empty if no article has any."""
    page = select(ArticleRow.id).where(col(ArticleRow.id).in_(ids)).cte("page")  # the ids bound once, not per branch
    branches = {
        AUTHORS: select(ArticleAuthor.article_id, literal(AUTHORS), ArticleAuthor.position, Author.name)
        .join(page, page.c.id == ArticleAuthor.article_id).join(Author, Author.id == ArticleAuthor.author_id),
        PLACES: select(Mention.article_id, literal(PLACES), Mention.first_pos, _place_name())
        .join(page, page.c.id == Mention.article_id),
        TAGS: select(ArticleTag.article_id, literal(TAGS), literal(0, Integer), Tag.name)
        .join(page, page.c.id == ArticleTag.article_id).join(Tag, Tag.id == ArticleTag.tag_id),
        VERSIONS: select(ArticleVersion.article_id, literal(VERSIONS), col(ArticleVersion.version),
                         literal("", String)).join(page, page.c.id == ArticleVersion.article_id),
    }
    found = session.execute(union_all(*(branches[p] for p in parts))).all()
    answer: dict[int, dict[int, list[str]]] = {p: {} for p in parts}
    for article_id, part, _, name in sorted(found, key=lambda row: (row[1], row[0], row[2])):
        if name is not None:  # a mention of a person or an organisation
            answer[part].setdefault(article_id, []).append(name)
    for names in answer.get(TAGS, {}).values():
        names.sort(key=fold)
    return answer


def _place_name():
    """The name of a mention's entity if it is a city, a country or another place, else NULL."""
    return (select(EntityRow.name)
            .where(EntityRow.id == Mention.entity_id, col(EntityRow.kind).in_((CITY, COUNTRY, PLACE)))
            .scalar_subquery())


def summary(row, authors: list[str], places: list[str] | None = None, tags: list[str] | None = None,
            changed: bool = False) -> Summary:
    """`row`: an ArticleRow or a result row with the SUMMARY_COLUMNS."""
    return Summary(
        id=row.id,
        url=row.source_url,
        title=row.title,
        authors=authors,
        published=row.published,
        publisher=row.publisher,
        person_count=row.person_count,
        added=row.added,
        places=places or [],
        trashed=row.trashed.replace(tzinfo=timezone.utc) if row.trashed else None,
        tags=tags or [],
        changed=changed,
    )
