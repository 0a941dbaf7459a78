"""Entities as the entity list and `entity show` present them: every entity with its names
and counts, and one entity's card with its articles and context sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlmodel import col

from desktop.core.query import Filter, shown
from desktop.core.store import batches
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, EntityRow, Mention


COLUMNS = (EntityRow.id, EntityRow.kind, EntityRow.name, EntityRow.aliases, EntityRow.geonameid, EntityRow.country)


@dataclass
class EntityListing:
    """One entity of the entity list: the articles naming it (not those in the trash) and its
    mentions in them; a place's GeoNames id and ISO2 country."""

    id: int
    kind: str
    name: str
    aliases: list[str]
    articles: int
    mentions: int
    geonameid: int | None = None
    country: str | None = None


@dataclass
class EntityCard(EntityListing):
    """An entity with its articles (id, title; newest first) and the sentence of its first
    mention in each (article id, sentence)."""

    titles: list[tuple[int, str]] = field(default_factory=list)
    contexts: list[tuple[int, str]] = field(default_factory=list)


def _listings(archive: Archive, entity_id: int | None = None, kind: str | None = None) -> list[EntityListing]:
    """The entity `entity_id`, or every entity (of `kind`), with its counts, most articles first."""
    if entity_id is None:
        # "+ 0" keeps the entity index out: one scan of the table and a sort read 780k mentions
        # in 1.1 s, row lookups through that index in 3.9 s (their counts are not in it).
        group = (col(Mention.entity_id) + 0).label("entity")
        entities = select(*COLUMNS).where(*([EntityRow.kind == kind] if kind else []))
    else:
        group = col(Mention.entity_id).label("entity")
        entities = select(*COLUMNS).where(EntityRow.id == entity_id)
    counts = (select(group, func.count(Mention.article_id), func.sum(Mention.count))
              .where(shown(Mention.article_id, Filter()), *([Mention.entity_id == entity_id] if entity_id else []))
              .group_by(group))
    # Tens of thousands of rows: read and converted in batches, so that the GUI thread gets
    # the GIL between them (see batches.py).
    with archive.session() as session:
        found = {e: (n, m) for e, n, m in batches.rows(session, counts)}
        listed = [EntityListing(i, k, name, [a for a in aliases.split("\n") if a], *found.get(i, (0, 0)), geonameid,
                                country)
                  for i, k, name, aliases, geonameid, country in batches.rows(session, entities)]
    return sorted(listed, key=lambda e: (-e.articles, e.name))


def entity_table(archive: Archive, kind: str | None = None) -> list[EntityListing]:
    """Every entity (of `kind`, or all), most articles first, then by name."""
    return _listings(archive, kind=kind)


def entity_card(archive: Archive, entity_id: int) -> EntityCard | None:
    """The entity `entity_id` with its articles and contexts; None if there is none."""
    found = _listings(archive, entity_id)
    if not found:
        return None
    query = (
        select(ArticleRow.id, ArticleRow.title, Mention.context)
        .join(Mention, Mention.article_id == ArticleRow.id)
        .where(Mention.entity_id == entity_id, shown(ArticleRow.id, Filter()))
        .order_by(col(ArticleRow.published).desc().nulls_last(), col(ArticleRow.id).desc())
    )
    with archive.session() as session:
        rows = session.exec(query).all()
    return EntityCard(**vars(found[0]), titles=[(i, t) for i, t, _ in rows],
                      contexts=[(i, c) for i, _, c in rows if c])
