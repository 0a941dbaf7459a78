"""Which two entities of one kind may be one: the pairs worth a user's look, by kind.

Each finder takes the archive's entities of one kind and yields Match values. The entities
are first put in blocks that two forms of one name share (the folded surname, the folded
name, the initials, the GeoNames id), so only entities of one block are compared: over 50,000
entities the finder compares thousands of pairs, not a billion. String similarity is
rapidfuzz's (`fuzz.ratio`, the normalised Indel similarity, 0–100).

The confidences are this project's judgment of how often a user accepts such a proposal
(1 = certainly one entity); they order the proposals and are shown beside them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import NamedTuple

from rapidfuzz import fuzz, process

from desktop.core.entities.name_forms import PersonName, acronym, digits, fold, initials, org_fold, person_name

# Similarity (rapidfuzz ratio, 0-100) at which two given names, surnames or organisation
# names are taken for spellings of one: "Jonathan"/"Johnathan" 94, "Mohamad"/"Mohamed" 86,
# while "Maria"/"Mario" (80) and "Navalni"/"Navalnaia" (88, a man and his wife) stay apart.
SIMILAR_GIVEN = 85
SIMILAR_SURNAME = 90
SIMILAR_ORG = 92
# Shorter words are too alike by chance for a similarity to mean anything ("Chen"/"Chan").
SIMILAR_MIN_LETTERS = 5
# A surname alone is proposed for at most this many full names: nobody can tell which of more
# people a bare "Smith" is, and a list of them all hides the proposals that can be judged.
SURNAME_CHOICES = 3


class Candidate(NamedTuple):
    """An entity as the finders see it (a tuple: 50,000 of them are made at once)."""

    id: int
    kind: str
    key: str
    name: str
    aliases: tuple[str, ...]
    local: bool  # a one-word person scoped to one article
    geonameid: int | None


class Match(NamedTuple):
    """Two entities that may be one, how sure the rule is (0-1) and why, in a short phrase."""

    a: Candidate
    b: Candidate
    score: float
    reason: str


def _forms(c: Candidate) -> set[str]:
    return {c.name, *c.aliases}


def _star(group: list[Candidate], score: float, reason: str) -> Iterator[Match]:
    """Every entity of an equivalence block paired with the block's first: n-1 proposals, not n²."""
    for other in group[1:]:
        yield Match(group[0], other, score, reason)


# --- People ---------------------------------------------------------------------------------


def _initial_of(a: str, b: str) -> bool:
    return len(a) == 1 and b.startswith(a) or len(b) == 1 and a.startswith(b)


def _given_match(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """How two lists of given names (skeletons) can be one person's: "same", "initials",
    "middle name" (only one list has any) or "spelling"; None when they cannot ("john" /
    "pyotr", "john a" / "john b", "george w" / "george h w")."""
    if a == b:
        return "same"
    short, long_ = sorted((a, b), key=len)
    if short[0] == long_[0]:
        how = "same"
    elif _initial_of(short[0], long_[0]):
        how = "initials"
    elif (short[0][0] == long_[0][0] and min(len(short[0]), len(long_[0])) >= SIMILAR_MIN_LETTERS - 1
          and fuzz.ratio(short[0], long_[0]) >= SIMILAR_GIVEN):
        how = "spelling"
    else:
        return None
    if len(short) == 1:
        return "middle name" if how == "same" else how
    if len(short) < len(long_):  # both give middle names, not as many: George W. / George H. W. Bush
        return None
    for word, other in zip(short[1:], long_[1:]):
        if word != other and not _initial_of(word, other):
            return None
        how = "initials" if how == "same" and word != other else how
    return how


_GIVEN_REASONS = {"initials": (0.8, "initials of one name"),
                  "middle name": (0.85, "one name with and without a middle name"),
                  "spelling": (0.75, "similar spellings of the first name")}


def _person_pair(a: Candidate, pa: PersonName, b: Candidate, pb: PersonName) -> Match | None:
    """The match of two full names whose surnames agree (the same skeleton)."""
    how = _given_match(pa.given, pb.given)
    if how is None:
        return None
    if how == "same":
        if fold(a.name).replace(" ", "") == fold(b.name).replace(" ", ""):
            return Match(a, b, 0.98, "the same name but for case, accents or punctuation")
        return Match(a, b, 0.93, "spellings of one name (transliteration)")
    score, reason = _GIVEN_REASONS[how]
    return Match(a, b, score, reason)


def people(candidates: Iterable[Candidate]) -> Iterator[Match]:
    """Pairs of people that may be one: a surname alone and the full names with it ("Navalny",
    "Alexei Navalny"); full names with one surname whose given names agree, are initials of
    each other, leave out a middle name or are spelt alike; one given name and surnames spelt
    alike ("Zelenskyy", "Zelensky" are one skeleton already; "Kadyrov"/"Kadirov" too)."""
    by_surname: dict[str, list[tuple[Candidate, PersonName]]] = defaultdict(list)
    for c in candidates:
        parsed = person_name(c.name)
        if parsed is not None and (parsed.surname_only or not c.local):  # a local full name: none such
            by_surname[parsed.surname].append((c, parsed))
    for group in by_surname.values():
        yield from _same_surname(group)
    yield from _similar_surnames(by_surname)


def _same_surname(group: list[tuple[Candidate, PersonName]]) -> Iterator[Match]:
    full = [(c, p) for c, p in group if not p.surname_only]
    for alone, _ in (g for g in group if g[1].surname_only and len(full) <= SURNAME_CHOICES):
        for c, _ in full:  # several: the user chooses (the join on import took only sure ones)
            yield Match(c, alone, 0.7 if len(full) == 1 else 0.5, "the surname alone")
    by_letter: dict[str, list[tuple[Candidate, PersonName]]] = defaultdict(list)
    for c, p in full:
        by_letter[p.given[0][0]].append((c, p))
    for block in by_letter.values():
        for (a, pa), (b, pb) in combinations(block, 2):
            if (match := _person_pair(a, pa, b, pb)) is not None:
                yield match


def _similar_surnames(by_surname: dict[str, list[tuple[Candidate, PersonName]]]) -> Iterator[Match]:
    """Full names with the same given names whose surnames are spelt alike; surnames are
    compared within blocks of their first two letters."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for surname in by_surname:
        if len(surname) >= SIMILAR_MIN_LETTERS and surname.isalpha():
            blocks[surname[:2]].append(surname)
    for names in blocks.values():
        if len(names) < 2:
            continue
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=SIMILAR_SURNAME)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                yield from _same_given(by_surname[names[i]], by_surname[names[j]])


def _same_given(left: list[tuple[Candidate, PersonName]], right: list[tuple[Candidate, PersonName]]) -> Iterator[Match]:
    given = defaultdict(list)
    for c, p in right:
        if p.given:
            given[p.given].append(c)
    for a, p in left:
        for b in given.get(p.given, ()) if p.given else ():
            yield Match(a, b, 0.7, "one first name, surnames spelt alike")


# --- Organisations ------------------------------------------------------------------------------


def organisations(candidates: list[Candidate], together: set[tuple[int, int]] | None = None) -> Iterator[Match]:
    """Pairs of organisations that may be one: the same name but for case, dots, "the" or a
    legal form ("U.S. Army" / "US Army", "Netflix Inc" / "Netflix"); names spelt alike with the
    same numbers; an acronym and the name it stands for when some article names both
    (`together`: pairs of ids (acronym, name) that share an article; see acronym_pairs)."""
    by_fold: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        for folded in {org_fold(f) for f in _forms(c)}:
            by_fold[folded].append(c)
    seen: set[tuple[int, int]] = set()
    for group in by_fold.values():
        for match in _star(_unique(group), 0.95, "the same name but for case, punctuation or a legal form"):
            seen.add(_pair_ids(match))
            yield match
    for match in _similar_orgs(candidates):
        if _pair_ids(match) not in seen:
            yield match
    names = {c.id: c for c in candidates}
    for short, full in together or ():
        yield Match(names[full], names[short], 0.8, "an acronym and its name, in the same article")


def acronym_pairs(candidates: list[Candidate]) -> list[tuple[int, int]]:
    """(acronym id, name id) of every organisation written as an acronym ("NATO") and every
    other whose initials it is ("North Atlantic Treaty Organization"): the pairs the caller
    checks for a shared article."""
    by_initials: dict[str, list[int]] = defaultdict(list)
    for c in candidates:
        if (letters := initials(c.name)) is not None:
            by_initials[letters].append(c.id)
    return [(c.id, other) for c in candidates if (letters := acronym(c.name)) for other in by_initials.get(letters, ())]


def _similar_orgs(candidates: list[Candidate]) -> Iterator[Match]:
    """Organisations whose folded names are spelt alike ("Ministry of Defence" / "Defense")
    and carry the same numbers; compared within blocks of first three letters and numbers."""
    blocks: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in candidates:
        folded = org_fold(c.name)
        if len(folded) >= 2 * SIMILAR_MIN_LETTERS:
            blocks[folded[:3], digits(folded)].append(c)
    for block in blocks.values():
        if len(block) < 2:
            continue
        folds = [org_fold(c.name) for c in block]
        scores = process.cdist(folds, folds, scorer=fuzz.ratio, score_cutoff=SIMILAR_ORG)
        for i, j in zip(*scores.nonzero()):
            if i < j and folds[i] != folds[j]:
                yield Match(block[i], block[j], 0.75, "names spelt alike")


# --- Places ---------------------------------------------------------------------------------------


def places(candidates: list[Candidate]) -> Iterator[Match]:
    """Pairs of places (cities, countries, other places) that may be one: two entities of one
    GeoNames id; a place GeoNames did not resolve and a resolved one of the same name or alias
    (case, dots and accents aside: "U.S." / "United States" with its alias "US"), or two
    unresolved ones. Two different GeoNames ids are never proposed: Paris, France and Paris,
    Texas are two places."""
    by_id: dict[int, list[Candidate]] = defaultdict(list)
    by_fold: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.geonameid is not None:
            by_id[c.geonameid].append(c)
        for folded in {fold(f) for f in _forms(c)}:
            by_fold[folded].append(c)
    for group in by_id.values():
        yield from _star(group, 1.0, "the same GeoNames place")
    for group in by_fold.values():
        group = _unique(group)
        resolved = {c.geonameid for c in group if c.geonameid is not None}
        unresolved = [c for c in group if c.geonameid is None]
        if not unresolved:
            continue
        if len(resolved) == 1:
            known = next(c for c in group if c.geonameid is not None)
            yield from _star([known, *unresolved], 0.9, "the same name, GeoNames resolved only one")
        elif not resolved:
            yield from _star(unresolved, 0.85, "the same name, neither found in GeoNames")


def _unique(group: list[Candidate]) -> list[Candidate]:
    return list({c.id: c for c in group}.values())


def _pair_ids(match: Match) -> tuple[int, int]:
    return min(match.a.id, match.b.id), max(match.a.id, match.b.id)
