"""The values that cross the layers: an extracted Article and its entities."""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON, CITY, COUNTRY, ORG = "person", "city", "country", "org"
# Any other place: a state or province, a continent, a region without a GeoNames city or country.
PLACE = "place"
ENTITY_KINDS = (PERSON, CITY, COUNTRY, ORG, PLACE)


@dataclass
class Entity:
    """One canonical person, place or organisation found in one article."""

    kind: str
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

    def entities_of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]


@dataclass
class Original:
    """The page or file an article came from, kept in the archive as its offline copy."""

    data: bytes
    content_type: str = "text/html"
    charset: str | None = None
