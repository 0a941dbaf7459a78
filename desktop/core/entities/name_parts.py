"""The parts of a person's name that are not given name or surname: particles inside it ("von
der", "da", "al-"), and credentials and suffixes after it ("Ph.D.", "Jr.", "MBE").

The model reads these badly: it stops a name at a particle ("Ursula von der" and a place
"Leyen"), calls the short form with a particle an organisation ("Von der Leyen", "Al-Assad"),
and takes credentials for organisations or places ("Dana Whitfield, M.S., R.D."). The lists are
the project's own, from the usage of English-language news.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .clues import Clued
from .lexicon import MONTHS, NOT_A_PERSON_END, PARTICLES, PRONOUN_VERBS, TIME_ADVERBS, TITLES, WEEKDAYS

# Degrees, professional letters and honours written after a name, as written, without dots:
# they qualify the person and are not part of the name a reader searches for.
CREDENTIALS = ("PhD", "MBA", "MPH", "MSc", "BSc", "JD", "LLM", "RD", "RN", "DDS", "DVM", "PharmD", "EdD", "PsyD",
               "CPA", "Esq", "FRS", "FRCP", "FACP", "MBE", "OBE", "CBE", "KBE", "DBE", "QC", "KC", "MP", "MEP")
# Credentials that are also US state codes or common initials ("Jackson, MS", "Virgin and BA"):
# only with their dots ("M.S.", "M.D.", "B.A.").
DOTTED_CREDENTIALS = ("MS", "MA", "MD", "BA", "DO", "SC", "NP", "PA")
# Offices and forms of address that stand right before a person's name, as written: the model
# takes "Labour MP Nicky Morgan" and "Justice Gorsuch" for organisations. Not those that also
# open names of firms and characters ("General Motors", "Captain America", "Coach").
OFFICES = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "MP", "MEP", "MLA", "MSP", "Justice", "Judge",
           "Magistrate", "Senator", "Sen", "Rep", "Representative", "Congressman", "Congresswoman", "Gov",
           "Governor", "Mayor", "President", "Premier", "Minister", "Secretary", "Chancellor", "Commissioner",
           "Ambassador", "Inspector", "Detective", "Sheriff", "Sergeant", "Sgt", "Constable", "Colonel",
           "Lieutenant", "Pope", "Cardinal", "Archbishop", "Bishop", "Rabbi", "Imam", "Pastor", "Rev", "Reverend",
           "Professor", "Prof")
# Last words that make what follows an office an institution: "Justice Department", "Minister Office".
INSTITUTION_ENDS = frozenset({"department", "ministry", "office", "court", "committee", "council", "house",
                              "party", "service", "services", "agency", "board", "bureau", "commission",
                              "administration", "government", "league", "association", "inc", "ltd", "llc",
                              "corp", "group", "bank", "fund", "trust", "times", "news", "post"})
_NOT_SURNAMES = MONTHS | WEEKDAYS | TIME_ADVERBS | TITLES | NOT_A_PERSON_END | INSTITUTION_ENDS
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*"
_OFFICE_THEN_NAME = re.compile(
    rf"(?:.*\s|^)(?:{'|'.join(OFFICES)})\.?(?:\s+of\s+[A-Z][^\W\d_]+)?\s+"
    rf"((?:{_CAP_WORD}[-'\u2019.]?[^\W\d_]*\s+){{0,2}}{_CAP_WORD}(?:[-'\u2019][^\W\d_]+)*)$")
# Generational suffixes: part of the name ("Martin Luther King Jr.").
# A monarch's or pope's number is part of the name too ("Henry VIII", "Baudouin I").
SUFFIXES = ("Jr", "Sr")
ROMAN = r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})"
_ONE = "|".join([*(r"\.?".join(c) + r"\.?" for c in CREDENTIALS), *(r"\.".join(c) + r"\." for c in DOTTED_CREDENTIALS)])
# A run of credentials after a name, each after a comma or a space, ending where the sentence
# goes on: "Dana Whitfield, M.S., R.D., a dietitian", "Peter Black MBE said".
_CREDENTIAL = rf" (?:{_ONE})(?![\w.-])"
_RUN_PATTERN = rf"(?:,?{_CREDENTIAL})+(?=[,;:.)]|\s+[a-z]|\s*$)"
_RUN = re.compile(_RUN_PATTERN, re.MULTILINE)
_RUNS = Clued(_RUN_PATTERN, _CREDENTIAL, re.MULTILINE)  # over a whole text: a credential after a space first
_SUFFIX_WORD = re.compile(rf"(?:{'|'.join(SUFFIXES)})\.?,?|{ROMAN},?")
# A number after a name, that the model left out ("King Baudouin I born"); not the pronoun "I"
# ("said Kerry I think").
# One or two more capitalised words after a two-word name, then punctuation or a word in lower
# case: the surname the model cut off ("Marco Tonchetti" of "Marco Tonchetti Provera.", "Aung San"
# of "Aung San Suu Kyi hit out").
_CUT_SURNAME = re.compile(r" [A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+)?(?=[.,;:)]?\s+[a-z(\"]|[.,;:)]|$)")
_NUMBER_AFTER = re.compile(rf" (?!I (?:{'|'.join(PRONOUN_VERBS)})\b){ROMAN}(?![\w'\u2019.-])")
# Lower-case particles after a name, then the capitalised word they lead to (" wa Dondo"), or a
# surname joined to its particle (" al-Kabariti"). One-letter particles are words of a sentence
# as often ("Smith e Silva" is rare).
_LONG_PARTICLE = "|".join(sorted((p for p in PARTICLES if len(p) > 1), key=len, reverse=True))
_PARTICLES_THEN_NAME = re.compile(
    rf"((?: (?:{_LONG_PARTICLE}))*) (?P<joined>(?:{_LONG_PARTICLE})[-'\u2019])?"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'\u2019][^\W\d_]+)*")
_PARTICLE_WORD = re.compile(rf"(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})(?:[-'\u2019].+)?")


def is_credential(word: str) -> bool:
    """Whether `word` is a degree, professional letters or an honour: "Ph.D.", "MBE", "R.D."."""
    return re.fullmatch(_ONE, word.strip(",")) is not None


def is_suffix(word: str) -> bool:
    """Whether `word` is a generational suffix: "Jr.", "III"."""
    return _SUFFIX_WORD.fullmatch(word) is not None


def is_particle(word: str) -> bool:
    """Whether `word` is a lower-case particle of a name or starts with one and a hyphen:
    "von", "der", "da", "al-Assad", "bin"; a capitalised one opens a sentence ("Von der Leyen")."""
    return _PARTICLE_WORD.fullmatch(word) is not None


def credential_spans(text: str) -> list[tuple[int, int]]:
    """Where runs of credentials follow a name in `text`: ", M.S., R.D." in "Dana Whitfield,
    M.S., R.D., a dietitian"."""
    return [m.span() for m in _RUNS.finditer(text)
            if re.search(r"(?:^|\s)[A-ZÀ-ÖØ-Þ][^\W\d_]*$", text[max(0, m.start() - 40):m.start()])]


def opens_with_credentials(after: str) -> bool:
    """Whether the text right after a name is a run of credentials: ", Ph.D., who"."""
    return _RUN.match(after) is not None


def person_after_office(form: str) -> int | None:
    """Where a person's name starts in a form the model took for an organisation or a place
    because an office or title stands in front ("Labour MP Nicky Morgan" -> 9, "Justice
    Gorsuch" -> 8); None when no office is followed by one to three capitalised words, or when
    they name an institution ("Justice Department") or a thing ("Nobel Prize")."""
    m = _OFFICE_THEN_NAME.match(form)
    if m is None:
        return None
    words = m.group(1).split()
    last = words[-1].rstrip(".").casefold()
    if last in INSTITUTION_ENDS or last in NOT_A_PERSON_END or any(w.rstrip(".") in OFFICES for w in words):
        return None
    return m.start(1)


def particle_surname(words: list[str]) -> tuple[str, ...]:
    """The surname of a name written with particles, from the first lower-case particle on
    and case folded ("Ursula von der Leyen" -> ("von", "der", "leyen"), "Bashar al-Assad" ->
    ("al-assad",)); () for a name without one."""
    for i, word in enumerate(words[1:], 1):
        if word[0].islower() and is_particle(word) and i < len(words) - (not re.search(r"[-'\u2019]", word)):
            return tuple(w.casefold() for w in words[i:])
    return ()


def called_by(words: list[str]) -> str | None:
    """The word before the particles, which many such names are known by: "Lula" of "Luiz
    Inácio Lula da Silva"; None when a given name stands there ("Ursula von der Leyen")."""
    surname = particle_surname(words)
    at = len(words) - len(surname)
    return words[at - 1] if surname and at >= 3 else None


def runs_on(text: str, end: int) -> int:
    """Where a name that stops at a particle ("Ursula von der" of "Ursula von der Leyen") or
    before one ("Kengo" of "Kengo wa Dondo", "Abdul-Karim" of "Abdul-Karim al-Kabariti") really
    ends: after the capitalised word that follows the particles; `end` when no particle is there."""
    last = text[:end].rsplit(" ", 1)[-1]
    m = _PARTICLES_THEN_NAME.match(text, end)
    stops_at_particle = last[:1].islower() and is_particle(last)
    return m.end() if m and (stops_at_particle or m.group(1) or m.group("joined")) else end


def with_numbers(mentions: list, text: str, person: object) -> list:
    """The `mentions` with each `person` mention that a regnal number follows in `text` run on
    over it: "Belgian King Baudouin" of "Belgian King Baudouin I born" -> "... Baudouin I"."""
    out = []
    for m in mentions:
        number = m.label == person and _NUMBER_AFTER.match(text, m.end)
        out.append(replace(m, text=text[m.start:number.end()], end=number.end()) if number else m)
    return out


def with_cut_surnames(mentions: list, text: str, spans: list[tuple[int, int]], person: object) -> list:
    """The `mentions` with each two-word `person` mention run on over the surname the model cut
    off (_CUT_SURNAME) where no entity of `spans` starts: "Marco Tonchetti" of "chief executive
    Marco Tonchetti Provera."; not a day, a month, a title or an institution ("Bill Clinton Monday",
    "the Donald Trump Administration")."""
    starts = {a for a, _ in spans}
    out = []
    for m in mentions:
        cut = m.label == person and len(m.text.split()) == 2 and _CUT_SURNAME.match(text, m.end)
        if cut and m.end + 1 not in starts and not set(cut.group().casefold().split()) & _NOT_SURNAMES:
            m = replace(m, text=text[m.start:cut.end()], end=cut.end())
        out.append(m)
    return out
