"""Wallabag's JSON export: a list of entries, each {id, title, url, is_archived, is_starred,
created_at, updated_at, content (the saved article as HTML), mimetype, language,
reading_time, domain_name, preview_picture, published_at, published_by [names], tags [names]}.
Wallabag's "archived" is its "read"."""

from __future__ import annotations

from desktop.core.imports.items import ARCHIVED, STARRED, UNREAD, ImportItem, clean_tags, from_iso, listed, web_link


def read_wallabag(records: list) -> list[ImportItem]:
    """The entries of a parsed Wallabag export (a JSON list), in file order."""
    return [_item(r) for r in records if isinstance(r, dict)]


def _item(record: dict) -> ImportItem:
    tags = [t.get("label", "") if isinstance(t, dict) else t for t in listed(record.get("tags"))]
    if record.get("is_starred"):
        tags.append(STARRED)
    authors = listed(record.get("published_by"))
    published = from_iso(record.get("published_at"))
    content = record.get("content")
    return ImportItem(
        url=web_link(record.get("url")),
        title=str(record.get("title") or "").strip(),
        added=from_iso(record.get("created_at")),
        tags=clean_tags(str(t) for t in tags),
        state=ARCHIVED if record.get("is_archived") else UNREAD,
        html=content if isinstance(content, str) else None,
        authors=[a.strip() for a in authors if isinstance(a, str) and a.strip()],
        published=published.isoformat() if published else None,
    )
