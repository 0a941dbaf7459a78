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
from ..entities import ENTITY_CHARS, ENTITY_LINES, leading_part
from .cues import GROUP, NAMED, Cue, after_cue, before_cue, is_verb, tokens
from .lexicon import PREPOSITIONS
from .nonspeech import in_subject, is_heading, is_title
from .marks import Span, paragraph_ends, paragraph_start, quotation_spans, sentence_ends
from .people import People

__all__ = ["find_quotes"]

# How many characters after a quotation its cue is looked for (to the sentence's end at most),
# and before it (from the sentence's start at most): news sentences are shorter, and a page
# without full stops must not make every quotation read its whole paragraph.
AFTER_REACH = 300
BEFORE_REACH = 400
# How many paragraphs before a pronoun speaker's ("he said") are searched for the person a
# sentence is about, before any person named ("Bob Katter is the Federal Member for Kennedy.
# He has met … He says … “…,” he said.").
SUBJECT_PARAGRAPHS = 3
# A quotation and its speaker, for the quotations after it.
_Said = tuple[Span, str | None]


@dataclass
class _Reading:
    """One text read for quotations: its paragraph and sentence ends, quotations and people."""

    text: str
    breaks: list[int]
    ends: list[int]
    spans: list[Span]
    people: People

    def __post_init__(self):
        self._opens = [s.open_at for s in self.spans]  # for bisection

    def next_span(self, span: Span) -> int:
        """The index of the first quotation opening at or after `span` closes."""
        return bisect.bisect_left(self._opens, span.close_end)

    def quotes_between(self, start: int, end: int) -> bool:
        """Whether a quotation opens in [start, end)."""
        return bisect.bisect_left(self._opens, start) < bisect.bisect_left(self._opens, end)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding offset `pos` starts (never before its paragraph)."""
        k = bisect.bisect_right(self.ends, pos) - 1
        return max(self.ends[k] if k >= 0 else 0, paragraph_start(self.breaks, pos))

    def sentence_end(self, pos: int) -> int:
        """The first sentence end at or after `pos`."""
        k = bisect.bisect_left(self.ends, pos)
        return self.ends[k] if k < len(self.ends) else len(self.text)

    def subject(self, mention) -> bool:
        """Whether a person mention is what its sentence is about: the first person named in it,
        not after a preposition, or the one right before a verb of saying ("Ian Lau said Lucy …")."""
        start = max(self.sentence_start(mention.start), mention.start - BEFORE_REACH)
        toks = tokens(self.text, start, mention.end + 30, self.people)
        before = [t for t in toks if t.end <= mention.start]
        after = [t for t in toks if t.start >= mention.end][:1]
        if after and is_verb(after[0], self.text):
            return True
        return not self.people.between(start, mention.start) and not (before and before[-1].word in PREPOSITIONS)


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    """The direct quotations of an article's `text`, in text order, each with its offsets into
    `text` (end exclusive) and its speaker: the `name` of one of `entities`' PERSON entities,
    or None (a group, an unnamed source, or no speech at all). Only the part of the text the
    entity stage reads is searched (ENTITY_CHARS, ENTITY_LINES).

    The rules read the text and the entities only: the model's analysis has no parse (spaCy's
    dependency parser would add 59% to the entity stage's time, benchmarks/bench_quotes.py
    --parser). About 1 ms per quotation, linear."""
    text = leading_part(text, ENTITY_CHARS, ENTITY_LINES)  # the part the entity stage read: its bounds
    breaks = paragraph_ends(text)
    spans = quotation_spans(text, breaks)
    people = People(text, entities, [(s.open_at, s.close_end) for s in spans])
    reading = _Reading(text, breaks, sentence_ends(text, spans, breaks), spans, people)
    quotes: list[Quote] = []
    previous: _Said | None = None
    headings = []
    for span in spans:
        line = text[paragraph_start(breaks, span.open_at):_line_end(reading, span)]
        if is_heading(line, text[span.start:span.end]):
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


def _line_end(reading: _Reading, span: Span) -> int:
    """Where the paragraph holding the end of `span` ends."""
    k = bisect.bisect_left(reading.breaks, span.close_end)
    return reading.breaks[k] if k < len(reading.breaks) else len(reading.text)


def _repeated_by(quotes: list[Quote], heading: Quote) -> str | None:
    """The speaker of the quotation whose words a heading repeats, if one does."""
    words = " ".join(heading.quote.casefold().split())
    said = (q for q in quotes if q is not heading and q.speaker)
    return next((q.speaker for q in said if words in " ".join(q.quote.casefold().split())), None)


def _speaker(reading: _Reading, span: Span, previous: _Said | None) -> tuple[str | None, bool]:
    """The speaker of one quotation and whether it is speech that a later quotation may continue."""
    if is_title(reading.text[span.start:span.end], reading.text[max(0, span.open_at - 30):span.open_at]):
        return None, False
    cue = _own_cue(reading, span) or _chain_cue(reading, span)
    if cue is not None:
        return _resolve(reading, cue, previous), True
    if previous is not None and span.continued:
        return previous[1], True
    if not _opens_sentence(reading, span):
        return None, False
    if previous is not None and _follows(reading, previous, span):
        return previous[1], True
    subject = _previous_sentence_speaker(reading, span, previous)
    return (subject, True) if subject else (None, False)


def _chain_cue(reading: _Reading, span: Span) -> Cue | None:
    """For a quotation left open, the cue of the first quotation continuing it that has one:
    "“All furnaces require cooling …\n“The SMS group believes …,” notes Meyjes." """
    if span.closed:
        return None
    for nxt in reading.spans[reading.next_span(span):]:
        if not nxt.continued:
            return None
        if (cue := _own_cue(reading, nxt)) is not None:
            return cue
        if nxt.closed:
            return None
    return None


def _own_cue(reading: _Reading, span: Span) -> Cue | None:
    """The cue after the quotation (to its sentence's end), else the one before it in its
    sentence, or in the line before that ends with a colon."""
    text, people = reading.text, reading.people
    subject = in_subject(text[max(0, span.open_at - 8):span.open_at], text[span.close_end:span.close_end + 30])
    if span.closed and not subject:
        end = min(reading.sentence_end(span.close_end), span.close_end + AFTER_REACH)
        k = reading.next_span(span)
        nxt = reading.spans[k].open_at if k < len(reading.spans) else len(text)
        cue = after_cue(text, tokens(text, span.close_end, min(end, nxt), people), people)
        if cue is not None:
            return cue
    start = reading.sentence_start(span.open_at)
    if not text[start:span.open_at].strip() and (colon := _back(text, start)) >= 0 and text[colon] == ":":
        start = reading.sentence_start(colon)  # "Head teacher, Margaret Hanley, said:" on its own line
    return before_cue(text, tokens(text, max(start, span.open_at - BEFORE_REACH), span.open_at, people), people)


def _back(text: str, pos: int) -> int:
    """The offset of the last character before `pos` that is not white space (-1 if none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos - 1


def _resolve(reading: _Reading, cue: Cue, previous: _Said | None) -> str | None:
    """The speaker a cue names: a pronoun's person, learned as that gender for later pronouns."""
    if cue.kind == NAMED:
        return cue.name
    if cue.kind == GROUP:
        return None
    if cue.role is not None and (titled := reading.people.titled(cue.role, cue.at)):
        return titled[0]  # "the president" of "President Barack Obama"
    # A pronoun, or a description no name carries as a title: the person the text means.
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
    start = reading.sentence_start(span.open_at)
    last = _back(reading.text, span.open_at)
    return last < start or reading.text[last] == ":"


def _follows(reading: _Reading, previous: tuple[Span, str | None], span: Span) -> bool:
    """Whether `span` follows the previous speech with no one else named in between, within
    the next two paragraphs."""
    prev = previous[0]
    paragraphs = bisect.bisect_left(reading.breaks, span.open_at) - bisect.bisect_left(reading.breaks, prev.open_at)
    if paragraphs == 0 and reading.sentence_start(reading.sentence_start(span.open_at) - 1) <= prev.open_at:
        return True  # right after the sentence of the quotation and its attribution ("… told Fox News' Chris Wallace")
    others = [m for m in reading.people.between(prev.close_end, span.open_at) if m.name != previous[1]]
    return paragraphs <= 2 and not others


def _previous_sentence_speaker(reading: _Reading, span: Span, previous: _Said | None) -> str | None:
    """The speaker the sentence before the quotation (the last of the paragraph before, when
    the quotation opens one) gives, when it quotes nothing itself: the subject of its verb of
    saying ("…, he said.\n“When people talk …”"), else the person it opens with ("Charles
    Schultze … once summed up the danger of deficits with a metaphor. “It’s not …”")."""
    text, people = reading.text, reading.people
    start = reading.sentence_start(span.open_at)
    if start == 0:
        return None
    first = max(reading.sentence_start(max(_back(text, start), 0)), start - BEFORE_REACH)
    if reading.quotes_between(first, start):
        return None
    cue = before_cue(text, tokens(text, first, start, people), people)
    if cue is not None:
        return _resolve(reading, cue, previous)
    lead = len(text[first:start]) - len(text[first:start].lstrip())
    mention = people.starting_in(first + lead, first + lead + 1)
    return mention.name if mention is not None else None
