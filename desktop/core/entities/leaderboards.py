"""People in leaderboards and scorers' tallies, two more row shapes of wire copy (rows.py reads
the others): a golf leaderboard during a round ("+3 Brad Bryant through 12") and a table of
leading scorers by goals ("7 - Bogdan Prusek (Sokol Tychy)"). The model reads these rows badly
(no sentence around a name); the shape alone says "person".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .gazetteer import Gazetteer

_CAP = r"(?=[A-ZÀ-ÖØ-Þ])[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*"
_NAME = rf"{_CAP}(?: (?:[a-z]{{1,3}} ){{0,2}}{_CAP}){{0,3}}"
# A golfer's score to par, the name, perhaps the country, and the holes played so far:
# "+3 Brad Bryant through 12", "- 1 Hal Sutton through 11", "0 Nick Faldo (Britain) through 5".
_THROUGH = re.compile(rf"^(?:[+-] ?)?\d{{1,2}} ({_NAME})(?: \([^()\n]+\))? (?:through|thru) \d{{1,2}}\b",
                      re.MULTILINE)
# A line of a scorers' tally: the goals, a dash, then players each with the club in brackets,
# wrapped over lines ("4 - Jacek Dembinski (Widzew Lodz), Marcin Mieciel\n(Legia Warsaw)").
_TALLY_LINE = re.compile(rf"^\d{{1,3}} - {_NAME}\s\(")
_TALLY_ITEM = re.compile(rf"(?:(?<=^\d - )|(?<=^\d\d - )|(?<=^\d\d\d - )|(?<=, )|(?<=^))({_NAME})(?=\s\([^()]+\))",
                         re.MULTILINE)
# The fewest lines of goals that make a tally.
TALLY_LINES = 2


def through_holes(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Golfers of a leaderboard during a round, before the holes they have played: "+3 Brad
    Bryant through 12" (only a golfer is "through" a number of holes after a score to par)."""
    yield from (m.span(1) for m in _THROUGH.finditer(text))


def in_a_tally(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The players of a scorers' tally of TALLY_LINES lines of goals or more, each before the
    club in brackets: "3 - Anto Drobnjak (Bastia), Xavier Gravelaine (Marseille)" and its wrapped
    lines; none that is a club's country ("(France)" is no club, but a tally has no countries)."""
    blocks = re.split(r"\n(?=\d{1,3} - )", text)
    at, tally = 0, []
    for block in blocks:
        first, _, rest = block.partition("\n")
        if _TALLY_LINE.match(block):
            lines = [first] + list(_run_on_lines(first, rest))
            tally.append((at, "\n".join(lines)))
        at += len(block) + 1
    if len(tally) >= TALLY_LINES:
        for start, body in tally:
            yield from ((start + m.start(1), start + m.end(1)) for m in _TALLY_ITEM.finditer(body))


def _run_on_lines(first: str, rest: str) -> Iterator[str]:
    """The lines after a tally's line of goals that carry its players on: while the line before
    ends with a comma or a name whose brackets open the next line."""
    prev_end = first.rstrip()[-1:]
    for line in rest.split("\n"):
        if not (prev_end == "," or line.startswith("(")):
            return
        yield line
        prev_end = line.rstrip()[-1:] if line.rstrip() else "."
