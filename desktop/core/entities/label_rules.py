"""The rules that label one surface form of a document, in the order they are tried.

Each rule is a predicate over one Evidence value, paired in LABEL_RULES with its label (PERSON, PLACE,
ORG, DEMONYM or None: no entity); the first that holds decides, else spaCy's majority label (labels.decide).
Tuned on the corpus pages (benchmarks/gold), TR-News and CoNLL-2003's train and testa; each docstring gives its case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..article import ORG, PERSON, PLACE
from .clues import AtWindowEnd
from .evidence import Evidence
from .gazetteer import name_key
from .lexicon import CELESTIAL, HOLIDAYS, LEGAL_FORMS, ORG_FOLLOWERS, ORG_NOUNS, PLATFORMS, SEAS, any_of
from .ner import DEMONYM, Label, occurrences
from .org_rules import ORG_LABEL_RULES, ends_as_firm, is_called_an_institution
from .person_rules import (MODIFIER, does_a_players_deed, ends_in_lone_surname, follows_honorific, follows_kin_word,
                           follows_role_noun, has_credentials, has_honorific_unknown_place, holds_an_office,
                           is_a_product, is_described_with_who, is_listed_with_a_person, is_part_of_full_name,
                           is_quoted_speaker, is_shortened_to_a_speaker, is_speaker, is_surname_with_particles,
                           is_the_thing, is_titled_person, is_unbacked_person, names_its_acronym, says_he_or_she)
from .place_context import INSTITUTION_LABEL_RULES, PLACE_LABEL_RULES, is_region_after_town
from .places import COMPASS, SITE, is_demonym
from .sports_lexicon import TABLE_WORDS
from .team_rules import (follows_side_noun, is_county_side, is_listed_with_a_county, is_place_among_county_sides,
                         is_the_plural, takes_plural_verb, wins_by_a_margin)

_LEGAL_FORM_AFTER = re.compile(rf"\s+(?:{'|'.join(LEGAL_FORMS)})\b")
# ... or after the words of the firm's trade: "Barrick Gold Corp", "Jones Medical Industries Inc".
_TRADE_AND_LEGAL_FORM_AFTER = re.compile(rf"(?:\s+[A-Z][\w&-]*){{1,2}}\s+(?:{'|'.join(LEGAL_FORMS)})\b")
# A scorecard's tally in brackets: "Extras (lb-3 nb-2 w-7) 16", "Extras (b-4) 4".
_TALLY_AFTER = re.compile(r"^ \((?:[a-z]{1,2}-\d+ ?)+\) \d+")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|outside)\s+$")
_ORG_NOUN = AtWindowEnd(rf"\b(?:{any_of(ORG_NOUNS)})\s+$", endings=ORG_NOUNS)
_ORG_AFTER = re.compile(rf"^\s+(?:{any_of(ORG_FOLLOWERS)})\b")
_INITIALS = re.compile(r"(?:[A-Z]\.?){1,5}")


def is_platform(e: Evidence) -> bool:
    """Services and platforms are organisations, though spaCy takes them for people ("on Twitter")."""
    return e.form.casefold() in PLATFORMS


def is_holiday(e: Evidence) -> bool:
    """Feasts are no people ("the day after Easter")."""
    return e.form.casefold() in HOLIDAYS


def is_table_word(e: Evidence) -> bool:
    """A word that heads a table's row or dates it names no one: "Halftime 2-0", "(Jul 16)"."""
    return e.form.rstrip(".").casefold() in TABLE_WORDS


def is_demonym_form(e: Evidence) -> bool:
    """A nation or people ("Kenyans") is evidence for a country, not an entity."""
    return is_demonym(e.form)


def is_site(e: Evidence) -> bool:
    """Streets, squares, parks and airports are places to keep ("Tverskaya Street")."""
    return bool(SITE.search(e.form))


def is_unknown_initials(e: Evidence) -> bool:
    """Initials that spaCy calls a place but no country or state goes by: "UN", "EU"."""
    return e.strength == 0 and e.majority == PLACE and bool(_INITIALS.fullmatch(e.form))


def is_team(e: Evidence) -> bool:
    """A side in a match result ("Chelsea 0 Arsenal 2") is a team wherever else the article
    names it ("2. Manchester United 50 points")."""
    return e.team


def is_listed(e: Evidence) -> bool:
    """A name in a results row or a line-up is a player's: "Federer (Switzerland) beat Simon
    (France)", "Scorers: Icardi 12"."""
    return e.listed


def is_celestial(e: Evidence) -> bool:
    """Planets and the like are no people or towns ("Earth, Texas")."""
    return name_key(e.form) in CELESTIAL


def is_sea_as_modifier(e: Evidence) -> bool:
    """A sea's name that only ever qualifies a noun is no place: "Pacific halibut"."""
    return name_key(e.form) in SEAS and all(MODIFIER.match(a) for a in e.afters)


def is_sea(e: Evidence) -> bool:
    """A sea's bare name is the sea, never a town named after it: "the Atlantic"."""
    return name_key(e.form) in SEAS


def is_compass(e: Evidence) -> bool:
    """Directions are no places: "South", "the West", "South East"."""
    return bool(COMPASS.match(e.form))


def is_called_an_org(e: Evidence) -> bool:
    """The text calls it an organisation: "the outlet Takie Dela", "Interfax news agency"."""
    return any(_ORG_NOUN.search(b) for b in e.befores) or any(_ORG_AFTER.match(a) for a in e.afters)


def is_short_for_a_company(e: Evidence) -> bool:
    """The name of a company the article also gives with its legal form is the company's, not a
    person's ("Ericsson said" after "LM Ericsson AB"; "Johnson Controls" after "Johnson Controls
    Inc"; "Barrick said" after "Barrick Gold Corp", unless a fuller person name of the article
    ends in it: "Ray Johnson" beside "Johnson Controls Inc"); a country or region keeps its label
    ("Brazil" of "Petroleo Brasil SA" is no such name)."""
    if e.majority not in (PERSON, ORG) or e.country_or_region or not _has_a_legal_form(e.text):
        return False
    after = (_LEGAL_FORM_AFTER,) if e.form in e.name_words else (_LEGAL_FORM_AFTER, _TRADE_AND_LEGAL_FORM_AFTER)
    return any(rx.match(e.text, start + len(e.form)) for start in occurrences(e.text, e.form, "-") for rx in after)


def opens_with_a_company(e: Evidence) -> bool:
    """A "person" whose first word the article gives with a legal form is a unit or product of
    that company ("Pirelli Cables has global sales" beside "Pirelli SpA")."""
    if e.majority != PERSON or e.single or not _has_a_legal_form(e.text):
        return False
    first = e.form.split()[0]
    return any(_LEGAL_FORM_AFTER.match(e.text, start + len(first)) for start in occurrences(e.text, first, "-"))


@functools.lru_cache(maxsize=2)
def _has_a_legal_form(text: str) -> bool:
    """Whether a legal form follows a space anywhere in `text` (as _LEGAL_FORM_AFTER finds it
    after the names the two rules above look for): asked once per article, not per name and
    occurrence, and of where each form occurs (ner.occurrences), faster than the pattern's scan."""
    return any(start and text[start - 1].isspace() for form in LEGAL_FORMS for start in occurrences(text, form))


def heads_a_tally(e: Evidence) -> bool:
    """A word before a scorecard's tally of byes, leg byes and no-balls heads a row of the card,
    and names no one: "Extras (lb-3 nb-2) 5"."""
    return all(_TALLY_AFTER.match(a) for a in e.afters)


def is_strong_place(e: Evidence) -> bool:
    """A country, region or big city outweighs spaCy's label ("Yerevan" called a person)."""
    return e.strength == 2


def is_place_after_preposition(e: Evidence) -> bool:
    """A one-word name the gazetteer knows as another name of a place (its own language's),
    always after "in", "from" or "near", is that place, though spoken of: "Officials in Genève
    said"."""
    return e.single and e.other_name_of_place and all(_PLACE_BEFORE.search(b) for b in e.befores)


def is_town_called_org(e: Evidence) -> bool:
    """A one-word town spaCy calls an organisation, never a word nor a modifier, is the town."""
    return (e.strength == 1 and e.majority == ORG and e.single and not e.as_word
            and not any(MODIFIER.match(a) for a in e.afters))


def is_common_word(e: Evidence) -> bool:
    """A one-word name the article also writes in lower case is a word ("Assault", "Shelter"),
    unless spaCy calls a known place a place."""
    return e.as_word and (e.strength == 0 or e.majority != PLACE)


Rule = Callable[[Evidence], bool]
# (rule, label it gives), tried in this order; the first that holds decides.
LABEL_RULES: tuple[tuple[Rule, Label], ...] = (
    (is_platform, ORG),
    *ORG_LABEL_RULES,
    (is_holiday, None),
    (is_table_word, None),
    (is_demonym_form, DEMONYM),
    (is_team, ORG),
    (is_listed, PERSON),
    (is_site, PLACE),
    (has_honorific_unknown_place, PERSON),
    (is_unknown_initials, ORG),
    (is_part_of_full_name, PERSON),
    (takes_plural_verb, ORG),
    (follows_side_noun, ORG),
    (is_county_side, ORG),
    (is_listed_with_a_county, ORG),
    (is_place_among_county_sides, ORG),
    (wins_by_a_margin, ORG),
    (heads_a_tally, None),
    (is_surname_with_particles, PERSON),
    (has_credentials, PERSON),
    (ends_in_lone_surname, PERSON),
    (ends_as_firm, ORG),
    (is_short_for_a_company, ORG),
    (opens_with_a_company, ORG),
    (is_titled_person, PERSON),
    (is_celestial, None),
    (is_sea_as_modifier, None),
    (is_sea, PLACE),
    (is_compass, None),
    (is_region_after_town, PLACE),
    (is_called_an_org, ORG),
    (is_called_an_institution, ORG),
    *INSTITUTION_LABEL_RULES,
    *PLACE_LABEL_RULES,
    (names_its_acronym, None),
    (is_a_product, None),
    (follows_honorific, PERSON),
    (follows_role_noun, PERSON),
    (does_a_players_deed, PERSON),
    (is_the_plural, ORG),
    (is_the_thing, None),
    (is_strong_place, PLACE),
    (is_place_after_preposition, PLACE),
    (is_described_with_who, PERSON),
    (is_speaker, PERSON),
    (is_quoted_speaker, PERSON),
    (is_listed_with_a_person, PERSON),
    (follows_kin_word, PERSON),
    (holds_an_office, PERSON),
    (is_shortened_to_a_speaker, PERSON),
    (says_he_or_she, PERSON),
    (is_town_called_org, PLACE),
    (is_common_word, None),
    (is_unbacked_person, None),
)
