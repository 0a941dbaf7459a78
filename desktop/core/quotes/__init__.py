"""The quotation stage: who said what in one article.

`find_quotes` reads the article's quotation marks (marks.py), finds the verb of saying and its
subject next to each quotation (cues.py), and resolves that subject to one of the article's
person entities (people.py): a name directly, a pronoun through the person the text means.
A quotation without a cue of its own continues the previous speaker's words when it follows
them; words in quotation marks that nobody is said to say (scare quotes, titles, signs) and
the words of groups and unnamed sources get no speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..article import Entity, Quote
from .cues import GROUP, NAMED, Cue, after_cue, before_cue, is_verb, tokens
from .lexicon import PREPOSITIONS
from .marks import Span, paragraph_ends, paragraph_start, quotation_spans, sentence_ends
from .people import People

__all__ = ["find_quotes"]

# How many characters after a quotation its cue is looked for (to the sentence's end at most).
AFTER_REACH = 300
# How many paragraphs before a pronoun speaker ("he said") its paragraph's own and the ones
# before it are searched for the person a sentence is about, before any person named.
SUBJECT_PARAGRAPHS = 2
# The most words of a quotation that is a section heading ("'She weighed so little'").
HEADING_WORDS = 12


@dataclass
class _Reading:
    """One text read for quotations: its paragraph and sentence ends, quotations and people."""

    text: str
    breaks: list[int]
    ends: list[int]
    spans: list[Span]
    people: People

    def sentence_start(self, pos: int) -> int:
        k = bisect.bisect_right(self.ends, pos) - 1
        return max(self.ends[k] if k >= 0 else 0, paragraph_start(self.breaks, pos))

    def subject(self, mention) -> bool:
        """Whether a person mention is what its sentence is about: the first person named in it,
        not after a preposition, or the one right before a verb of saying ("Ian Lau said Lucy …")."""
        start = self.sentence_start(mention.start)
        toks = tokens(self.text, start, mention.end + 30, self.people)
        before = [t for t in toks if t.end <= mention.start]
        after = [t for t in toks if t.start >= mention.end][:1]
        if after and is_verb(after[0], self.text):
            return True
        return not self.people.between(start, mention.start) and not (before and before[-1].word in PREPOSITIONS)

    def sentence_end(self, pos: int) -> int:
        k = bisect.bisect_left(self.ends, pos)
        return self.ends[k] if k < len(self.ends) else len(self.text)


def find_quotes(title: str, text: str, entities: list[Entity], doc=None) -> list[Quote]:
    """The direct quotations of an article's `text`, in text order, each with its offsets into
    `text` and its speaker: the `name` of one of `entities`' PERSON entities, or None (a group,
    an unnamed source, or no speech at all). `title` and `doc` (the entity stage's analysis)
    are accepted for callers that have them; the rules read the text alone."""
    breaks = paragraph_ends(text)
    spans = quotation_spans(text, breaks)
    people = People(text, entities, [(s.open_at, s.close_end) for s in spans])
    reading = _Reading(text, breaks, sentence_ends(text, spans, breaks), spans, people)
    quotes: list[Quote] = []
    previous: tuple[Span, str | None] | None = None
    headings = []
    for span in spans:
        if _heading(reading, span):
            headings.append(len(quotes))
            quotes.append(Quote(text[span.start:span.end], span.start, span.end))
            continue
        speaker, speech = _speaker(reading, span, previous)
        quotes.append(Quote(text[span.start:span.end], span.start, span.end, speaker))
        if speech:
            previous = (span, speaker)
    for n in headings:
        quotes[n].speaker = _repeated_by(quotes, quotes[n])
    return quotes


def _heading(reading: _Reading, span: Span) -> bool:
    """A quotation that is a whole short line without a final full stop: a section heading."""
    line = reading.text[paragraph_start(reading.breaks, span.open_at):_line_end(reading, span)].strip()
    words = reading.text[span.start:span.end]
    return (line[1:-1].strip() == words.strip() and len(words.split()) <= HEADING_WORDS
            and words.rstrip()[-1:] not in ".?!\u2026")


def _line_end(reading: _Reading, span: Span) -> int:
    k = bisect.bisect_left(reading.breaks, span.close_end)
    return reading.breaks[k] if k < len(reading.breaks) else len(reading.text)


def _repeated_by(quotes: list[Quote], heading: Quote) -> str | None:
    """The speaker of the quotation whose words a heading repeats, if one does."""
    words = " ".join(heading.quote.casefold().split())
    return next((q.speaker for q in quotes if q is not heading and q.speaker and words in " ".join(q.quote.casefold().split())), None)


def _speaker(reading: _Reading, span: Span, previous: tuple[Span, str | None] | None) -> tuple[str | None, bool]:
    """The speaker of one quotation and whether it is speech that a later quotation may continue."""
    cue = _own_cue(reading, span)
    if cue is not None:
        return _resolve(reading, cue, previous), True
    if previous is not None and span.continued:
        return previous[1], True
    if not _opens_sentence(reading, span):
        return None, False
    if previous is not None and _follows(reading, previous, span):
        return previous[1], True
    subject = _previous_sentence_subject(reading, span)
    return (subject, True) if subject else (None, False)


def _own_cue(reading: _Reading, span: Span) -> Cue | None:
    text, people = reading.text, reading.people
    if span.closed:
        end = min(reading.sentence_end(span.close_end), span.close_end + AFTER_REACH)
        nxt = next((s.open_at for s in reading.spans if s.open_at >= span.close_end), len(text))
        cue = after_cue(text, tokens(text, span.close_end, min(end, nxt), people), people)
        if cue is not None:
            return cue
    start = reading.sentence_start(span.open_at)
    return before_cue(text, tokens(text, start, span.open_at, people), people)


def _resolve(reading: _Reading, cue: Cue, previous: tuple[Span, str | None] | None) -> str | None:
    """The speaker a cue names: a pronoun's person, learned as that gender for later pronouns."""
    if cue.kind == NAMED:
        return cue.name
    if cue.kind == GROUP:
        return None
    last = (previous[0].close_end, previous[1]) if previous is not None and previous[1] else None
    paragraph = paragraph_start(reading.breaks, cue.at)
    near = paragraph
    for _ in range(SUBJECT_PARAGRAPHS):
        near = paragraph_start(reading.breaks, near - 2) if near > 1 else 0
    name = reading.people.antecedent(cue.at, cue.gender, last, reading.subject, near)
    if name is not None:
        reading.people.learn(name, cue.gender)
    return name


def _opens_sentence(reading: _Reading, span: Span) -> bool:
    """Whether a quotation starts its sentence (or follows a colon): a quotation inside a
    sentence without a verb of saying is a term, a title or a scare quote."""
    before = reading.text[reading.sentence_start(span.open_at):span.open_at].strip()
    return before == "" or before.endswith(":")


def _follows(reading: _Reading, previous: tuple[Span, str | None], span: Span) -> bool:
    """Whether `span` follows the previous speech with no one else named in between, within
    the next two paragraphs."""
    prev = previous[0]
    paragraphs = bisect.bisect_left(reading.breaks, span.open_at) - bisect.bisect_left(reading.breaks, prev.open_at)
    others = [m for m in reading.people.between(prev.close_end, span.open_at) if m.name != previous[1]]
    return paragraphs <= 2 and not others


def _previous_sentence_subject(reading: _Reading, span: Span) -> str | None:
    """The person the sentence before the quotation, in its paragraph, opens with ("Charles
    Schultze … once summed up the danger of deficits with a metaphor. “It’s not …”")."""
    start = reading.sentence_start(span.open_at)
    if start <= paragraph_start(reading.breaks, span.open_at):
        return None
    first = reading.sentence_start(start - 1)
    mention = reading.people.starting_in(first, first + 1 + len(reading.text[first:start]) - len(reading.text[first:start].lstrip()))
    return mention.name if mention is not None else None
