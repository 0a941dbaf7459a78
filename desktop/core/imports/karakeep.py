"""Karakeep's (formerly Hoarder's) JSON export: {"bookmarks": [{createdAt (Unix seconds),
title, tags [names], content: {type: "link", url} | {type: "text", text} | null, note,
archived}]}. A text bookmark (a note of the user's own) has no web address: it is kept
from its text."""

from __future__ import annotations

from desktop.core.imports.items import ARCHIVED, STARRED, UNREAD, ImportItem, clean_tags, from_unix, listed, web_link


def read_karakeep(export: dict) -> list[ImportItem]:
    """The bookmarks of a parsed Karakeep export that are links or texts, in file order."""
    bookmarks = export.get("bookmarks") if isinstance(export, dict) else None
    items = (_item(b) for b in listed(bookmarks) if isinstance(b, dict))
    return [item for item in items if item is not None]


def _item(bookmark: dict) -> ImportItem | None:
    content = bookmark.get("content") if isinstance(bookmark.get("content"), dict) else {}
    url = web_link(content.get("url")) if content.get("type") == "link" else None
    text = content.get("text") if content.get("type") == "text" else None
    if url is None and not (isinstance(text, str) and text.strip()):
        return None  # an image or a PDF asset: the export holds no link or text for it
    tags = listed(bookmark.get("tags")) + ([STARRED] if bookmark.get("favourited") else [])
    return ImportItem(
        url=url,
        title=str(bookmark.get("title") or "").strip(),
        added=from_unix(bookmark.get("createdAt")),
        tags=clean_tags(str(t) for t in tags),
        state=ARCHIVED if bookmark.get("archived") else UNREAD,
        text=text,
    )
