"""One label per surface form in a document.

spaCy's small model labels each mention on its own and often disagrees with itself ("Yerevan"
a person twice, a place once). The document decides: the parts of a fuller person name are that
person; a name the gazetteer knows well, a street or an airport is a place; what the text says
around a name counts ("said Leonid", "Yulia, a young woman", "the outlet Takie Dela"); then the
majority of spaCy's votes. Each of these is one named rule of LABEL_RULES (label_rules.py).
"""

from __future__ import annotations

import re

from ..article import CITY, COUNTRY, ORG, PERSON, PLACE
from .evidence import WINDOW, Evidence
from .gazetteer import Gazetteer
from .label_rules import LABEL_RULES
from .name_parts import called_by, particle_surname
from .ner import DEMONYM, Analysis, Label, label_votes, mention_starts
from .org_rules import runs_on
from .people import clean_name
from .places import own_name, place_strength
from .spans import Spans

_PRIORITY = [PERSON, PLACE, ORG, DEMONYM, None]  # breaks ties between equal votes
_NUMBERS_BEHIND = re.compile(r"(?:\s+\d[\d,.:-]*)+$")


def document_labels(analysis: Analysis, gaz: Gazetteer) -> dict[str, Label]:
    """Map each surface form to PERSON, PLACE, ORG, DEMONYM or None (not an entity we keep):
    the label of the first rule of LABEL_RULES that holds for it, else spaCy's majority."""
    votes = label_votes(analysis.mentions)
    majority = {form: _majority(v) for form, v in votes.items()}
    positions = mention_starts(analysis.mentions)
    # Names seen only in title-case lines count only when the body names that person too.
    headings = Spans(analysis.headings)
    in_headings = {f for f, starts in positions.items() if all(p in headings for p in starts)}
    lone = frozenset(f for f, v in votes.items() if " " not in f and majority[f] == PERSON and v[PERSON] >= 2)
    decide_all = lambda forms, parts: {
        form: decide(evidence(form, majority[form], positions[form], parts, lone, analysis, gaz)) for form in forms}
    persons = [f for f, label in majority.items()
               if label == PERSON and f not in in_headings and analysis.teams.isdisjoint(positions[f])]
    name_words, _ = parts = _name_parts(persons)
    labels = decide_all(votes, parts)
    # The parts of the fuller names the rules keep as people's: a name only the rules call a
    # person ("Marcus Bell, Ph.D.") has its surname too, and one they take for a team ("the
    # Florida Marlins") no more ("Marlins"). Only the words that came or went are decided again.
    kept = [f for f, label in labels.items() if label == PERSON and f not in in_headings]
    if set(kept) != set(persons):
        kept_words, _ = parts = _name_parts(kept)
        changed, name_words = name_words ^ kept_words, kept_words
        labels |= decide_all([f for f in votes if f in changed], parts)
    for form in in_headings:
        if labels[form] == PERSON and not name_words & set(clean_name(form).split()):
            labels[form] = None
        elif labels[form] == ORG and not any(runs_on(analysis.text, p) for p in positions[form]):
            labels[form] = None  # an organisation only a headline names is the headline's words
    _label_as_bare_names(labels)
    return labels


def _label_as_bare_names(labels: dict[str, Label]) -> None:
    """A person's form with numbers behind is no person where the document labels the name
    without them otherwise: the model ran a side's points into a "person" ("Somerset 4" of
    "Leicestershire 22 points, Somerset 4", with Somerset a team of the results), and the bare
    name is the entity."""
    for form, label in labels.items():
        bare = _NUMBERS_BEHIND.sub("", form)
        if label == PERSON and bare != form and labels.get(bare, PERSON) != PERSON:
            labels[form] = None


def _name_parts(persons: list[str]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The first and last words (and the word a name with particles is known by: "Lula") of the
    fuller names among `persons`, and their surnames with particles."""
    full_names = [words for words in (clean_name(f).split() for f in persons) if len(words) > 1]
    name_words = frozenset(w for words in full_names for w in (words[0], words[-1], called_by(words)) if w)
    return name_words, frozenset(s for words in full_names if (s := particle_surname(words)))


def evidence(form: str, majority: Label, positions: list[int],
             parts: tuple[frozenset[str], frozenset[tuple[str, ...]]], lone_surnames: frozenset[str],
             analysis: Analysis, gaz: Gazetteer) -> Evidence:
    """What the rules need to know of `form`, with the text around each of its `positions`;
    `parts` are the name words and surnames of _name_parts."""
    end, places, text = len(form), gaz.lookup(form), analysis.text
    return Evidence(
        form=form, majority=majority, mentions=len(positions), name_words=parts[0], surnames=parts[1], text=text,
        listed=not analysis.listed.isdisjoint(positions), team=not analysis.teams.isdisjoint(positions),
        lone_surnames=lone_surnames, strength=place_strength(gaz, form),
        country_or_region=any(p.kind != CITY for p in places),
        country=any(p.kind == COUNTRY for p in places),
        other_name_of_place=bool(places) and not any(own_name(p, form) for p in places),
        opens_with_place=majority == ORG and " " in form and place_strength(gaz, form.split()[0]) > 0,
        befores=tuple(text[max(0, p - WINDOW):p] for p in positions),
        afters=tuple(text[p + end:p + end + WINDOW] for p in positions))


def decide(e: Evidence) -> Label:
    """The label of the first rule of LABEL_RULES that holds for `e`, else spaCy's majority."""
    for rule, label in LABEL_RULES:  # a plain loop: a generator cost a tenth of the labels' time
        if rule(e):
            return label
    return e.majority


def _majority(votes: dict[Label, int]) -> Label:
    return max(votes, key=lambda label: (votes[label], -_PRIORITY.index(label)))
