"""Corrections of an article's details (title, authors, date, publisher, address), recorded
and undoable like the entity corrections; the article's `edited` mark keeps them through
reindex and refresh until the user takes the page's own values again."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from desktop.core.article import Original
from desktop.core.corrections.history import Change, record
from desktop.core.corrections.rules import EDIT
from desktop.core.store.archive import inflate, join_names
from desktop.core.store.details import update_details
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleAuthor, ArticleRow, Author, Snapshot

FIELDS = ("title", "authors", "published", "publisher", "url")
_SAID = {"title": "title", "authors": "authors", "published": "date", "publisher": "publisher", "url": "address"}


def edit_article(archive: Archive, article_id: int, *, title: str | None = None, authors: list[str] | None = None,
                 published: str | None = None, publisher: str | None = None, url: str | None = None) -> Change:
    """Correct the given details of an article (None: leave as it is; see
    store.details.update_details for the values and the ValueErrors), as one undoable correction."""
    fields = {k: v for k, v in zip(FIELDS, (title, authors, published, publisher, url)) if v is not None}
    if not fields:
        raise ValueError("Give at least one detail to change: title, authors, date, publisher or address.")
    rule = {"op": EDIT, "fields": fields, "articles": [article_id]}
    with archive.transaction() as session:
        before, _ = apply_edit(session, rule)
        said = join_names([_SAID[k] for k in fields])
        return record(session, "edit", rule, before, f"Edited the {said} of article {article_id}", None)


def take_page_values(archive: Archive, article_id: int) -> Change:
    """Forget the user's edits of the article: its title, authors, date and publisher as its
    saved copy gives them, and no longer marked edited (a refresh takes the page's values).
    ValueError if the article is unknown or has no saved copy."""
    rule = {"op": EDIT, "page": True, "articles": [article_id]}
    with archive.transaction() as session:
        before, _ = apply_edit(session, rule)
        return record(session, "page", rule, before, f"Took the page's own details again for article {article_id}",
                      None)


def apply_edit(session: Session, rule: dict) -> tuple[dict, None]:
    """Apply an edit rule to its article; the before-image (the details as they were)."""
    article_id = rule["articles"][0]
    before = _details(session, article_id)
    if rule.get("page"):
        _page_values(session, article_id)
    else:
        update_details(session, article_id, **rule["fields"])
    return before, None


def _details(session: Session, article_id: int) -> dict:
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise ValueError(f"There is no article {article_id} in the archive.")
    authors = session.exec(select(Author.name).join(ArticleAuthor, ArticleAuthor.author_id == Author.id)
                           .where(ArticleAuthor.article_id == article_id).order_by(ArticleAuthor.position)).all()
    return {"article": article_id, "title": row.title, "authors": list(authors), "published": row.published,
            "publisher": row.publisher, "url": row.url, "source_url": row.source_url,
            "edited": row.edited.isoformat() if row.edited else None}


def restore_details(session: Session, before: dict) -> None:
    """Put an article's details back as a before-image of `_details` holds them."""
    article_id = before["article"]
    if session.get(ArticleRow, article_id) is None:
        return  # deleted for good since: nothing to restore
    update_details(session, article_id, title=before["title"], authors=before["authors"],
                   published=before["published"] or "", publisher=before["publisher"] or "")
    row = session.get(ArticleRow, article_id)
    row.url, row.source_url = before["url"], before["source_url"]
    row.edited = datetime.fromisoformat(before["edited"]) if before["edited"] else None
    session.add(row)


def _page_values(session: Session, article_id: int) -> None:
    """Set the article's details from its saved copy and clear its edited mark."""
    from desktop.core.fetch import decode_html
    from desktop.core.pipeline import Loaded, parse

    row = session.get(ArticleRow, article_id)
    snap = session.get(Snapshot, article_id)
    if snap is None:
        raise ValueError(f"Article {article_id} has no saved copy to take its details from.")
    data = inflate(snap)
    content, _ = decode_html(data, snap.charset)
    page = parse(Loaded(content, snap.content_type == "text/html", row.source_url,
                        Original(data, snap.content_type, snap.charset)))
    update_details(session, article_id, title=page.title, authors=page.authors,
                   published=page.published or "", publisher=page.publisher or "")
    row.edited = None
    session.add(row)
