"""Article metadata from a parsed page: JSON-LD, OpenGraph, Twitter cards, <meta>, microdata and
the visible byline. Each public function takes the page's `Sources` and returns one value."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from desktop.core.errors import CuttingsError
from desktop.core.urls import check_url

from .dates import to_iso
from .names import clean_names, same_outlet, split_byline
from .normalize import match_key, squash

ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report|NewsStory")
# Title tails: " | Site", " - Site", "Site: "... Dashes must be spaced so "Covid-19" stays whole.
TITLE_SEPARATOR = re.compile(r"(\s+(?:[|\-–—·•»]{1,2}|::)\s+|\s*:\s+)")
BYLINE_HINT = re.compile(r"byline|author|writer|contributor|creditline", re.I)
BY_TEXT = re.compile(r"(?:by|par|por|von)\s*:?$|(?:by|par|por|von)\s", re.I)
NEAR_HEADLINE = 40  # elements after the headline searched for an unmarked "By ..." line

AUTHOR_META = ("author", "article:author", "og:article:author", "byl", "parsely-author",
               "sailthru.author", "dc.creator", "dcterms.creator", "citation_author")
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                  "citation_publication_date", "citation_date", "dc.date.issued", "dcterms.created",
                  "dc.date", "date", "pubdate", "publishdate", "parsely-pub-date",
                  "sailthru.date", "og:published_time", "article.published", "published_time")


@dataclass
class Sources:
    """What the metadata functions read: the soup, its <meta> values and its JSON-LD article."""

    soup: BeautifulSoup
    url: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name -> contents
    ld: dict = field(default_factory=dict)  # the JSON-LD article object, {} when there is none

    def first_meta(self, *names: str) -> str | None:
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
    return Sources(soup=soup, url=url, meta=meta, ld=json_ld_article(soup))


# ---------------------------------------------------------------- JSON-LD

def _ld_objects(value) -> list[dict]:
    """Every object in a JSON-LD value, walking arrays, @graph and a WebPage's mainEntity."""
    if isinstance(value, list):
        return [obj for item in value for obj in _ld_objects(item)]
    if isinstance(value, dict):
        return [value, *_ld_objects(value.get("@graph")), *_ld_objects(value.get("mainEntity"))]
    return []


def _ld_types(obj: dict) -> list[str]:
    kind = obj.get("@type", [])
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


# A page's JSON-LD is a few kilobytes a few levels deep; past these limits it is not
# metadata but an accident or an attack (json.loads recurses: 5,000 levels is a RecursionError).
MAX_LD_CHARS = 1_000_000
MAX_LD_DEPTH = 32


def _load_json(text: str):
    """The JSON value in a script's text, nested at most MAX_LD_DEPTH deep; None if it is
    not JSON, too large or too deep to parse."""
    if len(text) > MAX_LD_CHARS:
        return None
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text.strip())
    try:
        return _pruned(json.loads(text, strict=False), MAX_LD_DEPTH)
    except (ValueError, RecursionError):
        return None


def _pruned(value, depth: int):
    """`value` with the arrays and objects nested more than `depth` deep replaced by None, so
    the recursive walkers below stay far from the recursion limit."""
    if isinstance(value, list):
        return [_pruned(item, depth - 1) for item in value] if depth else None
    if isinstance(value, dict):
        return {key: _pruned(item, depth - 1) for key, item in value.items()} if depth else None
    return value


def json_ld_article(soup: BeautifulSoup) -> dict:
    """The first JSON-LD object typed as an article (NewsArticle, ReportageNewsArticle, BlogPosting...)."""
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        for obj in _ld_objects(_load_json(script.string or script.get_text())):
            if any(ARTICLE_TYPE.search(kind) for kind in _ld_types(obj)):
                return obj
    return {}


def _ld_names(value, people_only: bool = False) -> list[str]:
    """Names from a JSON-LD person/organisation value: a string, an object or a list of them."""
    if isinstance(value, str):
        return [html.unescape(value)]
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item, people_only)]
    if isinstance(value, dict):
        if people_only and "Organization" in "".join(_ld_types(value)):
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [html.unescape(name)]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
    return []


def _ld_text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("name")
    # JSON-LD strings are sometimes HTML-escaped a second time ("Q&amp;A").
    return html.unescape(value.strip()) if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------- fields

def _text(tag: Tag | None) -> str:
    return squash(tag.get_text(" ")) if tag else ""


def publisher(src: Sources) -> str | None:
    """The site's name: og:site_name, the JSON-LD publisher, or application-name; without a
    tagline ("Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz")."""
    ld_publisher = _ld_names(src.ld.get("publisher"))
    name = (src.first_meta("og:site_name")
            or (ld_publisher[0] if ld_publisher else None)
            or src.first_meta("application-name", "twitter:site:name"))
    return _without_tagline(name) if name else None


def _without_tagline(name: str) -> str | None:
    """ "Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz"."""
    return re.split(r"\s+[|\-–—]\s+", squash(name))[0] or None


def _site_key(name: str) -> str:
    key = match_key(name)
    return key[3:] if key.startswith("the") else key


def _same_site(segment: str, site_names: list[str]) -> bool:
    """Whether a title segment names the site: one starts the other, ignoring case, punctuation
    and a leading "The" ("Daily Example" vs "The Daily Example - News you need")."""
    key = _site_key(segment)
    return len(key) >= 3 and any(
        len(site) >= 3 and (site.startswith(key) or key.startswith(site))
        for site in map(_site_key, site_names)
    )


def _headline_like(kept: str, dropped: str) -> bool:
    return len(kept) >= len(dropped) or len(kept.split()) >= 3


def strip_site_name(title: str, site_names: list[str], headings: list[str] = ()) -> str:
    """The title without a trailing (or leading) " | Site name" segment.

    A segment goes when it matches a known site name, or when what remains equals one of the
    page's own headings (<h1>, og:title) and looks like a headline, not a stray section <h1>
    such as "Opinion"; otherwise the title is kept whole.
    """
    tokens = TITLE_SEPARATOR.split(squash(title))
    wanted = {match_key(h) for h in headings if h}
    count = len(tokens) // 2 + 1  # tokens alternate segment, separator, segment...
    for keep in range(count - 1, 0, -1):  # longest head first
        head, tail = "".join(tokens[: 2 * keep - 1]), "".join(tokens[2 * keep:])
        if (match_key(head) in wanted and _headline_like(head, tail)) or _same_site(tail, site_names):
            return head
    for drop in range(1, count):
        lead, rest = "".join(tokens[: 2 * drop - 1]), "".join(tokens[2 * drop:])
        if (match_key(rest) in wanted and _headline_like(rest, lead)) or _same_site(lead, site_names):
            return rest
    return "".join(tokens)


def _headings(src: Sources) -> list[str]:
    return [text for text in (_text(h) for h in src.soup.find_all("h1", limit=5)) if text]


def _host(url: str | None) -> str | None:
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1) if match else None


def _site_names(src: Sources) -> list[str]:
    """What the page calls its site: og:site_name, the JSON-LD publisher and the host name
    (not application-name: some sites fill it with the article title)."""
    return [*src.meta.get("og:site_name", []), *_ld_names(src.ld.get("publisher")), _host(src.url) or ""]


# Longer than any headline: a "title" past this is a broken tag that swallowed the page, and
# trying every site-name split of it cost minutes (a 1.33M-character <title> in the fuzz bench).
MAX_TITLE_CHARS = 1000


def title(src: Sources) -> str:
    """The headline: JSON-LD headline, og:title, twitter:title, <title> or <h1>, minus a
    site-name tail; at most MAX_TITLE_CHARS characters."""
    headline = _ld_text(src.ld.get("headline"))
    og_title = src.first_meta("og:title", "twitter:title")
    headings = _headings(src)
    site_names = _site_names(src)
    site_keys = {match_key(name) for name in site_names}
    # A generic page title that is just the site's name says nothing about the article.
    raw = next((t for t in (headline, og_title, _text(src.soup.title), *headings)
                if t and match_key(t) not in site_keys), "")
    return strip_site_name(raw[:MAX_TITLE_CHARS], site_names, [*headings, og_title or "", headline or ""])


def _microdata_authors(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.find_all(attrs={"itemprop": re.compile(r"\bauthor\b")}, limit=10):
        name = tag.find(attrs={"itemprop": "name"}) or tag
        found.append(name.get("content") or _text(name))
    found += [_text(a) for a in soup.find_all(rel="author", limit=10)]
    return [value for value in found if value]


def _is_byline(tag: Tag) -> bool:
    return bool(BYLINE_HINT.search(" ".join(tag.get("class", [])) + " " + str(tag.get("id", ""))))


def _starts_with_by(tag: Tag) -> bool:
    first = next(tag.stripped_strings, "")
    return bool(BY_TEXT.match(first))


def _visible_bylines(soup: BeautifulSoup, title: str = "") -> list[str]:
    """Short texts of elements whose class or id says byline/author, or which start with "By"
    just under the headline; nearest the headline first (after it, then before it)."""
    key = match_key(title)
    headline = next((h for h in soup.find_all("h1", limit=5) if key and match_key(_text(h)) == key),
                    soup.find("h1"))
    if headline is None:
        tags = soup.find_all(_is_byline)
    else:
        near = headline.find_all_next(True, limit=NEAR_HEADLINE)
        tags = ([tag for tag in near if _is_byline(tag) or _starts_with_by(tag)]
                + headline.find_all_next(_is_byline) + headline.find_all_previous(_is_byline))
    return [text for text in map(_text, tags) if 0 < len(text) <= 120]


def _first_last(name: str) -> str:
    """citation_author's "Last, First" as "First Last"."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if comma and "," not in first else name


def _bylines(src: Sources, title_text: str) -> Iterator[list[str]]:
    """The names each place gives, in order of trust: JSON-LD author, author <meta> tags,
    itemprop/rel=author, then each visible byline near the headline `title_text`."""
    sources = (
        lambda: _ld_names(src.ld.get("author"), people_only=True),
        lambda: [_first_last(value) if name == "citation_author" else value
                 for name in AUTHOR_META for value in src.meta.get(name, [])],
        lambda: _microdata_authors(src.soup),
    )
    for source in sources:
        yield clean_names(name for raw in source() for name in split_byline(raw))
    for text in _visible_bylines(src.soup, title_text):
        yield split_byline(text)


def authors(src: Sources, title_text: str = "") -> list[str]:
    """The article's people: the first place that names someone wins (see _bylines).

    The site's own name ("BBC News" on bbc.co.uk, "Reuters staff" on Reuters) is no person:
    a later place that names a person wins over it. Only when no place names anyone else
    is it kept: then it is the page's byline (and the detail pane says it once)."""
    sites = [_without_tagline(name) for name in _site_names(src)]
    outlet: list[str] = []
    for names in _bylines(src, title_text):
        people = [name for name in names if not any(same_outlet(name, site) for site in sites)]
        if people:
            return people
        outlet = outlet or names
    return outlet


def published(src: Sources) -> str | None:
    """The publication date (ISO 8601) from JSON-LD, <meta>, itemprop or the first <time datetime>."""
    candidates = [_ld_text(src.ld.get("datePublished")), src.first_meta(*PUBLISHED_META)]
    tag = src.soup.find(attrs={"itemprop": re.compile(r"\bdatePublished\b")})
    if tag:
        candidates.append(tag.get("datetime") or tag.get("content") or _text(tag))
    candidates += [tag.get("datetime") for tag in src.soup.find_all("time", datetime=True, limit=3)]
    candidates += [_ld_text(src.ld.get("dateCreated")), _ld_text(src.ld.get("dateModified")),
                   src.first_meta("article:modified_time", "og:updated_time")]
    for value in candidates:
        iso = to_iso(value)
        if iso:
            return iso
    return None


def language(src: Sources) -> str | None:
    """The page language (BCP 47 style, "en-US"): <html lang>, content-language, og:locale or inLanguage."""
    html = src.soup.find("html")
    value = ((html.get("lang") or html.get("xml:lang")) if html else None) \
        or src.first_meta("content-language", "language", "og:locale", "dc.language") \
        or _ld_text(src.ld.get("inLanguage"))
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value.strip()):
        return None
    primary, *rest = value.strip().replace("_", "-").split("-")
    return "-".join([primary.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def _absolute(src: Sources, value: str | None) -> str | None:
    if not value or value.startswith("data:"):
        return None
    url = urljoin(src.url or "", value.strip())
    return url if url.startswith(("http://", "https://")) else None


def image(src: Sources) -> str | None:
    """The lead image URL: og:image, twitter:image, the JSON-LD image or <link rel=image_src>."""
    value = (src.first_meta("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                            "twitter:image:src")
             or _ld_text(src.ld.get("image")))
    if not value:
        link = (src.soup.head or src.soup).find("link", rel="image_src")
        value = link.get("href") if link else None
    return _absolute(src, value)


def canonical_url(src: Sources) -> str | None:
    """The page's own absolute URL: <link rel=canonical>, og:url or the JSON-LD url, the
    first of them that is an importable http(s) address (urls.check_url). A malformed one
    ("https://news example.com/", port 99999) is the page's mistake, so it is skipped: it
    must neither make the page unimportable nor appear in an error. Nor is a site's home page
    the address of a page that is not one (CMSs that point every story at "/"; a saved file
    of no known address is taken for a story)."""
    link = (src.soup.head or src.soup).find("link", rel="canonical")
    for value in (link.get("href") if link else None, src.first_meta("og:url"),
                  _ld_text(src.ld.get("url")), _ld_text(src.ld.get("mainEntityOfPage"))):
        url = _absolute(src, value)
        if url and _importable(url) and (not _is_home(url) or (src.url is not None and _is_home(src.url))):
            return url
    return None


def _is_home(url: str) -> bool:
    """Whether `url` is a site's home page: no path beyond "/", no query."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _importable(url: str) -> bool:
    try:
        check_url(url)
    except CuttingsError:
        return False
    return True
