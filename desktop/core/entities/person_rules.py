"""The label rules that say a name is a person's, or that the model's person is none: titles,
roles and verbs around a name, the parts of a fuller name, and what people never are (a product,
a thing after "the", a team).

Each is a predicate over one evidence.Evidence value that label_rules.LABEL_RULES pairs with the
label it gives; each docstring gives its case.
"""

from __future__ import annotations

import re

from ..article import ORG, PERSON, PLACE
from .clues import AtWindowEnd
from .evidence import WINDOW, Evidence
from .lexicon import (CLAUSE_WORDS, DONE_BY_PEOPLE, DONE_TO_PEOPLE, HONORIFICS, HYPOCORISMS, INSTITUTION_WORDS,
                      KIN_WORDS, LEGAL_FORMS, PERSON_MODIFIED, PERSON_NOUNS, ROLE_NOUNS, SPEECH_VERBS,
                      THING_ADJECTIVES, any_of)
from .name_parts import is_credential, opens_with_credentials
from .ner import occurrences
from .org_rules import heads_an_institution
from .people import has_honorific, is_plain_name, is_titled_name
from .sports_lexicon import PLAYER_DEEDS
from .team_rules import is_the_plural_noun

_SPEECH = any_of(SPEECH_VERBS)
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)\s*$")
_SPEAKER_AFTER = re.compile(rf"^\s*(?:{_SPEECH}|has said|had said)\b")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(h.capitalize() for h in HONORIFICS))})(?:\.|-elect)?\s+$")
_ROLE_BEFORE = AtWindowEnd(rf"(?<![\w-])(?:{any_of(ROLE_NOUNS)})\s+$", endings=ROLE_NOUNS)
_DEED_AFTER = re.compile(rf"^(?:['\u2019]s?)?\s+(?:{any_of(PLAYER_DEEDS)})\b")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Z0-9&]{1,6}\)")
_VERSION_AFTER = re.compile(r"^\s+v?\d+(?:\.\d+)+\b|^\s+\d+(?:GB|MB|TB|mm|K)\b|\s\d+\.\d+$")
_THING_BEFORE = re.compile(rf"\b(?:a|an|its|their|the|that|this)\s+(?:{any_of(THING_ADJECTIVES)})\s+$", re.IGNORECASE)
_WHO_AFTER = re.compile(r"^,\s+who\s+(?!is\s+(?:a|the)\s+(?:company|firm|group|party|team))")
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
# A fuller name right before or after "and": "Benito Santiago and", "Santa Puglisi, 22, and".
_NAME_AND_BEFORE = re.compile(r"\b([A-Z][\w'\u2019-]+) ([A-Z][\w'\u2019-]+)(?:, \d{1,3},)? and\s+$")
_AND_NAME_AFTER = re.compile(r"^\s+and ([A-Z][\w'\u2019-]+) ([A-Z][\w'\u2019-]+)\b")
_KIN_BEFORE = re.compile(rf"\b(?:{any_of(KIN_WORDS)}),?\s+$")
# An office given after the name, with no article: ", president of the", ", deputy director general".
_OFFICE_AFTER = re.compile(r"^,\s+(?:(?:deputy|vice|acting|former)\s+)?(?:president|chairman|chairwoman|director|"
                           r"minister|secretary|leader|spokesman|spokeswoman|governor|ambassador)\b")
_SAID_HE_AFTER = re.compile(rf"^\s+(?:{_SPEECH})\s+(?:he|she)\b")
_QUOTE_BEFORE = re.compile(r"[,.?!]\s?[\"\u201d]\s*$")  # the end of a quotation
# A word after the name that makes it a modifier: "the Liberal government", not "in Bucha".
MODIFIER = re.compile(rf"^\s+(?!(?:{any_of(CLAUSE_WORDS)})\b)[A-Za-z]")
# An article or a demonstrative before a name makes it a thing's: "The Bill would", "this Bill".
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+$")


def has_honorific_unknown_place(e: Evidence) -> bool:
    """A name only people are called, and no known place: "Ms Raggi", "King Bach"."""
    return e.strength == 0 and has_honorific(e.form)


def is_part_of_full_name(e: Evidence) -> bool:
    """One word that opens or ends a fuller person name of the document is that person, unless a
    big place or (for a non-person majority) a country goes by it too: "Navalny", "Alexei"; not
    where most of its mentions follow an article, as no person's do ("The Bill would require"
    beside "Bill Shorten")."""
    return e.single and e.form in e.name_words and (
        e.strength < 2 or e.majority == PERSON and not e.country_or_region) and not _mostly_determined(e)


def _mostly_determined(e: Evidence) -> bool:
    """Whether an article or a demonstrative comes before most mentions of the name, which does not
    qualify what follows ("the Polaris, one of", not "the Obama administration")."""
    determined = [bool(_DETERMINER_BEFORE.search(b)) and not MODIFIER.match(a) for b, a in zip(e.befores, e.afters)]
    return 2 * sum(determined) > len(determined)


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
    if e.majority != PERSON:
        return False
    product = [bool(_THING_BEFORE.search(b)) or bool(_VERSION_AFTER.match(a)) for b, a in zip(e.befores, e.afters)]
    return 2 * sum(product) > len(product) or bool(_VERSION_AFTER.search(f" {e.form}"))


def follows_role_noun(e: Evidence) -> bool:
    """A job written in lower case right before a name makes it a person's: "Juventus coach
    Allegri", "goalkeeper Oblak", though the model calls it an organisation; a country keeps its
    label, and so does a big city ("Newcastle team mate Les Ferdinand" is a person, the model's
    town), and a body's name ("the rival Kurdistan Democratic Party")."""
    return ((e.majority in (PERSON, ORG) or e.majority == PLACE and e.strength < 2) and not e.country_or_region
            and e.form.split()[-1] not in INSTITUTION_WORDS and any(_ROLE_BEFORE.search(b) for b in e.befores))


def is_titled_person(e: Evidence) -> bool:
    """A title or a nation before a name the model calls an organisation: people.is_titled_name."""
    return e.majority == ORG and not e.team and is_titled_name(e.form, e.text)


def does_a_players_deed(e: Evidence) -> bool:
    """Who pitches or hits a homer is a player, though the model calls the name an organisation
    ("Mariano Rivera pitched", "Tino Martinez's two-run homer"); a country or region keeps its
    label."""
    return (e.majority in (PERSON, ORG, PLACE) and not e.country_or_region
            and any(_DEED_AFTER.match(a) for a in e.afters))


def is_the_thing(e: Evidence) -> bool:
    """People go without "the" ("loaded up the Polaris, one of four schooners"), unless the name
    qualifies what follows ("the Obama administration"): mostly "the X" is no person."""
    return e.majority == PERSON and e.single and _mostly_determined(e)


def is_described_with_who(e: Evidence) -> bool:
    """"X, who ..." is said of people ("De Rugy, who was speaker"): organisations take "which",
    though the model calls the name one; teams take "who" too ("the Mariners, who have dropped")."""
    return e.majority in (ORG, None) and any(_WHO_AFTER.match(a) for a in e.afters) and not is_the_plural_noun(e)


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
    if e.majority != ORG:
        return False
    quoted = any(_QUOTE_BEFORE.search(b) and _SPEAKER_AFTER.match(a) for b, a in zip(e.befores, e.afters))
    return (quoted and not e.form.isupper() and e.form.split()[-1] not in LEGAL_FORMS
            and not heads_an_institution(e.form, e.text))


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


def is_listed_with_a_person(e: Evidence) -> bool:
    """A full name joined by "and" to a person's full name of the document is a person's, though
    the model calls it an organisation: "Benito Santiago and Ruben Amaro had RBI hits", "Santa
    Puglisi, 22, and Salvatore Botta were"; bodies are listed with bodies."""
    paired = lambda m: m is not None and m.group(1) in e.name_words and m.group(2) in e.name_words
    return e.majority == ORG and is_plain_name(e.form) and (
        any(paired(_NAME_AND_BEFORE.search(b)) for b in e.befores) or any(paired(_AND_NAME_AFTER.match(a))
                                                                          for a in e.afters))


def follows_kin_word(e: Evidence) -> bool:
    """Kin before a full name make it a person's, though the model calls it an organisation: "his
    wife, Jetsi Hendrika Coers"."""
    return e.majority == ORG and is_plain_name(e.form) and any(_KIN_BEFORE.search(b) for b in e.befores)


def holds_an_office(e: Evidence) -> bool:
    """A full name followed by the office its bearer holds, with no article, is a person's, though
    the model calls it an organisation: "said Lucas Moreira Neves, president of the", "Rafael Moreno
    Turrent, deputy director general" (a body's apposition takes one: "Acme, the maker of")."""
    return e.majority == ORG and is_plain_name(e.form) and any(_OFFICE_AFTER.match(a) for a in e.afters)


def is_shortened_to_a_speaker(e: Evidence) -> bool:
    """A full name the model calls an organisation whose last word, alone, speaks is a person's:
    "Linford Christie" beside "A spokeswoman for Christie said", "Paul Sorrento" beside "Sorrento
    said" (people are shortened to their surname, bodies to their first word: "Morgan said"); not
    where the first word is a place's or stands alone too ("Washington Post" beside "the Post
    said", "Manchester United" beside "Manchester")."""
    if e.majority != ORG or e.opens_with_place or not is_plain_name(e.form):
        return False
    words = e.form.split()
    alone = lambda word, unless: [s for s in occurrences(e.text, word) if not unless(s)]
    if alone(words[0], lambda s: e.text.startswith(f" {words[1]}", s + len(words[0]))):
        return False
    surname = alone(words[-1], lambda s: e.text.endswith(f"{words[-2]} ", 0, s))
    end = len(words[-1])
    speaks = lambda s: (_SPEAKER_AFTER.match(e.text[s + end:s + end + WINDOW])
                        or _SPEAKER_BEFORE.search(e.text[max(0, s - WINDOW):s]))
    return any(speaks(s) for s in surname)


def says_he_or_she(e: Evidence) -> bool:
    """A name right before a verb of saying and "he" or "she" is a person's, though the model
    calls it an organisation ("Nerweyi said he did not know"); a body "said it"."""
    return e.majority == ORG and any(_SAID_HE_AFTER.match(a) for a in e.afters)
