"""Which import format a file holds, told by its content (the extension only breaks a tie:
a bookmarks file saved as .txt is still a bookmarks file, an Atom feed saved as .xml a feed).

Only the first HEAD_BYTES are read; None means "not a collection of links": a single page
or text file, which the pipeline imports as one article.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from desktop.core.imports.omnivore import is_omnivore_names
from desktop.core.imports.pocket import is_pocket_header
from desktop.core.imports.urllist import csv_link_column
from desktop.core.imports.items import web_link

BOOKMARKS, POCKET, OMNIVORE, WALLABAG, KARAKEEP, FEED, OPML, URL_LIST, CUTTINGS = (
    "bookmarks", "pocket", "omnivore", "wallabag", "karakeep", "feed", "opml", "urls", "cuttings")
# What each format is called in messages and notes ("Kept from the Pocket export's copy").
LABELS = {BOOKMARKS: "bookmarks file", POCKET: "Pocket export", OMNIVORE: "Omnivore export",
          WALLABAG: "Wallabag export", KARAKEEP: "Karakeep export", FEED: "feed", OPML: "OPML list",
          URL_LIST: "list of links", CUTTINGS: "Cuttings export"}
HEAD_BYTES = 64 * 1024
# The share of a text file's lines that must be links for it to be a list of links: all but
# one line in five, so a few bad lines are reported while prose quoting an address is not a list.
URL_LIST_SHARE = 0.8

_NETSCAPE = re.compile(r"<!DOCTYPE\s+NETSCAPE-Bookmark-file", re.I)
# A bookmarks file some tool wrote without the DOCTYPE: links with the format's ADD_DATE.
_BOOKMARK_LINK = re.compile(r"<DT>\s*<A\s[^>]*\bADD_DATE=", re.I)
_PROLOGUE = re.compile(r"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:rss|rdf:RDF|feed)\b", re.I)
_OPML_ROOT = re.compile(r"<opml\b", re.I)
_JSON_KEY = re.compile(r'"([A-Za-z_]+)"\s*:')
_JSON_START = re.compile(r'\s*(?:\[\s*[\]{]|\{\s*")')  # a list of objects, or an object


def detect(path: Path) -> str | None:
    """The format of the file or folder at `path` (one of the constants above), or None for
    a single page or text file (and a folder that is not an Omnivore export). Raises
    OSError if it cannot be read."""
    if path.is_dir():
        names = (p.relative_to(path).as_posix() for p in path.glob("metadata_*.json"))
        return OMNIVORE if is_omnivore_names(names) else None
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return OMNIVORE if is_omnivore_names(archive.namelist()) else None
        except zipfile.BadZipFile:
            return None
    kind = detect_bytes(head)
    # Any other .json is taken as a Cuttings export, whose reader says what is wrong with it.
    return CUTTINGS if kind is None and path.suffix.lower() == ".json" else kind


def detect_bytes(head: bytes) -> str | None:
    """The format of a file or download from its first bytes (see detect)."""
    if b"\x00" in head[:1024] and head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return None  # binary: no format of links
    text = _text(head)
    start = text.lstrip()[:1]
    if _NETSCAPE.search(text[:1024]) or _BOOKMARK_LINK.search(text):
        return BOOKMARKS
    if start == "<":
        root = text[len(_PROLOGUE.match(text).group(0)):][:200]
        return OPML if _OPML_ROOT.match(root) else FEED if _FEED_ROOT.match(root) else None
    if _JSON_START.match(text):
        return _json_format(text)
    first = text.split("\n", 1)[0]
    if is_pocket_header(first):
        return POCKET
    # A header naming the link column: among others, or alone over a column of addresses.
    if csv_link_column(first) and ("," in first or _is_url_list(text.split("\n", 1)[-1])):
        return URL_LIST
    return URL_LIST if _is_url_list(text) else None


def _text(head: bytes) -> str:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", errors="replace").lstrip("\ufeff")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _json_format(text: str) -> str:
    """Which JSON export this is, by the keys of its first records; a list of nothing
    known is read as a Cuttings export (whose reader says what is wrong with it)."""
    try:
        keys = _keys(json.loads(text))
    except ValueError:  # only the head was read: its key names still tell
        keys = set(_JSON_KEY.findall(text))
    if text.lstrip().startswith("{") and "bookmarks" in keys:
        return KARAKEEP
    if "is_archived" in keys and keys & {"domain_name", "reading_time", "is_starred"}:
        return WALLABAG
    if {"slug", "savedAt"} <= keys:
        return OMNIVORE
    return CUTTINGS


def _keys(value) -> set[str]:
    """The keys of a JSON object, or of the first few objects of a list."""
    if isinstance(value, dict):
        return set(value)
    if isinstance(value, list):
        return {k for item in value[:5] if isinstance(item, dict) for k in item}
    return set()


def _is_url_list(text: str) -> bool:
    """True if the head's lines (blank and # lines aside) are mostly web addresses (at least
    URL_LIST_SHARE of them): a stray note or typo in a list of links must not turn the whole
    list into one text article. The last line may be cut short by the head's end, so it is
    not judged."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    judged = (lines[:-1] if len(text) >= HEAD_BYTES else lines)[:200]
    links = sum(1 for line in judged if web_link(line))
    return bool(judged) and links >= URL_LIST_SHARE * len(judged)
