"""What the metadata readers share: the parsed page with its <meta> values and JSON-LD article,
the page's own headline element, and which parts of a page hold other stories."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from .jsonld import json_ld_article
from .normalize import match_key, squash

# Containers of other stories: a date or a byline inside one belongs to another article.
OTHER_STORIES = re.compile(
    r"(?<![a-z])(?:related|sidebar|recommend|popular|trending|most-?read|more-?stories|read-?more|"
    r"river|teaser|promo|rail|carousel|also-?like|you-?may|outbrain|taboola|next-?up)", re.I)

CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Headings of such containers, when their classes say nothing.
OTHER_STORIES_HEADING = re.compile(
    r"(?i)^\W*(?:related|more (?:from|on|in|stories|news|articles)|most (?:read|popular|viewed|shared)|"
    r"latest|trending|recommended|you (?:may|might)|also read|read (?:more|next)|top stories|"
    r"editor'?s picks|popular|what to read)")


@dataclass
class Sources:
    """What the metadata functions read: the soup, its <meta> values and its JSON-LD article."""

    soup: BeautifulSoup
    url: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name -> contents
    ld: dict = field(default_factory=dict)  # the JSON-LD article object, {} when there is none

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty content of the <meta> tags `names`, in the order given."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None


def read_sources(soup: BeautifulSoup, url: str | None = None) -> Sources:
    """Index the page's <meta> tags and find its JSON-LD article object."""
    meta: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str):
            meta.setdefault(key.strip().lower(), []).append(content)
    headlines = (*meta.get("og:title", []), *(text_of(h) for h in soup.find_all("h1", limit=3)))
    return Sources(soup=soup, url=url, meta=meta, ld=json_ld_article(soup, headlines))


def text_of(tag: Tag | None) -> str:
    """A tag's text with whitespace squashed; "" for None."""
    return squash(tag.get_text(" ")) if tag else ""


def headline_tags(soup: BeautifulSoup, title: str = "") -> list[Tag]:
    """The page's own headlines: the <h1>s whose text is the title (a sticky bar often repeats
    it above the real one), else the first <h1>; [] without one."""
    key = match_key(title)
    found = [h for h in soup.find_all("h1", limit=5) if key and match_key(text_of(h)) == key]
    first = soup.find("h1")
    return found or ([first] if first else [])


def headline_tag(soup: BeautifulSoup, title: str = "") -> Tag | None:
    """The first of headline_tags, None without an <h1>."""
    return next(iter(headline_tags(soup, title)), None)


def marks(tag: Tag) -> str:
    """A tag's class names and id in one string, for the patterns that read what a box is;
    camelCase words are split with "-" ("contentPromo" -> "content-Promo") as in kebab-case."""
    return CAMEL_JOIN.sub("-", " ".join(tag.get("class", [])) + " " + str(tag.get("id", "")))


def in_other_story(tag: Tag) -> bool:
    """Whether the tag sits in a container of other stories (its class or id says related,
    sidebar, "most read"...; or its heading does), or in an <aside>; the article's own
    <article>/<main> ends the search."""
    for parent in [tag, *tag.parents]:
        if parent.name == "aside" or OTHER_STORIES.search(marks(parent)):
            return True
        if parent.name in ("article", "main", "body"):
            return False
        first = parent.find(True, recursive=False)  # a box's heading is its first element
        if first is not None and first.name in ("h2", "h3", "h4") and OTHER_STORIES_HEADING.match(text_of(first)):
            return True
    return False
