"""Entities as the entity list and `entity show` present them: every entity with its names
and counts, and one entity's card with its articles and context sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlmodel import col

from desktop.core.query import Filter, shown
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, EntityRow, Mention


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


def _listings(archive: Archive, where) -> list[EntityListing]:
    visible = shown(Mention.article_id, Filter())
    query = (
        select(EntityRow, func.count(Mention.article_id), func.coalesce(func.sum(Mention.count), 0))
        .outerjoin(Mention, (Mention.entity_id == EntityRow.id) & visible)
        .where(*where)
        .group_by(EntityRow.id)
        .order_by(func.count(Mention.article_id).desc(), EntityRow.name)
    )
    with archive.session() as session:
        rows = session.exec(query).all()
    return [EntityListing(e.id, e.kind, e.name, [a for a in e.aliases.split("\n") if a], n, m, e.geonameid, e.country)
            for e, n, m in rows]


def entity_table(archive: Archive, kind: str | None = None) -> list[EntityListing]:
    """Every entity (of `kind`, or all), most articles first, then by name."""
    return _listings(archive, [EntityRow.kind == kind] if kind else [])


def entity_card(archive: Archive, entity_id: int) -> EntityCard | None:
    """The entity `entity_id` with its articles and contexts; None if there is none."""
    found = _listings(archive, [EntityRow.id == entity_id])
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
