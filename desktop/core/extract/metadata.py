"""Article metadata from a parsed page: JSON-LD, OpenGraph, Twitter cards, <meta>, microdata and
the visible byline. Each public function takes the page's `Sources` and returns one value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from desktop.core.errors import CuttingsError
from desktop.core.urls import check_url

from .jsonld import ARTICLE_TYPE, ld_names, ld_text
from .names import clean_names, same_outlet, split_byline
from .normalize import match_key, squash
from .sources import Sources, headline_tag, in_other_story, marks, text_of

# Title tails: " | Site", " - Site", "Site: "... Dashes must be spaced so "Covid-19" stays whole.
TITLE_SEPARATOR = re.compile(r"(\s+(?:[|\-–—·•»]{1,2}|::)\s+|\s*:\s+)")
# Not "authority"/"authorize": a Wikipedia "authority-control" box or a login form names no one.
BYLINE_HINT = re.compile(r"byline|author(?!i[tz])|writer|contributor|creditline", re.I)
MAX_BYLINE = 120  # characters; a marked box longer than this is prose (an author's note or bio)
BY_TEXT = re.compile(r"(?:by|par|por|von)\s*:?$|(?:by|par|por|von)\s", re.I)
NEAR_HEADLINE = 40  # elements after the headline searched for an unmarked "By ..." line

AUTHOR_META = ("author", "article:author", "og:article:author", "byl", "parsely-author",
               "sailthru.author", "dc.creator", "dcterms.creator", "citation_author")
# Words of a title that names the site, not a story ("Yahoo News - Latest News & Headlines").
GENERIC_TITLE_WORDS = frozenset(
    "news latest breaking headlines headline home homepage front page official site website welcome "
    "to today online top stories story and the of for your in on world local live updates daily "
    "video videos blog magazine newspaper".split())


# ---------------------------------------------------------------- fields

def _ld_publishers(src: Sources) -> list[str]:
    """The JSON-LD publisher's names, without one equal to the headline (a CMS that fills
    publisher.name with the post title must not make the headline look like the site's name)."""
    story = {match_key(ld_text(src.ld.get("headline")) or ""), match_key(src.first_meta("og:title") or "")}
    return [name for name in ld_names(src.ld.get("publisher")) if match_key(name) not in story]


def publisher(src: Sources) -> str | None:
    """The site's name: og:site_name, the JSON-LD publisher, or application-name; without a
    tagline ("Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz")."""
    ld_publisher = _ld_publishers(src)
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
    """Whether a title part may be the headline: as long as the part it drops, or three words
    (punctuation such as a trailing "::" is no word)."""
    return len(kept) >= len(dropped) or len(_words(kept)) >= 3


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
    return [text for text in (text_of(h) for h in src.soup.find_all("h1", limit=5)) if text]


def host_name(url: str | None) -> str | None:
    """The host of an http(s) address without "www.", or None."""
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1) if match else None


def _site_names(src: Sources) -> list[str]:
    """What the page calls its site: og:site_name, the JSON-LD publisher and the host name
    (not application-name: some sites fill it with the article title)."""
    return [*src.meta.get("og:site_name", []), *_ld_publishers(src), host_name(src.url) or ""]


# Longer than any headline: a "title" past this is a broken tag that swallowed the page, and
# trying every site-name split of it cost minutes (a 1.33M-character <title> in the fuzz bench).
MAX_TITLE_CHARS = 1000


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def generic_title(text: str, site_names: list[str]) -> bool:
    """Whether a title names only the site: its words, less the site's own, are all generic
    ("Yahoo News - Latest News & Headlines", "Example Times | Home", the site name alone).
    In a title of several segments, a short one with a generic word ("Yahoo News") is a
    brand too, so the site need not be known (a saved page without og:site_name)."""
    site_words = {word for name in site_names for word in _words(name)}
    segments = [_words(part) for part in TITLE_SEPARATOR.split(text)[::2]]
    if len(segments) > 1:
        site_words.update(word for seg in segments if len(seg) <= 3 and set(seg) & GENERIC_TITLE_WORDS
                          for word in seg)
    return all(word in GENERIC_TITLE_WORDS for word in _words(text) if word not in site_words)


def title(src: Sources) -> str:
    """The headline: JSON-LD headline, og:title, twitter:title, parsely-title (Parse.ly's
    analytics tag), <title> or <h1>, the first that is not generic (only the site's name and
    words like "Latest News"), minus a site-name tail unless it is the og:title (kept as the
    publisher declared it, as Readability keeps it); at most MAX_TITLE_CHARS characters."""
    og_title = src.first_meta("og:title", "twitter:title", "parsely-title")
    headings = _headings(src)
    headline = _ld_headline(src, [og_title, *headings])
    site_names = _site_names(src)
    raw = next((t for t in (headline, og_title, text_of(src.soup.title), *headings)
                if t and not generic_title(t[:MAX_TITLE_CHARS], site_names)), "")
    if raw == og_title:  # the title the publisher declared for sharing, as Readability keeps it
        return raw[:MAX_TITLE_CHARS]
    return strip_site_name(raw[:MAX_TITLE_CHARS], site_names, [*headings, og_title or "", headline or ""])


def _ld_headline(src: Sources, shown: list[str | None]) -> str | None:
    """The JSON-LD headline, or the JSON-LD name when the page heads itself (`shown`: its <h1>s
    and og:title) with the name and nowhere with the headline: Wikipedia puts its one-line
    description in headline ("constitutional monarchy in Oceania"), the article's name in name."""
    headline, name = ld_text(src.ld.get("headline")), ld_text(src.ld.get("name"))
    keys = [match_key(text) for text in shown if text]
    if headline and name and match_key(name) in keys and not any(match_key(headline) in key for key in keys):
        return name
    return headline


def _microdata_authors(soup: BeautifulSoup) -> list[str]:
    """The names of itemprop=author and rel=author elements, but for those of other stories
    (teasers, related lists: sources.in_other_story); an itemprop=author of an item typed as
    an article (itemtype BlogPosting...) is that article's wherever it stands (an <aside>)."""
    found = []
    for tag in soup.find_all(attrs={"itemprop": re.compile(r"\bauthor\b")}, limit=10):
        scope = tag.find_parent(attrs={"itemscope": True})
        if (scope is not None and ARTICLE_TYPE.search(scope.get("itemtype") or "")) or not in_other_story(tag):
            name = tag.find(attrs={"itemprop": "name"}) or tag
            found.append(name.get("content") or text_of(name))
    found += [text_of(a) for a in soup.find_all(rel="author", limit=10) if not in_other_story(a)]
    return [value for value in found if value]


def _is_byline(tag: Tag) -> bool:
    return bool(BYLINE_HINT.search(marks(tag)))


def _starts_with_by(tag: Tag) -> bool:
    first = next(tag.stripped_strings, "")
    return bool(BY_TEXT.match(first))


def _byline_names(tag: Tag) -> list[str]:
    """The people a byline element names. A byline box holding marked parts (an author-name
    span beside a dateline or a date span) is read through those parts, so the words next
    to them ("Reuters" "SINGAPORE") are not glued into one name; a box whose parts name
    no one (a "By" label) is read whole."""
    parts = [part for part in tag.find_all(_is_byline) if not part.find(_is_byline)]
    names = [name for part in parts for name in _short_byline(text_of(part))]
    return names or _short_byline(text_of(tag))


def _short_byline(text: str) -> list[str]:
    """The names of a byline of at most MAX_BYLINE characters; none in a longer text (split at
    its commas, a sentence would give "at least", "from school to school"...)."""
    return split_byline(text) if len(text) <= MAX_BYLINE else []


def _visible_bylines(soup: BeautifulSoup, title: str = "") -> Iterator[list[str]]:
    """The names in elements whose class or id says byline/author, or which start with "By"
    just under the headline; nearest the headline first (after it, then before it). Bylines
    of other stories (related lists, sidebars) are skipped."""
    headline = headline_tag(soup, title)
    if headline is None:
        tags = soup.find_all(_is_byline)
    else:
        near = headline.find_all_next(True, limit=NEAR_HEADLINE)
        tags = ([tag for tag in near if _is_byline(tag) or _starts_with_by(tag)]
                + headline.find_all_next(_is_byline) + headline.find_all_previous(_is_byline))
    for tag in tags:
        if not in_other_story(tag):
            yield _byline_names(tag)


def _first_last(name: str) -> str:
    """citation_author's "Last, First" as "First Last"."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if comma and "," not in first else name


def _twitter_written_by(src: Sources) -> list[str]:
    """twitter:dataN whose twitter:labelN says "Written by" (Yoast SEO prints the author so)."""
    return [value for n in range(1, 5)
            if re.match(r"(?i)(written\s+)?by|author", src.first_meta(f"twitter:label{n}") or "")
            for value in src.meta.get(f"twitter:data{n}", [])]


def _bylines(src: Sources, title_text: str) -> Iterator[list[str]]:
    """The names each place gives, in order of trust: JSON-LD author, author <meta> tags,
    itemprop/rel=author, then each visible byline near the headline `title_text`."""
    sources = (
        lambda: ld_names(src.ld.get("author"), people_only=True),
        lambda: [_first_last(value) if name == "citation_author" else value
                 for name in AUTHOR_META for value in src.meta.get(name, [])] + _twitter_written_by(src),
        lambda: _microdata_authors(src.soup),
    )
    for source in sources:
        yield clean_names(name for raw in source() for name in split_byline(raw))
    yield from _visible_bylines(src.soup, title_text)


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


def language(src: Sources) -> str | None:
    """The page language (BCP 47 style, "en-US"): <html lang>, content-language, og:locale or inLanguage."""
    html = src.soup.find("html")
    value = ((html.get("lang") or html.get("xml:lang")) if html else None) \
        or src.first_meta("content-language", "language", "og:locale", "dc.language") \
        or ld_text(src.ld.get("inLanguage"))
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
             or ld_text(src.ld.get("image")))
    if not value:
        link = (src.soup.head or src.soup).find("link", rel="image_src")
        value = link.get("href") if link else None
    return _absolute(src, value)


def canonical_url(src: Sources) -> str | None:
    """The page's own absolute URL: <link rel=canonical>, og:url or the JSON-LD url, the
    first of them that is an importable http(s) address (urls.check_url). A malformed one
    ("https://news example.com/", port 99999) is the page's mistake, so it is skipped: it
    must neither make the page unimportable nor appear in an error. Nor is a home page or a
    section front the address of a story (_front_of)."""
    link = (src.soup.head or src.soup).find("link", rel="canonical")
    for value in (link.get("href") if link else None, src.first_meta("og:url"),
                  ld_text(src.ld.get("url")), ld_text(src.ld.get("mainEntityOfPage"))):
        url = _absolute(src, value)
        if url and _importable(url) and not _front_of(url, src):
            return url
    return None


# A section front's last path segment: one plain word ("/news/", "/world"); a story's slug has
# digits or joined words ("/2024/floods", "/floods-close-bridge").
SECTION_SEGMENT = re.compile(r"[a-z]{2,20}")


def _front_of(url: str, src: Sources) -> bool:
    """Whether `url` is a front page above the story rather than its address: the site's home
    page (CMSs that point every story at "/"), or a section front ("/news/") that contains
    the page's own address or that a page calling itself an article (og:type) points at."""
    if src.url is not None and _is_home(src.url):
        return False
    if _is_home(url):
        return True
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if urlsplit(url).query or not SECTION_SEGMENT.fullmatch(parts[-1]):
        return False
    if src.url is None:
        return len(parts) == 1 and src.first_meta("og:type") == "article"
    own = urlsplit(src.url)
    own_parts = [p for p in own.path.split("/") if p]
    return own.hostname == urlsplit(url).hostname and own_parts[:len(parts)] == parts and len(own_parts) > len(parts)


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
