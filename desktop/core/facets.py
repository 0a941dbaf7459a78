"""The sidebar's sections: entities, sources, authors, years and tags with their article
counts within the current filter."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from desktop.core.article import ENTITY_KINDS
from desktop.core.query import (AUTHOR, PUBLISHER, TAG, YEAR, FacetEntry, Filter, Term, is_subset, matching_ids,
                                search_errors, shown)
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleAuthor, ArticleRow, ArticleTag, Author, EntityRow, Mention, Tag


def facet(
    archive: Archive, kind: str, flt: Filter = Filter(), limit: int | None = None, containing: str = ""
) -> list[FacetEntry]:
    """Entries of one sidebar section with their article counts (within `flt`), most first
    (years: newest first); with `containing`, only entries whose name contains that text (any case)."""
    if kind in ENTITY_KINDS:
        key, label, article = EntityRow.id, EntityRow.name, Mention.article_id
        query = (
            select(key, label, func.count(article))
            .join(Mention, Mention.entity_id == EntityRow.id)
            # Within a filter, drive the join from the matching articles, not from every entity of the kind.
            .where((archive.backend.unindexed(EntityRow.kind, "") if is_subset(flt) else EntityRow.kind) == kind)
        )
    elif kind == AUTHOR:
        key = label = Author.name
        article = ArticleAuthor.article_id
        query = select(key, label, func.count(article)).join(ArticleAuthor, ArticleAuthor.author_id == Author.id)
    elif kind == TAG:
        key = label = Tag.name
        article = ArticleTag.article_id
        query = select(key, label, func.count(article)).join(ArticleTag, ArticleTag.tag_id == Tag.id)
    else:
        key = label = ArticleRow.publisher if kind == PUBLISHER else func.substr(ArticleRow.published, 1, 4)
        article = ArticleRow.id
        query = select(key, label, func.count(article)).where(key.is_not(None))
    query = query.where(col(article).in_(matching_ids(archive, flt)) if is_subset(flt) else shown(article, flt))
    if containing.strip():
        query = query.where(func.lower(label).contains(containing.strip().lower(), autoescape=True))
    # Years read as a timeline, newest first; every other section by article count.
    order = (label.desc(),) if kind == YEAR else (func.count(article).desc(), label)
    query = query.group_by(key).order_by(*order).limit(limit)
    with archive.session() as session, search_errors(archive):
        rows = session.exec(query).all()
    if kind in ENTITY_KINDS:
        return [FacetEntry(Term(kind, name, (entity_id,)), n) for entity_id, name, n in rows]
    return [FacetEntry(Term(kind, value), n) for value, _, n in rows]
