"""Merging the forms of a person's name within one article."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..article import CITY
from .lexicon import (BARE_INSTITUTION_WORDS, CLAUSE_WORDS, COMPANY_ENDS, FIRM_ENDS, GLUED_VERBS, GROUP_NOUNS,
                      HONORIFICS, HYPOCORISMS, INSTITUTION_WORDS, LEGAL_FORMS, MONTHS, NOT_A_PERSON_END, PARTICLES,
                      ROLE_NOUNS, SPEECH_VERBS, TIME_ADVERBS, TITLES, WEEKDAYS)
from .clues import Clued, matches_at
from .gazetteer import ENGLISH_ADMIN_WORDS
from .name_parts import is_credential, is_suffix
from .places import demonym_country
from .spans import Spans
from .sports_lexicon import EVENT_WORDS

# How far before a diminutive its full name must appear.
HYPOCORISM_REACH = 600
# "Eloise Parry, 21, was taken to hospital": only people are given an age like this.
_AGED = Clued(r"(?<![\w.])[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,3}(?=, \d{1,3},)", r", \d{1,3},")
# A surname with a verb of saying glued to it by a page whose link ran into the next word.
_GLUED_VERB = re.compile(rf"([A-Z][a-z\u00e0-\u00ff]{{2,}})({'|'.join(GLUED_VERBS)})")
# Capitalised words that open a sentence before such a name: "On Tuesday Tom Smith, 45,".
_NOT_NAMES = WEEKDAYS | MONTHS | TIME_ADVERBS
# Words of a body's name, never of a person's: "Foreign Ministry", "Home Products Corp".
_BODY_WORDS = (BARE_INSTITUTION_WORDS | COMPANY_ENDS | FIRM_ENDS | GROUP_NOUNS | NOT_A_PERSON_END
               | {w.casefold() for w in INSTITUTION_WORDS})
_CAP_WORD = r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*|[A-Z][a-z]+[A-Z][a-z]+"
# A word, then a name of two or three words and what may follow a name; a lookahead, so that the
# word before one name may be another's last ("defeated Canadian Daniel Nestor").
_AFTER_A_NAME = rf"[,.;:)]|\s*$|\s+\d|\s+(?:{'|'.join(CLAUSE_WORDS + SPEECH_VERBS)})\b|\s+[a-z]+(?:ed|ing)\b"
_CUED_NAME = re.compile(rf"(?<![\w'\u2019-])(?<!\b[Tt]he )(?<!\b[Aa]n )(?<!\b[Aa] )"
                        rf"(?=([A-Za-z][\w-]*) ((?:{_CAP_WORD})(?: (?:{_CAP_WORD})){{1,2}})(?:{_AFTER_A_NAME}))")
# Where a capitalised word follows a space: the words before these are the only places _CUED_NAME
# may match, found many times faster than by trying it at every character.
_SPACE_BEFORE_A_CAPITAL = re.compile(r" (?=[A-Z])")
# What is done by a player, a coach or a jockey, before "by" and the name: "substituted by Paulao",
# "overlooked by Artur Jorge", "ridden by George Duffield", "bowled by Tendulkar" (in CoNLL's
# eng.train and eng.testa 14 of 14 such names are people's; "led by", "owned by", "managed by"
# take bodies too).
_DONE_TO_A_PLAYER = r"(?:substituted|coached|ridden|overlooked|bowled|caught|stumped) by "
_DONE_BY_A_PLAYER = Clued(rf"\b{_DONE_TO_A_PLAYER}((?:{_CAP_WORD})(?: (?:{_CAP_WORD})){{0,2}})(?![\w'\u2019-]| [A-Z])",
                          _DONE_TO_A_PLAYER)
_RANKED = ("-ranked", "-seeded")
_NOT_NAME_WORDS = _BODY_WORDS | MONTHS | WEEKDAYS | EVENT_WORDS
_DIVISION_WORDS = frozenset(w.casefold() for w in ENGLISH_ADMIN_WORDS)
_NOT_A_PERSON_ENDS = NOT_A_PERSON_END | GROUP_NOUNS | {f.casefold() for f in LEGAL_FORMS}


@dataclass
class Person:
    name: str
    forms: set[str] = field(default_factory=set)  # surface forms in the text, as found
    local: bool = False


@dataclass(frozen=True)
class NameForm:
    """What the name rules know of one surface form: the form as found, its words (soft hyphens
    and numbers behind gone: "Jane Doe 18") and the words left once the titles, lower-case
    words, demonyms and acronyms in front are dropped ("Russian President Vladimir Putin")."""

    form: str
    words: tuple[str, ...]
    kept: tuple[str, ...]


def name_form(form: str) -> NameForm:
    """The NameForm of one surface form."""
    words = form.replace("\u00ad", "").split()  # soft hyphens: "Netan\u00adyahu"
    while len(words) > 1 and (re.fullmatch(r"[\d,.()-]+", words[-1]) or is_credential(words[-1])):
        words.pop()
    if words and (glued := _GLUED_VERB.fullmatch(words[-1])):
        words[-1] = glued.group(1)  # a link's text run into the next word: "Alexis Madrigalreports"
    kept = list(words)
    while len(kept) > 1 and (_is_title(kept[0]) or not kept[0][0].isupper() or demonym_country(kept[0])
                             or _is_acronym(kept[0])):
        kept.pop(0)
    return NameForm(form, tuple(words), tuple(kept))


def names_a_thing(name: NameForm) -> bool:
    """A possessive inside makes it a thing's name: "Valentine's Day", "Sam's Club"."""
    return bool(re.search(r"['\u2019]s\s", name.form))


def looks_like_code(name: NameForm) -> bool:
    """Slashes, digits or inner capitals are no person's: "WATSON/AFP", "CNNMoney", "Backbone.js"."""
    return bool(re.search(r"[/@#_\d:()]|[A-Z]{2,}[a-z]|\w\.[a-z]", " ".join(name.words)))


def only_a_title(name: NameForm) -> bool:
    """Nothing of a name is left without the titles and acronyms: "Dad", "Tory MLA"."""
    return not name.kept or len(name.kept) == 1 and (_is_title(name.kept[0]) or _is_acronym(name.kept[0]))


def ends_as_thing_or_group(name: NameForm) -> bool:
    """A building, prize, group or company named after someone: "Ronald Reagan Building", "Trump
    Supporters", "Kloof Gold Mining Co"."""
    return bool(name.kept) and name.kept[-1].rstrip(".").casefold() in _NOT_A_PERSON_ENDS


def names_a_division(name: NameForm) -> bool:
    """A division of a country whose first word is also a title, which leaves its kind of
    division as the name: "Pope County", "Prince Edward County", "Bishop Region"."""
    return bool(name.kept) and name.kept[-1].rstrip(".").casefold() in _DIVISION_WORDS


def runs_into_sentence(name: NameForm) -> bool:
    """A lower-case word other than a particle is the sentence's: "Brasil ainda", not "Luis de
    Miranda" or "Omar al-Bashir"."""
    return any(not w[0].isupper() and re.split(r"[-'\u2019]", w)[0] not in PARTICLES for w in name.kept[1:])


def ends_in_acronym(name: NameForm) -> bool:
    """Initials in capitals end a firm's name, not a person's: "Orbital ATK", "Fiat Chrysler NV";
    a generational suffix is no acronym ("John Doe III")."""
    last = name.kept[-1] if len(name.kept) > 1 else ""
    return 2 <= len(last) <= 5 and last.isupper() and last.isalpha() and not is_suffix(last)


def only_initials(name: NameForm) -> bool:
    """Initials alone, or before a demonym, are no name to keep: "R." of a scorecard's "R. Harden"
    cut short, "S. Korean"."""
    initial = lambda word: re.fullmatch(r"(?:[A-Z]\.)+", word) is not None
    return bool(name.kept) and initial(name.kept[0]) and (
        len(name.kept) == 1 or demonym_country(name.kept[-1]) is not None)


# Each says a form names no person; in order, the first that holds decides.
NOT_A_PERSON_RULES = (names_a_thing, looks_like_code, only_a_title, ends_as_thing_or_group, names_a_division,
                      runs_into_sentence, ends_in_acronym, only_initials)


@functools.lru_cache(maxsize=4096)  # the label, merge and row rules ask of the same forms
def clean_name(form: str) -> str:
    """The name without titles in front ("Russian President Vladimir Putin" -> "Vladimir Putin");
    no numbers behind ("Jane Doe 18"), no soft hyphens; "" when one of NOT_A_PERSON_RULES holds:
    nothing of a name is left, it names a thing or a group, or it runs into the sentence."""
    name = name_form(form)
    if any(rule(name) for rule in NOT_A_PERSON_RULES):
        return ""
    return " ".join(name.kept)


def aged_people(text: str, masked: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Names that the text gives an age right after ("Eloise Parry, 21,"), with their starts,
    outside the `masked` spans: the model misses some of them."""
    from spacy.lang.en.stop_words import STOP_WORDS

    is_masked = Spans(masked)
    found: dict[str, list[int]] = {}
    for m in _AGED.finditer(text):
        words = m.group().split(" ")
        while words and (words[0].casefold() in STOP_WORDS or words[0].casefold() in _NOT_NAMES):
            words.pop(0)
        start = m.end() - len(" ".join(words))
        if len(words) >= 2 and start not in is_masked:
            found.setdefault(" ".join(words), []).append(start)
    return found


def is_titled_name(form: str, text: str) -> bool:
    """A title, a role or a nation before two name words or more, nothing a body's name ends
    or goes on with among them, and the last word also alone in `text`, as a surname is: "Frenchman
    Cedric Pioline ... Pioline", "Spokesman Glyn Davies ... Davies said" (which the model reads as
    organisations; "German Foreign Ministry", "Belgian Grand Prix" stay theirs)."""
    name = name_form(form)
    led = name.words[:len(name.words) - len(name.kept)]
    titled = any(_is_title(w) or demonym_country(w) for w in led)
    if not (titled and len(name.kept) >= 2 and clean_name(form)):
        return False
    alone = rf"(?<!{re.escape(name.kept[-2])} )\b{re.escape(name.kept[-1])}\b(?! [A-Z])"  # the surname on its own
    return (all(re.fullmatch(r"[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*", w) for w in name.kept)
            and not has_a_body_word(" ".join(name.kept)) and re.search(alone, text) is not None)


def has_a_body_word(form: str) -> bool:
    """Whether a word of the form is one only a body's name has: "Deutsche Bank", "Acme Corp"."""
    return any(w.casefold() in _BODY_WORDS for w in form.split())


def is_plain_name(form: str) -> bool:
    """Two or three capitalised words, none a title's, a nation's, a body's, a month's or an
    event's: the shape of a person's full name ("Ruben Amaro", "Jetsi Hendrika Coers"), not
    "Acme Corp" nor "President Clinton"."""
    words = form.split()
    return 2 <= len(words) <= 3 and all(_is_plain_word(w) for w in words)


def _is_plain_word(word: str) -> bool:
    return (re.fullmatch(_CAP_WORD, word) is not None and not _is_title(word) and not demonym_country(word)
            and word.casefold() not in _NOT_NAME_WORDS)


def cued_names(text: str, gaz=None) -> Iterator[tuple[int, int]]:
    """Names of two or three words the model may miss in prose, after a nation or a ranking
    ("Canadian Daniel Nestor 7-6", "eighth-ranked Andre Agassi landing") or a role in lower case
    ("spokesman Per Zetterquist told"), when a clause, a score or punctuation follows them, not a
    noun they qualify ("Belgian Grand Prix motor race"); none with a title's, a body's or an
    event's word ("American League East", "Italian Grand Prix to"), nor after an article, which
    people do without ("the Canadian West Coast", "an American Airlines jet")."""
    for m in _cued_name_matches(text):
        cue, words = m.group(1), m.group(2).split()
        cued = demonym_country(cue) if cue[0].isupper() else cue.endswith(_RANKED) or cue in ROLE_NOUNS
        if cued and not any(_is_title(w) or w.casefold() in _NOT_NAME_WORDS or demonym_country(w) for w in words):
            yield m.span(2)


def _cued_name_matches(text: str) -> Iterator[re.Match]:
    """_CUED_NAME.finditer(text), tried only at the start of each word before a space and a
    capital (a match's cue word is one, and nothing of a word may stand before it)."""
    return matches_at(_CUED_NAME, text, (_word_start(text, space.start())
                                         for space in _SPACE_BEFORE_A_CAPITAL.finditer(text)))


def _word_start(text: str, end: int) -> int:
    """Where the run of word characters, apostrophes and hyphens ending at `end` starts."""
    while end and (text[end - 1].isalnum() or text[end - 1] in "_-'\u2019"):
        end -= 1
    return end


def done_by_a_player(text: str, gaz=None) -> Iterator[tuple[int, int]]:
    """Names after what only people do to or for a player, and "by" ("substituted by Paulao",
    "overlooked by Zagalo"), the model's organisations too; none with a title's, a body's or a
    nation's word, nor a country's or region's name ("coached by England")."""
    for m in _DONE_BY_A_PLAYER.finditer(text):
        name = m.group(1)
        if all(_is_plain_word(w) for w in name.split()) and not (gaz and any(p.kind != CITY for p in gaz.lookup(name))):
            yield m.span(1)


def has_honorific(form: str) -> bool:
    """Whether the name starts with a word only people are called ("Ms Raggi", "King Bach")."""
    return form.split()[0].rstrip(".").casefold() in HONORIFICS and len(form.split()) > 1


def _is_acronym(word: str) -> bool:
    return len(word) <= 4 and word.isupper() and word.isalpha() and len(word) > 1


def _is_title(word: str) -> bool:
    return word.rstrip(".").casefold() in TITLES


@dataclass(frozen=True)
class NamePair:
    """A shorter name and a fuller one of the same article, as the words compared (_name_words)."""

    short: tuple[str, ...]
    full: tuple[str, ...]


def ends_the_name(pair: NamePair) -> bool:
    """A surname (or "Luther King") is how the fuller name ends: "Navalny" is Alexei Navalny."""
    return pair.full[-len(pair.short):] == pair.short


def starts_the_name(pair: NamePair) -> bool:
    """A first name (or "Anne Marie") is how the fuller name starts: "Alexei" is Alexei Navalny."""
    return pair.full[:len(pair.short)] == pair.short


def frames_the_name(pair: NamePair) -> bool:
    """First and last words agree, a middle name left out: "Martin King" is Martin Luther King."""
    return len(pair.short) >= 2 and pair.full[0] == pair.short[0] and pair.full[-1] == pair.short[-1]


# Each says a shorter name is a fuller one's; in order, the first that holds for exactly one
# fuller name decides, and one that holds for several leaves the name apart.
SAME_PERSON_RULES = (ends_the_name, starts_the_name, frames_the_name)


def merge_people(forms: list[str], text: str) -> list[Person]:
    """Group the PERSON forms of one article into people, the longest form naming each.

    A one-word form joins the unique fuller name ending or starting with it ("Navalny",
    "Alexei"); an inflected surname ("Navalnaya") stays apart; a diminutive joins a fuller
    name only when that name appears shortly before it in the text.
    """
    people: dict[str, Person] = {}
    by_word: dict[str, list[Person]] = {}  # each word of a name -> the people whose name has it
    for form in sorted(set(forms), key=lambda f: -len(clean_name(f).split())):
        name = clean_name(form)
        if not name:
            continue
        target = people.get(name) or _find_fuller(name, by_word, text)
        if target is None:
            target = people[name] = Person(name, local=len(name.split()) == 1)
            for word in set(_name_words(name)):
                by_word.setdefault(word, []).append(target)
        target.forms.add(form)
    return list(people.values())


def _find_fuller(name: str, by_word: dict[str, list[Person]], text: str) -> Person | None:
    words = _name_words(name)
    hypocorism_of = HYPOCORISMS.get(name.casefold(), []) if len(words) == 1 else []
    # Only people who share a word with the name can be it (looking through all is quadratic).
    candidates = {id(p): p for w in {words[0], words[-1], *hypocorism_of} for p in by_word.get(w, ())}
    fuller = [(p, NamePair(tuple(words), tuple(_name_words(p.name)))) for p in candidates.values()
              if len(p.name.split()) > len(words)]
    for rule in SAME_PERSON_RULES:
        found = [p for p, pair in fuller if rule(pair)]
        if len(found) == 1:
            return found[0]
        if found:
            return None  # ambiguous: two Navalnys
    if hypocorism_of:
        first = _first_mention(name, text)
        found = [p for p, _ in fuller if p.name.split()[0].casefold() in hypocorism_of
                 and any(0 <= first - pos <= HYPOCORISM_REACH for pos in _positions(p.name, text))]
        if len(found) == 1:
            return found[0]
    return None


def _name_words(name: str) -> list[str]:
    """The words of a name to compare, without an Arabic article: "al-Bashir" is "Bashir"."""
    return [re.sub(r"^(?:al|el)-", "", w) for w in name.casefold().split()]


def _positions(name: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]


def _first_mention(name: str, text: str) -> int:
    found = _positions(name, text)
    return found[0] if found else -1
