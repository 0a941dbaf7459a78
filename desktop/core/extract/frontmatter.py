"""Front matter of Markdown files: the YAML (or Hugo's TOML) block that web clippers (Obsidian
Web Clipper, MarkDownload), read-later exports (Omnivore, Readwise) and static sites (Jekyll,
Hugo) put before the text, read into the article's fields."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field

import yaml

from .dates import numeric_date, to_iso
from .metadata import generic_title, host_name
from .names import clean_names, split_byline
from .normalize import squash

YAML_BLOCK = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*(?:\n|\Z)", re.S | re.M)
# MultiMarkdown metadata (nvALT, Marked, text exports): "Key: value" lines up to a blank line.
KEY_VALUE_BLOCK = re.compile(r"\A((?:[A-Za-z][\w -]{0,30}:[^\n]*\n)+)(?:\n|\Z)")
MAX_BLOCK_CHARS = 64 * 1024  # a front matter block is a few lines; more is a document, not metadata
# The keys each field is read from, in order of preference (compared in lower case).
TITLE_KEYS = ("title", "headline", "name")
URL_KEYS = ("source", "url", "link", "original_url", "source_url", "canonical_url", "original", "href")
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "by")
# "created", "date_saved", "clipped" are when the file was made, never the article's date.
DATE_KEYS = ("published", "date_published", "publish_date", "published_at", "pubdate",
             "publication_date", "date")
TAG_KEYS = ("tags", "keywords", "categories")
PUBLISHER_KEYS = ("site", "site_name", "sitename", "publisher", "source_name", "publication")
IMAGE_KEYS = ("image", "cover", "banner", "thumbnail")
LANGUAGE_KEYS = ("lang", "language")
WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")  # [[Target]] or [[Target|Shown]]


@dataclass
class FrontMatter:
    """What a front matter block says about the article; empty fields when it says nothing."""

    title: str = ""
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None
    image: str | None = None
    language: str | None = None


def _loose_pairs(block: str) -> dict:
    """"key: value" lines of a block YAML refuses (an unquoted "title: A: B" is an error)."""
    pairs = (re.match(r"([A-Za-z_][\w -]*?)\s*:\s*(.*)$", line) for line in block.split("\n"))
    return {m.group(1): m.group(2).strip().strip("\"'") for m in pairs if m and m.group(2).strip()}


def _parsed(block: str, toml: bool) -> dict:
    if len(block) > MAX_BLOCK_CHARS:
        return {}
    try:
        data = tomllib.loads(block) if toml else yaml.safe_load(block)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        data = _loose_pairs(block)
    return data if isinstance(data, dict) else {}


def split_front_matter(text: str) -> tuple[dict, str]:
    """(the block's keys lower-cased -> values, the text after it). No block: ({}, text)."""
    for pattern, toml in ((YAML_BLOCK, False), (TOML_BLOCK, True)):
        match = pattern.match(text)
        if match:
            data = _parsed(match.group(1), toml)
            return {str(key).strip().lower(): value for key, value in data.items()}, text[match.end():]
    match = KEY_VALUE_BLOCK.match(text)
    if match:
        data = {key.strip().lower(): value for key, value in _loose_pairs(match.group(1)).items()}
        # Only a block that names an article field is metadata, not a first paragraph "Note: ...".
        if data.keys() & {*TITLE_KEYS[:1], *URL_KEYS[:3], *AUTHOR_KEYS[:2], *DATE_KEYS}:
            return data, text[match.end():]
    return {}, text


def _strings(value) -> list[str]:
    """A scalar or a flat list as strings (wiki links unwrapped); nested values are ignored."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            out.append(squash(WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), str(item))))
    return [item for item in out if item]


def _first(data: dict, keys: tuple[str, ...]) -> str | None:
    return next((value for key in keys for value in _strings(data.get(key))[:1]), None)


def _date(data: dict) -> str | None:
    for key in DATE_KEYS:
        value = data.get(key)
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        iso = (to_iso(value) or numeric_date(value)) if isinstance(value, str) else None
        if iso:
            return iso
    return None


def _authors(data: dict) -> list[str]:
    for key in AUTHOR_KEYS:
        names = clean_names(name for item in _strings(data.get(key)) for name in split_byline(item))
        if names:
            return names
    return []


def _is_url(value: str | None) -> bool:
    return bool(value and re.match(r"https?://\S+$", value))


def _title(data: dict, site_names: list[str]) -> str:
    """The first title key that is not generic ("Home", the site's name: a clipper that ran
    on a site's front page, metadata.generic_title)."""
    return next((title for key in TITLE_KEYS for title in _strings(data.get(key))[:1]
                 if not generic_title(title, site_names)), "")


def read_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter of a Markdown/text file and the text after it; (None, text) without one."""
    data, rest = split_front_matter(text)
    if not data:
        return None, text
    source = _first(data, URL_KEYS)
    url = source if _is_url(source) else None
    publisher = _first(data, PUBLISHER_KEYS) or (source if source and not url else None)
    return FrontMatter(
        title=_title(data, [publisher or "", host_name(url) or ""]),
        url=url,
        authors=_authors(data),
        published=_date(data),
        tags=[tag for key in TAG_KEYS for tag in _strings(data.get(key))],
        publisher=publisher,
        image=next((value for key in IMAGE_KEYS if _is_url(value := _first(data, (key,)))), None),
        language=_first(data, LANGUAGE_KEYS),
    ), rest
