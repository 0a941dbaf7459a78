"""The trash: articles taken out of view but kept, to be restored or deleted for good.

Each public function is one transaction. A trashed article keeps everything (text, offline
copy, entities); the queries leave it out unless their Filter asks for the trash.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from sqlmodel import col, select, update

from desktop.core.store.archive import delete_rows
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow


def trash_articles(archive: Archive, ids: Iterable[int]) -> int:
    """Move articles to the trash, stamped with the time now (UTC); return how many moved.

    Unknown ids and articles already in the trash are skipped (and not counted).
    """
    return _mark(archive, ids, trashed=True)


def restore_articles(archive: Archive, ids: Iterable[int]) -> int:
    """Take articles out of the trash; return how many were in it (other ids are skipped)."""
    return _mark(archive, ids, trashed=False)


def _mark(archive: Archive, ids: Iterable[int], trashed: bool) -> int:
    state = col(ArticleRow.trashed).is_(None) if trashed else col(ArticleRow.trashed).is_not(None)
    ids = list(ids)
    with archive.transaction() as session:
        found = session.exec(select(ArticleRow.id).where(col(ArticleRow.id).in_(ids), state)).all()
        stamp = datetime.now(timezone.utc) if trashed else None
        session.exec(update(ArticleRow).where(col(ArticleRow.id).in_(found)).values(trashed=stamp))
        return len(found)


def empty_trash(archive: Archive, older_than_days: float | None = None) -> int:
    """Delete trashed articles for good: all of them, or those trashed more than
    `older_than_days` days ago. Return how many.

    Raises ValueError for a negative number of days (nothing is deleted).
    """
    if older_than_days is not None and older_than_days < 0:
        raise ValueError(f"The number of days must be 0 or more, not {older_than_days:g}.")
    query = select(ArticleRow.id).where(col(ArticleRow.trashed).is_not(None))
    if older_than_days is not None:
        cutoff = datetime.now(timezone.utc) - timedelta(days=older_than_days)
        query = query.where(col(ArticleRow.trashed) < cutoff)
    with archive.transaction() as session:
        return delete_rows(session, query)
