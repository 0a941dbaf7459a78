"""An author's name as citation formats want it: a person's family and given names, or an
organisation's name kept whole ("Reuters", "BBC News staff").

Bylines mix people and organisations, and citation styles treat them differently: a person
is "Noble, B." in APA, an organisation stays as written. Each rule below is one named
function over the name's words; the first that decides wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Words that make a byline an organisation's, not a person's (matched whole, any case).
ORGANISATION_WORDS = frozenset("""
    agency agencies afp ap associated board bureau channel committee correspondents
    council desk editors editorial foundation group institute media network news newsroom
    office press reporters reuters service services staff team times wire writers
""".split())
# Lowercase words before a family name that belong to it (CSL's "non-dropping particle").
PARTICLES = frozenset("al bin da das de del della den der di dos du el ibn la le ten ter van von".split())
# Generational suffixes, which follow the given names in "Family, Given, Suffix".
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


@dataclass(frozen=True)
class Name:
    """A person's name in parts, or (`literal`) an organisation's name whole."""

    family: str = ""
    given: str = ""
    particle: str = ""  # "van" in "Ludwig van Beethoven"; part of the family name
    suffix: str = ""
    literal: str = ""

    @property
    def full_family(self) -> str:
        """The family name with its particle: "van Beethoven"."""
        return f"{self.particle} {self.family}".strip()


def _words(raw: str) -> list[str]:
    return raw.split()


def _organisation_word(raw: str) -> Name | None:
    """An outlet or desk ("Reuters", "BBC News staff") is credited as written."""
    words = {w.strip(".,()").lower() for w in _words(raw)}
    return Name(literal=raw) if words & ORGANISATION_WORDS else None


def _single_word(raw: str) -> Name | None:
    """One word ("Bellingcat", "Staff") cannot be split into family and given names."""
    return Name(literal=raw) if len(_words(raw)) == 1 else None


def _acronym(raw: str) -> Name | None:
    """A name of capitals only ("BBC NEWS", "UN OCHA") is an organisation's."""
    letters = re.sub(r"[^A-Za-z]", "", raw)
    return Name(literal=raw) if len(letters) > 1 and letters.isupper() and len(_words(raw)) <= 3 else None


def _inverted(raw: str) -> Name | None:
    """"Noble, Ben" (and "King, Martin Luther, Jr.") is already family first."""
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) not in (2, 3) or not all(parts):
        return None
    suffix = parts[2] if len(parts) == 3 and parts[2].lower() in SUFFIXES else ""
    if len(parts) == 3 and not suffix:
        return None
    particle, family = _split_particle(_words(parts[0]))
    return Name(family=family, given=parts[1], particle=particle, suffix=suffix)


def _given_first(raw: str) -> Name:
    """"Ben Noble": the last word is the family name (with a particle before it, and a
    suffix after it, kept apart), the words before it the given names."""
    words = _words(raw.replace(",", " "))
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in SUFFIXES else ""
    given = [words[0]]
    rest = words[1:]
    while len(rest) > 1 and rest[0] not in PARTICLES:
        given.append(rest.pop(0))
    particle, family = _split_particle(rest)
    return Name(family=family, given=" ".join(given), particle=particle, suffix=suffix)


def _split_particle(words: list[str]) -> tuple[str, str]:
    """(particle, family) of a family name's words: "van der Berg" -> ("van der", "Berg")."""
    particle = []
    while len(words) > 1 and words[0] in PARTICLES:
        particle.append(words.pop(0))
    return " ".join(particle), " ".join(words)


# In order; a name none of them decides is read given names first (_given_first).
NAME_RULES: tuple[Callable[[str], Name | None], ...] = (_organisation_word, _single_word, _acronym, _inverted)


def split_name(raw: str) -> Name:
    """The parts of the author name `raw` (spaces squashed); an empty name is an empty literal."""
    raw = " ".join(raw.split())
    if not raw:
        return Name()
    for rule in NAME_RULES:
        name = rule(raw)
        if name is not None:
            return name
    return _given_first(raw)
