"""One label per surface form in a document.

spaCy's small model labels each mention on its own and often disagrees with itself ("Yerevan"
a person twice, a place once). The document decides: the parts of a fuller person name are that
person; a name the gazetteer knows well, a street or an airport is a place; what the text says
around a name counts ("said Leonid", "Yulia, a young woman", "the outlet Takie Dela"); then the
majority of spaCy's votes.
"""

from __future__ import annotations

import re

from ..article import CITY, ORG, PERSON, PLACE
from .gazetteer import Gazetteer, name_key
from .lexicon import (CELESTIAL, CLAUSE_WORDS, DONE_BY_PEOPLE, DONE_TO_PEOPLE, HOLIDAYS, HONORIFICS, HYPOCORISMS,
                      KIN_WORDS, ORG_FOLLOWERS, ORG_NOUNS, PERSON_MODIFIED, PERSON_NOUNS, PLATFORMS, SEAS,
                      SPEECH_VERBS, any_of)
from .ner import DEMONYM, Analysis, Label, label_votes, mention_starts, occurrences
from .people import clean_name, has_honorific
from .places import COMPASS, SITE, is_demonym, place_strength
from .spans import Spans

_PRIORITY = [PERSON, PLACE, ORG, DEMONYM, None]  # breaks ties between equal votes

_SPEECH = any_of(SPEECH_VERBS)
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)\s*$")
_SPEAKER_AFTER = re.compile(rf"^\s*(?:{_SPEECH}|has said|had said)\b")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(h.capitalize() for h in HONORIFICS))})(?:\.|-elect)?\s+$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# What a lone name can follow: kin ("his first wife, Sally"), what is done to or by people
# ("criticized Netanyahu", "co-written by Adele"), or a first name or title the model left out
# ("Isabelle Huppert", "Gen. Franco", "Brazil's Kaka") that does not open a sentence.
_PERSON_BEFORE = re.compile(
    rf"\b(?:{any_of(KIN_WORDS)}),?\s+$|"
    rf"\b(?:{any_of(DONE_TO_PEOPLE)}|(?:{any_of(DONE_BY_PEOPLE)}) by)\s+$|"
    r"(?<![.!?\n]\s)(?<!^)\b(?:[A-Z][\w\u2019'-]*|[A-Z][a-z]{0,3}\.)\s+$")
# ... and precede: "the Carter administration", a surname the model left out ("Vernon  Adkins"),
# "Maria, who asked".
_PERSON_AFTER = re.compile(rf"^\s+(?:{any_of(PERSON_MODIFIED)})\b|^\s+[A-Z][a-z]|^,?\s+who\b")
_APPOSITIVE = re.compile(rf"^,\s+(?:\d{{1,3}},|(?:a|an|the|who|whose)\b[^,.;]{{0,50}}?\b(?:{any_of(PERSON_NOUNS)})\b)")
_ORG_NOUN = re.compile(rf"\b(?:{any_of(ORG_NOUNS)})\s+$")
_ORG_AFTER = re.compile(rf"^\s+(?:{any_of(ORG_FOLLOWERS)})\b")
# A word after the name that makes it a modifier: "the Liberal government", not "in Bucha".
_MODIFIER = re.compile(rf"^\s+(?!(?:{any_of(CLAUSE_WORDS)})\b)[A-Za-z]")
_WINDOW = 40


def document_labels(analysis: Analysis, gaz: Gazetteer) -> dict[str, Label]:
    """Map each surface form to PERSON, PLACE, ORG, DEMONYM or None (not an entity we keep)."""
    votes = label_votes(analysis.mentions)
    majority = {form: _majority(v) for form, v in votes.items()}
    positions = mention_starts(analysis.mentions)
    # Names seen only in title-case lines count only when the body names that person too.
    headings = Spans(analysis.headings)
    in_headings = {f for f, starts in positions.items() if all(p in headings for p in starts)}
    full_names = [clean_name(f).split() for f, label in majority.items() if label == PERSON and f not in in_headings]
    name_words = {w for words in full_names if len(words) > 1 for w in (words[0], words[-1])}
    labels = {form: _decide(form, majority[form], positions[form], name_words, analysis.text, gaz)
              for form in votes}
    for form in in_headings:
        if labels[form] == PERSON and not name_words & set(clean_name(form).split()):
            labels[form] = None
    return labels


def _country_or_region(gaz: Gazetteer, form: str) -> bool:
    return any(p.kind != CITY for p in gaz.lookup(form))


def _majority(votes: dict[Label, int]) -> Label:
    return max(votes, key=lambda label: (votes[label], -_PRIORITY.index(label)))


def _decide(form, majority, positions, name_words, text, gaz) -> Label:
    if form.casefold() in PLATFORMS:
        return ORG
    if form.casefold() in HOLIDAYS:
        return None
    if is_demonym(form):
        return DEMONYM
    if SITE.search(form):
        return PLACE
    single = " " not in form
    strength = place_strength(gaz, form)
    if strength == 0 and has_honorific(form):
        return PERSON
    if strength == 0 and majority == PLACE and re.fullmatch(r"(?:[A-Z]\.?){1,5}", form):
        return ORG  # "UN", "EU": not a country or state we know
    if single and form in name_words and (strength < 2 or majority == PERSON and not _country_or_region(gaz, form)):
        return PERSON
    befores = [text[max(0, p - _WINDOW):p] for p in positions]
    afters = [text[p + len(form):p + len(form) + _WINDOW] for p in positions]
    if name_key(form) in CELESTIAL:
        return None
    if name_key(form) in SEAS:  # "the Atlantic", not "Pacific halibut"
        return None if all(_MODIFIER.match(a) for a in afters) else PLACE
    if COMPASS.match(form):
        return None
    if any(_ORG_NOUN.search(b) for b in befores) or any(_ORG_AFTER.match(a) for a in afters):
        return ORG
    # "President Bush" is no Egyptian city, though a big one is called so; "President-elect
    # Trump" is a person, though the "Trump supporters" of the article read as an organisation.
    if majority in (PERSON, ORG) and not _country_or_region(gaz, form) and any(_HONORIFIC_BEFORE.search(b) for b in befores):
        return PERSON
    # People go without "the" ("loaded up the Polaris, one of four schooners"), unless the name
    # qualifies what follows ("the Obama administration").
    the_name = [bool(_THE_BEFORE.search(b)) and not _MODIFIER.match(a) for b, a in zip(befores, afters)]
    if majority == PERSON and single and 2 * sum(the_name) > len(the_name):
        return None
    if strength == 2:
        return PLACE
    if majority in (PERSON, PLACE) and (
            any(_SPEAKER_BEFORE.search(b) for b in befores)
            or any(_SPEAKER_AFTER.match(a) or _APPOSITIVE.match(a) for a in afters)):
        return PERSON
    # A one-word name the article also writes in lower case is a word: "Assault", "Shelter", "Time".
    as_word = single and next(occurrences(text, form.lower(), "-"), None) is not None
    if strength == 1 and majority == ORG and single and not as_word and not any(_MODIFIER.match(a) for a in afters):
        return PLACE
    if as_word and (strength == 0 or majority != PLACE):
        return None
    # One word, one mention, the model's say-so and nothing in the text behind it ("a patch
    # called Viaskin", "ranks ReactJS, Docker"): a product or a brand more often than a person.
    if majority == PERSON and single and len(positions) == 1 and not _backed_as_person(form, text, name_words):
        return None
    return majority


def _backed_as_person(form: str, text: str, name_words: set[str]) -> bool:
    """Whether anything around any occurrence of a one-word name says it is a person's."""
    if {w.casefold() for w in name_words} & set(HYPOCORISMS.get(form.casefold(), ())):  # "Dima"
        return True
    for start in occurrences(text, form, "-"):
        end = start + len(form)
        before, after = text[max(0, start - _WINDOW):start], text[end:end + _WINDOW]
        if _PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after):
            return True
    return False
