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

from ..article import CITY, PERSON
from .gazetteer import Gazetteer
from .ner import Analysis, Mention
from .places import demonym_country
from .spans import Spans

_WORD = r"[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*"
_CAP = rf"(?=[A-ZÀ-ÖØ-Þ]){_WORD}"
# Two to four capitalised words, lower-case particles between them ("Vincent van Gogh").
_NAME = rf"{_CAP}(?: (?:[a-z]{{1,3}} ){{0,2}}{_CAP}){{1,3}}"
# "Roger Federer (Switzerland x3)", "Mikel Landa (Spain/Team Sky)": what the brackets open with.
_BEFORE_BRACKETS = re.compile(rf"(?<![\w.'\u2019-])({_NAME}) \(([^()/\n\d]+?)(?: x?\d+)?\s*[/),]")
# "205 Jordan Spieth 66 67 72", ", Patrick Reed 69 70 68": a name before two scores or more.
_BEFORE_SCORES = re.compile(rf"(?:^|(?<=[\d,;] ))({_NAME})(?= [\d:.+-]*\d[\d:.+-]* [\d:.+-]*\d)", re.MULTILINE)
# A line-up: "England: Joe Hart; Kyle Walker, John Stones, ...": four names or more.
_LIST_LINE = re.compile(rf"^(?:[^:\n]{{1,40}}: )?{_NAME}(?:[,;] {_NAME}){{3,}}\.?$", re.MULTILINE)
_LIST_ITEM = re.compile(rf"(?:(?<=^)|(?<=: )|(?<=[,;] ))({_NAME})(?=[,;.]|$)", re.MULTILINE)
# Of the names of one shape that the model calls anything, the share it must call people.
PEOPLE_SHARE = 0.5


def before_brackets(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names right before a bracket that opens with a country, region or nation:
    "Roger Federer (Switzerland x3)", "Akani Simbine (South Africa)"."""
    for m in _BEFORE_BRACKETS.finditer(text):
        inside = m.group(2).strip()
        if demonym_country(inside) or any(p.kind != CITY for p in gaz.lookup(inside)):
            yield m.span(1)


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


# Each finds the spans of one row shape; the model's labels decide whether a shape holds people.
ROW_SHAPES: tuple[Callable[[str, Gazetteer], Iterator[tuple[int, int]]], ...] = (
    before_brackets, before_scores, in_a_list)


def listed_people(analysis: Analysis, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The spans of the names in rows and lists of the analysed text, for each shape whose
    names the model mostly calls people (PEOPLE_SHARE); none inside credits or datelines."""
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
    return sorted(set(found))


def add_listed_people(analysis: Analysis, gaz: Gazetteer) -> None:
    """Make each name of listed_people one PERSON mention of `analysis`, in place of whatever
    mentions the model had over it ("Novak Djokovic (Serbia x2" an organisation)."""
    spans = listed_people(analysis, gaz)
    if not spans:
        return
    taken = Spans(spans)
    kept = [m for m in analysis.mentions if m.start not in taken and not any(a < m.end <= b for a, b in spans)]
    text = analysis.text
    analysis.mentions = sorted(kept + [Mention(text[a:b], PERSON, a, b) for a, b in spans], key=lambda m: m.start)
