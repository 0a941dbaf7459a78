"""What the text says about a place name: "the town of Grindavík", a local spelling ("Genève"),
a wire dateline ("TROY, N.C. (AP) --"). Each label rule is named, with the case it is for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import CITY, ORG, PERSON, PLACE
from .clues import AtLineStarts, AtWindowEnd, Clued
from .gazetteer import Gazetteer, gazetteer, name_key
from .place_words import after_a_town, lives_at
from .places import (COUNTY, IN_NEAR, IN_NEAR_WORDS, STRONG_POPULATION, STRUCTURE, STRUCTURE_ENDS, WEAK_POPULATION,
                     own_name, place_strength, provinces, town_of_named_country)
from .lexicon import (ADMIN_PREFIXES, ADMIN_SUFFIXES, CLAUSE_WORDS, COMPANY_ENDS, LEGAL_FORMS, MONTHS,
                      PLACE_NOUNS, STATE_ABBREVIATIONS, any_of)
from .ner import Analysis, Mention

# Any case after the name ("Sichuan province"), but "county" and the kinds of settlement only in lower
# case: "Barren County" and "Kansas City" are names, "Torkula village" and "the Shankill area" no more than Torkula.
_ADMIN_WORDS = re.compile(rf"^(?i:{any_of(ADMIN_PREFIXES)})\s+"
                          rf"|\s+(?:(?i:{any_of(ADMIN_SUFFIXES)})|county|village|town|area|district|suburb)$")
_CALLED_A_PLACE = AtWindowEnd(rf"\b(?:{any_of(PLACE_NOUNS)}) of\s+$", longest=max(map(len, PLACE_NOUNS)) + len(" of"),
                               flags=re.IGNORECASE)
# "TROY, N.C. (AP) --", "LAGOS (Reuters) -", "ATLANTA —", "PLEASANTON, Calif.--(BUSINESS WIRE)--": a
# city in capitals opening a line, its state or country after a comma, an agency in brackets, then a
# dash or colon; or, with its agency, opening a sentence where the page ran two stories together
# ("... statements. SAN DIEGO (AP) - The").
_CITY_NAME = r"(?P<city>[A-Z][A-Z.'\u2019]*(?:[ -][A-Z][A-Z.'\u2019]*){0,3})"
_CITY = rf"{_CITY_NAME}(?=[,\s(\u2013\u2014-])"
_WHERE = r"(?P<where>(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*)\s*"
_AGENCY = r"-{0,2}\([^)\n]{1,40}\)\s*"
_DASH = r"(?:--\s?|[\u2013\u2014\ufffd]\s?|-\s|:\s?)"  # U+FFFD: a dash the page's encoding lost
# A date after the place ("SOUTH WAZIRISTAN, April 5 (APP):"), or on a line of its own with it
# ("MILWAUKEE, Wisconsin 1996-08-29"); after the agency the dash may be lost ("MEXICO CITY (AP) Mexico's").
_DATE = rf"(?:\d{{4}}-\d\d-\d\d|(?i:{any_of(sorted(MONTHS | {m[:3] for m in MONTHS}))})\.? \d{{1,2}}(?:, \d{{4}})?)"
_DATELINES = (AtLineStarts(rf"[ \t]*{_CITY}{_WHERE}(?:,?\s*{_DATE}\s*)?(?:{_AGENCY}(?:{_DASH}|(?=[A-Z]))|{_DASH})"),
              # Run on after another sentence, the agency's closing bracket and the dash are its clue.
              Clued(rf"(?<=[.!?] ){_CITY}{_WHERE}{_AGENCY}{_DASH}", rf"\)\s*{_DASH}"),
              AtLineStarts(rf"[ \t]*{_CITY}{_WHERE}{_DATE}[ \t]*$"))
# A dateline that lost its dash and agency: a big city in capitals, then the story ("LONDON The Latest on").
_BARE_DATELINE = AtLineStarts(rf"[ \t]*{_CITY}(?=[ \t]+[A-Z][a-z])")
# A dateline run on after the headline, with its dash but no agency ("... Grant Event. IMMOKALEE – Congressman").
_RUN_ON_DATELINE = Clued(rf"(?<=[.!?] ){_CITY}(?=[ \t]*[\u2013\u2014][ \t]+[A-Z])", r"[\u2013\u2014][ \t]+[A-Z]")
# A dateline with a colon for its dash, opening a line ("LOS ANGELES: Actress-model Jaime King").
_COLON_DATELINE = AtLineStarts(rf"[ \t]*{_CITY_NAME}(?=:[ \t]*[A-Z])")
# "stops in Hilversum and Almelo", "travelling to Cirencester from Gloucester and Cheltenham",
# "In Klamath Falls, Oregon": a preposition of place, perhaps a list of other names, then the name.
_LOCATIVE = re.compile(r"\b(?P<prep>(?i:in|near|outside|around|across|throughout|into|from|to|via))\s+"
                       r"(?:[A-Z][\w'\u2019-]*\s+(?:[A-Z][\w'\u2019-]*\s+)?(?:and|or)\s+|[A-Z][\w'\u2019-]*,\s+)?$")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")  # "the" right before a mention
_IN_NEAR = AtWindowEnd(IN_NEAR + "$", endings=IN_NEAR_WORDS)
_WEAK_PREPOSITIONS = ("to", "from", "into", "via")
# A word after the name that makes it a modifier: "Epsom salts", not "Almelo, the paper", nor a word of
# time or of a clause going on ("comes to Clacton this weekend", "to Thornhill before switching").
_CLAUSE_GOES_ON = (*CLAUSE_WORDS, "this", "next", "last", "every", "by", "before", "after", "until", "since", "during",
                   "when", "while", "but", "as", "than", "today", "tonight", "tomorrow", "yesterday")
_MODIFIES = re.compile(rf"^\s+(?!(?:{any_of(_CLAUSE_GOES_ON)})\b)[a-z]")
_SAINT = re.compile(r"(?:St\.?|Saint)\s+[A-Z][\w'\u2019]*")
_FACILITY_END = re.compile(r"\S\s+(?:Centre|Center|Church|Terminal|Station)$")
_PLACE_NOUN_AFTER = re.compile(r"^\s+(?:airport|area|station|terminal|neighbou?rhood|district|suburb)\b")
_TOWN_COMMA = re.compile(r"\b([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?),\s*$")
_REGION_AFTER_COMMA = re.compile(r"^,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
# Words of a journey, which make "to" a preposition of place whatever follows: "comes to", "moved to".
_JOURNEY = re.compile(r"\b(?i:comes?|came|coming|moved?|moving|travell?(?:ed|ing)?|drove|driving|flew|flying|headed"
                      r"|heading|returned|returning|relocated|trip|journey|honeymoon)\s+(?:back\s+)?$")
_NOT_LOCATIVE = re.compile(r"\b(?i:according|thanks|next|due|owing|talked|spoke|wrote|said|listen|turned|went)\s+\w+\s+$")


def is_called_a_place(e) -> bool:
    """The text calls it a place: "the fishing town of Grindavík", "the city of Genève"."""
    return any(_CALLED_A_PLACE.search(b) for b in e.befores)


def is_local_spelling(e) -> bool:
    """A name with letters English does not use that the gazetteer knows as a city's own
    local name ("Genève" for Geneva, "München"), and no part of a person's name here."""
    return (e.strength >= 1 and any(ord(c) > 127 and c.isalpha() for c in e.form)
            and e.form not in e.name_words)


def is_structure(e) -> bool:
    """A building, street or work that stands somewhere is a place, though spaCy often calls
    it an organisation: "Jamsil Stadium", "Rue Casa Calvo", "St Patrick's Church"."""
    return bool(STRUCTURE.search(e.form))


def is_region_after_town(e) -> bool:
    """A country or state written after a town and a comma is that place, whatever the words
    around it suggest: "Celebrity Cake Studio in Tacoma, Washington shares tips"."""
    if not e.country_or_region:
        return False
    towns = (m.group(1) for b in e.befores if (m := _TOWN_COMMA.search(b)))
    return any(p.kind == CITY for town in towns for p in gazetteer().lookup(town))


def is_town_before_region(e) -> bool:
    """A name followed by a comma and a state, province or country that has a town of that name
    is the town, though spaCy says person: "Valemount, B.C.", "Troy, N.C.", "Almelo, Netherlands",
    "Matias Romero, Oaxaca State"."""
    for after in e.afters:
        if not (m := _REGION_AFTER_COMMA.match(after)):
            continue
        region = m.group(1)
        state = STATE_ABBREVIATIONS.get(name_key(region)) if region.endswith(".") else None
        regions = [p for p in gazetteer().lookup(region) if p.kind != CITY]
        countries = {p.country for p in regions + provinces(gazetteer(), region, model_says_place=True)}
        states = {state} if state else {p.admin1 for p in regions if p.admin1}
        if any(p.kind == CITY and (p.country in countries or p.country == "US" and p.admin1 in states)
               for p in gazetteer().lookup(e.form)):
            return True
    return False


_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:ern|-eastern|-western|east|west)?\s+$")


def is_in_a_part_of(e) -> bool:
    """A name after a compass word in lower case is a place, though spaCy calls it a body:
    "villages in eastern Ghouta", "in northern Manbij"."""
    return any(_COMPASS_BEFORE.search(b) for b in e.befores) and e.form not in e.name_words


def is_county(e) -> bool:
    """A county by its name is a place, though spaCy calls it a person or a body as often as not:
    "Black Hawk County", "Pope County" (the gazetteer holds no counties)."""
    return bool(COUNTY.match(e.form))


def is_province(e) -> bool:
    """A province, state or region of any country by a name of two words or more, which spaCy
    takes for a person or a body as often as not: "Tamil Nadu", "Enugu State", "Gilgit-Baltistan"
    (places.provinces)."""
    return bool(provinces(gazetteer(), e.form, model_says_place=False))


def is_facility(e) -> bool:
    """What spaCy calls a facility is a place when more than the model says so: the gazetteer
    knows it ("Near North Side"), its name ends as a building's does ("Rogers Centre", "South
    Ossett Church") or a place noun follows it ("Heathrow airport"). The model's facilities alone
    are as often teams, people and events ("Buffalo Bisons", "Feis Ceoil")."""
    return e.majority is None and e.mentions > 0 and (
        _FACILITY_END.search(e.form) or any(_PLACE_NOUN_AFTER.match(a) for a in e.afters)
        or bool(gazetteer().lookup(e.form)))


def is_placed_by_preposition(e) -> bool:
    """A town the gazetteer knows, written where only a place can stand: "stops in Hilversum and
    Almelo", "to Cirencester from Gloucester and Cheltenham" (spaCy takes such towns for people).
    A small town needs "in", "near" or "outside" and its country (or US state) named in the
    article: "a forum in Clarinda" of an article on Iowa, not "passed to Overton"."""
    if e.form in e.name_words or e.strength < 1 and not any(_IN_NEAR.search(b) for b in e.befores):
        return False  # the cheap tests first: most names are no town, and most follow no "in"
    if not placed_by_preposition(list(zip(e.befores, e.afters)), e.majority == ORG):
        return False
    return e.strength >= 1 or town_of_named_country(gazetteer(), e.text, e.form)


def placed_by_preposition(around: list[tuple[str, str]], organisation: bool = False) -> bool:
    """Whether at least half the mentions, given as (text before, text after), follow a preposition
    of place, perhaps with other names listed after it ("in Hilversum and "), and qualify no noun
    ("to Epsom salts"). "To", "from", "into" and "via" say nothing of a name spaCy calls an
    organisation ("sold to Iberia") but after a word of a journey ("a show comes to Clacton",
    "they moved to Thornhill"); "according to" says nothing at all."""
    def placed(before: str, after: str) -> bool:
        m = _LOCATIVE.search(before)
        weak = m and m.group("prep").casefold() in _WEAK_PREPOSITIONS and not _JOURNEY.search(before, 0, m.start())
        return bool(m and not _NOT_LOCATIVE.search(before) and not _MODIFIES.match(after)
                    and not (organisation and weak))
    return 2 * sum(placed(b, a) for b, a in around) >= len(around) > 0


def placed_forms(text: str, positions: dict[str, list[int]], votes: dict, window: int) -> set[str]:
    """The forms of `positions` placed by a preposition (placed_by_preposition) in `text`, that
    the text calls a place ("the town of Southold") or writes after a town and a comma as its
    region ("Croft, Yorkshire."), reading `window` characters around each mention; `votes` are
    spaCy's labels of each form."""
    called = {f for f, starts in positions.items() if any(
        _CALLED_A_PLACE.search(text[max(0, p - window):p]) or after_a_town(text, p, f, gazetteer()) for p in starts)}
    return called | {f for f, starts in positions.items() if placed_by_preposition(
        [(text[max(0, p - window):p], text[p + len(f):p + len(f) + window]) for p in starts],
        f in votes and max(votes[f], key=votes[f].get) == ORG)}


def facility_forms(text: str, positions: dict[str, list[int]], votes: dict) -> set[str]:
    """The forms spaCy only ever calls facilities whose text says they are buildings or sites
    (is_facility without the gazetteer): never towns the resolver doubts away ("Heathrow airport"
    is no small Florida town). A facility only the gazetteer backs may be one ("Notre Dame")."""
    return {f for f, starts in positions.items() if set(votes.get(f, [PLACE])) == {None} and (
        _FACILITY_END.search(f) or any(_PLACE_NOUN_AFTER.match(text[p + len(f):p + len(f) + 20]) for p in starts))}


def keeps_unresolved(form: str, placed: set[str]) -> bool:
    """A name spaCy calls a place that only far-off small towns go by stays a place of its own,
    unresolved, when it has more than one word ("Middle East", "Fort Salonga") or stands where
    only a place can ("in Dundrum"); a lone word is too often a person or a brand ("Tonya"), and a
    saint's name ("St. Peter") the saint or the church."""
    return (" " in form and not _SAINT.fullmatch(form)) or form in placed


# A company's name, by its last word: "News Corporation", "Fairfax Media", "Nine Entertainment Co".
_COMPANY = rf"(?:{any_of(LEGAL_FORMS)}|(?i:{any_of(sorted(COMPANY_ENDS))})|Media|Entertainment|Airlines?|Bank)\.?"
_COMPANY_THEN_AND = re.compile(rf"[A-Z][\w&'\u2019-]*\s+{_COMPANY}\s+(?:and|&)\s+$")
_AND_THEN_COMPANY = re.compile(rf"^\s+(?:and|&)\s+(?:[A-Z][\w&'\u2019-]*\s+){{1,3}}{_COMPANY}(?!\w)")
# "the Walkley journalism foundation", "the Fairfax board": a name before a body's noun, in lower case.
_BODY_AFTER = re.compile(r"^(?:['\u2019]s)?(?:\s+[a-z]+){0,2}\s+(?:foundation|board|awards?|prize|trust|fund|society"
                         r"|institute|council|committee|association)\b")


def is_listed_with_a_company(e) -> bool:
    """A town's name listed with a company by "and" is a company too, not the town: "News
    Corporation and Fairfax", "Fairfax and Nine Entertainment Co". A country keeps its label
    ("a deal between Apple Inc and China")."""
    return not e.country_or_region and e.strength < 2 and (
        any(_COMPANY_THEN_AND.search(b) for b in e.befores) or any(_AND_THEN_COMPANY.match(a) for a in e.afters))


def is_named_for_a_body(e) -> bool:
    """A name the model calls a person or a place, between "the" and a body's noun, is that
    body's: "the Walkley journalism foundation", "the Fairfax board". A country or big city keeps
    its label ("the London organising committee" still names London), a people's adjective is
    none ("the Islamic group")."""
    return e.majority in (PERSON, PLACE) and e.strength < 2 and any(
        THE_BEFORE.search(b) and _BODY_AFTER.match(a) for b, a in zip(e.befores, e.afters))


def is_home_town(e) -> bool:
    """A town the gazetteer knows, written after a person's name (or a name and a comma) and
    "of", where the clause goes on, is where that person lives, a place whatever the model says:
    "Miss Abdhou, of Hayes, was", "Jodi Mahler of Bellmore appeared". "Bank of", "University of"
    are no person's names."""
    return (not e.country_or_region and any(lives_at(b, a, e.name_words) for b, a in zip(e.befores, e.afters))
            and any(p.kind == CITY and own_name(p, e.form) for p in gazetteer().lookup(e.form)))


# An institution named after a place or a person is the institution where the text's words say so.
INSTITUTION_LABEL_RULES = ((is_listed_with_a_company, ORG), (is_named_for_a_body, ORG))
PLACE_LABEL_RULES = ((is_structure, PLACE), (is_county, PLACE), (is_province, PLACE), (is_facility, PLACE),
                     (is_town_before_region, PLACE), (is_called_a_place, PLACE), (is_local_spelling, PLACE),
                     (is_placed_by_preposition, PLACE), (is_home_town, PLACE), (is_in_a_part_of, PLACE))


def dateline_places(text: str, gaz: Gazetteer | None = None) -> dict[str, list[int]]:
    """The city of each wire dateline as it would be written in a sentence, with where it stands:
    {"Troy": [0]} for "TROY, N.C. (AP) --". The state or country after it stays in the text for
    the resolver to read ("Troy" then resolves to the North Carolina town). With `gaz`, also a
    line that opens with a city of 100,000 or more in capitals, without dash or agency ("LONDON
    The Latest on"), and a town of 15,000 or more in capitals after a sentence, with a long dash
    but no agency ("... Grant Event. IMMOKALEE – Congressman"), or of 100,000 or more opening one
    line of the text with a colon ("LOS ANGELES: Actress"); "US Ambassador", "UEFA charge" and
    "WATCH: Video" are no such city, nor a speaker of a transcript ("JACKSON: I think"). A line
    may open after a web address, where a link line ran into the story (_url_ends_line)."""
    found: dict[str, list[int]] = {}
    text = _url_ends_line(text)
    for m in _dateline_matches(text):
        _add_dateline_city(found, m)
    if gaz is None:
        return found
    city = lambda m, population: len(name := _as_written(m.group("city"))) >= 4 and any(
        p.kind == CITY and p.population >= population and own_name(p, name) for p in gaz.lookup(name))
    for m in _BARE_DATELINE.finditer(text):
        if city(m, STRONG_POPULATION):
            _add_dateline_city(found, m)
    for m in _RUN_ON_DATELINE.finditer(text):
        if city(m, WEAK_POPULATION):
            _add_dateline_city(found, m)
    # Speakers of a transcript open lines so too ("JACKSON: I think"), each more than once.
    if len(colons := [m for m in _COLON_DATELINE.finditer(text) if city(m, STRONG_POPULATION)]) == 1:
        _add_dateline_city(found, colons[0])
    return found


_URL_THEN_TEXT = re.compile(r"https?://\S+[ \t]+")


def _url_ends_line(text: str) -> str:
    """`text` with a line break after each address that the rest of its line follows, offsets
    kept: a page's link line may run into the story, dateline and all ("...story.html LOS ANGELES:")."""
    return _URL_THEN_TEXT.sub(lambda m: " " * (len(m.group()) - 1) + "\n", text)


def _dateline_matches(text: str) -> Iterator[re.Match]:
    """The wire datelines of `text` (as _url_ends_line leaves it), pattern by pattern."""
    return (m for pattern in _DATELINES for m in pattern.finditer(text))


def _add_dateline_city(found: dict[str, list[int]], m: re.Match) -> None:
    city = m.group("city")
    if len(city) < 3 or city.endswith(".") and "." not in city[:-1]:
        return  # "BY", "AP." and the like
    name = _as_written(city)
    if m.start("city") not in found.get(name, []):
        found.setdefault(name, []).append(m.start("city"))


def _as_written(city: str) -> str:
    """A name in capitals as a sentence writes it: "NEW YORK" is "New York"."""
    return re.sub(r"[A-Z][A-Z'\u2019]*", lambda w: w.group().capitalize(), city)


def dateline_regions(text: str, gaz: Gazetteer) -> dict[str, list[int]]:
    """The states, provinces and countries written after a dateline's city, by the name the
    gazetteer knows them by, with where they stand: {"North Carolina": [6]} for "TROY, N.C. (AP) --",
    {"South Carolina": [14]} for "HORRY COUNTY, SC (WMBF) -". The story is there too."""
    found: dict[str, list[int]] = {}
    for m in _dateline_matches(_url_ends_line(text)):
        for part in re.finditer(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?", m.group("where")):
            form = part.group()
            code = STATE_ABBREVIATIONS.get(name_key(form)) or (form if re.fullmatch(r"[A-Z]{2}", form) else "")
            if code in gaz.states:
                name = gaz.states[code].name
            elif any(p.kind != CITY for p in gaz.lookup(form)) and len(form) > 2:
                name = form
            else:
                continue
            found.setdefault(name, []).append(m.start("where") + part.start())
    return found


_STRUCTURE_AFTER = re.compile(rf"(?:['\u2019]s)? (?:{any_of(STRUCTURE_ENDS)})\b")
# Abbreviations the model may end a place's name at: "Fort St" of "Fort St. John", "Port St" of "Port St. Lucie".
_CUT_AT_DOT = re.compile(r"\s(?:St|Ste|Mt)\.?$")
_NAME_AFTER_DOT = re.compile(r"\.? [A-Z][\w'\u2019-]+")
_TRAILING_FIGURES = re.compile(r"(?:\s+(?:\d{4}-\d\d-\d\d|\d{1,3}-\d{1,3}|vs?\.?))+$")


def trim_place_mentions(analysis: Analysis, gaz: Gazetteer) -> None:
    """Place mentions without the words that say what kind of place they are, and with the word
    the model left out that says it is a building ("St. Peter's" Basilica), in place:
    "Sichuan Province" is Sichuan, "County of Brant" Brant; a name the gazetteer knows whole
    ("City of London") stays whole. Without a date, score or "v" the model ran into them
    ("SEOUL 1996-08-30", "Lithuania 3-0", "Manchester City v"); a number of the name stays
    ("Terminal 5"), and with the name it cut at an abbreviation's dot, if the gazetteer knows it whole
    ("Fort St" of "Fort St. John"; not "Main St" of "on Main St. Then").
    Two countries or regions run together by a page that lost the comma between them ("Cyprus,
    Greece Italy or Spain") are two mentions."""
    mentions = []
    for m in analysis.mentions:
        if (end := _STRUCTURE_AFTER.match(analysis.text, m.end)) and m.label != PERSON:  # "St. Peter's" Basilica
            m = Mention(analysis.text[m.start:end.end()], PLACE, m.start, end.end())
        if (m.label == PLACE and _CUT_AT_DOT.search(m.text) and (rest := _NAME_AFTER_DOT.match(analysis.text, m.end))
                and gaz.lookup(whole := analysis.text[m.start:rest.end()])):
            m = Mention(whole, PLACE, m.start, rest.end())  # "Fort St" of "Fort St. John"
        if m.label == PLACE and (tail := _TRAILING_FIGURES.search(m.text)) and tail.start() > 0:
            m = Mention(m.text[:tail.start()], PLACE, m.start, m.start + tail.start())
        cut = _ADMIN_WORDS.search(m.text) if m.label == PLACE else None
        if cut and not gaz.lookup(m.text) and not gaz.provinces(m.text):
            start = m.start + (cut.end() if cut.start() == 0 else 0)
            name = m.text[cut.end():] if cut.start() == 0 else m.text[:cut.start()]
            m = Mention(name, PLACE, start, start + len(name))
        mentions += _run_together(m, gaz) if (m.label == PLACE or STRUCTURE.search(m.text)) and " " in m.text else [m]
    analysis.mentions = _split_apart(mentions, analysis.text, gaz)


def _split_apart(mentions: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """Two place mentions side by side that the gazetteer knows as one province or region are
    that one place: the model reads "Baja California" as "Baja" and "California"."""
    joined: list[Mention] = []
    for m in mentions:
        prev = joined[-1] if joined else None
        if (prev and prev.label == m.label == PLACE and text[prev.end:m.start] in (" ", "-")
                and provinces(gaz, name := text[prev.start:m.end], model_says_place=True)):
            joined[-1] = Mention(name, PLACE, prev.start, m.end)
        else:
            joined.append(m)
    return joined


_POSSESSIVE = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['\u2019]s (?=[A-Z])")


def _run_together(m: Mention, gaz: Gazetteer) -> list[Mention]:
    """`m` as the two countries or regions it runs together ("Greece Italy"), as a town the
    gazetteer knows and the region after its comma ("Thruxton, Hampshire"), or as a town and a
    place of it by the possessive ("Derry's Altnagelvin Hospital", "Brooklyn's Barclays Center";
    not a saint's: "St. Mark's Cathedral"), else [m]."""
    if gaz.lookup(m.text):
        return [m]
    owner = _POSSESSIVE.match(m.text)
    if owner and not _SAINT.match(m.text) and place_strength(gaz, owner.group(1)) >= 1:
        return [Mention(owner.group(1), PLACE, m.start, m.start + owner.end(1)),
                Mention(m.text[owner.end():], PLACE if m.label == PLACE else m.label, m.start + owner.end(), m.end)]
    region = lambda name: any(p.kind != CITY and name_key(p.name) == name_key(name) for p in gaz.lookup(name)) or bool(
        provinces(gaz, name, model_says_place=True))
    if (comma := m.text.find(", ")) > 0:  # "Thruxton, Hampshire", "Bishkek, Kyrgyzstan": a town and its region
        first, second = m.text[:comma], m.text[comma + 2:]
        if region(second) and gaz.lookup(first):
            return [Mention(first, PLACE, m.start, m.start + comma), Mention(second, PLACE, m.start + comma + 2, m.end)]
    for cut in (i for i, c in enumerate(m.text) if c == " "):
        first, second = m.text[:cut], m.text[cut + 1:]
        if region(first) and region(second):
            return [Mention(first, PLACE, m.start, m.start + cut),
                    Mention(second, PLACE, m.start + cut + 1, m.end)]
    return [m]
