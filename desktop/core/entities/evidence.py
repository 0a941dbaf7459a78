"""What the label rules know of one surface form of a document (labels.evidence builds it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .ner import Label, occurrences

WINDOW = 40  # characters before and after a mention that the rules read


@dataclass(frozen=True)
class Evidence:
    """What the label rules know of one surface form in one document."""

    form: str
    majority: Label  # spaCy's label for most of the form's mentions
    mentions: int  # how many mentions spaCy found of the form
    strength: int  # places.place_strength: 2 a country, region or big city, 1 a town, 0 none
    country_or_region: bool  # whether the gazetteer has a country or region of this name
    befores: tuple[str, ...]  # the WINDOW characters before each mention
    afters: tuple[str, ...]  # the WINDOW characters after each mention
    name_words: frozenset[str]  # first and last words of the document's fuller person names
    text: str  # the whole document, where the form's other occurrences are looked for
    # Surnames with particles of the document's fuller person names, case folded: ("von", "der", "leyen")
    surnames: frozenset[tuple[str, ...]] = frozenset()
    listed: bool = False  # whether a results row or a list of people names it (rows.py)
    team: bool = False  # whether a match result line names it as a team (rows.py)
    lone_surnames: frozenset[str] = frozenset()  # one-word names the model calls people twice or more
    # Whether the gazetteer knows a place by this name only as one of its other names ("Genève")
    other_name_of_place: bool = False
    country: bool = False  # whether the gazetteer has a country of this name (national sides are named so)
    # Whether the first of the words of a name the model calls an organisation is a place's ("Washington Post")
    opens_with_place: bool = False

    @property
    def single(self) -> bool:
        return " " not in self.form

    @cached_property
    def as_word(self) -> bool:
        """Whether the text also writes this one-word name in lower case ("Assault", "Time")."""
        return self.single and next(occurrences(self.text, self.form.lower(), "-"), None) is not None
