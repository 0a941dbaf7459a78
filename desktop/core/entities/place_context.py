"""What the text says about a place name: "the town of Grindavík", a local spelling ("Genève"),
a wire dateline ("TROY, N.C. (AP) --"). Each label rule is named, with the case it is for."""

from __future__ import annotations

import re

from ..article import PLACE
from .gazetteer import Gazetteer
from .lexicon import ADMIN_PREFIXES, ADMIN_SUFFIXES, PLACE_NOUNS, any_of
from .ner import Analysis, Mention

# Any case after the name ("Sichuan province"), but "county" only in lower case: "Barren County" is a name.
_ADMIN_WORDS = re.compile(rf"^(?i:{any_of(ADMIN_PREFIXES)})\s+|\s+(?:(?i:{any_of(ADMIN_SUFFIXES)})|county)$")
_CALLED_A_PLACE = re.compile(rf"\b(?:{any_of(PLACE_NOUNS)}) of\s+$", re.IGNORECASE)
# "TROY, N.C. (AP) --", "LAGOS (Reuters) -", "ATLANTA —": a city in capitals opening a line,
# its state or country after a comma, an agency in brackets, then a dash or colon.
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z.'\u2019]*(?:[ -][A-Z][A-Z.'\u2019]*){0,3})(?=[,\s(\u2013\u2014-])"
    r"(?P<where>(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*)\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-\u2013\u2014:])\s",
    re.MULTILINE)


def is_called_a_place(e) -> bool:
    """The text calls it a place: "the fishing town of Grindavík", "the city of Genève"."""
    return any(_CALLED_A_PLACE.search(b) for b in e.befores)


def is_local_spelling(e) -> bool:
    """A name with letters English does not use that the gazetteer knows as a city's own
    local name ("Genève" for Geneva, "München"), and no part of a person's name here."""
    return (e.strength >= 1 and any(ord(c) > 127 and c.isalpha() for c in e.form)
            and e.form not in e.name_words)


PLACE_LABEL_RULES = ((is_called_a_place, PLACE), (is_local_spelling, PLACE))


def dateline_places(text: str) -> dict[str, list[int]]:
    """The city of each wire dateline as it would be written in a sentence, with where it stands:
    {"Troy": [0]} for "TROY, N.C. (AP) --". The state or country after it stays in the text for
    the resolver to read ("Troy" then resolves to the North Carolina town)."""
    found: dict[str, list[int]] = {}
    for m in _DATELINE.finditer(text):
        city = m.group("city")
        if len(city) < 3 or city.endswith(".") and "." not in city[:-1]:
            continue  # "BY", "AP." and the like
        name = re.sub(r"[A-Z][A-Z'\u2019]*", lambda w: w.group().capitalize(), city)
        found.setdefault(name, []).append(m.start("city"))
    return found


def trim_place_mentions(analysis: Analysis, gaz: Gazetteer) -> None:
    """Place mentions without the words that say what kind of place they are, in place:
    "Sichuan Province" is Sichuan, "County of Brant" Brant; a name the gazetteer knows whole
    ("City of London") stays whole."""
    for i, m in enumerate(analysis.mentions):
        cut = _ADMIN_WORDS.search(m.text) if m.label == PLACE else None
        if cut and not gaz.lookup(m.text):
            start = m.start + (cut.end() if cut.start() == 0 else 0)
            name = m.text[cut.end():] if cut.start() == 0 else m.text[:cut.start()]
            analysis.mentions[i] = Mention(name, PLACE, start, start + len(name))
