"""The label rules that say a name the model calls a person or a place is a team's: sides named
in the plural, after their town or county, after what only a side is called, or by a margin only
a side wins by.

Sports pages name a club or a county's side as its town or county ("Kent were frustrated", "title
rivals Essex, Derbyshire and Surrey") or in the plural ("the Florida Marlins"), and the model
reads many of them as people. Each rule is a predicate over one evidence.Evidence value that
label_rules.LABEL_RULES pairs with ORG; each docstring gives its case. A country keeps its label:
a national side is named as its country, and CoNLL-2003 counts it a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..article import PERSON
from .clues import AtWindowEnd
from .evidence import Evidence
from .lexicon import any_of
from .place_context import THE_BEFORE
from .sports_lexicon import SIDE_NOUNS

_PLURAL_END = re.compile(r"[a-z][^\Wisu'\u2019]s$")  # "Marlins", "Padres"; not "Davis", "Ross", "Claus"
_PLURAL_VERB_AFTER = re.compile(r"^\s+(?:were|are|have)\b")
_COORDINATED_BEFORE = re.compile(r"(?:\band|&|\bor|\bnor|,)\s+$")
_COORDINATED_AFTER = re.compile(r"^(?:,\s*|\s+and\s+|\s+or\s+|\s*&\s*)[A-Z]")
_NAME = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}"
# "Dutch champions Ajax Amsterdam", "Hamburg side St Pauli": what only a side is called, right
# before its name, or before the list its name is in ("title rivals Essex, Derbyshire and Surrey").
_SIDE_NOUN_BEFORE = AtWindowEnd(rf"(?<![\w-])(?:{any_of(SIDE_NOUNS)})\s+$", endings=SIDE_NOUNS)
_SIDE_NOUN_BEFORE_LIST = AtWindowEnd(rf"(?<![\w-])(?:{any_of(SIDE_NOUNS)})\s+(?:{_NAME}(?:,\s+|\s+(?:and|or)\s+))+$",
                                     endings=(",", "and", "or"))
# A margin only a side wins by: "Leicestershire beat Somerset by an innings and 39 runs",
# "Glamorgan beat Durham by 141 runs".
_MARGIN = r"\s+by\s+(?:an\s+innings|\d+\s+(?:runs|wickets))\b"
_BEATEN_WORDS = ("beat", "defeated", "thrashed", "crushed", "routed", "overwhelmed")
_BEATEN = rf"(?:{any_of(_BEATEN_WORDS)})"
_WINS_BY_MARGIN = re.compile(rf"^\s+{_BEATEN}\s+{_NAME}{_MARGIN}")
_LOSES_BY_MARGIN = re.compile(rf"^{_MARGIN}")
_BEATEN_BEFORE = AtWindowEnd(rf"\b{_BEATEN}\s+$", endings=_BEATEN_WORDS)
# A county's side earlier or right after in a list: "Derbyshire and Surrey", "Worcestershire, and
# Surrey", "Gloucestershire or Sussex or Surrey".
_AND = r"(?:,|,?\s+(?:and|or|&))\s+"
_COUNTY_BEFORE = re.compile(rf"\b[A-Z][a-z]+shire(?:{_AND}[A-Z][a-z]+)*{_AND}$")
_COUNTY_AFTER = re.compile(rf"^{_AND}[A-Z][a-z]+shire\b")
_COUNTY = re.compile(r"\b[A-Z][a-z]+shire\b")
# What only a cricket report says, where counties are sides rather than places.
_CRICKET = re.compile(r"\b(?:innings|wickets?|not out|declared|batsman|bowler)\b")
_VENUE_BEFORE = re.compile(r"(?:\b(?:at|in)|[A-Z][\w'\u2019]*,)\s+$")


def takes_plural_verb(e: Evidence) -> bool:
    """A place's name (a county's: "-shire") the model calls a person that takes "were", "are" or
    "have" is a side named after the place, as British usage writes them ("Kent were frustrated
    by rain", "Surrey have won"); a person takes "was", "is" and "has", and a plural word that
    opens a sentence is no place ("Fares have increased"). The name must stand alone, not end
    "X and Y were"."""
    return e.majority == PERSON and e.single and (e.strength > 0 or is_county_word(e.form)) and any(
        _PLURAL_VERB_AFTER.match(a) and not _COORDINATED_BEFORE.search(b) for b, a in zip(e.befores, e.afters))


def is_the_plural(e: Evidence) -> bool:
    """"The" before a name that ends in a plural makes it a team's or a group's, though the model
    calls it a person ("the Florida Marlins defeated", "The Mariners scored"); not a family, the
    plural of a surname of the document's people ("the Kennedys" beside "Ted Kennedy")."""
    return e.majority == PERSON and is_the_plural_noun(e)


def is_the_plural_noun(e: Evidence) -> bool:
    """Whether "the" comes before most mentions of a name that ends in a plural and is no family's
    nor, one word, a town's ("the Cairns police")."""
    the_name = [bool(THE_BEFORE.search(b)) for b in e.befores]
    family = e.single and (e.form[:-1] in e.name_words or e.form.endswith("es") and e.form[:-2] in e.name_words)
    return (_PLURAL_END.search(e.form) is not None and not family and not (e.single and e.strength > 0)
            and 2 * sum(the_name) > len(the_name))


def follows_side_noun(e: Evidence) -> bool:
    """What only a side is called, right before a name, makes it a team's, though the model calls
    it a person or a town ("Dutch champions Ajax Amsterdam", "Hamburg side St Pauli", "leaders
    Lens"); before a list ("former champions Becker and Edberg") only a place's name, as a county's
    or a town's side ("title rivals Essex, Derbyshire and Surrey"). A country keeps its label."""
    if e.country or e.majority is None:
        return False
    named_for_a_place = e.strength > 0 or is_county_word(e.form)
    return any(_SIDE_NOUN_BEFORE.search(b) and (named_for_a_place or not _COORDINATED_AFTER.match(a))
               or named_for_a_place and _SIDE_NOUN_BEFORE_LIST.search(b) for b, a in zip(e.befores, e.afters))


def is_county_side(e: Evidence) -> bool:
    """A county's name ("Nottinghamshire", "Derbyshire") is no person's: where the model calls it
    one, it is the county's side, as sports pages name them."""
    return e.majority == PERSON and is_county_word(e.form)


def is_listed_with_a_county(e: Evidence) -> bool:
    """A one-word name the model calls a person, listed with a county's side, is a side too:
    "title hopefuls Derbyshire and Surrey", "v Gloucestershire or Sussex or Surrey"; people are
    not listed with counties. A country keeps its label."""
    return e.majority == PERSON and e.single and not e.country and any(
        _COUNTY_BEFORE.search(b) or _COUNTY_AFTER.match(a) for b, a in zip(e.befores, e.afters))


def is_place_among_county_sides(e: Evidence) -> bool:
    """A place's one-word name the model calls a person, in a cricket report that names two
    counties' sides or more ("Nottinghamshire", "Derbyshire"), is a county's side too: "Kent made
    up for lost time", "Surrey 128-4 declared"; not where it is a ground's town ("Bristol:
    Gloucestershire 183", "(at Old Trafford, Manchester)"). A country keeps its label: a national
    side is named as it."""
    venue = lambda: any(_VENUE_BEFORE.search(b) or a.startswith(":") for b, a in zip(e.befores, e.afters))
    return (e.majority == PERSON and e.single and e.strength > 0 and not e.country and _is_county_cricket(e.text)
            and not venue())


@lru_cache(maxsize=1)
def _is_county_cricket(text: str) -> bool:
    """Whether the text is a cricket report that names two counties' sides or more; read once
    per document, not once per name."""
    return len(set(_COUNTY.findall(text))) >= 2 and _CRICKET.search(text) is not None


def wins_by_a_margin(e: Evidence) -> bool:
    """Who beats or is beaten by an innings, runs or wickets is a side ("Leicestershire beat
    Somerset by an innings and 39 runs"), though the model calls it a person or a town; a country
    keeps its label."""
    return not e.country and e.majority is not None and any(
        _WINS_BY_MARGIN.match(a) or _BEATEN_BEFORE.search(b) and _LOSES_BY_MARGIN.match(a)
        for b, a in zip(e.befores, e.afters))


def is_county_word(form: str) -> bool:
    """Whether the form is one word that ends as English counties do: "Nottinghamshire"."""
    return " " not in form and form.endswith("shire") and form[:1].isupper()

