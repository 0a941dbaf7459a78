"""One label per surface form in a document.

spaCy's small model labels each mention on its own and often disagrees with itself ("Yerevan"
a person twice, a place once). The document decides: the parts of a fuller person name are that
person; a name the gazetteer knows well, a street or an airport is a place; what the text says
around a name counts ("said Leonid", "Yulia, a young woman", "the outlet Takie Dela"); then the
majority of spaCy's votes.
"""

from __future__ import annotations

import re

from .gazetteer import CITY, Gazetteer, name_key
from .ner import Analysis, label_votes, mention_starts, occurrences
from .people import HONORIFICS, HYPOCORISMS, clean_name, has_honorific
from .places import CELESTIAL, COMPASS, SEAS, SITE, is_demonym, place_strength
from .spans import Spans

PERSON, PLACE, ORG, NORP = "PERSON", "PLACE", "ORG", "NORP"
_SPACY = {"PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "ORG": ORG, "NORP": NORP, "FAC": None}
_PRIORITY = [PERSON, PLACE, ORG, NORP, None]  # breaks ties between equal votes

# Services and platforms that spaCy takes for people ("wrote on Twitter").
PLATFORMS = {"twitter", "x", "facebook", "instagram", "youtube", "telegram", "tiktok", "whatsapp",
             "vkontakte", "snapchat", "linkedin", "reddit", "wikipedia", "google", "threads", "netflix",
             "hulu", "spotify", "disney+", "hbo", "hbo max", "amazon prime", "apple tv+", "twitch"}
# Feasts and holidays that spaCy takes for people ("the day after Easter").
HOLIDAYS = {"easter", "christmas", "thanksgiving", "halloween", "ramadan", "eid", "hanukkah", "passover",
            "diwali", "lent", "advent", "pentecost", "yom kippur", "rosh hashanah", "lunar new year", "new year"}
_SPEECH = r"(?:said|says|told|wrote|writes|added|asked|explained|recalled|stated|tweeted)"
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)\s*$")
_SPEAKER_AFTER = re.compile(rf"^\s*(?:{_SPEECH}|has said|had said)\b")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(h.capitalize() for h in HONORIFICS))})(?:\.|-elect)?\s+$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# What a lone name can follow: kin ("his first wife, Sally", "the family of Ahmed"), a first
# name or title the model left out ("Isabelle Huppert", "Gen. Franco", "Brazil's Kaka"), what
# is done to or by people ("criticized Netanyahu", "co-written by Adele"), "surnamed".
_PERSON_BEFORE = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|widow|friend|partner|colleague|cousin|"
    r"uncle|aunt|boyfriend|girlfriend|fiancée?|nephew|niece|family of|son of|daughter of),?\s+$|"
    r"\b(?:surnamed|criticized|criticised|praised|accused|met|thanked|blamed|urged|told|interviewed|"
    r"endorsed|defeated|succeeded|appointed|fired|sued|arrested|killed|married|(?:written|directed|painted|"
    r"composed|sung|performed|produced|founded|led|scored|signed) by)\s+$|"
    r"(?<![.!?\n]\s)(?<!^)\b(?:[A-Z][\w\u2019'-]*|[A-Z][a-z]{0,3}\.)\s+$")
# ... and precede: "the Carter administration", a surname the model left out ("Vernon  Adkins"),
# "Maria, who asked".
_PERSON_AFTER = re.compile(r"^\s+(?:administration|government|cabinet|presidency|era|campaign|family|camp)\b|"
                           r"^\s+[A-Z][a-z]|^,?\s+who\b")
_APPOSITIVE = re.compile(
    r"^,\s+(?:\d{1,3},|(?:a|an|the|who|whose)\b[^,.;]{0,50}?\b(?:man|woman|boy|girl|mother|father|son|"
    r"daughter|wife|husband|student|teacher|editor|activist|resident|attendee|protester|"
    r"founder|co-founder|spokesman|spokeswoman|spokesperson|official|lawyer|doctor|worker|"
    r"member|citizen|journalist|writer|director|manager|owner|he|she)\b)")
_ORG_NOUN = re.compile(
    r"\b(?:outlet|newspaper|paper|magazine|website|site|agency|company|firm|group|network|"
    r"channel|party|organi[sz]ation|platform|broadcaster|bank|club|band|brand|app|service|"
    r"foundation|charity|union|startup|publication|daily|weekly|TV)\s+$")
_ORG_AFTER = re.compile(r"^\s+(?:news agency|agency|newspaper|daily|TV|television|radio|reported)\b")
# A word after the name that makes it a modifier: "the Liberal government", not "in Bucha".
_MODIFIER = re.compile(r"^\s+(?!(?:and|or|in|on|at|to|for|from|with|where|which|who|is|was|were|has|"
                       r"had|have|will|would|said|says)\b)[A-Za-z]")
_WINDOW = 40


def document_labels(analysis: Analysis, gaz: Gazetteer) -> dict[str, str | None]:
    """Map each surface form to PERSON, PLACE, ORG, NORP or None (not an entity we keep)."""
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


def _majority(votes: dict[str, int]) -> str | None:
    tally: dict[str | None, int] = {}
    for label, n in votes.items():
        tally[_SPACY[label]] = tally.get(_SPACY[label], 0) + n
    return max(tally, key=lambda label: (tally[label], -_PRIORITY.index(label)))


def _decide(form, majority, positions, name_words, text, gaz) -> str | None:
    if form.casefold() in PLATFORMS:
        return ORG
    if form.casefold() in HOLIDAYS:
        return None
    if is_demonym(form):
        return NORP
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
