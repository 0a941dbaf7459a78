"""Quotation marks: which spans of a text are quoted, its paragraphs and its sentences.

Offsets are Python string indices into the article text. A "paragraph" ends at a hard line
break; pages turn links and other inline elements into line breaks of their own ("said\\nMar
Hicks\\n, a historian"), which are soft: they join the lines around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import (DOUBLE_CLOSE, DOUBLE_OPEN, DOUBLE_STRAIGHT, SINGLE_CLOSE, SINGLE_OPEN,
                      SINGLE_STRAIGHT)

OPEN, CLOSE = "open", "close"
# A closed pair may run over this many hard line breaks (a heading-like line inside a quoted
# tweet); more is an unpaired mark swallowing the text after it.
MAX_BREAKS_INSIDE = 2
# An apostrophe after a space: a contraction or an elided year ("'s", "'90s", "'em", "'n'").
_ELISION = re.compile(r"(?:s|t|re|ll|ve|d|m|em|n|tis|twas|cause|til)\b|\d", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
# The longest quotation a pair of single marks may hold: apostrophes pair up over longer stretches.
MAX_SINGLE_CHARS = 600
# A line of this many words that ends inside a sentence goes on on the next line.
WRAPPED_LINE_WORDS = 9
# The share of long lines ending inside a sentence that makes a text wrapped.
WRAPPED_SHARE = 0.3
_LINE_END_SENTENCE = re.compile(r"""[.!?:;"'\u201d\u2019\u2026]\s*$""")
# A sentence ends after . ! ? or … (and any closing marks or brackets) before white space, unless
# the word before the full stop is an abbreviation or an initial ("Mr.", "U.S.", "C. Eugene").
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|St|Jr|Sr|Mt|Ft|No|vs|etc|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Rev|Hon|Pres|Gov|Supt|Mx|approx)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")


@dataclass
class Span:
    """One quotation: `start`/`end` bound its words (marks, surrounding space and one trailing
    comma removed); `open_at` is its opening mark, `close_end` the offset just after its closing
    mark (or the paragraph's end when the mark is left open there)."""

    start: int
    end: int
    open_at: int
    close_end: int
    closed: bool = True
    continued: bool = False  # its opening mark continues the quotation left open at the paragraph before


def paragraph_ends(text: str) -> list[int]:
    """The offsets of the hard line breaks of `text`, in order: a break is soft when the line
    before ends inside a sentence and the line after starts in lower case or with punctuation,
    or is a short piece such as a link's words ("wrote\\nJennifer Light\\n, the department head")."""
    ends = []
    wrapped = _wrapped(text)
    for m in re.finditer(r"\n+", text):
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        after_end = text.find("\n", m.end())
        after = text[m.end():after_end if after_end >= 0 else len(text)]
        if not _soft_break(before, after, wrapped):
            ends.append(m.start())
    return ends


def _wrapped(text: str) -> bool:
    """Whether `text` is wrapped at a fixed width: most of its long lines end inside a sentence
    (in text with one line per paragraph almost none do)."""
    long = [line for line in text.splitlines() if len(line.split()) >= WRAPPED_LINE_WORDS]
    inside = sum(1 for line in long if not _LINE_END_SENTENCE.search(line))
    return len(long) > 0 and inside / len(long) >= WRAPPED_SHARE


def _soft_break(before: str, after: str, wrapped: bool) -> bool:
    if not before.strip() or not after.strip():
        return False
    if before.rstrip()[-1] in DOUBLE_OPEN + SINGLE_OPEN:
        return True
    if _LINE_END_SENTENCE.search(before):
        return False
    first = after.lstrip()[0]
    # Text wrapped at a fixed width breaks long lines anywhere; a short line before a long one
    # without a full stop is a heading or a caption.
    return (first.islower() or first in ",.;:)?!\u2019\u201d" or len(after.strip()) < 40
            or (wrapped and len(before.split()) >= WRAPPED_LINE_WORDS))


def quotation_spans(text: str, breaks: list[int]) -> list[Span]:
    """Every quotation of `text`: pairs of double marks, then pairs of single marks outside
    them (British outer marks); a quotation inside another belongs to the outer one."""
    doubles = _pairs(text, breaks, _double_marks(text), single=False)
    singles = _pairs(text, breaks, _single_marks(text), single=True)
    # Doubles first at one offset, so that a single pair inside a double one is dropped.
    double = {id(s) for s in doubles}
    spans = sorted(doubles + singles, key=lambda s: (s.open_at, id(s) not in double, -s.close_end))
    outer: list[Span] = []
    for span in spans:  # sorted by opening: a span inside another starts before the outer one ends
        if outer and span.open_at < outer[-1].close_end:
            continue
        outer.append(span)
    return [s for s in outer if any(c.isalnum() for c in text[s.start:s.end])]


def _double_marks(text: str) -> list[tuple[int, str]]:
    marks = []
    for m in re.finditer(f"[{DOUBLE_OPEN}{DOUBLE_CLOSE}{DOUBLE_STRAIGHT}]", text):
        side = _side(text, m.start())
        if side is not None:
            marks.append((m.start(), side))
    return marks


def _single_marks(text: str) -> list[tuple[int, str]]:
    """Single marks that can only be quotation marks: an opening one before a letter after a
    space or bracket; a closing one after a non-space and before no letter (not "don't")."""
    marks = []
    for m in re.finditer(f"[{SINGLE_OPEN}{SINGLE_CLOSE}{SINGLE_STRAIGHT}]", text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (before.isspace() or before in "([\u2014\u2013-\u201c\"") and (after.isalpha() or after in "\u2026["):
            if m.group() != SINGLE_CLOSE and not _ELISION.match(text, i + 1):
                marks.append((i, OPEN))
        elif not before.isspace() and not after.isalnum() and m.group() != SINGLE_OPEN:
            marks.append((i, CLOSE))
    return [mark for n, mark in enumerate(marks) if not _possessive_mark(text, mark, marks[n + 1:n + 2])]


def _possessive_mark(text: str, mark: tuple[int, str], following: list[tuple[int, str]]) -> bool:
    """Whether a closing single mark is a plural's apostrophe ("the players' right"): after an
    "s", before a lower-case word, with another closing mark after it in the same line."""
    i, side = mark
    line_end = text.find("\n", i) % (len(text) + 1)
    return (side == CLOSE and text[i - 1:i] == "s" and _LOWER_WORD_AFTER.match(text, i + 1) is not None
            and bool(following) and following[0][1] == CLOSE and following[0][0] < line_end)


def _side(text: str, i: int) -> str | None:
    """Whether the double mark at `i` opens or closes a quotation, from the characters around
    it; a curly mark typed the wrong way round counts by where it stands."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before.isspace() or before in "([{\u2014\u2013-/\u2018'"
    if text[i] == DOUBLE_OPEN:
        return CLOSE if not opens and (after.isspace() or after in ",.;:)") else OPEN
    if text[i] == DOUBLE_CLOSE:
        return OPEN if opens and not after.isspace() else CLOSE
    if opens and not after.isspace():
        return OPEN
    return CLOSE if not before.isspace() else None


def _pairs(text: str, breaks: list[int], marks: list[tuple[int, str]], single: bool) -> list[Span]:
    """Opening marks paired with the closing mark after them; one left open runs to its
    paragraph's end, and an opening mark starting the next paragraph continues it."""
    spans: list[Span] = []
    for n, (i, side) in enumerate(marks):
        if side != OPEN:
            continue
        nxt = marks[n + 1] if n + 1 < len(marks) else None
        para_end = _paragraph_end(breaks, i, len(text))
        if nxt is not None and nxt[1] == CLOSE and _fits(breaks, i, nxt[0], single):
            spans.append(_span(text, i + 1, nxt[0], i, nxt[0] + 1, True))
        elif nxt is not None and nxt[0] < para_end and not single:
            # Another opening mark in the same paragraph: this one's closing mark was left out.
            spans.append(_span(text, i + 1, nxt[0], i, nxt[0], False))
        elif not single or _next_paragraph_opens(text, breaks, i, marks[n + 1:]):
            spans.append(_span(text, i + 1, para_end, i, para_end, False))
    for prev, span in zip(spans, spans[1:]):
        between = text[prev.close_end:span.open_at]
        span.continued = not prev.closed and between.strip() == ""
    return [s for s in spans if s.closed or s.end > s.start]


def _fits(breaks: list[int], start: int, end: int, single: bool) -> bool:
    """Whether marks at `start` and `end` may pair: singles within a paragraph and
    MAX_SINGLE_CHARS, doubles over at most MAX_BREAKS_INSIDE paragraph breaks."""
    crossed = bisect.bisect_left(breaks, end) - bisect.bisect_left(breaks, start)
    if single:
        return crossed == 0 and end - start <= MAX_SINGLE_CHARS
    return crossed <= MAX_BREAKS_INSIDE


def _paragraph_end(breaks: list[int], i: int, length: int) -> int:
    k = bisect.bisect_right(breaks, i)
    return breaks[k] if k < len(breaks) else length


def paragraph_start(breaks: list[int], i: int) -> int:
    """Where the paragraph holding offset `i` starts."""
    k = bisect.bisect_right(breaks, i) - 1
    return breaks[k] + 1 if k >= 0 else 0


def _next_paragraph_opens(text: str, breaks: list[int], i: int, later: list[tuple[int, str]]) -> bool:
    """Whether a single mark left open at `i` is the British continuation: it opens its
    paragraph and the next paragraph opens with a mark too (not "'s Kumail Nanjiani" after a
    line break)."""
    if text[paragraph_start(breaks, i):i].strip():
        return False
    end = _paragraph_end(breaks, i, len(text))
    nxt = next((at for at, side in later if side == OPEN and at > end), None)
    return nxt is not None and not text[end:nxt].strip()


def _span(text: str, start: int, end: int, open_at: int, close_end: int, closed: bool) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
    return Span(start, end, open_at, close_end, closed)


def sentence_ends(text: str, spans: list[Span], breaks: list[int]) -> list[int]:
    """Offsets where sentences end, in order: after a sentence's final mark outside quotations
    (an abbreviation's full stop ends none), after a closing mark whose quotation ends a sentence
    when a capital or another quotation follows, and at every hard line break."""
    inside = [(s.open_at, s.close_end) for s in spans]
    starts = [a for a, _ in inside]
    ends = set(breaks)
    for m in _SENTENCE_END.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        in_quote = k >= 0 and m.start() < inside[k][1] - 1
        head = text[max(0, m.start() - 12):m.start() + 1]
        if not in_quote and not _ABBREVIATION.search(head):
            ends.add(m.end())
    for s in spans:
        rest = text[s.close_end:s.close_end + 3].lstrip()
        # "…,” he said" and "…?” Rothman recalls" go on; a full stop before a capital ends it.
        if s.closed and text[s.start:s.end][-1:] in ".\u2026" and rest[:1] and (rest[0].isupper() or rest[0] in DOUBLE_OPEN + '"'):
            ends.add(s.close_end)
    return sorted(ends)
