"""People in results tables, start lists and line-ups: the rows of wire copy.

Results are written as rows ("Roger Federer (Switzerland x3) beat Gael Monfils (France) 6-4",
"205 Jordan Spieth 66 67 72") and line-ups as lists ("England: Joe Hart; Kyle Walker, John
Stones, ..."). The model reads such rows badly (no sentence around a name): it calls some names
organisations or places, misses others, and runs a name into the brackets after it. A row's
shape is the same for every name in it, so the shape decides for all of them, when the model
calls most of the names of that shape in the document people (a league table of teams has the
same shape, and the model calls teams organisations or places).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..article import CITY, ORG, PERSON
from .gazetteer import Gazetteer
from .lexicon import PARTICLES
from .ner import Analysis, Mention
from .places import demonym_country, own_name, place_strength
from .spans import Spans

_WORD = r"[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*"
_CAP = rf"(?=[A-ZÀ-ÖØ-Þ]){_WORD}"
# Two to four capitalised words, lower-case particles between them ("Vincent van Gogh").
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_NAME = rf"{_CAP}(?: (?:(?:{_PARTICLE}) ){{0,2}}{_CAP}){{1,3}}"
# "Roger Federer (Switzerland x3)", "Mikel Landa (Spain/Team Sky)": what the brackets open with.
_BEFORE_BRACKETS = re.compile(rf"(?<![\w.'\u2019-])({_NAME}) \(([^()/\n\d]+?)(?: x?\d+)?\s*[/),]")
# "205 Jordan Spieth 66 67 72", ", Patrick Reed 69 70 68": a name before two scores or more.
_BEFORE_SCORES = re.compile(rf"(?:^|(?<=[\d,;] ))({_NAME})(?= [\d:.+-]*\d[\d:.+-]* [\d:.+-]*\d)", re.MULTILINE)
# A line-up: "England: Joe Hart; Kyle Walker, John Stones, ...": four names or more.
_LIST_LINE = re.compile(rf"^(?:[^:\n]{{1,40}}: )?{_NAME}(?:[,;] {_NAME}){{3,}}\.?$", re.MULTILINE)
_LIST_ITEM = re.compile(rf"(?:(?<=^)|(?<=: )|(?<=[,;] ))({_NAME})(?=[,;.]|$)", re.MULTILINE)
# One name or more, for rows where the shape alone says "person".
_NAMES = rf"{_CAP}(?: (?:(?:{_PARTICLE}) ){{0,2}}{_CAP}){{0,3}}"
_COUNTRY_BRACKETS = r"\(([^()/\n\d]+?)(?: x?\d+)?\s*(?:/[^()\n]*)?\)"
# "Federer (Switzerland) beat Simon (France) 6-2 6-4": a match between two players.
_DUEL = re.compile(rf"(?<![\w.'\u2019-])({_NAMES}) {_COUNTRY_BRACKETS} (?:beat|bt|def\.|defeated|v|vs\.?) "
                   rf"({_NAMES}) {_COUNTRY_BRACKETS}")
# "Scorers: Icardi 12, Perisic 55; Dybala 40 pen": the scorers line of a match report.
_SCORERS_LINE = re.compile(r"^(?:Goal)?[Ss]corers?\s*:\s*(.+)$", re.MULTILINE)
_SCORER = re.compile(rf"(?:(?<=^)|(?<=[,;:] ))({_NAMES})(?= \d)")
# A scorer or a batsman with minutes or runs: "Kane 11, 67", "N. Lyon 8-50", "K.L. Rahul 90".
_INITIALS = r"(?:[A-Z]\.){1,3} ?"
_SCORED = rf"(?:{_INITIALS})?{_NAMES} \d+(?:[-+]\d+)?(?: pen| og)?(?:, \d+(?:[-+]\d+)?(?: pen| og)?)*"
# "Arsenal 2 (Lacazette 12, Ozil 77)": the scorers in brackets after a team's score.
_SCORERS_BRACKETS = re.compile(rf"(?<=\d )\(({_SCORED}(?:[,;] {_SCORED})*)\)")
_SCORED_NAME = re.compile(rf"(?:(?<=^)|(?<=[,;] ))((?:{_INITIALS})?{_NAMES})(?= \d)")
# A batsman's line of a cricket scorecard: "K.L. Rahul c Wade b Hazlewood 51", "Cheteshwar
# Pujara not out 79": the batsman, the fielder and the bowler.
_PLAYER = rf"(?:{_INITIALS})?{_NAMES}"
_BATTING_LINE = re.compile(
    rf"^({_PLAYER}) (?:(?:c|st) ({_PLAYER}) |lbw |c & )?(?:b ({_PLAYER})|not out|run out(?: \(({_PLAYER})\))?) \d+$",
    re.MULTILINE)
# "Chelsea 0 Arsenal 2 (Lacazette 12)": a match result, two teams and their scores.
_TEAM = rf"{_CAP}(?: {_CAP}){{0,3}}"
_RESULT_LINE = re.compile(rf"^({_TEAM}) \d+(?: \([^()\n]*\))? ({_TEAM}) \d+(?: \([^()\n]*\))?$", re.MULTILINE)
# Of the names of one shape that the model calls anything, the share it must call people.
PEOPLE_SHARE = 0.5


def before_brackets(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names right before a bracket that opens with a country, region or nation:
    "Roger Federer (Switzerland x3)", "Akani Simbine (South Africa)"."""
    for m in _BEFORE_BRACKETS.finditer(text):
        if _is_country(m.group(2), gaz):
            yield m.span(1)


def _big_place(name: str, gaz: Gazetteer) -> bool:
    """Whether `name` is the own name of a big place, as clubs are called ("Barcelona"); not
    another language's name of one ("Halep" is Aleppo in Turkish, and a player)."""
    return place_strength(gaz, name) == 2 and any(own_name(p, name) for p in gaz.lookup(name))


def _is_country(inside: str, gaz: Gazetteer) -> bool:
    """Whether the words in a results row's brackets name a country, region or nation."""
    inside = inside.strip()
    return bool(demonym_country(inside)) or any(p.kind != CITY for p in gaz.lookup(inside))


def before_scores(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names that open a row, or a comma's part of one, and are followed by two scores or
    more: "205 Jordan Spieth 66 67 72"."""
    for m in _BEFORE_SCORES.finditer(text):
        yield m.span(1)


def in_a_list(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names of a line that lists four names or more: "Joe Hart; Kyle Walker, John Stones"."""
    for line in _LIST_LINE.finditer(text):
        for m in _LIST_ITEM.finditer(line.group()):
            yield line.start() + m.start(1), line.start() + m.end(1)


def in_a_duel(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The two players of a match, each with a country in brackets: "Federer (Switzerland) beat
    Simon (France) 6-2 6-4"; not a big place ("Barcelona (Spain) beat ..." is a club)."""
    for m in _DUEL.finditer(text):
        for name, inside in ((1, 2), (3, 4)):
            if _is_country(m.group(inside), gaz) and not _big_place(m.group(name), gaz):
                yield m.span(name)


def scorers(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names of a scorers line, each before its minute: "Scorers: Icardi 12, Perisic 55"."""
    for line in _SCORERS_LINE.finditer(text):
        for m in _SCORER.finditer(line.group(1)):
            yield line.start(1) + m.start(1), line.start(1) + m.end(1)


def scorers_in_brackets(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names in brackets after a score, each before its minutes or runs: "Arsenal 2
    (Lacazette 12, Ozil 77)", "India 189 (K.L. Rahul 90; N. Lyon 8-50)"."""
    for group in _SCORERS_BRACKETS.finditer(text):
        for m in _SCORED_NAME.finditer(group.group(1)):
            yield group.start(1) + m.start(1), group.start(1) + m.end(1)


def in_a_batting_line(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The batsman, fielder and bowler of a scorecard line: "K.L. Rahul c Wade b Hazlewood 51"."""
    for m in _BATTING_LINE.finditer(text):
        yield from (m.span(i) for i in range(1, 5) if m.group(i))


def teams(text: str) -> list[tuple[int, int]]:
    """The spans of the two teams of each match result line: "Chelsea 0 Arsenal 2 (Lacazette
    12)"; the model reads some of them as people."""
    return [m.span(i) for m in _RESULT_LINE.finditer(text) for i in (1, 2)]


# Each finds the spans of one row shape; the model's labels decide whether a shape holds people.
ROW_SHAPES: tuple[Callable[[str, Gazetteer], Iterator[tuple[int, int]]], ...] = (
    before_brackets, before_scores, in_a_list)
# Shapes that say "person" by themselves: the model reads single surnames in them worst.
PEOPLE_SHAPES: tuple[Callable[[str, Gazetteer], Iterator[tuple[int, int]]], ...] = (
    in_a_duel, scorers, scorers_in_brackets, in_a_batting_line)


def listed_people(analysis: Analysis, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The spans of the names in rows and lists of the analysed text, for each of ROW_SHAPES
    whose names the model mostly calls people (PEOPLE_SHARE), and for PEOPLE_SHAPES; none inside
    credits or datelines."""
    masked = Spans(analysis.masked)
    person_spans = {(m.start, m.end) for m in analysis.mentions if m.label == PERSON}
    labelled_starts = {m.start for m in analysis.mentions}
    found: list[tuple[int, int]] = []
    for shape in ROW_SHAPES:
        spans = [s for s in dict.fromkeys(shape(analysis.text, gaz)) if s[0] not in masked]
        voted = [s for s in spans if s[0] in labelled_starts]
        people = sum(s in person_spans for s in voted)
        if voted and people >= 2 and people >= PEOPLE_SHARE * len(voted):
            found += spans
    for shape in PEOPLE_SHAPES:
        found += [s for s in shape(analysis.text, gaz) if s[0] not in masked]
    return sorted(set(found))


def add_listed_people(analysis: Analysis, gaz: Gazetteer) -> None:
    """Make each name of listed_people one PERSON mention of `analysis`, in place of whatever
    mentions the model had over it ("Novak Djokovic (Serbia x2" an organisation), and note
    their starts in `analysis.listed`; make each team of a result line one ORG mention, its
    start in `analysis.teams`."""
    spans, team_spans = listed_people(analysis, gaz), teams(analysis.text)
    if not spans and not team_spans:
        return
    taken = Spans(spans + team_spans)
    kept = [m for m in analysis.mentions
            if m.start not in taken and not any(a < m.end <= b for a, b in spans + team_spans)]
    text = analysis.text
    added = [*(Mention(text[a:b], PERSON, a, b) for a, b in spans),
             *(Mention(text[a:b], ORG, a, b) for a, b in team_spans)]
    analysis.mentions = sorted(kept + added, key=lambda m: m.start)
    analysis.listed = frozenset(a for a, _ in spans)
    analysis.teams = frozenset(a for a, _ in team_spans)
