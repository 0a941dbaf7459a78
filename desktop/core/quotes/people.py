"""Where the article's people are named outside quotations, and what their pronouns are.

Every mention is of one PERSON entity: its name, an alias, its surname ("Noble" of Ben Noble,
"de Miranda" of Luis de Miranda) or its first name when no other person shares it ("Fiona" of
Fiona Parry). Speaker resolution (cues.py) asks which mention ends or starts where.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..article import PERSON, Entity
from ..entities.lexicon import PARTICLES, PERSON_MODIFIED
from ..entities.ner import occurrences
from .lexicon import GENDERED_NOUNS, GENDERED_PRONOUNS, GENDERED_TITLES, PREPOSITIONS

# How far after a mention a pronoun still votes for that person's gender (characters), and how
# far back a pronoun speaker ("she said") looks for the person it stands for.
PRONOUN_REACH = 250
ANTECEDENT_REACH = 3000
_PRONOUN = re.compile(r"\b(?:%s)\b" % "|".join(GENDERED_PRONOUNS), re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(%s)\.?\s+$" % "|".join(GENDERED_TITLES), re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^,\s+(?:a|an|the|his|her|their)?\s*(?:\w+\s+){0,2}?(%s)\b" % "|".join(GENDERED_NOUNS))
_NOUN_BEFORE = re.compile(r"\b(%s),?\s+$" % "|".join(GENDERED_NOUNS))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # the entity's name


class People:
    """The person mentions of one text outside its quotations (`quoted`: (start, end) spans),
    with each person's gender as the text tells it (he or she, None when it does not)."""

    def __init__(self, text: str, entities: list[Entity], quoted: list[tuple[int, int]]):
        self.text = text
        self._quoted = sorted(quoted)
        self.mentions = self._find(entities)
        self._starts = [m.start for m in self.mentions]
        self._ends = sorted(m.end for m in self.mentions)
        self._by_end = {m.end: m for m in self.mentions}
        self._votes = self._gender_votes()

    def inside_quote(self, pos: int) -> bool:
        """Whether offset `pos` is inside a quotation (its marks included)."""
        k = bisect.bisect_right(self._quoted, (pos, float("inf"))) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _find(self, entities: list[Entity]) -> list[Mention]:
        """Mentions of every form, longer forms first; a surname two people share ("Fodge" of
        Lynn and Bob Fodge) is whichever of them was named last before it."""
        forms, shared = person_forms([e for e in entities if e.kind == PERSON])
        taken = bytearray(len(self.text))
        found = []
        for form in sorted(forms, key=len, reverse=True):
            found += [Mention(a, b, forms[form]) for a, b in self._free(form, taken)]
        found.sort(key=lambda m: m.start)
        starts = [m.start for m in found]
        for form, names in shared.items():
            for a, b in self._free(form, taken):
                last = next((m for m in reversed(found[:bisect.bisect_left(starts, a)]) if m.name in names), None)
                if last is not None:
                    found.append(Mention(a, b, last.name))
        return sorted(found, key=lambda m: m.start)

    def _free(self, form: str, taken: bytearray) -> list[tuple[int, int]]:
        """The whole-word occurrences of `form` outside quotations and longer forms (marked in
        `taken`, which this marks too); not inside a hyphenated word ("Pro-Navalny")."""
        spans = []
        for start in occurrences(self.text, form):
            end = start + len(form)
            hyphened = self.text[start - 1:start] == "-" or self.text[end:end + 1] == "-"
            if hyphened or any(taken[start:end]) or self.inside_quote(start):
                continue
            taken[start:end] = b"\1" * (end - start)
            spans.append((start, end))
        return spans

    def _gender_votes(self) -> dict[str, dict[str, int]]:
        """Each person's votes for he or she from the cues next to their mentions: a title
        ("Mr.", "Miss"), a noun in apposition ("Yulia, a young woman"; "her mother, Fiona") and
        the first he/she/his after the mention before anyone else is named or quoted."""
        votes: dict[str, dict[str, int]] = {}
        for k, m in enumerate(self.mentions):
            tally = votes.setdefault(m.name, {})
            for gender in self._cues(m, self.mentions[k + 1].start if k + 1 < len(self.mentions) else len(self.text)):
                tally[gender] = tally.get(gender, 0) + 1
        return votes

    def learn(self, name: str, gender: str) -> None:
        """Count one more cue of `gender` for `name` (a pronoun found to stand for them)."""
        tally = self._votes.setdefault(name, {})
        tally[gender] = tally.get(gender, 0) + 1

    def gender(self, name: str) -> str | None:
        """He or she, by majority of the votes; None when there are none or they tie."""
        ranked = sorted(self._votes.get(name, {}).items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _cues(self, m: Mention, next_start: int) -> list[str]:
        before, after = self.text[max(0, m.start - 30):m.start], self.text[m.end:m.end + 60]
        cues = []
        if title := _TITLE_BEFORE.search(before):
            cues += [GENDERED_TITLES[title.group(1).lower()]] * 2
        for noun in (_NOUN_AFTER.match(after), _NOUN_BEFORE.search(before)):
            if noun:
                cues.append(GENDERED_NOUNS[noun.group(1)])
        # Up to the next person or quotation: "…,” she said" after a quotation is its speaker's.
        k = bisect.bisect_left(self._quoted, (m.end, 0))
        quote_start = self._quoted[k][0] if k < len(self._quoted) else len(self.text)
        reach = self.text[m.end:min(next_start, quote_start, m.end + PRONOUN_REACH)]
        for p in _PRONOUN.finditer(reach):
            if not self.inside_quote(m.end + p.start()) and _corefers(reach, p):
                cues.append(GENDERED_PRONOUNS[p.group().lower()])
                break
        return cues

    def ending_at(self, end: int) -> Mention | None:
        """The mention ending at offset `end`, if one does."""
        return self._by_end.get(end)

    def starting_in(self, start: int, end: int) -> Mention | None:
        """The first mention starting in [start, end)."""
        k = bisect.bisect_left(self._starts, start)
        return self.mentions[k] if k < len(self.mentions) and self.mentions[k].start < end else None

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), in order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def antecedent(self, pos: int, gender: str | None, previous: tuple[int, str] | None = None,
                   subject: Callable[[Mention], bool] | None = None, near: int = 0) -> str | None:
        """The person a pronoun of `gender` (None: either) at `pos` stands for: the previous speaker (`previous`:
        where their quotation ended, their name) when nobody else was named since; else the
        nearest person named since `near` as a sentence's subject (`subject` tells), else the
        nearest person named before, whose gender is `gender` or unknown, not as the modifier of
        a noun ("the Obama administration")."""
        fits_gender = lambda name: gender is None or self.gender(name) in (None, gender)
        if previous is not None and fits_gender(previous[1]):
            if all(m.name == previous[1] for m in self.between(previous[0], pos)):
                return previous[1]
        fits = [m for m in reversed(self.between(max(0, pos - ANTECEDENT_REACH), pos))
                if fits_gender(m.name) and not self._modifier(m)]
        subjects = [m for m in fits if m.start >= near and subject is not None and subject(m)]
        owners = [m for m in fits if not possessive(self.text, m.end)]
        ranked = subjects or owners or fits
        return ranked[0].name if ranked else None

    def titled(self, role: str, pos: int) -> list[str]:
        """The people named before `pos` after `role` as a title ("President Barack Obama";
        "Lt. Michael Baylous" is a lieutenant only spelled out), latest first."""
        names = []
        for m in reversed(self.mentions[:bisect.bisect_left(self._starts, pos)]):
            before = self.text[max(0, m.start - 40):m.start].split()
            if before and before[-1].strip(",").lower() == role and m.name not in names:
                names.append(m.name)
        return names

    def _modifier(self, m: Mention) -> bool:
        after = self.text[m.end:m.end + 20].split()[:1]
        return bool(after) and after[0].strip(",.").lower() in PERSON_MODIFIED


def possessive(text: str, end: int) -> bool:
    """Whether the name ending at `end` owns what follows ("Lucy's father"): not a subject."""
    return text[end:end + 2] in ("\u2019s", "'s") or (text[end:end + 1] in ("\u2019", "'") and text[end - 1:end] == "s")


def _corefers(text: str, pronoun: re.Match) -> bool:
    """Whether a pronoun after a name may stand for that name's person: not an object ("Lorenz
    gave her a manual" says nothing of Lorenz), so "him" never and "her" only after a preposition
    ("a young woman in her 20s")."""
    word = pronoun.group().lower()
    if word == "him":
        return False
    if word == "her":
        previous = text[:pronoun.start()].split()[-1:]
        return bool(previous) and previous[0].lower() in PREPOSITIONS
    return True


def person_forms(people: list[Entity]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every form that names one of `people` -> that person's name (names and aliases, the
    surname with its particles, the first name), and the surnames and first names that
    several of them share -> their names."""
    forms: dict[str, str] = {}
    derived: dict[str, set[str]] = {}
    for e in people:
        for form in [e.name, *e.aliases]:
            if form.strip():
                forms.setdefault(form.strip(), e.name)
        words = e.name.split()
        if len(words) < 2:
            continue
        tail = len(words) - 1
        while tail > 1 and words[tail - 1].lower() in PARTICLES:
            tail -= 1
        surname = " ".join(words[tail:])
        for form in {surname, surname[0].upper() + surname[1:], words[0]}:
            if len(form) > 2 and form[0].isalpha():
                derived.setdefault(form, set()).add(e.name)
    shared = {}
    for form, names in derived.items():
        if form not in forms:
            if len(names) == 1:
                forms[form] = next(iter(names))
            else:
                shared[form] = names
    return forms, shared
