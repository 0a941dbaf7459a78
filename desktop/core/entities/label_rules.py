"""The rules that label one surface form of a document, in the order they are tried.

Each rule is a predicate over one Evidence value, paired in LABEL_RULES with its label (PERSON, PLACE,
ORG, DEMONYM or None: no entity); the first that holds decides, else spaCy's majority label (labels.decide).
Tuned on the corpus pages (benchmarks/gold), TR-News and CoNLL-2003's train and testa; each docstring gives its case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..article import ORG, PERSON, PLACE
from .gazetteer import name_key
from .lexicon import (CELESTIAL, CLAUSE_WORDS, DONE_BY_PEOPLE, DONE_TO_PEOPLE, HOLIDAYS, HONORIFICS, HYPOCORISMS,
                      KIN_WORDS, LEGAL_FORMS, ORG_FOLLOWERS, ORG_NOUNS, PERSON_MODIFIED, PERSON_NOUNS, PLATFORMS,
                      ROLE_NOUNS, SEAS, SPEECH_VERBS, THING_ADJECTIVES, any_of)
from .name_parts import is_credential, opens_with_credentials
from .ner import DEMONYM, Label, occurrences
from .org_rules import ORG_LABEL_RULES, ends_as_firm, heads_an_institution, is_called_an_institution
from .people import has_honorific, is_titled_name
from .place_context import INSTITUTION_LABEL_RULES, PLACE_LABEL_RULES, THE_BEFORE, is_region_after_town
from .places import COMPASS, SITE, is_demonym
from .sports_lexicon import PLAYER_DEEDS, TABLE_WORDS

WINDOW = 40  # characters before and after a mention that the rules read

_SPEECH = any_of(SPEECH_VERBS)
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)\s*$")
_SPEAKER_AFTER = re.compile(rf"^\s*(?:{_SPEECH}|has said|had said)\b")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(h.capitalize() for h in HONORIFICS))})(?:\.|-elect)?\s+$")
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{any_of(ROLE_NOUNS)})\s+$")
_LEGAL_FORM_AFTER = re.compile(rf"\s+(?:{'|'.join(LEGAL_FORMS)})\b")
# A scorecard's tally in brackets: "Extras (lb-3 nb-2 w-7) 16", "Extras (b-4) 4".
_TALLY_AFTER = re.compile(r"^ \((?:[a-z]{1,2}-\d+ ?)+\) \d+")
_DEED_AFTER = re.compile(rf"^(?:['\u2019]s?)?\s+(?:{any_of(PLAYER_DEEDS)})\b")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Z0-9&]{1,6}\)")
_VERSION_AFTER = re.compile(r"^\s+v?\d+(?:\.\d+)+\b|^\s+\d+(?:GB|MB|TB|mm|K)\b|\s\d+\.\d+$")
_THING_BEFORE = re.compile(rf"\b(?:a|an|its|their|the|that|this)\s+(?:{any_of(THING_ADJECTIVES)})\s+$", re.IGNORECASE)
_WHO_AFTER = re.compile(r"^,\s+who\s+(?!is\s+(?:a|the)\s+(?:company|firm|group|party|team))")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|outside)\s+$")
# What a lone name can follow: kin ("his first wife, Sally"), what is done to or by people
# ("criticized Netanyahu", "co-written by Adele"), or a first name or title the model left out
# ("Isabelle Huppert", "Gen. Franco", "Brazil's Kaka") that does not open a sentence.
_PERSON_BEFORE = re.compile(
    rf"\b(?:{any_of(KIN_WORDS)}),?\s+$|"
    rf"\b(?:{any_of(DONE_TO_PEOPLE)}|(?:{any_of(DONE_BY_PEOPLE)}) by)\s+$|"
    r"(?<![.!?\n]\s)(?<!^)\b(?:[A-Z][\w\u2019'-]*|[A-Z][a-z]{0,3}\.)\s+$")
# ... and precede: "the Carter administration", a surname the model left out ("Vernon  Adkins"),
# "Maria, who asked".
_PERSON_AFTER = re.compile(rf"^\s+(?:{any_of(PERSON_MODIFIED)})\b|^\s+[A-Z][a-z]|^,?\s+who\b")
_APPOSITIVE = re.compile(rf"^,\s+(?:\d{{1,3}},|(?:a|an|the|who|whose)\b[^,.;]{{0,50}}?\b(?:{any_of(PERSON_NOUNS)})\b)")
_ORG_NOUN = re.compile(rf"\b(?:{any_of(ORG_NOUNS)})\s+$")
_ORG_AFTER = re.compile(rf"^\s+(?:{any_of(ORG_FOLLOWERS)})\b")
# A word after the name that makes it a modifier: "the Liberal government", not "in Bucha".
_QUOTE_BEFORE = re.compile(r"[,.?!]\s?[\"\u201d]\s*$")  # the end of a quotation
_PLURAL_END = re.compile(r"[a-z][^\Wisu'\u2019]s$")  # "Marlins", "Padres"; not "Davis", "Ross", "Claus"
_MODIFIER = re.compile(rf"^\s+(?!(?:{any_of(CLAUSE_WORDS)})\b)[A-Za-z]")
_INITIALS = re.compile(r"(?:[A-Z]\.?){1,5}")
_PLURAL_VERB_AFTER = re.compile(r"^\s+(?:were|are|have)\b")
_COORDINATED_BEFORE = re.compile(r"(?:\band|&|\bor|\bnor|,)\s+$")


@dataclass(frozen=True)
class Evidence:
    """What the label rules know of one surface form in one document."""

    form: str
    majority: Label  # spaCy's label for most of the form's mentions
    mentions: int  # how many mentions spaCy found of the form
    strength: int  # places.place_strength: 2 a country, region or big city, 1 a town, 0 none
    country_or_region: bool  # whether the gazetteer has a country or region of this name
    befores: tuple[str, ...]  # the WINDOW characters before each mention
    afters: tuple[str, ...]  # the WINDOW characters after each mention
    name_words: frozenset[str]  # first and last words of the document's fuller person names
    text: str  # the whole document, where the form's other occurrences are looked for
    # Surnames with particles of the document's fuller person names, case folded: ("von", "der", "leyen")
    surnames: frozenset[tuple[str, ...]] = frozenset()
    listed: bool = False  # whether a results row or a list of people names it (rows.py)
    team: bool = False  # whether a match result line names it as a team (rows.py)
    lone_surnames: frozenset[str] = frozenset()  # one-word names the model calls people twice or more
    # Whether the gazetteer knows a place by this name only as one of its other names ("Genève")
    other_name_of_place: bool = False

    @property
    def single(self) -> bool:
        return " " not in self.form

    @cached_property
    def as_word(self) -> bool:
        """Whether the text also writes this one-word name in lower case ("Assault", "Time")."""
        return self.single and next(occurrences(self.text, self.form.lower(), "-"), None) is not None


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


def has_honorific_unknown_place(e: Evidence) -> bool:
    """A name only people are called, and no known place: "Ms Raggi", "King Bach"."""
    return e.strength == 0 and has_honorific(e.form)


def is_unknown_initials(e: Evidence) -> bool:
    """Initials that spaCy calls a place but no country or state goes by: "UN", "EU"."""
    return e.strength == 0 and e.majority == PLACE and bool(_INITIALS.fullmatch(e.form))


def is_part_of_full_name(e: Evidence) -> bool:
    """One word that opens or ends a fuller person name of the document is that person, unless a
    big place or (for a non-person majority) a country goes by it too: "Navalny", "Alexei"."""
    return e.single and e.form in e.name_words and (
        e.strength < 2 or e.majority == PERSON and not e.country_or_region)


def takes_plural_verb(e: Evidence) -> bool:
    """A place's name (a county's: "-shire") the model calls a person that takes "were", "are" or
    "have" is a side named after the place, as British usage writes them ("Kent were frustrated
    by rain", "Surrey have won"); a person takes "was", "is" and "has", and a plural word that
    opens a sentence is no place ("Fares have increased"). The name must stand alone, not end
    "X and Y were"."""
    return e.majority == PERSON and e.single and (e.strength > 0 or e.form.endswith("shire")) and any(
        _PLURAL_VERB_AFTER.match(a) and not _COORDINATED_BEFORE.search(b) for b, a in zip(e.befores, e.afters))


def is_team(e: Evidence) -> bool:
    """A side in a match result ("Chelsea 0 Arsenal 2") is a team wherever else the article
    names it ("2. Manchester United 50 points")."""
    return e.team


def is_listed(e: Evidence) -> bool:
    """A name in a results row or a line-up is a player's: "Federer (Switzerland) beat Simon
    (France)", "Scorers: Icardi 12"."""
    return e.listed


def is_surname_with_particles(e: Evidence) -> bool:
    """The surname with its particles of a fuller person name of the document is that person,
    at the start of a sentence too: "Von der Leyen", "Al-Assad", "de Gaulle"."""
    return tuple(e.form.casefold().split()) in e.surnames


def has_credentials(e: Evidence) -> bool:
    """Degrees, professional letters or honours after a name make it a person's: "Marcus Bell,
    Ph.D.", "Peter Black MBE"."""
    words = e.form.split()
    return e.majority != PLACE and (len(words) > 1 and is_credential(words[-1])
                                    or any(opens_with_credentials(a) for a in e.afters))


def ends_in_lone_surname(e: Evidence) -> bool:
    """A fuller name ending in a surname the article uses alone for a person is that person,
    though the model calls it an organisation once: "Henrique Meirelles" beside "Meirelles said";
    not when the words before are the article's common words ("Data Retention Bill")."""
    words = e.form.split()
    return (not e.single and len(words) <= 3 and e.majority != PERSON and e.strength < 2
            and words[-1] in e.lone_surnames and all(w[0].isupper() for w in words)
            and not any(next(occurrences(e.text, w.lower()), None) is not None for w in words[:-1]))


def is_celestial(e: Evidence) -> bool:
    """Planets and the like are no people or towns ("Earth, Texas")."""
    return name_key(e.form) in CELESTIAL


def is_sea_as_modifier(e: Evidence) -> bool:
    """A sea's name that only ever qualifies a noun is no place: "Pacific halibut"."""
    return name_key(e.form) in SEAS and all(_MODIFIER.match(a) for a in e.afters)


def is_sea(e: Evidence) -> bool:
    """A sea's bare name is the sea, never a town named after it: "the Atlantic"."""
    return name_key(e.form) in SEAS


def is_compass(e: Evidence) -> bool:
    """Directions are no places: "South", "the West", "South East"."""
    return bool(COMPASS.match(e.form))


def is_called_an_org(e: Evidence) -> bool:
    """The text calls it an organisation: "the outlet Takie Dela", "Interfax news agency"."""
    return any(_ORG_NOUN.search(b) for b in e.befores) or any(_ORG_AFTER.match(a) for a in e.afters)


def follows_honorific(e: Evidence) -> bool:
    """"President Bush" is no Egyptian city, and "President-elect Trump" a person, though the
    article's "Trump supporters" read as an organisation; a country keeps its label."""
    return (e.majority in (PERSON, ORG) and not e.country_or_region
            and any(_HONORIFIC_BEFORE.search(b) for b in e.befores))


def names_its_acronym(e: Evidence) -> bool:
    """A person's name is not shortened to initials in brackets; a thing's or body's is: "Named
    Binary Tag (NBT)", so the model's "person" is none."""
    return e.majority == PERSON and any(_ACRONYM_AFTER.match(a) for a in e.afters)


def is_a_product(e: Evidence) -> bool:
    """A version or model number after or in the name ("Bluetooth 4.1", "Raspberry Pi 256MB"), or an
    article and a word for things before most of its mentions ("a used Ford Focus", "its
    first-ever Retina display"): a product the model took for a person."""
    product = [bool(_THING_BEFORE.search(b)) or bool(_VERSION_AFTER.match(a)) for b, a in zip(e.befores, e.afters)]
    return e.majority == PERSON and (2 * sum(product) > len(product) or bool(_VERSION_AFTER.search(f" {e.form}")))


def follows_role_noun(e: Evidence) -> bool:
    """A job written in lower case right before a name makes it a person's: "Juventus coach
    Allegri", "goalkeeper Oblak", though the model calls it an organisation; a country keeps its
    label, and so does a big city ("Newcastle team mate Les Ferdinand" is a person, the model's
    town)."""
    return ((e.majority in (PERSON, ORG) or e.majority == PLACE and e.strength < 2) and not e.country_or_region
            and any(_ROLE_BEFORE.search(b) for b in e.befores))


def is_titled_person(e: Evidence) -> bool:
    """A title or a nation before a name the model calls an organisation: people.is_titled_name."""
    return e.majority == ORG and not e.team and is_titled_name(e.form, e.text)


def is_short_for_a_company(e: Evidence) -> bool:
    """The name of a company the article also gives with its legal form is the company's, not a
    person's ("Ericsson said" after "LM Ericsson AB"; "Johnson Controls" after "Johnson Controls
    Inc"); a country or region keeps its label ("Brazil" of "Petroleo Brasil SA" is no such name)."""
    if e.majority not in (PERSON, ORG) or e.country_or_region:
        return False
    return any(_LEGAL_FORM_AFTER.match(e.text, start + len(e.form)) for start in occurrences(e.text, e.form, "-"))


def heads_a_tally(e: Evidence) -> bool:
    """A word before a scorecard's tally of byes, leg byes and no-balls heads a row of the card,
    and names no one: "Extras (lb-3 nb-2) 5"."""
    return all(_TALLY_AFTER.match(a) for a in e.afters)


def does_a_players_deed(e: Evidence) -> bool:
    """Who pitches or hits a homer is a player, though the model calls the name an organisation
    ("Mariano Rivera pitched", "Tino Martinez's two-run homer"); a country or region keeps its
    label."""
    return (e.majority in (PERSON, ORG, PLACE) and not e.country_or_region
            and any(_DEED_AFTER.match(a) for a in e.afters))


def is_the_thing(e: Evidence) -> bool:
    """People go without "the" ("loaded up the Polaris, one of four schooners"), unless the name
    qualifies what follows ("the Obama administration"): mostly "the X" is no person."""
    the_name = [bool(THE_BEFORE.search(b)) and not _MODIFIER.match(a) for b, a in zip(e.befores, e.afters)]
    return e.majority == PERSON and e.single and 2 * sum(the_name) > len(the_name)


def is_the_plural(e: Evidence) -> bool:
    """"The" before a name of two words or more that ends in a plural makes it a team's or a
    group's, though the model calls it a person ("the Florida Marlins defeated", "the Seattle
    Mariners"); a family is one word ("the Kennedys")."""
    the_name = [bool(THE_BEFORE.search(b)) for b in e.befores]
    return (e.majority == PERSON and not e.single and _PLURAL_END.search(e.form) is not None
            and 2 * sum(the_name) > len(the_name))


def is_strong_place(e: Evidence) -> bool:
    """A country, region or big city outweighs spaCy's label ("Yerevan" called a person)."""
    return e.strength == 2


def is_place_after_preposition(e: Evidence) -> bool:
    """A one-word name the gazetteer knows as another name of a place (its own language's),
    always after "in", "from" or "near", is that place, though spoken of: "Officials in Genève
    said"."""
    return e.single and e.other_name_of_place and all(_PLACE_BEFORE.search(b) for b in e.befores)


def is_described_with_who(e: Evidence) -> bool:
    """"X, who ..." is said of people ("De Rugy, who was speaker"): organisations take "which",
    though the model calls the name one."""
    return e.majority in (ORG, None) and any(_WHO_AFTER.match(a) for a in e.afters)


def is_speaker(e: Evidence) -> bool:
    """Who speaks or is described is a person: "said Leonid", "Yulia, a young woman"."""
    return e.majority in (PERSON, PLACE) and (
        any(_SPEAKER_BEFORE.search(b) for b in e.befores)
        or any(_SPEAKER_AFTER.match(a) or _APPOSITIVE.match(a) for a in e.afters))


def is_quoted_speaker(e: Evidence) -> bool:
    """Who a quotation is given to right after it is a person, though the model says organisation
    (", " Volkova said"): wire copy quotes people (102 of 106 such names in CoNLL eng.testa and
    eng.train's first 500 stories); not a firm by its legal form, initials, nor an institution's
    short name ("Commerce" of "the Commerce Department")."""
    quoted = any(_QUOTE_BEFORE.search(b) and _SPEAKER_AFTER.match(a) for b, a in zip(e.befores, e.afters))
    return (quoted and e.majority == ORG and not e.form.isupper() and e.form.split()[-1] not in LEGAL_FORMS
            and not heads_an_institution(e.form, e.text))


def is_town_called_org(e: Evidence) -> bool:
    """A one-word town spaCy calls an organisation, never a word nor a modifier, is the town."""
    return (e.strength == 1 and e.majority == ORG and e.single and not e.as_word
            and not any(_MODIFIER.match(a) for a in e.afters))


def is_common_word(e: Evidence) -> bool:
    """A one-word name the article also writes in lower case is a word ("Assault", "Shelter"),
    unless spaCy calls a known place a place."""
    return e.as_word and (e.strength == 0 or e.majority != PLACE)


def is_unbacked_person(e: Evidence) -> bool:
    """One word, one mention, the model's say-so and nothing in the text behind it ("a patch
    called Viaskin", "ranks ReactJS, Docker"): a product or a brand more often than a person."""
    return e.majority == PERSON and e.single and e.mentions == 1 and not backed_as_person(e)


def backed_as_person(e: Evidence) -> bool:
    """Whether a diminutive of a fuller name ("Dima") or anything around any occurrence of a
    one-word name says it is a person's: kin, a verb done to people, a title, "who"."""
    fuller = HYPOCORISMS.get(e.form.casefold())
    # Most forms are no diminutive: only then look through the article's name words, which
    # run to thousands on a page of lists.
    if fuller and any(w.casefold() in fuller for w in e.name_words):
        return True
    for start in occurrences(e.text, e.form, "-"):
        end = start + len(e.form)
        before, after = e.text[max(0, start - WINDOW):start], e.text[end:end + WINDOW]
        if _PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after):
            return True
    return False


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
    (heads_a_tally, None),
    (is_surname_with_particles, PERSON),
    (has_credentials, PERSON),
    (ends_in_lone_surname, PERSON),
    (ends_as_firm, ORG),
    (is_short_for_a_company, ORG),
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
    (is_the_thing, None),
    (is_the_plural, ORG),
    (is_strong_place, PLACE),
    (is_place_after_preposition, PLACE),
    (is_described_with_who, PERSON),
    (is_speaker, PERSON),
    (is_quoted_speaker, PERSON),
    (is_town_called_org, PLACE),
    (is_common_word, None),
    (is_unbacked_person, None),
)
