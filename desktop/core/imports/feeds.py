"""RSS and Atom feeds (every entry), and OPML subscription lists (every entry of each feed).

feedparser reads RSS 0.9x-2.0, RSS 1.0 (RDF) and Atom with their many real-world faults;
listparser reads OPML (nested outlines as folders, the `category` attribute) and the other
subscription-list shapes. Both are always handed bytes: given a string that looks like an
address, each would download it itself, outside our limits.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone

import feedparser
import listparser

from desktop.core.errors import CuttingsError
from desktop.core import polite
from desktop.core.fetch import FEED_TYPES, HTML_TYPES
from desktop.core.imports.items import ImportItem, clean_tags, web_link

@dataclass
class Subscription:
    """One feed of an OPML list: its address, name and the folders it is filed under."""

    url: str
    title: str = ""
    tags: list[str] = field(default_factory=list)


def read_feed(raw: bytes, tags: list[str] | None = None) -> list[ImportItem]:
    """Every entry of an RSS or Atom feed with a web address, in feed order: its title,
    authors, published time, categories (as tags, after `tags`) and its content or summary
    as the saved copy. Raises CuttingsError if `raw` is not a feed."""
    parsed = feedparser.parse(raw)
    if not parsed.get("version") and not parsed.entries:
        raise CuttingsError("Not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        url = web_link(entry.get("link"))
        if url is None:
            continue
        categories = [t.get("term") or t.get("label") or "" for t in entry.get("tags", [])]
        items.append(ImportItem(
            url=url,
            title=" ".join(str(entry.get("title", "")).split()),
            tags=clean_tags([*(tags or []), *categories]),
            html=_content(entry),
            authors=clean_tags(a.get("name", "") for a in entry.get("authors", []) if isinstance(a, dict)),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        ))
    return items


def _content(entry) -> str | None:
    """The entry's full content if the feed carries it, else its summary."""
    for part in entry.get("content", []):
        if part.get("value", "").strip():
            return part["value"]
    return entry.get("summary") or None


def _iso(moment) -> str | None:
    """feedparser's UTC struct_time as ISO 8601."""
    if not moment:
        return None
    return datetime.fromtimestamp(calendar.timegm(moment), timezone.utc).isoformat()


def read_opml(raw: bytes) -> list[Subscription]:
    """The feeds an OPML file subscribes to, in file order, each with its folder names as
    tags. Raises CuttingsError if it lists none."""
    parsed = listparser.parse(raw)
    feeds = [Subscription(url, " ".join(str(f.get("title", "")).split()), clean_tags(f.get("tags", [])))
             for f in parsed.feeds if (url := web_link(f.get("url")))]
    if not feeds:
        raise CuttingsError("The OPML file lists no feed with a web address")
    return feeds


def download_feed(url: str) -> bytes:
    """The bytes at `url`, downloaded with the pipeline's limits, accepting feed media types.
    Raises CuttingsError as `fetch` does."""
    return polite.get(url, accept=(*FEED_TYPES, *HTML_TYPES)).raw  # many servers send feeds as text/html
