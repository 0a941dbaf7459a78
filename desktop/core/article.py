"""The values that cross the layers: an extracted Article and its entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EntityKind(StrEnum):
    """What an entity is, in every layer: the entity stage, the archive, the CLI and the window.
    The values are the strings stored in existing archives, so they never change."""

    PERSON = "person"
    CITY = "city"
    COUNTRY = "country"
    ORG = "org"
    # Any other place: a state or province, a continent, a region without a GeoNames city or country.
    PLACE = "place"


# Short names for the layers that spell kinds out; ENTITY_KINDS is the order of facets and lists.
PERSON, CITY, COUNTRY, ORG, PLACE = (EntityKind.PERSON, EntityKind.CITY, EntityKind.COUNTRY,
                                     EntityKind.ORG, EntityKind.PLACE)
ENTITY_KINDS = tuple(EntityKind)


@dataclass
class Entity:
    """One canonical person, place or organisation found in one article."""

    kind: EntityKind  # a plain str of the same value when read back from an archive
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1
    first_pos: int = 0  # character offset of the first mention in title + "\n\n" + text
    context: str = ""  # one sentence around the first mention
    # A first-name-only person belongs to its article alone, never merged archive-wide.
    local: bool = False
    geonameid: int | None = None
    country: str | None = None  # ISO 3166 alpha-2: for a city its country, for a country itself
    lat: float | None = None
    lon: float | None = None
    # The archive key a correction gave it (a namesake split off from another entity of the
    # same name); None: the key follows from its kind, name or place (store.archive.entity_key).
    key: str | None = None


@dataclass
class Quote:
    """One direct quotation of an article: its words (without the quotation marks), where
    they stand in the article's text (character offsets, end exclusive) and who said them:
    the `name` of one of the article's person entities, or None for an unnamed or group
    source."""

    quote: str
    start: int
    end: int
    speaker: str | None = None


@dataclass
class Article:
    """What extraction produced for one page or file, plus its entities."""

    url: str | None = None
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    publisher: str | None = None
    language: str | None = None
    image: str | None = None  # lead-image URL, stored as text, never loaded
    text: str = ""
    canonical_url: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def entities_of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]


# How a copy was captured (the evidence of capture, stored in the `capture` table):
# downloaded by the app, sent by the browser connector (the DOM the user saw), read from a
# file, or kept from a read-later service's export when the page could not be downloaded.
DOWNLOAD, BROWSER, FILE, SERVICE = "download", "browser", "file", "service"
CAPTURE_METHODS = {DOWNLOAD: "Downloaded", BROWSER: "Captured in your browser", FILE: "Read from a file",
                   SERVICE: "Kept from an export's copy"}

# Response headers as received, in order, repeats kept: [(name, value), ...].
Headers = list[tuple[str, str]]


@dataclass
class Original:
    """The page or file an article came from, kept in the archive as its offline copy, and
    the evidence of how it was captured: `method` (one of CAPTURE_METHODS), `final_url`
    after redirects, the HTTP `status` and response `headers` (downloads only; None when not
    known) and when (`captured`, UTC; None: when it is stored). `compressed` is `data` as the
    archive keeps it (store.archive.compressed), worked out early where the process that
    stores is not the one that analysed the page; None: worked out when it is stored."""

    data: bytes
    content_type: str = "text/html"
    charset: str | None = None
    method: str = DOWNLOAD
    final_url: str | None = None
    status: int | None = None
    headers: Headers | None = None
    captured: datetime | None = None
    compressed: bytes | None = field(default=None, repr=False, compare=False)
