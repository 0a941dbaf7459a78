"""The publication date of a page: an ordered tuple of named places to look, the first that
gives a plausible date wins. Publication outranks every "updated"/"modified" time, and dates
of other stories (related lists, sidebars) are never read."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timedelta

from bs4 import Tag

from .dates import MONTHS, WEEKDAYS, from_epoch, to_iso
from .jsonld import ld_text
from .metadata import canonical_url
from .sources import Sources, headline_tags, in_other_story, marks, text_of

# <meta> names of the publication date, compared with case and punctuation dropped
# ("publish-date", "article:published_time", "parsely-pub-date", "DC.date.issued"...).
PUBLISHED_META_KEYS = (
    "articlepublishedtime", "ogarticlepublishedtime", "datepublished", "publishdate", "publisheddate",
    "publishdatetime", "pubdate", "publicationdate", "articlepublicationdate", "parselypubdate",
    "sailthrudate", "citationpublicationdate", "citationdate", "dcdateissued", "dctermsissued",
    "dctermscreated", "dcdatecreated", "dcdate", "dctermsdate", "ogpublishedtime", "articlepublished",
    "publishedtime", "publishedat", "originalpublicationdate", "displaydate", "createddate",
    "creationdate", "date",
)
MODIFIED_META_KEYS = ("articlemodifiedtime", "ogupdatedtime", "datemodified", "modifieddate",
                      "lastmodified", "updateddate", "dctermsmodified")
# Class or id words of elements that show a date ("post-date", "timestamp", "byline"...).
DATE_HINT = re.compile(r"date|time|stamp|publish|posted|byline|author|dateline|meta|info", re.I)
# "Feb. 23, 2015 -- Life-threatening...", "WASHINGTON, March 3, 2021 — The...": a dateline
# opening the story's first paragraph.
DATELINE = re.compile(r"^([^—–\n]{6,60}?)\s*(?:--|—|–)\s")
PUBLISHED_LABEL = re.compile(
    r"(?i)\b(?:published|posted|first published|publié|veröffentlicht|publicado|pubblicato)\b\W*(?:on|le|am)?")
UPDATED_LABEL = re.compile(
    r"(?i)\b(?:updated|modified|last updated|edited|mis à jour|actualisé|aktualisiert|actualizado|"
    r"atualizado|aggiornato)\b\W*(?:on|le|am|at)?\W*$")
# How a line that is a date or a byline with one starts: "By", a label, a weekday or a month;
# any line this short that holds a whole date is a date line ("03.03.2021 17:12").
DATE_LINE_START = re.compile(
    rf"(?i)(?:by|par|por|von|published|posted|updated|{'|'.join(WEEKDAYS)}|"
    rf"{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b")
SHORT_DATE_LINE = 40
UNMARKED_LINES = 8  # elements under the headline where such a line may sit
NEAR_AFTER = 60  # elements after the headline that may hold its date
NEAR_BEFORE = 15  # and before it (a kicker and date above the headline)
MAX_DATE_TEXT = 200  # longer texts are prose, whose dates are what the story is about
URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def _meta_values(src: Sources, keys: tuple[str, ...]) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for name, values in src.meta.items():
        by_key.setdefault(re.sub(r"[^a-z]", "", name), []).extend(values)
    return [value for key in keys for value in by_key.get(key, [])]


def _updated_context(tag: Tag) -> bool:
    """Whether the text just before the tag (in its parent or grandparent) is an "Updated" label."""
    for node in (tag, tag.parent):
        if node is None:
            return False
        before = " ".join(str(s) for s in node.find_all_previous(string=True, limit=3)[::-1])
        if UPDATED_LABEL.search(before[-40:]) or re.search(r"updat|modif", marks(node)):
            return True
    return False


def text_date(text: str) -> str | None:
    """The publication date in a short visible text: after a "Published" label when there is one,
    none when the text is only an "Updated ..." stamp, else its first date."""
    label = PUBLISHED_LABEL.search(text)
    if label:
        return to_iso(text[label.end():])
    if re.match(r"(?i)\W*(?:last\s+)?(?:updated|modified|mis à jour|aktualisiert|actualizado)\b", text):
        return None
    return to_iso(text)


def _tag_date(tag: Tag, updated: bool = False) -> str | None:
    """A date an element shows: its datetime/content/title attribute, its text (any date in it
    when `updated`), or a Unix time in a data-*time/date attribute."""
    for name in ("datetime", "content", "title"):
        iso = to_iso(tag.get(name))
        if iso:
            return iso
    text = text_of(tag)
    iso = (to_iso if updated else text_date)(text) if len(text) <= MAX_DATE_TEXT else None
    return iso or next((from_epoch(value) for name, value in tag.attrs.items()
                        if re.search(r"time|date|epoch", name) and from_epoch(value)), None)


@dataclass
class Page:
    """What the date rules look at: the page's sources, its headline elements and whether it
    holds several <article>s (then the ones without the headline are other stories)."""

    src: Sources
    headlines: list[Tag]
    several_articles: bool

    @classmethod
    def of(cls, src: Sources, title: str) -> Page:
        """The Page of `src` whose headline reads `title`."""
        return cls(src, headline_tags(src.soup, title), len(src.soup.find_all("article", limit=2)) > 1)

    @cached_property
    def near(self) -> list[Tag]:
        """Elements around the headline(s), after each first; the page's start without one."""
        if not self.headlines:
            return self.src.soup.find_all(True, limit=NEAR_AFTER * 4)
        return [tag for headline in self.headlines for tag in
                [*headline.find_all_next(True, limit=NEAR_AFTER), *headline.find_all_previous(True, limit=NEAR_BEFORE)]]


def _teaser(tag: Tag, page: Page) -> bool:
    """Whether the tag belongs to another story's teaser: a box of other stories, a list item
    with a link beside the date (a list of stories; a date that is itself a permalink is the
    page's own), or one of several <article>s that does not hold the page's headline."""
    if in_other_story(tag):
        return True
    item = tag.find_parent("li")
    own_links = set(map(id, tag.find_parents("a")))
    if item is not None and any(id(link) not in own_links for link in item.find_all("a")):
        return True
    box = tag.find_parent("article") if page.several_articles else None
    return box is not None and not any(box in headline.parents for headline in page.headlines)


def _shown_dates(page: Page, updated: bool) -> Iterable[str]:
    """Dates shown near the headline in <time> or date-marked elements (not in other stories),
    the published ones or (`updated`) those labelled as an update."""
    for tag in page.near:
        if tag.name != "time" and (tag.find("time") or not DATE_HINT.search(marks(tag))):
            continue  # a box holding a <time> is read through it
        iso = _tag_date(tag, updated)
        if iso and _updated_context(tag) == updated and not _teaser(tag, page):
            yield iso


def _date_lines(page: Page) -> Iterable[str | None]:
    """Unmarked short lines right under the headline that are a date or a byline with one
    ("By Jane Doe, March 3, 2021 at 5:12 p.m.", "Monday 3 March 2021")."""
    for headline in page.headlines:
        for tag in headline.find_all_next(["p", "div", "span", "small", "em", "strong", "h2", "h3", "h4", "h5", "h6"],
                                          limit=UNMARKED_LINES):
            text = text_of(tag)
            line = len(text) <= SHORT_DATE_LINE or (len(text) <= 120 and DATE_LINE_START.match(text))
            iso = text_date(text) if line else None
            if iso and not _teaser(tag, page):
                yield iso


def _dateline(page: Page) -> Iterable[str | None]:
    """The date of a dateline opening one of the first paragraphs after the headline."""
    paragraphs = [tag for tag in page.near if tag.name == "p"][:3]
    for tag in paragraphs:
        match = DATELINE.match(text_of(tag))
        yield to_iso(match.group(1)) if match else None


def _other_times(page: Page) -> Iterable[str | None]:
    """<time> elements anywhere else, outside other stories and update labels (the first 3)."""
    tags = [tag for tag in page.src.soup.find_all("time", limit=20)
            if not _updated_context(tag) and not _teaser(tag, page)]
    return [tag.get("datetime") or text_of(tag) for tag in tags[:3]]


def _url_dates(src: Sources) -> list[str]:
    """/2015/03/18/ in the page's address or its canonical one (a saved page has no address
    of its own): a CMS's archive path is the publication day."""
    matches = (URL_DATE.search(url or "") for url in (src.url, canonical_url(src)))
    return ["-".join(part.zfill(2) for part in match.groups()) for match in matches if match]


def _title_date(src: Sources) -> list[str]:
    """A <title> segment that is only a date ("Headline - 07.12.2017 - Site")."""
    title = text_of(src.soup.title)
    return [part for part in re.split(r"\s+[|\-–—]\s+", title)[1:] if len(part) <= 30 and to_iso(part)]


def _itemprop(src: Sources, prop: str) -> list[str]:
    tag = src.soup.find(attrs={"itemprop": re.compile(rf"\b{prop}\b")})
    return [tag.get("datetime") or tag.get("content") or text_of(tag)] if tag else []


# Each: (name, why, candidates). The first rule giving a plausible date wins.
Rule = tuple[str, str, Callable[[Page], Iterable[str | None]]]
PUBLISHED_RULES: tuple[Rule, ...] = (
    ("json_ld_published", "the page's structured data says when it was published",
     lambda page: [ld_text(page.src.ld.get("datePublished"))]),
    ("meta_published", "publish-date, article:published_time, parsely-pub-date... name the day",
     lambda page: _meta_values(page.src, PUBLISHED_META_KEYS)),
    ("itemprop_published", "microdata datePublished", lambda page: _itemprop(page.src, "datePublished")),
    ("shown_near_headline", "the date a reader sees under the headline or in the byline block",
     lambda page: _shown_dates(page, updated=False)),
    ("date_line_under_headline", "an unmarked line under the headline that is a date or a dated byline",
     _date_lines),
    ("story_dateline", "a dated dateline opens the story", _dateline),
    ("json_ld_created", "dateCreated is the first version", lambda page: [ld_text(page.src.ld.get("dateCreated"))]),
    ("other_time_elements", "a <time> outside related stories", _other_times),
    ("url_date", "/YYYY/MM/DD/ archive paths", lambda page: _url_dates(page.src)),
    ("title_date", "a date segment of <title>", lambda page: _title_date(page.src)),
    ("modified", "an update time is better than no date at all",
     lambda page: [ld_text(page.src.ld.get("dateModified")), *_meta_values(page.src, MODIFIED_META_KEYS),
                   *_shown_dates(page, updated=True)]),
)


def _as_shown(iso: str, page: Page) -> str:
    """A UTC timestamp whose day is one off the day the page shows under its headline
    ("2021-03-04T01:12:00Z" shown as "March 3, 2021 at 5:12 p.m."): the shown day, which is
    the day of the page's own time zone."""
    if not iso.endswith("+00:00"):
        return iso
    shown = next(iter(_shown_dates(page, updated=False)), None)
    if shown is None or len(shown) != 10:  # only a date written as text says the local day
        return iso
    utc = datetime.fromisoformat(iso)
    # The days that instant falls on somewhere: time zones run from UTC-12 to UTC+14.
    local_days = {(utc + timedelta(hours=hours)).date().isoformat() for hours in (-12, 14)}
    return shown if shown in local_days - {utc.date().isoformat()} else iso


def published(src: Sources, title: str = "") -> str | None:
    """The publication date (ISO 8601) by PUBLISHED_RULES; None when no rule finds one.
    A date keeps the calendar day and offset the page wrote it in; a UTC time that falls on
    another day than the one the page shows gives way to the shown day (_as_shown)."""
    page = Page.of(src, title)
    for _name, _why, candidates in PUBLISHED_RULES:
        for value in candidates(page):
            iso = to_iso(value) if value else None
            if iso:
                return _as_shown(iso, page)
    return None
