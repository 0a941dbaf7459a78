"""Resolving place names to GeoNames places, using the rest of the article as evidence."""

from __future__ import annotations

import functools
import itertools
import math
import re

from ..article import CITY, COUNTRY, PLACE
from .clues import AtWindowEnd
from .gazetteer import Gazetteer, Place, name_key
from .lexicon import (BARE_INSTITUTION_WORDS, CELESTIAL, COMPASS_POINTS, COUNTRY_ALIASES, DEMONYMS,
                      GENERIC_PLACE_WORDS, MONTHS, NOT_SETTLEMENT_WORDS, PEOPLES, PLACE_QUALIFIERS, SEAS, WATER_WORDS,
                      WEEKDAYS, SITE_ENDS, STATE_ABBREVIATIONS, STATE_WORDS, any_of)
from .place_words import lives_at

# A name with one of these words is a building, road, airport or the like, not a settlement.
NOT_SETTLEMENT = re.compile(rf"\b(?:{any_of(NOT_SETTLEMENT_WORDS)})\b", re.IGNORECASE)
# Streets, squares, parks and airports: places to keep, though never cities.
SITE = re.compile(rf"\b(?:{any_of(SITE_ENDS)})$")
# "South", "the West", "South East": directions, not places.
COMPASS = re.compile(rf"^(?:(?:{any_of(COMPASS_POINTS)})(?:ern)?[\s-]?){{1,2}}$", re.IGNORECASE)

STRONG_POPULATION = 100_000  # a city this big outweighs spaCy's label...
STRONG_ALT_POPULATION = 1_000_000  # ...or this big, when it goes by another name here
WEAK_POPULATION = 15_000

_TOWN_OF = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage) of\s+$")
_REGION_OF = re.compile(r"\b(?:County|Province|Prefecture|Governorate|Region) of\s+$", re.IGNORECASE)
_REGION_AFTER = re.compile(r"^\s+(?:[Pp]rovince|[Pp]refecture|[Gg]overnorate|[Oo]blast|[Rr]egion|county)\b")
# "Bronx, New York": the state of a town (one of the last two words before the comma).
_CITY_BEFORE = re.compile(r"(?:([A-Z][\w.'\u2019]+) )?([A-Z][\w.'\u2019]+),\s*$")
_STATE_NEAR = re.compile(rf"(?<![\w.])(?:{any_of(STATE_WORDS)})(?![\w])")

# How much each kind of evidence is worth when choosing among same-named places.
KIND_PRIOR = {COUNTRY: 10.0, PLACE: 6.5}
PROVINCE_PRIOR = 4.2  # that of a city of 16,000: "Enugu" is the city, "Enugu State" and "Tamil Nadu" provinces
CAPITAL_BONUS = 1.5
IN_DOC_COUNTRY = 2.0
IN_DOC_STATE = 1.5
STATE_OF_DOC_CITIES = 4.0  # "Georgia" beside Atlanta and Savannah is the state, not the country
NEARBY = 6.0  # "Bishkek, Kyrgyzstan", "the Serbian capital Belgrade"
ALT_NAME_PENALTY = 2.0
NEAR_CHARS = 40


def demonym_country(form: str) -> str | None:
    key = name_key(form)
    return DEMONYMS.get(key) or DEMONYMS.get(key[:-1] if key.endswith("s") else "")


def is_demonym(form: str) -> bool:
    """Whether `form` names a nation or people, singular or plural ("Kenyans", "Africans")."""
    key = name_key(form)
    return bool(demonym_country(form)) or key in PEOPLES or key.endswith("s") and key[:-1] in PEOPLES


def own_name(place: Place, form: str) -> bool:
    """Whether `form` is the place's own name rather than one of its other names
    ("Washington" is the own name of "Washington, D.C.")."""
    return name_key(place.name.split(",")[0]) == name_key(form)


def candidates(gaz: Gazetteer, form: str) -> list[Place]:
    """The places `form` may name. An abbreviation ("UN", "M.D.") names only the countries or
    regions it is an alias of, never a town that happens to be spelt that way; "Ill." is Illinois.
    A planet or an ocean names no place of the gazetteer."""
    places = gaz.lookup(form)
    if name_key(form) in CELESTIAL | SEAS:
        return []
    if form.endswith(".") and (code := STATE_ABBREVIATIONS.get(name_key(form))) in gaz.states:
        return [gaz.states[code]]  # "Ill."
    if re.fullmatch(r"(?:[A-Z]\.?){1,4}", form):
        return [p for p in places if p.kind != CITY]
    return places


_SEVERAL_WORDS = re.compile(r"\w[\s-]+\w")
_SAINT = re.compile(r"(?:St\.?|Saint)\s")
GENERIC_WORDS = frozenset(GENERIC_PLACE_WORDS)


def provinces(gaz: Gazetteer, form: str, model_says_place: bool) -> list[Place]:
    """The provinces of any country (Gazetteer.provinces) `form` may name: by two words or more
    ("Tamil Nadu", "Enugu State", "Gilgit-Baltistan"), by one only where spaCy calls it a place
    ("Sokoto" and "Paul" are provinces too); never a saint ("St Patrick"), nor words news
    writes as words ("Central", "Upper River", "Delta"), nor a water ("Red Sea")."""
    words = name_key(form).split()
    if (not (model_says_place or _SEVERAL_WORDS.search(form)) or _SAINT.match(form)
            or set(words) <= GENERIC_WORDS or words[-1] in WATER_WORDS):  # an empty name stops at the subset test
        return []
    return gaz.provinces(form)


@functools.lru_cache(maxsize=4096)  # the label, row and place rules ask of the same forms
def place_strength(gaz: Gazetteer, form: str) -> int:
    """2 for a country, region, province of two words or more ("Sokoto State") or big city, 1 for
    a middling town, 0 for no known place."""
    if NOT_SETTLEMENT.search(form) or demonym_country(form) or COMPASS.match(form):
        return 0
    places = candidates(gaz, form) + provinces(gaz, form, model_says_place=False)
    own = [p for p in places if own_name(p, form)]
    if (any(p.kind != CITY for p in places) or any(p.population >= STRONG_POPULATION for p in own)
            or any(p.population >= STRONG_ALT_POPULATION for p in places)):
        return 2
    # A big city's other name ("Genève" for Geneva) is a middling clue, its own name a town's.
    return 1 if any(p.population >= WEAK_POPULATION for p in own) or any(
        p.population >= STRONG_POPULATION for p in places) else 0


class Resolver:
    """Chooses one place for each place name of an article; `doubtful` names spaCy never
    called a place."""

    def __init__(self, gaz: Gazetteer, text: str, forms: dict[str, list[int]], demonyms: list[str],
                 doubtful: set[str] = frozenset()):
        self.gaz, self.text, self.forms, self.doubtful = gaz, text, forms, doubtful
        self.unfounded: set[str] = set()  # names only of small towns the article gives no ground for
        self.demonyms = {c for c in map(demonym_country, demonyms) if c}
        self.country_forms = {f for f in forms if any(p.kind == COUNTRY and own_name(p, f) for p in gaz.lookup(f))}
        self.near = {f: self._nearby(f) for f in forms}
        # Pass one: context from demonyms and names that are a single country or state.
        self.context = {f: {(p.kind, p.country, p.admin1)} for f in forms
                        if len(ps := gaz.lookup(f)) == 1 and (p := ps[0]).kind != CITY}
        first = {f: self._choose(f) for f in forms}
        # Pass two: every other name's first choice is context too.
        self.context = {f: {(p.kind, p.country, p.admin1)} for f, p in first.items() if p}
        self.resolved = {f: self._choose(f) for f in forms}

    def _doc_countries(self, exclude: str) -> set[str]:
        found = set(self.demonyms)
        for form, facts in self.context.items():
            if form != exclude:
                found |= {country for _, country, _ in facts if country}
        return found

    def _doc_states(self, exclude: str) -> set[str]:
        return {admin1 for form, facts in self.context.items() if form != exclude
                for _, country, admin1 in facts if country == "US" and admin1}

    def _nearby(self, form: str) -> tuple[set[str], set[str]]:
        """Countries and US states that qualify a mention of `form` on the spot: "Bishkek,
        Kyrgyzstan", "Springfield, Ill.", "the Serbian capital Belgrade"."""
        countries, states = set(), set()
        for pos in self.forms[form]:
            # Only the same clause counts before the name: "Ohio and Washington" is no evidence.
            before = re.split(r"[,.;:!?()\n]|\band\b|\bor\b", self.text[max(0, pos - NEAR_CHARS):pos])[-1]
            names = re.findall(r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.]*)*", before)
            after = self.text[pos + len(form):pos + len(form) + NEAR_CHARS]
            if m := re.match(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)*)", after):
                names.append(m.group(1))
            for name in names:
                name = re.sub(r"['’]s$", "", name)
                if (key := name_key(name)) in STATE_ABBREVIATIONS:
                    states.add(STATE_ABBREVIATIONS[key])
                if country := demonym_country(name):
                    countries.add(country)
                for p in self.gaz.lookup(name):
                    if p.kind == COUNTRY:
                        countries.add(p.country)
                    elif p.kind == PLACE and p.country == "US":
                        states.add(p.admin1)
        return countries, states

    def _score(self, place: Place, form: str, doc_countries, doc_states, near_countries, near_states) -> float:
        if place.kind == CITY:
            score = math.log10(place.population + 10) + CAPITAL_BONUS * place.capital
            if not own_name(place, form):
                score -= ALT_NAME_PENALTY
        else:
            score = PROVINCE_PRIOR if place.minor else KIND_PRIOR[place.kind]
        score += IN_DOC_COUNTRY * (place.country in doc_countries)
        # "China seeks ... with US": a country's own name is no town of it by the towns' country
        # alone; its state may say so ("Mexico, Mo."), or "the town of".
        if place.kind == PLACE or place.kind == CITY and form not in self.country_forms:
            score += NEARBY * (place.country in near_countries)
        if place.kind == CITY and place.country == "US":
            score += IN_DOC_STATE * (place.admin1 in doc_states) + NEARBY * (place.admin1 in near_states)
        if place.kind == PLACE and place.country == "US":
            score += STATE_OF_DOC_CITIES * (place.admin1 in doc_states)
        return score

    def _namesake_city(self, form: str, place: Place, found: list[Place]) -> Place:
        """A US state that shares its name with its metropolis is mostly that city ("donors in
        New York"), unless a mention speaks of the state ("New York state", "upstate New York",
        "New York Gov. Kathy Hochul", "Bronx, New York") or the article goes through other
        states (Wisconsin, Michigan, Pennsylvania and New York)."""
        if place.kind != PLACE or place.country != "US":
            return place
        city = next((p for p in found if p.kind == CITY and p.admin1 == place.admin1
                     and p.population >= STRONG_ALT_POPULATION), None)
        other_states = {a for f, facts in self.context.items() if f != form
                        for kind, country, a in facts if kind == PLACE and country == "US"}
        if city is None or len(other_states) >= 2 or any(
                _STATE_NEAR.search(self.text[max(0, pos - 12):pos + len(form) + 12])
                or self._town_of(place.admin1, pos) for pos in self.forms[form]):
            return place
        return city

    def _town_of(self, state: str, pos: int) -> bool:
        """Whether a town and a comma stand before `pos`, not a US town of another state, which
        lists it ("Bronx, New York" names the state; "Miami, West Palm Beach, New York" the city)."""
        if not (m := _CITY_BEFORE.search(self.text[max(0, pos - 30):pos])):
            return False
        names = [" ".join(filter(None, m.groups())), m.group(2)]
        towns = [p for name in names for p in self.gaz.lookup(name) if p.kind == CITY and p.country == "US"]
        return not towns or any(p.admin1 == state for p in towns)

    def _choose(self, form: str) -> Place | None:
        if NOT_SETTLEMENT.search(form) or demonym_country(form):
            return None
        found = candidates(self.gaz, form)
        # A province is mostly named for its seat: "Kef" and "Enugu" are the towns, "Enugu State" the state.
        seats = {p.country for p in found if p.kind == CITY and p.population >= WEAK_POPULATION}
        found += [p for p in provinces(self.gaz, form, form not in self.doubtful) if p.country not in seats]
        around = [(self.text[max(0, pos - 20):pos], self.text[pos + len(form):pos + len(form) + 20])
                  for pos in self.forms[form]]
        if any(_TOWN_OF.search(before) for before, _ in around):
            found = [p for p in found if p.kind == CITY] or found  # "the city of Lebanon" is no country
        if any(_REGION_OF.search(before) or _REGION_AFTER.match(after) for before, after in around):
            found = [p for p in found if p.kind != CITY]  # "Sichuan province" is no city of that name
        if not found:
            return None
        doc_countries, doc_states = self._doc_countries(form), self._doc_states(form)
        near_countries, near_states = self.near[form]
        place = max(found, key=lambda p: self._score(p, form, doc_countries, doc_states,
                                                          near_countries, near_states))
        place = self._namesake_city(form, place, found)
        # A small town needs its country in the article, in the US its state ("Earth" is no Texan
        # town); so does a city of a doubtful name unless it is a capital or a metropolis ("Bush"
        # is no Egyptian city, "Vilnius" is Vilnius).
        small = place.population < WEAK_POPULATION
        famous = place.capital or place.population >= STRONG_ALT_POPULATION
        if small and place.country == "US":
            founded = place.country in near_countries or place.admin1 in near_states | doc_states
        else:
            founded = place.country in near_countries | doc_countries
        if place.kind == CITY and (small or form in self.doubtful and not famous) and not founded:
            self.unfounded.add(form)
            return None
        self.unfounded.discard(form)
        return place


# Last words of names of buildings and works that stand somewhere ("Jamsil Stadium", "Trump Tower",
# "Alder Hey Children's Hospital": CoNLL-2003 and GeoWebNews both call hospitals locations);
# "Centre", "Hall", "Palace" and a bare "Church" also name the bodies in them ("Crystal Palace",
# "the Catholic Church") and are left to the other rules.
STRUCTURE_ENDS = ("Stadium", "Arena", "Theatre", "Theater", "Tower", "Cathedral", "Chapel", "Abbey", "Mosque",
                  "Synagogue", "Shrine", "Castle", "Prison", "Cemetery", "Pier", "Dam", "Canal", "Monument",
                  "Straße", "Strasse", "Platz", "Hospital", "Infirmary", "Basilica", "Library", "Racecourse")
# Streets named first ("Rue Casa Calvo", "Via Appia", "Avenida Paulista").
STRUCTURE_STARTS = ("Rue", "Via", "Calle", "Avenida", "Piazza", "Boulevard", "Avenue")
# Churches of no one place, by their words before "Church": "the Catholic Church", "the Methodist
# Church" are bodies; "Holy Redeemer Church", "Third Presbyterian Church" buildings, as written.
DENOMINATIONS = ("Catholic", "Roman", "Orthodox", "Anglican", "Methodist", "Presbyterian", "Baptist", "Lutheran",
                 "Episcopal", "Evangelical", "Protestant", "Coptic", "Reformed", "Mormon", "Pentecostal", "Christian",
                 "Unification", "Apostolic", "Adventist", "Moravian", "United", "Free", "Universal", "Latter-day",
                 "Eastern", "Western", "Greek", "Russian", "Armenian", "Ethiopian", "Syriac", "Maronite", "LDS",
                 "Scientology", "the", "The")
STRUCTURE = re.compile(rf"\S\s+(?:{any_of(STRUCTURE_ENDS)})$|^(?:{any_of(STRUCTURE_STARTS)})\s+\S"
                       rf"|^(?!(?:(?:{any_of(DENOMINATIONS)})\s+)+Church$)(?:[\w'\u2019.-]+\s+)+Church$"
                       r"|\S(?:straße|strasse|platz)$")
# A county by its name, which the gazetteer does not hold: "Pope County", "Black Hawk County".
COUNTY = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){1,2}County$")
# "New England Journal", "Northern Kentucky University": a place the gazetteer does not know,
# not England or Kentucky.
_PART_OF = re.compile(any_of(PLACE_QUALIFIERS))
_ACADEMIC = re.compile(r"\b(?:University|College|Institute|School|Academy)\b")


def embedded_places(org_forms: list[str], positions: dict[str, list[int]], gaz: Gazetteer) -> dict[str, list[int]]:
    """Countries, states, provinces and counties named inside organisation names ("Kentucky State
    Police", "Environment Canada", "Barren County Detention Center"), with their positions in the
    text; never a word institutions are named with that is also a country's other name
    ("Commonwealth of Independent States" is not "the States")."""
    found: dict[str, list[int]] = {}
    for org in org_forms:
        if _ACADEMIC.search(org):
            continue  # "University of California" is about a university, not the state
        for m in re.finditer(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.'’-]*)*", org):
            words = m.group().split()
            for n in range(len(words), 0, -1):  # the longest name first: "New South Wales"
                spans = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
                names = [s for i, s in enumerate(spans) if s != org and not demonym_country(s)
                         and name_key(s) not in BARE_INSTITUTION_WORDS
                         and (any(p.kind != CITY for p in gaz.lookup(s)) or not i and COUNTY.match(s))
                         and not (i and _PART_OF.fullmatch(words[i - 1]))]
                if names:
                    for name in names:
                        offset = m.start() + m.group().index(name)
                        found.setdefault(name, []).extend(pos + offset for pos in positions[org])
                    break
    return found


# Whole names, any alphabet: "Gilgit" of "Gilgit-Baltistan" is no town ("London-based" is London; "Prešov").
_NAME_RUN = re.compile(r"(?<![\w.])(?<!\w-)[^\W\d_a-z][^\W\d_A-Z]+(?: [^\W\d_a-z][^\W\d_A-Z]+){0,2}"
                       r"(?![^\W\d_A-Z]|-[A-Z])")


def unlabelled_places(text: str, taken: list[tuple[int, int]], gaz: Gazetteer,
                      other: list[tuple[int, int]] = ()) -> dict[str, list[int]]:
    """Countries, states, provinces, counties and big cities the model did not label at all,
    outside the `taken` spans (its mentions, bylines, datelines) and the `other` entities it found (of kinds
    that are no person, place or organisation), and towns outside `taken` where only a place can
    stand (placed_town), which the model calls a product or a nationality as often as not, and
    buildings by their names ("Windsor Castle", not Windsor)."""
    found: dict[str, list[int]] = {}
    free = bytearray(b"\1") * len(text)
    for a, b in taken:
        free[a:b] = bytes(b - a)
    towns_free = bytes(free)
    for a, b in other:
        free[a:b] = bytes(b - a)
    for m in _NAME_RUN.finditer(text):
        run, at, end = m.group(), m.start(), m.end()
        if towns_free.find(0, at, end) < 0 and (STRUCTURE.search(run) or placed_town(text, at, run, gaz)
                                                or region_after_place(text, at, run, gaz)):
            found.setdefault(run, []).append(at)
            free[at:end] = bytes(end - at)
            continue
        if free.find(1, at, end) < 0:
            continue  # taken whole: no name in it is free
        words = run.split(" ")
        offsets = [0, *itertools.accumulate(len(word) + 1 for word in words[:-1])]
        for n in range(len(words), 0, -1):  # the longest name first
            for i in range(len(words) - n + 1):
                start = at + offsets[i]
                name = run[offsets[i]:offsets[i + n - 1] + len(words[i + n - 1])]
                if len(name) < 4 or free.find(0, start, start + len(name)) >= 0:
                    continue
                places = gaz.lookup(name)
                if COUNTY.match(name) or any(
                        p.kind != CITY and name_key(p.name) == name_key(name) for p in places) or any(
                        p.population >= STRONG_POPULATION and own_name(p, name) for p in places):
                    found.setdefault(name, []).append(start)
                    free[start:start + len(name)] = bytes(len(name))
    return found


# What only a place follows in mid-sentence ("outside Ayodhya"), here perhaps after places
# listed ("in Nitra, Prešov").
IN_NEAR_WORDS = ("in", "near", "outside")
IN_NEAR = rf"(?<![.!?]\s)\b(?:{'|'.join(IN_NEAR_WORDS)})\s+"
_IN_PLACE = AtWindowEnd(IN_NEAR + r"(?:[^\W\d_a-z][\w'\u2019-]*,\s+){0,4}$", endings=(*IN_NEAR_WORDS, ","))
_QUALIFIES = re.compile(r"^\s+(?!(?:and|or|in|on|at|to|for|from|with|where|which|who|near|was|is|has|had)\b)[a-z]")


def placed_town(text: str, start: int, name: str, gaz: Gazetteer) -> bool:
    """Whether `name` at `start`, which the model did not label, is a town because it follows "in",
    "near" or "outside" in mid-sentence and qualifies no noun, or a person's name and "of" ("Jodi
    Mahler of Bellmore appeared": where the person lives), the gazetteer knows a town of
    15,000 or more of that very name, and the text names that town's country (for a US town, its
    state): "in Manbij" of an article on Syria. A month, day, or a word the text also writes in
    lower case ("in Time", "in Union") is none."""
    key = name_key(name)
    before, after = text[max(0, start - 40):start], text[start + len(name):start + len(name) + 20]
    placed = (_IN_PLACE.search(before) and not _QUALIFIES.match(after)
              or before.endswith("of ") and lives_at(before, after))
    if (key in MONTHS or key in WEEKDAYS or not placed
            or re.search(rf"\b{re.escape(name.lower())}\b", text)):
        return False
    return town_of_named_country(gaz, text, name, WEAK_POPULATION)


def town_of_named_country(gaz: Gazetteer, text: str, name: str, population: int = 0) -> bool:
    """Whether the gazetteer knows a town of that very `name` and of at least `population` people
    (one of the three most populous such) whose country `text` names (for a US town, its state)."""
    towns = [p for p in gaz.lookup(name) if p.kind == CITY and own_name(p, name) and p.population >= population]
    return any(re.search(rf"(?<![\w.]){re.escape(country)}(?![\w])", text) for town in towns[:3]
               for country in _country_names(gaz, town))


_PLACE_COMMA = AtWindowEnd(r"([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}), $", endings=(",",))


def region_after_place(text: str, start: int, name: str, gaz: Gazetteer) -> bool:
    """Whether `name` at `start`, which the model did not label, is a province written after a
    name, a comma and before the clause ends, as a town's region is: "Oulton Park, Cheshire.",
    "Knockhill, Fife;"; or, the clause going on after a comma, after a town the gazetteer knows in
    that province's country ("near New Quay, Ceredigion, on Wednesday"; "Smith, Cheshire, Jones"
    is a list)."""
    if not (m := _PLACE_COMMA.search(text[max(0, start - 40):start])):
        return False
    follows = text[start + len(name):start + len(name) + 1]
    if re.match(r"[.;)\n]|$", follows):
        return bool(provinces(gaz, name, model_says_place=True))
    if follows != ",":
        return False
    countries = {p.country for p in provinces(gaz, name, model_says_place=True)}
    return any(p.kind == CITY and p.country in countries and own_name(p, m.group(1)) for p in gaz.lookup(m.group(1)))


def _country_names(gaz: Gazetteer, town: Place) -> list[str]:
    if town.country == "US" and town.admin1 in gaz.states:
        return [gaz.states[town.admin1].name]
    country = gaz.countries.get(town.country)
    return [country.name, *COUNTRY_ALIASES.get(town.country, [])] if country else []
