"""One label per surface form in a document.

spaCy's small model labels each mention on its own and often disagrees with itself ("Yerevan"
a person twice, a place once). The document decides: the parts of a fuller person name are that
person; a name the gazetteer knows well, a street or an airport is a place; what the text says
around a name counts ("said Leonid", "Yulia, a young woman", "the outlet Takie Dela"); then the
majority of spaCy's votes. Each of these is one named rule of LABEL_RULES (label_rules.py).
"""

from __future__ import annotations

from ..article import CITY, ORG, PERSON, PLACE
from .gazetteer import Gazetteer
from .label_rules import LABEL_RULES, WINDOW, Evidence
from .ner import DEMONYM, Analysis, Label, label_votes, mention_starts
from .org_rules import runs_on
from .people import clean_name
from .places import place_strength
from .spans import Spans

_PRIORITY = [PERSON, PLACE, ORG, DEMONYM, None]  # breaks ties between equal votes


def document_labels(analysis: Analysis, gaz: Gazetteer) -> dict[str, Label]:
    """Map each surface form to PERSON, PLACE, ORG, DEMONYM or None (not an entity we keep):
    the label of the first rule of LABEL_RULES that holds for it, else spaCy's majority."""
    votes = label_votes(analysis.mentions)
    majority = {form: _majority(v) for form, v in votes.items()}
    positions = mention_starts(analysis.mentions)
    # Names seen only in title-case lines count only when the body names that person too.
    headings = Spans(analysis.headings)
    in_headings = {f for f, starts in positions.items() if all(p in headings for p in starts)}
    full_names = [clean_name(f).split() for f, label in majority.items() if label == PERSON and f not in in_headings]
    name_words = frozenset(w for words in full_names if len(words) > 1 for w in (words[0], words[-1]))
    labels = {form: decide(evidence(form, majority[form], positions[form], name_words, analysis.text, gaz))
              for form in votes}
    for form in in_headings:
        if labels[form] == PERSON and not name_words & set(clean_name(form).split()):
            labels[form] = None
        elif labels[form] == ORG and not any(runs_on(analysis.text, p) for p in positions[form]):
            labels[form] = None  # an organisation only a headline names is the headline's words
    return labels


def evidence(form: str, majority: Label, positions: list[int], name_words: frozenset[str], text: str,
             gaz: Gazetteer) -> Evidence:
    """What the rules need to know of `form`, with the text around each of its `positions`."""
    end = len(form)
    return Evidence(
        form=form, majority=majority, mentions=len(positions), name_words=name_words, text=text,
        strength=place_strength(gaz, form),
        country_or_region=any(p.kind != CITY for p in gaz.lookup(form)),
        befores=tuple(text[max(0, p - WINDOW):p] for p in positions),
        afters=tuple(text[p + end:p + end + WINDOW] for p in positions))


def decide(e: Evidence) -> Label:
    """The label of the first rule of LABEL_RULES that holds for `e`, else spaCy's majority."""
    return next((label for rule, label in LABEL_RULES if rule(e)), e.majority)


def _majority(votes: dict[Label, int]) -> Label:
    return max(votes, key=lambda label: (votes[label], -_PRIORITY.index(label)))
