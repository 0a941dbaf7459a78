"""The one shape every import format is read into: an ImportItem per saved link."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from desktop.core.store.tags import clean_tags

UNREAD, READ, ARCHIVED = "unread", "read", "archived"
# Reading states become tags of these names ("unread" is the absence of both): see all_tags.
STATE_TAGS = {READ: "read", ARCHIVED: "archived"}
STARRED = "starred"  # the tag of a service's favourite / starred / liked mark


@dataclass
class ImportItem:
    """One link as a bookmarks file, read-later export, feed or list holds it.

    `added` is when the user saved it (UTC); `state` is UNREAD, READ, ARCHIVED or None when
    the format has no such idea; `text` / `html` are the service's own copy of the article
    (Markdown or plain text / HTML), used when the page itself cannot be had.
    """

    url: str | None
    title: str = ""
    added: datetime | None = None
    tags: list[str] = field(default_factory=list)
    state: str | None = None
    text: str | None = None
    html: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601
    # A line of a list of links that is no address: imported as an error naming its line
    # (so the user can mend the file) rather than dropped in silence.
    problem: str | None = None
    line: int | None = None

    @property
    def has_copy(self) -> bool:
        """True if the export holds the article's text (HTML or plain)."""
        return bool((self.text or "").strip() or (self.html or "").strip())

    def all_tags(self) -> list[str]:
        """The item's tags and its state's tag, cleaned and without repeats (any case)."""
        return clean_tags([*self.tags, *([STATE_TAGS[self.state]] if self.state in STATE_TAGS else [])])


def from_unix(value) -> datetime | None:
    """A Unix time in seconds (a number or digits; milliseconds when it is too large to be
    seconds before the year 5000) as a UTC datetime; None for nothing or garbage."""
    try:
        seconds = float(str(value).strip())
    except ValueError:
        return None
    if seconds <= 0:
        return None
    if seconds > 95_617_584_000:  # 5000-01-01 in seconds: larger values are milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def from_iso(value) -> datetime | None:
    """An ISO 8601 time ("2024-10-29T16:30:11.000Z", "2016-09-08T11:55:58+0200") as UTC;
    a time without a zone is taken as UTC; None for nothing or garbage."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-4:].isdigit():  # +0200 -> +02:00
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc)


def listed(value) -> list:
    """`value` if it is a JSON list, else an empty one (a hand-edited export may hold a
    string where a list belongs: its letters are no tags)."""
    return value if isinstance(value, list) else []


def web_link(value) -> str | None:
    """`value` stripped if it is an http or https address with a host, else None (bookmark
    files hold javascript:, place: and file: links too)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def unlinked_row(line: int) -> ImportItem:
    """The item of a CSV file's row (ending on `line`) without a web address: reported as the
    import's error for that line, not left out."""
    return ImportItem(url=None, line=line, problem="no web address in this row")


def not_json(exc: ValueError) -> str:
    """Why a file is not JSON, for a person: where the mistake is (json's line and column),
    not the parser's words ("Expecting property name enclosed in double quotes")."""
    if isinstance(exc, json.JSONDecodeError):
        return f"is not valid JSON (it is cut short or damaged at line {exc.lineno}, column {exc.colno})"
    return "is not valid JSON"
