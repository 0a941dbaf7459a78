"""Organisations: how their mentions are cut, what makes a name one, and which names are one.

spaCy's small model calls many capitalised things organisations: a word opening a sentence
("Groups representing doctors"), a technology ("PHP, HTML, CSS"), a page's navigation and
headings ("Fan Contributor Program"), a state's postal code ("CA"). An organisation needs
something that says it is one. Each rule below is named, with the case it is for; the word lists
are in lexicon.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import ORG, PERSON, PLACE
from .clues import AtLineStarts, AtWindowEnd, Clued, matches_at
from .lexicon import (BARE_INSTITUTION_WORDS, COMPANY_DEEDS, COMPANY_ENDS, FIRM_ENDS, INSTITUTION_WORDS,
                      NAME_END_STOPWORDS, NATIONAL_BODIES, NEWSROOM_WORDS, NOT_ORG_ENDS, NOT_ORG_TERMS,
                      ORG_CONTEXT_AFTER, ORG_CONTEXT_BEFORE, ORG_KIND_NOUNS, ORG_NOUNS, PLATFORMS,
                      STATE_ABBREVIATIONS, any_of)
from .ner import Analysis, Mention, occurrences
from .sports_lexicon import CLUB_ENDS, CLUB_PREFIXES, CLUB_TOWN_ENDS

_POSSESSIVE = re.compile(r"['\u2019]s\s+(?=[A-Z])")
# Lower-case words and "-owned"-like suffixes after the name: "Likud party", "Kroger-owned".
_LOWER_TAIL = re.compile(rf"(?:\s+[a-z][\w-]*|-[a-z][\w-]*|\s+(?:{any_of(NAME_END_STOPWORDS)}))+$")
_NOT_ORG_END = re.compile(rf"\b(?:{any_of(NOT_ORG_ENDS)})$")
_AND = re.compile(r"\s+(?:and|&)\s+")
_KIND_NOUN_AFTER = re.compile(rf"\b[Tt]he ([A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:{any_of(ORG_KIND_NOUNS)})\b")
_CALLED_BEFORE = re.compile(rf"\b(?:{any_of(ORG_NOUNS)}) ([A-Z][\w&-]*[A-Z][\w&-]*(?: [A-Z][\w&-]+)*)")
_COUNTRY_BODY = re.compile(rf"^(?:U\.S\.|US|U\.K\.|UK)\s+(?=(?:{any_of(NATIONAL_BODIES)})$)")
# A results line: "Arsenal 2 West Ham 0", "New York 7 Seattle 5", "Bragantino 1 Vasco da Gama 2"; the
# names are teams.
_TEAM = r"[A-Z][\w.'&-]*(?: (?:(?:da|de|do|dos|del|di|la|le|van|von|der|den) )?[A-Z][\w.'&-]*){0,3}"
_SCORE = r" \d{1,3}(?: \([^()\n]*\))?"  # "2 (Larsson 23, Kluivert 80)"
_RESULT = AtLineStarts(rf"[ \t]*({_TEAM}){_SCORE},? ({_TEAM}){_SCORE}\.?[ \t]*$")
# A standings line: "Sheffield Wednesday 4 3 1 0 7 3 10" (a golfer's "Tiger Woods 68 70 71" too).
_STANDING = AtLineStarts(rf"[ \t]*({_TEAM})((?: \d{{1,3}}){{3,}})[ \t]*$")
# A standings line with a winning percentage: "NEW YORK 74 59 .556 -", "BOSTON 69 65 .515 5 1/2"
# (won, lost, percentage, games behind); only teams have one.
_PCT_STANDING = AtLineStarts(rf"[ \t]*({_TEAM}) \d{{1,3}} \d{{1,3}}(?: \d{{1,3}})? [01]?\.\d{{3}}\b.*$")
TABLE_COLUMNS = 6  # a league table has played, won, drawn, lost, for, against, points; a golfer's card fewer
_DIGITS_INSIDE = re.compile(r"\s+\d[\d.,:-]*\s*")
_NUMBERS_ONLY = re.compile(r"[\s\d.,:-]*")
# "is already planning", "might re-release", "has failed": up to three small words, then the deed.
_DEED_AFTER = re.compile(rf"^\s+(?:[a-z]+\s+){{0,3}}?(?:{any_of(COMPANY_DEEDS)})\b")
_PRODUCT_CODE = re.compile(r"\b[A-Z][a-z]*-[A-Z0-9]{1,3}\b")  # "Proton-M", "MS-04"
# Institutions whose name goes on with their place: "University of California, San Diego".
_CAMPUS = re.compile(r"\b(?:University|College|Institute|School)\b")
_INSTITUTION = re.compile(rf"\b(?:{any_of(INSTITUTION_WORDS)})\b")
_OF_NAME = re.compile(r"^[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+)*\s+of\s+[A-Z]")
_ORG_BEFORE = AtWindowEnd(rf"\b(?:{any_of(ORG_CONTEXT_BEFORE)})\s+$", longest=max(map(len, ORG_CONTEXT_BEFORE)),
                          flags=re.IGNORECASE)
_ORG_AFTER = re.compile(rf"^['\u2019]?s?,?\s+(?:the\s+|a\s+)?(?:{any_of(ORG_CONTEXT_AFTER)})\b", re.IGNORECASE)
_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+)\b(?![\w'\u2019-])")
_SENTENCE_LINE_END = re.compile(r"[.!?:;\"\u201d)]\s*$")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,7}")
_ISO2 = re.compile(r"[A-Z]{2}")


# --- Mentions ------------------------------------------------------------------------------------

def refine_org_mentions(analysis: Analysis) -> None:
    """Cut spaCy's organisation mentions where the text says they are cut, in place:
    "University of California, San Diego" is one name (spaCy's span was split at the comma);
    "MIT's Instrumentation Laboratory" is MIT and the laboratory; "Likud party" is Likud;
    "Whole Foods and QFC" two names when one of them is named on its own too; and a place
    directly followed by a name with an organisation's words around it is that organisation
    ("the CEO of Cambridge Analytica")."""
    named = {m.text for m in analysis.mentions}
    mentions: list[Mention] = []
    for m in analysis.mentions:
        if mentions and _rejoins(mentions[-1], m, analysis.text):
            prev = mentions.pop()
            mentions.append(Mention(analysis.text[prev.start:m.end], ORG, prev.start, m.end))
            continue
        mentions += _split_org(m, named) if m.label == ORG else [_institution_from_place(m, analysis.text)]
    analysis.mentions = mentions + platform_mentions(analysis.text, analysis.entity_spans + analysis.masked)


def _rejoins(prev: Mention, m: Mention, text: str) -> bool:
    """"University of California" + ", " + "San Diego" from one entity span: an "X of Y" name
    goes on after its comma unless what follows is an organisation of its own."""
    if prev.label != ORG or text[prev.end:m.start] != ", " or not _OF_NAME.match(prev.text):
        return False
    if m.label == PLACE:
        return bool(_CAMPUS.search(prev.text))
    return bool(_INSTITUTION.search(prev.text)) and not _INSTITUTION.search(m.text)


def _split_org(m: Mention, named: set[str]) -> list[Mention]:
    if prefix := _COUNTRY_BODY.match(m.text):  # "U.S. Senate"
        country = prefix.group().strip()
        return [Mention(country, PLACE, m.start, m.start + len(country)),
                Mention(m.text[prefix.end():], ORG, m.start + prefix.end(), m.end)]
    if cut := _DIGITS_INSIDE.search(m.text):  # "Chelsea 1 Southampton 1"
        head = Mention(m.text[:cut.start()], ORG, m.start, m.start + cut.start())
        rest = Mention(m.text[cut.end():], ORG, m.start + cut.end(), m.end)
        return [p for part in (head, rest) if part.text for p in _split_org(part, named)]
    parts: list[Mention] = []
    at = 0
    for cut in [*_cuts(m.text, named), None]:
        end = cut.start() if cut else len(m.text)
        piece = _LOWER_TAIL.sub("", m.text[at:end])
        if piece and piece[0].isupper():
            parts.append(Mention(piece, m.label, m.start + at, m.start + at + len(piece)))
        at = cut.end() if cut else at
    return parts


def _cuts(form: str, named: set[str]) -> list[re.Match]:
    """Where one organisation mention holds two names: after an owner that is a name of its own
    ("MIT's", "Stanford University's", not "Fisherman's Terminal"), at an "and" beside a name
    the text gives on its own ("Whole Foods and QFC", not "Ways and Means Committee")."""
    cuts = [c for c in _POSSESSIVE.finditer(form)
            if (owner := form[:c.start()].rsplit(" ", 1)[-1]) and (
                owner in named or _ACRONYM.fullmatch(owner) or _INSTITUTION.search(form[:c.start()]))]
    for c in _AND.finditer(form):
        if form[:c.start()] in named or form[c.end():] in named:
            cuts.append(c)
    return sorted(cuts, key=lambda c: c.start())


# Capitalised words (of 3 letters or more, as every platform's name the lexicon has but "X"), read
# only in a text that writes a platform's name with a capital: every word that is a platform's name
# (casefold, ASCII letters) holds that clue ("T" then "witter" in any case); most texts have none.
_CAPITALISED = Clued(r"(?<![\w.@/])[A-Z][\w+]{2,}(?:\s[A-Z][\w+]+)?",
                     "|".join(f"{p[0].upper()}(?i:{re.escape(p[1:])})" for p in PLATFORMS if len(p) >= 3))


def platform_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Organisations the model left unlabelled: services the lexicon knows (PLATFORMS: "on
    Twitter", not a share button alone on its line) and names the text calls a bloc, party or
    group ("the Mercosur bloc")."""
    free = bytearray(b"\1") * len(text)
    for a, b in taken:
        free[a:b] = bytes(b - a)
    found = []
    for m in _CAPITALISED.finditer(text):
        name = m.group() if m.group().casefold() in PLATFORMS else m.group().split()[0]
        if name.casefold() not in PLATFORMS or not all(free[m.start():m.start() + len(name)]):
            continue  # asked first: finding the line of every capitalised word cost more than the rest
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.start())
        if text[line_start:line_end if line_end >= 0 else None].strip() != name:  # not alone on its line
            found.append(Mention(name, ORG, m.start(), m.start() + len(name)))
    for m in [*_at_words(_KIND_NOUN_AFTER, text, ("The", "the")), *_at_words(_CALLED_BEFORE, text, ORG_NOUNS)]:
        if all(free[m.start(1):m.end(1)]):
            found.append(Mention(m.group(1), ORG, m.start(1), m.end(1)))
    return found


def _at_words(pattern: re.Pattern, text: str, words) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern every match of which opens with one of `words`, a
    whole word: tried only where those words occur (ner.occurrences), not at every character."""
    return matches_at(pattern, text, sorted(s for word in words for s in occurrences(text, word)))


def results_teams(text: str, people: set[str]) -> dict[str, list[int]]:
    """The names on results lines ("Arsenal 2 West Ham 0") and standings lines ("Sheffield
    Wednesday 4 3 1 0 7 3 10", "BOSTON 69 65 .515 5 1/2"), which are teams: organisations whatever town they are named
    after. On a short standings line a name the model took for one of the `people` stays a
    person (golf: "Tiger Woods 68 70 71")."""
    found: dict[str, list[int]] = {}
    for m in _RESULT.finditer(text):
        for group in (1, 2):
            found.setdefault(m.group(group), []).append(m.start(group))
    for m in _STANDING.finditer(text):
        if m.group(1) not in people or len(m.group(2).split()) >= TABLE_COLUMNS:
            found.setdefault(m.group(1), []).append(m.start(1))
    for m in _PCT_STANDING.finditer(text):
        found.setdefault(m.group(1), []).append(m.start(1))
    return found


def inside_teams(teams: dict[str, list[int]], positions: dict[str, list[int]]) -> list[str]:
    """The other forms found only inside team names ("Sheffield" of "Sheffield Wednesday") or
    where a team's name starts, or inside one run on into its numbers ("Watford 4 2", "Plzen 2 0"
    of "Viktoria Plzen 2 0 2" on a standings line)."""
    spans = [(s, s + len(team)) for team, starts in teams.items() for s in starts]
    team_starts = {a for a, _ in spans}
    within = lambda f, p, a, b: a <= p < b and (p + len(f) <= b or _NUMBERS_ONLY.fullmatch(f[b - p:]))
    return [f for f, starts in positions.items() if f not in teams and starts
            and all(p in team_starts or any(within(f, p, a, b) for a, b in spans) for p in starts)]


def _institution_from_place(m: Mention, text: str) -> Mention:
    """A place mention and the capitalised word after it, as an organisation when the words
    around them call it one: "the CEO of Cambridge Analytica, ..., said the firm"."""
    nxt = _NEXT_NAME_WORD.match(text, m.end)
    if m.label != PLACE or not nxt:
        return m
    before, after = text[max(0, m.start - 40):m.start], text[nxt.end():nxt.end() + 60]
    if _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
        return Mention(text[m.start:nxt.end()], ORG, m.start, nxt.end())
    return m


# --- Labels -------------------------------------------------------------------------------------

def is_not_an_org_term(e) -> bool:
    """Technologies, units, time zones and degrees are no organisations: "PHP", "CPU", "GMT",
    "M.S."."""
    return e.form.replace(".", "").casefold() in NOT_ORG_TERMS


def is_no_org_thing(e) -> bool:
    """Sites, laws, events and products end in their own words ("International Space Station",
    "Data Retention Bill", "Paris Motor Show", "Vision Pro", "Proton-M") and are no organisations
    to the model's mind alone."""
    return e.majority == ORG and bool(_NOT_ORG_END.search(e.form) or _PRODUCT_CODE.search(e.form))


def is_quoted_fragment(e) -> bool:
    """A quotation mark inside a name belongs to a headline, not an organisation:
    "Antarctica 'Penguin Post Office"."""
    return e.majority == ORG and bool(re.search(r"\s['\u2018\u201c\"]", e.form))


def is_bare_institution_word(e) -> bool:
    """A generic noun on its own names no one organisation: "Groups", "State", "Society"."""
    return e.single and e.form.casefold() in BARE_INSTITUTION_WORDS


def is_place_code(e) -> bool:
    """Two capitals that are a US state's postal code are no organisation unless the text spells
    them out: "CA", "MD" ("US" and "UK", names of countries, are left to the place rules)."""
    form = e.form.replace(".", "")
    return (e.majority == ORG and bool(_ISO2.fullmatch(form)) and form in _STATE_CODES and not e.country_or_region
            and not defines_acronym(e.text, e.form))


def is_page_furniture(e) -> bool:
    """An organisation named only on short lines of their own that are no sentences (headings,
    menus, sign-ups: "Fan Contributor Program") is page furniture. A link on a line of its own
    that the sentence goes on after ("the\nSupreme Court\nhas found") is no such line, and
    results lines and the headings of results tables (digits) are kept."""
    return e.majority == ORG and all(_own_line(e.form, b, a) for b, a in zip(e.befores, e.afters))


def _own_line(form: str, before: str, after: str) -> bool:
    if "\n" not in before or "\n" not in after:
        return False
    end, below = after.split("\n", 1)
    line = before.rsplit("\n", 1)[1] + form + end
    return (len(line.split()) <= 8 and not _SENTENCE_LINE_END.search(line) and not re.search(r"\d", line)
            and not re.match(r"[a-z'\u2019,;]", below) and not _RESULT.pattern.match(below.split("\n", 1)[0]))


def is_unknown_place_acting(e) -> bool:
    """A one-word name the gazetteer does not know, that the model called a place and that plans,
    spends or releases things, is a company: "Lucasfilm is already planning"."""
    return (e.majority == PLACE and e.strength == 0 and e.single and not e.country_or_region
            and any(_DEED_AFTER.match(a) for a in e.afters))


def is_club_or_desk(e) -> bool:
    """A sports club ("Dynamo Moscow", "Manchester United", "Hull City" the model calls a person;
    "Atletico" or "Deportivo" alone, the word a club's name opens with) or a wire service's desk
    ("Moscow Newsroom") is an organisation, whatever the model says."""
    words = e.form.split()
    if len(words) < 2:
        return e.majority is not None and e.form in CLUB_PREFIXES
    last = words[-1].casefold()
    return (words[0] in CLUB_PREFIXES or last in CLUB_ENDS or last in NEWSROOM_WORDS
            or e.majority == PERSON and last in CLUB_TOWN_ENDS)


def ends_as_firm(e) -> bool:
    """A name of two words or more ending in a legal form or a firm's word is a firm's, though the
    model calls it a person ("Lehman Brothers International", "Kloof Gold Mining Co")."""
    last = e.form.split()[-1].rstrip(".").casefold()
    return e.majority == PERSON and not e.single and (last in COMPANY_ENDS or last in FIRM_ENDS)


def runs_on(text: str, start: int) -> bool:
    """Whether the line at `start` is a link inside a sentence that goes on below it ("in the\n
    New England Journal of Medicine\n, and"), not a heading of its own."""
    end = text.find("\n", start)
    return end >= 0 and bool(re.match(r"[a-z,;:.'\u2019)]", text[end + 1:end + 2]))


def heads_an_institution(form: str, text: str) -> bool:
    """Whether `text` also writes `form` before an institution's word: "Commerce" is short for
    "the Commerce Department"."""
    return re.search(rf"(?<![\w-]){re.escape(form)} {_INSTITUTION.pattern}", text) is not None


def is_called_an_institution(e) -> bool:
    """A place's name the text treats as an institution is that institution: "students at
    Georgetown", "Columbia's campus"."""
    return e.majority in (PLACE, ORG) and (any(_ORG_BEFORE.search(b) for b in e.befores)
                                           or any(_ORG_AFTER.match(a) for a in e.afters))


_STATE_CODES = frozenset(STATE_ABBREVIATIONS.values())
ORG_LABEL_RULES = ((is_not_an_org_term, None), (is_no_org_thing, None), (is_quoted_fragment, None),
                   (is_bare_institution_word, None), (is_place_code, None), (is_page_furniture, None),
                   (is_unknown_place_acting, ORG), (is_club_or_desk, ORG))


# --- Same organisation ---------------------------------------------------------------------------

def defines_acronym(text: str, acronym: str) -> bool:
    """Whether the text spells `acronym` out: "Industrial Light & Magic (ILM)", "ILM (Industrial..."."""
    return bool(re.search(rf"\(\s*{re.escape(acronym)}\s*\)|\b{re.escape(acronym)}\s+\([A-Z]", text))


def initials(name: str) -> str:
    """The capitals of a name's capitalised words: "Massachusetts Institute of Technology" -> "MIT"."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019-]*", name))


def same_org(short: str, long: str) -> bool:
    """Whether `short` is another name of `long` in one article: its acronym ("MIT"), the name
    without its legal or institutional ending ("Whole Foods" of "Whole Foods Market", "Florida
    State" of "Florida State University"), or its words turned round ("Defense Department",
    "Department of Defense")."""
    if _ACRONYM.fullmatch(short) and short.replace(".", "") == initials(long) and len(long.split()) > 1:
        return True
    rest = long[len(short):].strip(" ,.").split()
    if long.startswith(short + " ") and len(rest) == 1 and (
            rest[0].casefold() in COMPANY_ENDS or rest[0] in INSTITUTION_WORDS):
        return True
    words = short.split()
    return len(words) > 1 and words[-1] in INSTITUTION_WORDS and long == f"{words[-1]} of {' '.join(words[:-1])}"


def org_groups(forms: list[str]) -> dict[str, set[str]]:
    """The organisation forms of one article grouped by organisation, each under its fullest
    name: {"Massachusetts Institute of Technology": {"MIT", "Massachusetts Institute of Technology"}}.
    Forms that differ only in case are one."""
    groups: dict[str, set[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        owner = next((g for g, fs in groups.items()
                      if any(form.casefold() == f.casefold() or same_org(form, f) for f in fs)), form)
        groups.setdefault(owner, set()).add(form)
    return groups
