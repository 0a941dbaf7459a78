"""Entity-centred reads: the entity a name means, every entity with its article count, and
one entity's profile across the archive (the entity view)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from desktop.core.article import CITY
from desktop.core.list_rows import Summary, summaries
from desktop.core.query import (
    EntityInfo,
    FacetEntry,
    Filter,
    Term,
    article_ids,
    entity_info,
    shown,
)
from desktop.core.store.db import Archive
from desktop.core.store.models import EntityRow, Mention


@dataclass
class Profile:
    """An entity across the archive: its articles by date, who and what goes with it."""

    entity: EntityInfo
    articles: list[Summary]
    companions: list[FacetEntry]  # entities most often in the same articles
    contexts: list[tuple[int, str]]  # (article id, sentence)


def find_term(archive: Archive, kind: str, name: str) -> Term | None:
    """The entity term a user means by `name`: canonical name or alias, any case.

    A city may also be named by its GeoNames id. Several entities can answer (two
    articles' first-name-only "Yulia"); the term stands for all of them.
    """
    wanted = " ".join(name.split()).casefold()
    with archive.session() as session:
        rows = session.exec(select(EntityRow).where(EntityRow.kind == kind)).all()
    ids = [
        r.id
        for r in rows
        if r.name.casefold() == wanted
        or wanted in (a.casefold() for a in r.aliases.split("\n"))
        or (kind == CITY and wanted.isdigit() and r.geonameid == int(wanted))
    ]
    if not ids:
        return None
    label = next(r.name for r in rows if r.id == ids[0])
    return Term(kind, label, tuple(ids))


def profile(
    archive: Archive, entity_id: int, companions: int = 12, contexts: int = 20, articles: int | None = None
) -> Profile | None:
    """One entity across the archive (the entity view); `articles` caps the newest listed."""
    visible = shown(Mention.article_id, Filter())
    with archive.session() as session:
        entity = session.get(EntityRow, entity_id)
        if entity is None:
            return None
        mention_rows = session.exec(select(Mention).where(Mention.entity_id == entity_id, visible)).all()
    ordered = article_ids(archive, Filter(terms=(Term(entity.kind, entity.name, (entity_id,)),)))
    with archive.session() as session:
        together = session.exec(
            select(EntityRow.id, EntityRow.kind, EntityRow.name, func.count(Mention.article_id))
            .join(Mention, Mention.entity_id == EntityRow.id)
            .where(
                col(Mention.article_id).in_(select(Mention.article_id).where(Mention.entity_id == entity_id, visible)),
                EntityRow.id != entity_id,
            )
            .group_by(EntityRow.id)
            .order_by(func.count(Mention.article_id).desc(), EntityRow.name)
            .limit(companions)
        ).all()
    by_article = {m.article_id: m.context for m in mention_rows}
    return Profile(
        entity=entity_info(entity, mentions=len(mention_rows)),
        articles=summaries(archive, ordered[:articles]),
        companions=[FacetEntry(Term(k, n, (i,)), c) for i, k, n, c in together],
        contexts=[(a, by_article[a]) for a in ordered if by_article.get(a)][:contexts],
    )


def entity_counts(archive: Archive, kind: str | None = None) -> list[tuple[EntityInfo, int]]:
    """Every entity (of one kind, or all) with the number of articles naming it, most first."""
    count = func.count(Mention.article_id)
    query = (
        select(EntityRow, count)
        .join(Mention, Mention.entity_id == EntityRow.id)
        .where(shown(Mention.article_id, Filter()))
        .group_by(EntityRow.id)
    )
    if kind:
        query = query.where(EntityRow.kind == kind)
    with archive.session() as session:
        rows = session.exec(query.order_by(count.desc(), EntityRow.name)).all()
    return [(entity_info(e, mentions=n), n) for e, n in rows]
