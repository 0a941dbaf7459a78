"""Correcting an article's details: title, authors, date, publisher and address."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from sqlmodel import Session, delete, select

from desktop.core.errors import CuttingsError
from desktop.core.store.archive import drop_orphans, join_names, write_authors
from desktop.core.store.models import ArticleAuthor, ArticleRow
from desktop.core.urls import normalize_url


def update_details(
    session: Session,
    article_id: int,
    *,
    title: str | None = None,
    authors: list[str] | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> None:
    """Correct an article's metadata in `session`; None leaves a field as it is, "" (or [])
    clears the date, publisher, address or authors. The article is marked edited, so a refresh
    keeps the change.

    Raises ValueError (one sentence, nothing changed) for an unknown id, an empty title, a date
    that is not YYYY-MM-DD (a full ISO timestamp, as pages give, is accepted too), an address
    that is not http(s) or one another article has.
    """
    if title is not None and not title.strip():
        raise ValueError("An article needs a title.")
    published = _checked_date(published) if published is not None else None
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise ValueError(f"There is no article {article_id} in the archive.")
    if url is not None:
        row.url, row.source_url = _free_url(session, article_id, url)
    if title is not None:
        row.title = " ".join(title.split())
    if authors is not None:
        names = list(dict.fromkeys(n for n in (" ".join(a.split()) for a in authors) if n))
        session.exec(delete(ArticleAuthor).where(ArticleAuthor.article_id == article_id))
        write_authors(session, article_id, names)
        row.authors_text = join_names(names)
        drop_orphans(session)
    if published is not None:
        row.published = published or None
    if publisher is not None:
        row.publisher = publisher.strip() or None
    row.edited = row.updated = datetime.now(timezone.utc)
    session.add(row)


def _free_url(session: Session, article_id: int, url: str) -> tuple[str | None, str | None]:
    """(normalised, as given) for an article's new address; (None, None) for ""; ValueError
    for an address that is not http(s) or that another article has."""
    given = url.strip()
    if not given:
        return None, None
    try:
        normal = normalize_url(given)
    except CuttingsError as exc:  # check_url's reason repeats the address: say it once, plainly
        why = "only http and https addresses can be" if "http" in str(exc) else "it is not a web address"
        raise ValueError(f"'{given}' cannot be an article's address: {why}.") from exc
    other = session.exec(select(ArticleRow.id).where(ArticleRow.url == normal, ArticleRow.id != article_id)).first()
    if other is not None:
        raise ValueError(f"Article {other} has the address {given} already.")
    return normal, given


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _checked_date(value: str) -> str:
    """`value` stripped if it is an ISO date (or timestamp), "" for none; else ValueError."""
    value = value.strip()
    if not value:
        return ""
    try:
        parsed = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None and len(value) == 10 and _ISO_DAY.fullmatch(value):  # well written, no such day
        raise ValueError(f"There is no day {value}: check the month and the day.")
    if parsed is None or not _ISO_DAY.fullmatch(value[:10]):
        raise ValueError(f"'{value}' is not a date: write it as YYYY-MM-DD, such as 2023-01-21.")
    return value
