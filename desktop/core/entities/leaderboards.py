"""People in leaderboards, scorers' tallies, squads and pitchers' records, more row shapes of wire
copy (rows.py reads the others): a golf leaderboard during a round ("+3 Brad Bryant through 12"), a
table of leading scorers by goals ("7 - Bogdan Prusek (Sokol Tychy)"), a list of players with their
clubs ("Stephane Henchoz (Hamburg), Marc Hottiger (Everton), ...") and a pitcher's season
("Pettite (19-7) allowed two runs"). The model reads these badly (no sentence around a name, or
a name it does not know); the shape alone says "person".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import CITY
from .clues import AtLineStarts, Clued
from .gazetteer import Gazetteer
from .people import clean_name, has_a_body_word
from .places import demonym_country, place_strength

# A capitalised word of a name, in any alphabet, with its apostrophes and hyphens ("O'Neill").
CAPITAL = "[A-ZÀ-ÖØ-Þ]"  # the first letter of a capitalised word
CAP_WORD = rf"(?={CAPITAL})[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*"
_NAME = rf"{CAP_WORD}(?: (?:[a-z]{{1,3}} ){{0,2}}{CAP_WORD}){{0,3}}"
# A golfer's score to par, the name, perhaps the country, and the holes played so far:
# "+3 Brad Bryant through 12", "- 1 Hal Sutton through 11", "0 Nick Faldo (Britain) through 5".
_THROUGH = AtLineStarts(rf"(?:[+-] ?)?\d{{1,2}} ({_NAME})(?: \([^()\n]+\))? (?:through|thru) \d{{1,2}}\b")
# A line of a scorers' tally: the goals, a dash, then players each with the club in brackets,
# wrapped over lines ("4 - Jacek Dembinski (Widzew Lodz), Marcin Mieciel\n(Legia Warsaw)").
_TALLY_LINE = re.compile(rf"^\d{{1,3}} - {_NAME}\s\(")
_TALLY_ITEM = re.compile(rf"(?:(?<=^\d - )|(?<=^\d\d - )|(?<=^\d\d\d - )|(?<=, )|(?<=^))({_NAME})(?=\s\([^()]+\))",
                         re.MULTILINE)
# A pitcher's wins and losses of the season after the name: "Pettite (19-7)", "Sterling Hitchcock
# (12-6)"; in CoNLL's eng.testa and eng.train's first 500 stories 51 of 54 such names are people's
# (the other three people's with a title or a club before them) and none a team's.
_RECORD = Clued(rf"(?<![\w.'\u2019-])({_NAME}) \((\d{{1,2}})-(\d{{1,2}})\)", r"\(\d{1,2}-\d{1,2}\)")
_OWNER = re.compile(r"\S+['\u2019]s (?=\S)")
# The most games of a pitcher's record: a season's starts (a team's record runs past it).
SEASON_STARTS = 40
_TALLY_CLUB = re.compile(rf"(?<=[ \n]\()(?:both )?({_NAME})(?=\))")
# The fewest lines of goals that make a tally.
TALLY_LINES = 2
# A name before a bracket that holds no number ("Stephane Henchoz (Hamburg)"), and a list of three
# such or more, a comma or a line break between them (perhaps inside a name: "Miladin\nBecanovic"),
# or a comma left out ("Ramon Vega (Cagliari) Raphael Wicky (Sion)").
_BRACKETED = rf"({_NAME})[ \n]\(([^()\n\d]{{1,30}})\)"
_NO_DIGIT_BRACKETS = r"\([^()\n\d]{1,30}\)"
_BRACKETED_LIST = Clued(rf"(?<![\w.'\u2019-]){_BRACKETED}(?:,?[ \n](?:{CAP_WORD}\n)?{_BRACKETED}){{2,}}",
                        rf"{_NO_DIGIT_BRACKETS}[^()]*{_NO_DIGIT_BRACKETS}")
_BRACKETED_ITEM = re.compile(rf"(?:(?<=^)|(?<=[ \n])){_BRACKETED}")


def through_holes(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Golfers of a leaderboard during a round, before the holes they have played: "+3 Brad
    Bryant through 12" (only a golfer is "through" a number of holes after a score to par)."""
    yield from (m.span(1) for m in _THROUGH.finditer(text))


def with_a_record(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Pitchers before their wins and losses of the season, up to SEASON_STARTS games: "Pettite
    (19-7) allowed two runs"; not a team's, which "the" or its town's name opens ("Seattle
    (70-60)", "the Packers (10-3)", "Green Bay Packers (10-3)")."""
    for m in _RECORD.finditer(text):
        words = m.group(1).split()
        team = (text[max(0, m.start(1) - 4):m.start(1)].casefold() == "the "
                or len(words) > 1 and place_strength(gaz, " ".join(words[:-1])) == 2)  # its city's
        if int(m.group(2)) + int(m.group(3)) <= SEASON_STARTS and not team:
            owner = _OWNER.match(m.group(1))  # "Boston's Roger Clemens (7-11)": the club's
            yield m.start(1) + (owner.end() if owner else 0), m.end(1)


def in_a_tally(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The players of a scorers' tally of TALLY_LINES lines of goals or more, each before the
    club in brackets: "3 - Anto Drobnjak (Bastia), Xavier Gravelaine (Marseille)" and its wrapped
    lines."""
    for start, body in _tally(text):
        yield from ((start + m.start(1), start + m.end(1)) for m in _TALLY_ITEM.finditer(body))


def in_a_bracketed_list(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The players of a squad or a list of three or more, each before a bracket that holds no
    country (a club: "Sebastien Fournier (Stuttgart), Christophe Ohrel (Lausanne), Ciriaco
    Sforza (Inter Milan)", wrapped over lines: "Miladin" ending one, "Becanovic (Lille)" opening
    the next); not a body's name ("Deutsche Bank (Frankfurt)") nor a ticker's ("Intel Corp
    (INTC)"). In CoNLL's eng.train and eng.testa 47 of 48 such names are people's (the other a
    club, whose country the gazetteer does not know)."""
    for run in _BRACKETED_LIST.finditer(text):
        for m in _BRACKETED_ITEM.finditer(run.group()):
            if (not names_a_country(m.group(2), gaz) and not m.group(2).isupper() and clean_name(m.group(1))
                    and not has_a_body_word(m.group(1))):
                yield run.start() + m.start(1), run.start() + m.end(1)


def names_a_country(inside: str, gaz: Gazetteer) -> bool:
    """Whether the words in a row's brackets name a country, region or nation."""
    inside = inside.strip()
    return bool(demonym_country(inside)) or any(p.kind != CITY for p in gaz.lookup(inside))


def tally_clubs(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The clubs in a scorers' tally's brackets: "(Sokol Tychy)", "(both Amica Wronki)"."""
    for start, body in _tally(text):
        yield from ((start + m.start(1), start + m.end(1)) for m in _TALLY_CLUB.finditer(body))


def _tally(text: str) -> list[tuple[int, str]]:
    """The lines of goals of a scorers' tally with their wrapped lines, each with its start; []
    when fewer than TALLY_LINES."""
    at, tally = 0, []
    for block in re.split(r"\n(?=\d{1,3} - )", text):
        first, _, rest = block.partition("\n")
        if _TALLY_LINE.match(block):
            tally.append((at, "\n".join([first, *_run_on_lines(first, rest)])))
        at += len(block) + 1
    return tally if len(tally) >= TALLY_LINES else []


def _run_on_lines(first: str, rest: str) -> Iterator[str]:
    """The lines after a tally's line of goals that carry its players on: while the line before
    ends with a comma or a name whose brackets open the next line."""
    prev_end = first.rstrip()[-1:]
    for line in rest.split("\n"):
        if not (prev_end == "," or line.startswith("(")):
            return
        yield line
        prev_end = line.rstrip()[-1:] if line.rstrip() else "."
