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

from ..article import COUNTRY, ORG, PERSON
from .gazetteer import Gazetteer
from .clues import AtLineStarts, Clued
from .leaderboards import CAP_WORD, CAPITAL, in_a_bracketed_list, in_a_tally, tally_clubs, through_holes, with_a_record
from .leaderboards import names_a_country as _is_country
from .lexicon import (BARE_INSTITUTION_WORDS, COMPANY_ENDS, GROUP_NOUNS, HONORIFICS, INSTITUTION_WORDS,
                      OF_PLACE_HEADS, PARTICLES, TITLES, any_of)
from .ner import Analysis, Mention
from .people import cued_names, done_by_a_player
from .places import demonym_country, own_name, place_strength
from .spans import Spans
from .sports_lexicon import LINE_UP_WORDS, SCORING_WORDS

# Two to four capitalised words, lower-case particles between them ("Vincent van Gogh").
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_NAME = rf"{CAP_WORD}(?: (?:(?:{_PARTICLE}) ){{0,2}}{CAP_WORD}){{1,3}}"
# "Roger Federer (Switzerland x3)", "Mikel Landa (Spain/Team Sky)": what the brackets open with.
# A wrapped row breaks the line before or inside the brackets ("Heinz-Peter Thul\n(Germany)").
_BEFORE_BRACKETS = Clued(rf"(?<![\w.'\u2019-])({_NAME})[ \n]\(\n?([^()/\n\d]+?)(?: x?\d+)?\s*[/),]",
                         r"\((?<=[ \n]\()\n?[^()/\n\d]")
# "205 Jordan Spieth 66 67 72", ", Patrick Reed 69 70 68": a name before two scores or more.
# The scores may go on the next line of a wrapped row ("Barry Lane\n68 67").
_BEFORE_SCORES = Clued(rf"(?:^|(?<=[\d,;] ))({_NAME})(?=[ \n][\d:.+-]*\d[\d:.+-]* [\d:.+-]*\d)",
                       r"\d[\d:.+-]* [\d:.+-]*\d", re.MULTILINE)
# The surname a wrapped golf row carries over to the next line, before the rounds: "Brooks 69 69
# 74 71, Nick Faldo (Britain) 70 71", "Goosen (South Africa) 71 74" (rounds of 59 to 89 strokes;
# a league table's columns are smaller).
_SURNAME_BEFORE_ROUNDS = AtLineStarts(r"([A-Z][\w'\u2019-]+)(?: \([^()\n]+\))?(?: [5-8]\d){2,}\b")
# A line-up: "England: Joe Hart; Kyle Walker, John Stones, ...": four names or more.
# One name or more, for rows where the shape alone says "person".
_NAMES = rf"{CAP_WORD}(?: (?:(?:{_PARTICLE}) ){{0,2}}{CAP_WORD}){{0,3}}"
# A line-up may list surnames alone ("Given, Breen, Staunton, Irwin"), open with a score ("65
# Billy Andrade, Duffy Waldorf, ..."), open with its side and a dash ("Sri Lanka - Arjuna
# Ranatunga (captain), ..."), mark a player's role ("Wasim Akram (captain)") and run on
# to the next line after a comma.
# A bracket after a listed player: a role ("Wasim Akram (captain)"), a country ("Dave Barr
# (Canada)") or a substitute who came on ("Zahovic (Drulovic 70)").
_ROLE_MARK = r"(?: \([^()\n]{1,40}\))?"
_LIST_LINE = AtLineStarts(rf"(?:[^:\n]{{1,40}}(?::| -) |\d+ )?{_NAMES}{_ROLE_MARK}"
                          rf"(?:[,;] {_NAMES}{_ROLE_MARK}){{3,}}[.,]?$")
# A listed player: after the line's start, the lead's colon or dash, or a separator, and before
# the next; or a substitute in brackets with his minute ("(Drulovic 70)").
_ITEM_AFTER = r"(?<=^)|(?<=: )|(?<= - )|(?<=[,;] )"
_SUBSTITUTE = rf"(?<=\()({_NAMES})(?= \d{{1,3}}\))"
_LIST_ITEM = re.compile(rf"(?:{_ITEM_AFTER}|(?<=\d ))({_NAMES})(?={_ROLE_MARK}(?:[,;.]|$))|{_SUBSTITUTE}",
                        re.MULTILINE)
# The fewest players of a line-up headed by a side rather than a line-up word.
SIDE_LINE_UP = 4
_RUN_ON = (",\n", ", ")  # a line that ends in a comma runs on into the next; offsets kept
_COUNTRY_BRACKETS = r"\(([^()/\n\d]+?)(?: x?\d+)?\s*(?:/[^()\n]*)?\)"
# "Federer (Switzerland) beat Simon (France) 6-2 6-4": a match between two players, the second
# perhaps after a seeding ("beat 3 - Jana Novotna (Czech Republic)"), the country perhaps on the
# next line of a wrapped row.
_DUEL_WORD = r" (?:beat|bt|def\.|defeated|v|vs\.?) "
_DUEL = Clued(rf"(?<![\w.'\u2019-])({_NAMES}) {_COUNTRY_BRACKETS}{_DUEL_WORD}"
              rf"(?:\d{{1,2}} - )?({_NAMES})(?: {_COUNTRY_BRACKETS}|[ \t]*$)", rf"\){_DUEL_WORD}", re.MULTILINE)
# "Scorers: Icardi 12, Perisic 55; Dybala 40 pen", "Tries: Roff (2), Tune": a scorers line of a
# match report, each name before its minute or count, a separator or the line's end; the side
# may come first ("Wales - Tries: Ieuan Evans").
_SCORERS_LINE = AtLineStarts(rf"(?:[^:\n]{{1,40}} - )?(?:{any_of(SCORING_WORDS)})\s*:\s*(.+)$")
_SCORER = re.compile(rf"(?:(?<=^)|(?<=[,;:.] )|(?<= - ))({_NAMES})(?= \d| \(\d{{1,2}}\)|[,;.]|$)")
# A scorer or a batsman with minutes or runs: "Kane 11, 67", "N. Lyon 8-50", "K.L. Rahul 90".
_INITIALS = r"(?:[A-Z]\.){1,3} ?"
_RUNS = r"\d+(?:[-+]\d+|st|nd|rd|th)?(?: not(?:\sout)?| pen| penalty| og| own goal| minute)?"
_SCORED = rf"(?:(?:{_INITIALS})?{_NAMES},?\s{_RUNS}(?:(?:,| and)? {_RUNS})*|(?:{_INITIALS})?{_NAMES}$)"
# "Arsenal 2 (Lacazette 12, Ozil 77)": the scorers in brackets after a team's score.
# The brackets may run over line breaks, a wrapped row ("(A. Giles 57 not out, W. Khan\n52; ...").
# A side's innings may be "declared" or "closed" before them, and a wrapped bracket goes on at the
# start of the next line ("D. Fulton 64, M. Walker 59) and second innings").
_SCORERS_BRACKETS = Clued(
    rf"(?:(?:(?<=\d )|(?<=declared )|(?<=closed )|^)\(|^(?=(?:{_INITIALS})?{_NAMES} \d[^\n]*\)))"
    rf"({_SCORED}(?:[,;]\s{_SCORED})*[,;.]?)(?:\)|$)",
    r"\((?<=\d \()|\((?<=declared \()|\((?<=closed \()|\((?<=^\()| \d[^\n]*\)", re.MULTILINE)
_SCORED_NAME = re.compile(rf"(?:(?<=^)|(?<=[,;]\s))((?:{_INITIALS})?{_NAMES})(?=,?\s\d|$)")
# A batsman's line of a cricket scorecard: "K.L. Rahul c Wade b Hazlewood 51", "Cheteshwar
# Pujara not out 79", "Nayan Mongia c subs (Roland Holder) b Walsh 2": the batsman, the fielder and
# the bowler; a correction may follow ("27 (corrects from 28)").
_PLAYER = rf"(?:{_INITIALS})?{_NAMES}"
_BATTING_LINE = AtLineStarts(
    rf"({_PLAYER}) (?:(?:c|st) ({_PLAYER}) |c subs? \(({_PLAYER})\) |lbw |c & |c and )?"
    rf"(?:b ({_PLAYER})|not out|run out(?: \(({_PLAYER})\))?) \d+(?: \([^()\n]*\))?$")
# A country's team or pair, their full names in brackets: "Germany (Guido Fulst, Danilo Hondo,
# Thorsten Rund)", "Australia (Todd Woodbridge / Mark Woodforde)".
_SQUAD = Clued(rf"(?<![\w.'\u2019-])({CAP_WORD}(?: {CAP_WORD}){{0,2}}) "
               rf"\(({_NAMES}(?:(?:, | and | ?/ ?){_NAMES})+)\)", rf"\({CAPITAL}[^()\n]*?(?:, | and |/)")
_SQUAD_NAME = re.compile(rf"(?:(?<=^)|(?<=, )|(?<= and )|(?<=/)|(?<=/ ))({_NAMES})(?=,| and| ?/|$)")
# A line-up: a side or a line-up word, a colon or a dash, then two players or more, perhaps with
# initials: "Scotland: Andrew Goram, Craig Burley, ...", "To bat: R. Croft, D. Cork, A. Mullally".
_LINE_UP = AtLineStarts(rf"(?P<lead>[^:\n]{{1,40}})(?::| -) {_PLAYER}{_ROLE_MARK}"
                        rf"(?:[,;] {_PLAYER}{_ROLE_MARK})+[.,]?$")
_LINE_UP_ITEM = re.compile(rf"(?:{_ITEM_AFTER})({_PLAYER})(?={_ROLE_MARK}(?:[,;.]|$))|{_SUBSTITUTE}")
# A bowler's figures, overs-maidens-runs-wickets: "Bowling: Vass 7-0-29-0, de Silva 4-0-25-0".
_FIGURES = Clued(rf"(?:(?<=^)|(?<=: )|(?<=, ))((?:{_INITIALS})?(?:(?:{_PARTICLE}) )?{_NAMES})"
                 rf" \d+(?:\.\d)?-\d+-\d+-\d+\b", r"-\d+-\d+-\d", re.MULTILINE)
# "Chelsea 0 Arsenal 2 (Lacazette 12)": a match result, two teams and their scores, perhaps with a
# full stop ("Hansa Rostock 0 Hamburg 1 (Baeron 64th min).").
_TEAM = rf"{CAP_WORD}(?: {CAP_WORD}){{0,3}}"
_RESULT_LINE = AtLineStarts(rf"({_TEAM}) \d+(?: \([^()\n]*\))? ({_TEAM}) \d+(?: \([^()\n]*\))?\.?$")
# "Derbyshire 471 (J. Adams 123, ...)", "Surrey 429-7 (C. Lewis 80 not out": a side's score, then
# the players who made it.
_SIDE_BEFORE_PLAYERS = Clued(
    rf"(?:(?<=^)|(?<=: )|(?<=, )|(?<=\) ))({_TEAM}) \d+(?:-\d+)?(?: and \d+(?:-\d+)?)?(?: declared)? "
    rf"\((?:{_INITIALS})?{_NAMES},?\s\d", rf"\((?:(?<=\d \()|(?<=declared \()){CAPITAL}", re.MULTILINE)
# "Nottinghamshire 214 (P. Johnson 84), Kent 108-3": the other sides of a scorecard line, read
# with what the brackets hold blanked out.
_SIDE_SCORE = re.compile(rf"(?:(?<=^)|(?<=: )|(?<=, ))({_TEAM}) \d+(?:-\d+)?(?: and \d+(?:-\d+)?)?(?=[,.]? *$|,| \()",
                         re.MULTILINE)
_BRACKETS = re.compile(r"\([^()\n]*\)")
# "Alex Zanardi (Italy), Reynard Honda, 53.980", "David Coulthard (Britain) McLaren 1:54.342": the
# make or team a driver or a rider races for.
_MAKE = re.compile(rf"{_COUNTRY_BRACKETS},? ({_TEAM}),? \d")
# "Flamurtari Vlore (Albania) 0 Chemlon Humenne (Slovakia) 1": clubs of two countries, each side
# before its country and the first before its goals (a runner's time, "(Jamaica) 12.71", is no
# goals and a golfer's rounds are followed by no name).
_CLUB_RESULT = Clued(rf"(?<![\w.'\u2019-])({_TEAM}) {_COUNTRY_BRACKETS} \d{{1,2}} ({_TEAM})(?= \(|[ \t]*$| \d)",
                     rf"\) \d{{1,2}} {CAPITAL}", re.MULTILINE)
# "Morton v Falkirk, Partick v St Mirren, St Johnstone v Airdrieonians.": a fixture's two sides.
# Wire copy writes "v" between clubs and counties (61 of 63 in CoNLL eng.train and eng.testa, the
# other two nations; no people); "Federer (Switzerland) v Simon (France)", with countries, is a
# _DUEL's, whose players the model tells from clubs.
_FIXTURE = Clued(rf"(?:(?<=^)|(?<=: )|(?<=, ))({_TEAM}) v\s({_TEAM})(?=[,.]?[ \t]*$|, )", r" v\s", re.MULTILINE)
# "Surrey captain Chris Lewis", "Lancashire batsman Graham Lloyd": a side before a player's role.
_SIDE_ROLES = ("captain", "skipper", "coach", "manager", "batsman", "bowler", "all-rounder", "spinner", "seamer",
               "wicketkeeper", "striker", "midfielder", "defender", "goalkeeper", "winger", "pitcher", "outfielder",
               "infielder", "quarterback", "fullback", "flanker", "teammate", "team-mate")
_SIDE_ROLE = rf" (?:{'|'.join(_SIDE_ROLES)}) (?=[A-Z])"
_SIDE_BEFORE_ROLE = Clued(rf"(?<![\w.'\u2019-])({_TEAM}){_SIDE_ROLE}", _SIDE_ROLE)
# A player's minute in a match report: "Cosmin Contra (31st)", "(Gordon Durie 75th)", "(Alama
# Ieremia, 70)", "Aunger (41st min, pen)", a list of them wrapped over lines ("(Klinsmann 15th,
# Zieger 24th and", "Moeller 73rd, Heinrich 90th).").
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_MINUTE = Clued(rf"(?:(?<=^)|(?<=[-,;(:] )|(?<=\()|(?<= and ))({_PLAYER})"
                rf"(?= \({_ORDINAL}\b| {_ORDINAL}(?: min\w*)?\)|, \d{{1,2}}(?:st|nd|rd|th)?(?: min\w*)?\)"
                rf"| {_ORDINAL}(?:[- ]pen\w*\.?)?(?:[,;]| and\b|$))",
                r"\d(?:st|nd|rd|th)|, \d{1,2}(?: min\w*)?\)", re.MULTILINE)
# A numbered line-up: "New Zealand - 15 - Christian Cullen, 14 - Jeff Wilson, 13 - Walter Little".
_NUMBERED = re.compile(rf"(?:(?<=^)|(?<=[-,;(] )|(?<=[,;(]))\d{{1,2}} ?- ?({_PLAYER})(?=[,;()]| \(| \d|\.?$)",
                       re.MULTILINE)
# What each of its lines holds: a number, a dash and a capital.
_NUMBERED_CLUE = re.compile(rf"\d ?- ?{CAPITAL}")
_NUMBERED_ALONE = re.compile(rf"\d{{1,2}} - {_PLAYER}(?: \([^()\n]+\))?\.?")
# A wire story's reporter: the name on a line of its own above the dateline ("Vera Haller" above
# "VENICE, Italy 1996-08-31"), or signing off below the story ("-- Amra Kevic, Belgrade
# newsroom +381 11 2224305", "-- Anthony Barker +48 22 653 9700").
_DATELINE_BELOW = r"\n[A-Z][A-Z.'\- ]+[A-Z](?:, [^\n\d]{1,30})? (?:\d{4}-\d\d-\d\d|\(\w+\))"
_BYLINE_ABOVE = Clued(rf"^({_NAME})$(?={_DATELINE_BELOW})", _DATELINE_BELOW, re.MULTILINE)
_SIGN_OFF = AtLineStarts(rf"-- ({_NAME})(?=,[^\n]{{0,80}} \+?\d[\d -]{{5,30}}$| \+?\d[\d -]{{5,30}}$)")
# "Karim Alami of Morocco", "Anke Huber of Germany": a player or a politician and where from.
_OF_COUNTRY = re.compile(rf"(?<![\w.'\u2019-])({_NAME}) of (?:the )?({CAP_WORD}(?: {CAP_WORD}){{0,2}})(?=[\s,.;:)]|$)")
# Words no person's name has, that make "X of <country>" a body, an office or a title.
_NOT_OF_NAMES = (BARE_INSTITUTION_WORDS | {w.casefold() for w in INSTITUTION_WORDS} | TITLES | HONORIFICS
                 | GROUP_NOUNS | COMPANY_ENDS | OF_PLACE_HEADS)
# The fewest shirt numbers before names that make a line a line-up.
NUMBERED_LINE = 3
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


def _is_nation(name: str, gaz: Gazetteer) -> bool:
    """Whether `name` is a country's or a nation's (not a region's: "Durham", "Queensland")."""
    return bool(demonym_country(name)) or any(p.kind == COUNTRY for p in gaz.lookup(name))


def before_scores(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names that open a row, or a comma's part of one, and are followed by two scores or
    more: "205 Jordan Spieth 66 67 72"."""
    for m in _BEFORE_SCORES.finditer(text):
        yield m.span(1)


def surnames_before_rounds(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """A golfer's surname that opens a wrapped row before the rounds: "Brooks 69 69 74 71"."""
    for m in _SURNAME_BEFORE_ROUNDS.finditer(text):
        yield m.span(1)


def in_a_list(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names of a line that lists four names or more: "Joe Hart; Kyle Walker, John Stones";
    a line that ends in a comma runs on to the next."""
    for line in _LIST_LINE.finditer(text.replace(*_RUN_ON)):
        for m in _LIST_ITEM.finditer(line.group()):
            yield line.start() + m.start(m.lastindex), line.start() + m.end(m.lastindex)


def in_a_line_up(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The players of a line-up that a line-up word heads, or follows on a line of its own ("To
    bat: R. Croft, D. Cork", "Teams:" then "Chelsea - Kharine, Petrescu"), or that a country
    heads with SIDE_LINE_UP players or more ("Scotland: Andrew Goram, Craig Burley, ..."); none
    that is a country itself."""
    run_on = text.replace(*_RUN_ON)
    for line in _LINE_UP.finditer(run_on):
        lead = line.group("lead").strip()
        heading = run_on[run_on.rfind("\n", 0, max(line.start() - 1, 0)) + 1:max(line.start() - 1, 0)]
        named = lead.casefold() in LINE_UP_WORDS or heading.strip(" :").casefold() in LINE_UP_WORDS
        items = [m for m in _LINE_UP_ITEM.finditer(line.group()) if not _is_country(m.group(m.lastindex), gaz)]
        if named or _is_country(lead, gaz) and len(items) >= SIDE_LINE_UP:
            yield from ((line.start() + m.start(m.lastindex), line.start() + m.end(m.lastindex)) for m in items)


def in_a_duel(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The two players of a match, each with a country in brackets: "Federer (Switzerland) beat
    Simon (France) 6-2 6-4"; not a big place ("Barcelona (Spain) beat ..." is a club)."""
    for m in _DUEL.finditer(text):
        for name, inside in ((1, 2), (3, 4 if m.group(4) else 2)):
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
        yield from (m.span(i) for i in range(1, 6) if m.group(i))


def with_minutes(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names with the minute of a goal or a substitution: "Cosmin Contra (31st)", "(Gordon Durie
    75th)", "(Alama Ieremia, 70)"."""
    for m in _MINUTE.finditer(text):
        yield m.span(1)


def numbered(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names of a line with NUMBERED_LINE shirt numbers or more ("15 - Christian Cullen, 14 -
    Jeff Wilson, 13 - Walter Little"), or of NUMBERED_LINE lines running, one player each ("5 -
    Slawomir Wojciechowski (GKS Katowice)")."""
    if not _NUMBERED_CLUE.search(text):
        return
    run: list[tuple[int, int]] = []
    for line in re.finditer(r"^.*$", text, re.MULTILINE):
        found = [(line.start() + a, line.start() + b) for a, b in (m.span(1) for m in _NUMBERED.finditer(line.group()))]
        if len(found) >= NUMBERED_LINE:
            yield from found
        alone = len(found) == 1 and _NUMBERED_ALONE.fullmatch(line.group())
        run = run + found if alone else []
        if alone and len(run) == NUMBERED_LINE:
            yield from run
        elif alone and len(run) > NUMBERED_LINE:
            yield found[0]


def reporters(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The reporter of a wire story: a name alone above the dateline, or after "-- " in the
    sign-off with a telephone number ("-- Anthony Barker +48 22 653 9700"); not a desk named
    after its city ("Bombay Commodities" above "BOMBAY 1996-08-30")."""
    for rx in (_BYLINE_ABOVE, _SIGN_OFF):
        yield from (m.span(1) for m in rx.finditer(text) if not _big_place(m.group(1).split()[0], gaz))


def of_a_country(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """A name of two or three words before "of" and a country or region ("Karim Alami of
    Morocco", "Tony Hall of Ohio"), none of whose words is a body's, an office's or a title's
    ("Bank of Japan", "Prime Minister of India", "Duke of York"), that is no place and does not
    open with a big one ("Sydney Harbour of Australia")."""
    for m in _OF_COUNTRY.finditer(text):
        words = m.group(1).split()
        if (len(words) <= 3 and _is_country(m.group(2), gaz) and not any(w.casefold() in _NOT_OF_NAMES for w in words)
                and not gaz.lookup(m.group(1)) and not _big_place(words[0], gaz)):
            yield m.span(1)


def in_a_squad(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The names in brackets after a country: "Germany (Guido Fulst, Danilo Hondo)", a crew of
    surnames ("Germany (Hoppe, Musiol)"); none that is a country or a big place ("France (Paris,
    Lyon)")."""
    for m in _SQUAD.finditer(text):
        if _is_country(m.group(1), gaz):
            names = [n for n in _SQUAD_NAME.finditer(m.group(2)) if not _is_country(n.group(1), gaz)
                     and not _big_place(n.group(1), gaz)]
            yield from ((m.start(2) + n.start(1), m.start(2) + n.end(1)) for n in names)


def bowling_figures(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The bowlers of a scorecard, each before overs, maidens, runs and wickets: "Vass 7-0-29-0"."""
    for m in _FIGURES.finditer(text):
        yield m.span(1)


def teams(text: str, gaz: Gazetteer, named: frozenset[int] | set[int]) -> list[tuple[int, int]]:
    """The spans of the teams of results lines and scorecards: both sides of "Chelsea 0 Arsenal
    2", "Flamurtari Vlore (Albania) 0 Chemlon Humenne", the make a driver races for ("(Italy),
    Reynard Honda, 53.980", "(Britain) McLaren 1:54.342"), a fixture's sides but for nations'
    ("Partick v St Mirren", not "England v Pakistan"), a scorers' tally's clubs ("7 - Bogdan
    Prusek (Sokol Tychy)", leaderboards.tally_clubs), the sides of a line where
    one has its players' scores ("Worcestershire 238, Derbyshire 471 (J. Adams 123"), a side
    before a player's role ("Surrey captain Chris Lewis") when the model named it (starts in
    `named`: not "Former captain ..."); of the last two none that a country or nation goes by (a
    national side is named as its country: "Pakistan 185 (Ijaz Ahmed 79)"; a county's or a
    state's side is a team: "Durham 326 (D. Cox 95"). The model reads some teams as people."""
    found = [m.span(i) for m in _RESULT_LINE.finditer(text) for i in (1, 2)]
    found += [m.span(2) for m in _MAKE.finditer(text) if _is_country(m.group(1), gaz)]
    found += [m.span(i) for m in _CLUB_RESULT.finditer(text) if _is_country(m.group(2), gaz) for i in (1, 3)]
    found += tally_clubs(text, gaz)
    found += [m.span(i) for m in _FIXTURE.finditer(text) if not _is_nation(m.group(1), gaz)
              and not _is_nation(m.group(2), gaz) for i in (1, 2)]
    line_of = lambda at: text.rfind("\n", 0, at)
    sides = [m.span(1) for m in _SIDE_BEFORE_PLAYERS.finditer(text)]
    scorecard_lines = {line_of(a) for a, _ in sides}
    blanked = _BRACKETS.sub(lambda m: " " * len(m.group()), text) if sides else ""
    clubs = sides + [m.span(1) for m in _SIDE_SCORE.finditer(blanked) if line_of(m.start()) in scorecard_lines]
    clubs += [m.span(1) for m in _SIDE_BEFORE_ROLE.finditer(text) if m.start(1) in named]
    return sorted(set(found) | {(a, b) for a, b in clubs if not _is_nation(text[a:b], gaz)})


# Each finds the spans of one row shape; the model's labels decide whether a shape holds people.
ROW_SHAPES: tuple[Callable[[str, Gazetteer], Iterator[tuple[int, int]]], ...] = (
    before_brackets, before_scores, in_a_list)
# The wrapped tails of a row shape's rows, whose names the model reads worst: taken when the
# shape's own names are (not voted on themselves).
CARRIED: dict[Callable, Callable[[str, Gazetteer], Iterator[tuple[int, int]]]] = {before_scores: surnames_before_rounds}
# Shapes that say "person" by themselves: the model reads single surnames in them worst.
PEOPLE_SHAPES: tuple[Callable[[str, Gazetteer], Iterator[tuple[int, int]]], ...] = (
    in_a_duel, scorers, scorers_in_brackets, in_a_batting_line, with_minutes, numbered, bowling_figures,
    in_a_squad, in_a_line_up, reporters, of_a_country, through_holes, in_a_tally, with_a_record,
    in_a_bracketed_list, cued_names, done_by_a_player)


def listed_people(analysis: Analysis, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The spans of the names in rows and lists of the analysed text, for each of ROW_SHAPES
    whose names the model mostly calls people (PEOPLE_SHARE) with the tails it CARRIED, and for
    PEOPLE_SHAPES; none inside credits or datelines."""
    masked = Spans(analysis.masked)
    person_spans = {(m.start, m.end) for m in analysis.mentions if m.label == PERSON}
    labelled_starts = {m.start for m in analysis.mentions}
    found: list[tuple[int, int]] = []
    for shape in ROW_SHAPES:
        spans = [s for s in dict.fromkeys(shape(analysis.text, gaz)) if s[0] not in masked]
        voted = [s for s in spans if s[0] in labelled_starts]
        people = sum(s in person_spans for s in voted)
        if voted and people >= 2 and people >= PEOPLE_SHARE * len(voted):
            tails = CARRIED[shape](analysis.text, gaz) if shape in CARRIED else ()
            found += spans + [s for s in tails if s[0] not in masked]
    for shape in PEOPLE_SHAPES:
        found += [s for s in shape(analysis.text, gaz) if s[0] not in masked]
    return sorted(set(found))


def add_listed_people(analysis: Analysis, gaz: Gazetteer) -> None:
    """Make each name of listed_people one PERSON mention of `analysis`, in place of whatever
    mentions the model had over it ("Novak Djokovic (Serbia x2" an organisation), and note
    their starts in `analysis.listed`; make each team of a result line one ORG mention, its
    start in `analysis.teams`."""
    spans, team_spans = listed_people(analysis, gaz), teams(analysis.text, gaz, {m.start for m in analysis.mentions})
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
