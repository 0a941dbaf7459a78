"""Places no model labels, read from the words around them: a country named by its land's
adjective ("the Iraqi border"), numbered roads ("the A120"), and where a person lives ("Jodi
Mahler of Bellmore"); and names the model calls places that are none ("street artist Banksy").
Each rule is named, with the case it is for."""

from __future__ import annotations

import re

from ..article import CITY
from .gazetteer import Gazetteer, Place, name_key
from .lexicon import BARE_INSTITUTION_WORDS, DEMONYMS, INSTITUTION_WORDS, OF_PLACE_HEADS, STATE_ABBREVIATIONS, any_of

# The adjectives of the nations of the United Kingdom name those nations, not the kingdom.
_NATION_ADJECTIVES = {"english": "England", "scottish": "Scotland", "welsh": "Wales"}
# Demonyms of a city's or a state's people, or of a state gone: no adjective of a country.
_NOT_COUNTRY_ADJECTIVES = frozenset({"soviet", "muscovite", "londoner", "parisian", "berliner", "new yorker",
                                     "texan", "californian", "kiwi", "new zealander"})
# Nouns of the land itself: "the Iraqi border", "Syrian territory", "Turkish soil"; not of a place in
# it, which the text names ("the Kyrgyz capital of Bishkek" is Bishkek's mention).
_LAND_AFTER = re.compile(r"\s+(?:borders?|frontier|coast(?:line)?|territory|soil|waters|mainland|countryside"
                         r"|airspace)\b")


def adjective_places(gaz: Gazetteer, text: str, demonyms: dict[str, list[int]]) -> dict[str, Place]:
    """The demonyms of `demonyms` (form -> starts in `text`) that name a place (adjective_place)."""
    return {form: place for form, starts in demonyms.items() if (place := adjective_place(gaz, form, text, starts))}


def adjective_place(gaz: Gazetteer, form: str, text: str, starts: list[int]) -> Place | None:
    """The country (or nation of the UK) a country's adjective names where it qualifies the land
    itself ("the Iraqi border", "on English soil"): "Iraqi" Iraq, "English" England. None for
    other uses ("a French engineer": news names no place there, CoNLL-2003 calls it no location,
    though GeoWebNews and TR-News do), a plural, a people of no one country ("Kurdish") or of a
    city ("Muscovite")."""
    if not any(_LAND_AFTER.match(text, s + len(form)) for s in starts):
        return None
    key = name_key(form)
    if key in _NATION_ADJECTIVES:
        return next((p for p in gaz.lookup(_NATION_ADJECTIVES[key]) if p.kind != CITY), None)
    if key in _NOT_COUNTRY_ADJECTIVES or key not in DEMONYMS:
        return None
    return gaz.countries.get(DEMONYMS[key])


# Numbered roads: British "A417", "M25", "B1234", "A1(M)"; American "I-95", "Interstate 5", "Route 66",
# "Highway 401". A bare letter and number is as often a plane, a paper size or a model ("the A380").
# Each way of writing one opens with its letter and only then asks that no word runs into it
# (_NOT_IN_A_WORD): led by a letter, the pattern is scanned for five times faster.
_NOT_IN_A_WORD = r"(?<![\w-].)"
_ROAD = re.compile(rf"(?:[AM]{_NOT_IN_A_WORD}\d{{1,4}}(?:\(M\))?|B{_NOT_IN_A_WORD}\d{{4}}|I{_NOT_IN_A_WORD}-\d{{1,3}}"
                   rf"|I{_NOT_IN_A_WORD}nterstate \d{{1,3}}|U{_NOT_IN_A_WORD}S (?:Route|Highway) \d{{1,4}}"
                   rf"|S{_NOT_IN_A_WORD}tate (?:Route|Highway) \d{{1,4}}|R{_NOT_IN_A_WORD}oute \d{{1,4}}"
                   rf"|H{_NOT_IN_A_WORD}ighway \d{{1,4}})(?![\w-])")
_ROAD_WORDS = re.compile(r"\b(?:road|roads|roundabout|junction|carriageway|motorway|traffic|diversion|lanes?|exit"
                         r"|(?:north|south|east|west)bound|crash|collision|closed|closure|lorry|cyclist|motorists?"
                         r"|drivers?|vehicles?|slip)\b", re.IGNORECASE)
ROAD_CONTEXT = 80  # characters on either side of a road number where the text must speak of roads


def road_numbers(text: str) -> dict[str, list[int]]:
    """Numbered roads where the text around speaks of roads ("a crash on the A120", "via the A436,
    A40 and A429, doubling the distance", "traffic on I-95"), with where they stand: places, as
    GeoWebNews counts them, that no model labels."""
    found: dict[str, list[int]] = {}
    for m in _ROAD.finditer(text):
        if _ROAD_WORDS.search(text, max(0, m.start() - ROAD_CONTEXT), m.end() + ROAD_CONTEXT):
            found.setdefault(m.group(), []).append(m.start())
    return found


_NAME = r"[A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*)?"
# Streets named together before their noun in the plural: "down Bourbon and Dauphine streets".
_STREETS = re.compile(rf"\b(?:{_NAME}, )*{_NAME},? and {_NAME}(?= (?:streets|roads|avenues)\b)")


def named_streets(text: str) -> dict[str, list[int]]:
    """Streets named together before "streets", "roads" or "avenues" ("rolled down Bourbon and
    Dauphine streets", "the corner of State and Hubbard streets"), with where they stand: places,
    though their names are as often those of towns or people."""
    found: dict[str, list[int]] = {}
    if not any(noun in text for noun in (" streets", " roads", " avenues")):
        return found  # the common case, without the scan
    for m in _STREETS.finditer(text):
        for name in re.finditer(_NAME, m.group()):
            if name.group() != "And":
                found.setdefault(name.group(), []).append(m.start() + name.start())
    return found


def road_places(text: str) -> dict[str, list[int]]:
    """Numbered roads (road_numbers) and streets named together (named_streets), with where they
    stand: places of no town of their name."""
    return {**road_numbers(text), **named_streets(text)}


# "Miss Abdhou, of Hayes,", "Ann Lee, 45, of Leeds.", "Jodi Mahler of Bellmore": where a person lives.
_NAME_COMMA_OF = re.compile(r"[A-Z][\w'\u2019-]+,(?:\s+\d{1,3},)?\s+of\s+$")
_NAME_OF = re.compile(r"([A-Z][\w'\u2019-]+)\s+of\s+$")
_CLAUSE_GOES_ON = re.compile(r"^(?:[,.;:)]|\s+(?:and|who|was|were|is|are|has|had|said|says|died|appeared)\b)")
# "Bank of", "University of", "Duke of": heads of names of institutions and titles, no person's name.
_BODY_WORDS = re.compile(
    rf"(?:{any_of(INSTITUTION_WORDS)}|(?i:{any_of(sorted(BARE_INSTITUTION_WORDS | OF_PLACE_HEADS))}))$")


def lives_at(before: str, after: str, name_words: frozenset[str] | None = None) -> bool:
    """Whether a name with `before` and `after` around it is where a person lives: after a name
    and a comma and "of" ("Miss Abdhou, of Hayes, was"), or a name and "of" (one of `name_words`,
    the article's name words, when given, else no institution's word: "Jodi Mahler of Bellmore
    appeared", not "Bank of"), the clause going on."""
    named = _NAME_COMMA_OF.search(before) or (m := _NAME_OF.search(before)) and (
        m.group(1) in name_words if name_words is not None else not _BODY_WORDS.match(m.group(1)))
    return bool(named and _CLAUSE_GOES_ON.match(after))


# A preposition of place, then perhaps a compass word, a place's possessive or other names listed:
# "in eastern Ghouta", "in Cairo's Abbasiya", "villages of Foua and Kfraya", "in Central Anatolia".
_AFTER_PREPOSITION = re.compile(r"\b(?i:in|near|at|from|to|of|outside|across|around|throughout|into|via)\s+"
                                r"(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
                                r"(?:[A-Z][\w'\u2019.-]*?(?:['\u2019]s)?,?\s+(?:(?:and|or)\s+)?){0,2}$")


# A name and a comma, as before a town's region: "Rockingham, Northamptonshire."
_AFTER_NAME_COMMA = re.compile(r"([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}), $")


def after_a_town(text: str, start: int, name: str, gaz: Gazetteer) -> bool:
    """Whether `name` at `start` in `text` follows a town the gazetteer knows and a comma, and a
    clause or list goes on after it, as a town's region does: "Croft, Yorkshire.", "Rockingham,
    Northamptonshire,"; not "Gisec, IoTX to show"."""
    m = _AFTER_NAME_COMMA.search(text, max(0, start - 40), start)
    town = m and m.group(1)
    return bool(town and re.match(r"[.,;:)\n]|$", text[start + len(name):start + len(name) + 1])
                and any(p.kind == CITY and name_key(p.name) == name_key(town) for p in gaz.lookup(town)))


def stands_as_a_place(text: str, starts: list[int], name: str, gaz: Gazetteer) -> bool:
    """Whether a mention of `name` at `starts` in `text` follows a preposition of place
    (_AFTER_PREPOSITION: "villages of Foua and Kfraya", "in Cairo's Abbasiya") or a town and a
    comma as a town's region does (after_a_town: "Rockingham, Northamptonshire.")."""
    return any(_AFTER_PREPOSITION.search(text, max(0, start - 60), start) or after_a_town(text, start, name, gaz)
               for start in starts)


# Countries of 1990s news that GeoNames lists no more: unresolved, they are still places.
FORMER_COUNTRIES = frozenset({"yugoslavia", "czechoslovakia", "zaire", "ussr"})


def is_unplaced_word(form: str, text: str, starts: list[int], gaz: Gazetteer) -> bool:
    """Whether `form`, which the model calls a place and no place of the gazetteer goes by, is a
    lone word that stands after no preposition of place (stands_as_a_place): as often a book, a
    brand or a person ("Transforming the African Public Service", "UConn", "street artist Banksy")
    as an island or a village. A state's abbreviation the model cut from its dot ("Calif") and a
    former country ("Yugoslavia") are places."""
    return (" " not in form and name_key(form) not in FORMER_COUNTRIES | STATE_ABBREVIATIONS.keys()
            and not stands_as_a_place(text, starts, form, gaz))


def persons_name_words(person_forms: list[str]) -> set[str]:
    """The words of the people's names of more than one word, split at spaces and hyphens: a lone
    word among them that no place of the gazetteer goes by is the person's, though the model calls
    it a place ("Oyegun" beside "John Odigie-Oyegun")."""
    return {w for form in person_forms if len(words := re.split(r"[\s-]+", form)) > 1 for w in words}
