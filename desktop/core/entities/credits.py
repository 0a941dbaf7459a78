"""Bylines, credits, datelines, author notes and credentials: text whose names are not mentions.

The people who wrote, photographed or contributed to an article are not people in its story,
and a dateline's city is where the reporter was, not a place the story is about.
"""

from __future__ import annotations

import re

from .clues import Clued
from .lexicon import (AUTHOR_JOBS, CREDIT_QUALIFIERS, CREDIT_WORDS, PHOTO_CREDIT_LABELS, PHOTO_CREDIT_MARKERS,
                      any_of)
from .name_parts import credential_spans

# Lines that name the people who wrote, photographed or point elsewhere.
# ("Photo illustration by", "Related stories:", not "Pictures posted by the president showed")
_CREDIT_LINE = re.compile(
    rf"^\W*(?:{any_of(CREDIT_WORDS)})(?:\s+(?:{any_of(CREDIT_QUALIFIERS)}))?\s*(?::|\bby\b)", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+[A-Z][^\n]*[^.\n]\s*$")
_SHORT_LINE = 200
# A line that only says "Credit": the photographer's name is on the next one. (After "Image"
# comes the caption, whose people are in the story.)
_CREDIT_HEADING = re.compile(r"^\W*credits?\W*$", re.IGNORECASE)
# "Chang W. Lee/The New York Times" or "Jeon Heon-Kyun/EPA, via Shutterstock" as a line of
# names, "(Ellen M. Banner / The Seattle Times)" anywhere.
_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'\u2019-]*"
_NAME = rf"(?:{_WORD}\s+){{0,3}}{_WORD}"
_AGENCY_LINE = re.compile(rf"^\W*{_NAME}\s*/\s*{_NAME}(?:\s*[/,]\s*(?:via\s+)?{_NAME})*\W*$")
_AGENCY_CREDIT = re.compile(rf"\({_NAME}\s*/\s*[A-Z][^()\n]*\)")
# "Marcia Dunn in Cape Canaveral and Vladimir Isachenkov in Moscow contributed to this report."
_CONTRIBUTED = Clued(r"\bcontributed(?: reporting| to this (?:report|story|article))\b[^\n]*", "contributed",
                     re.IGNORECASE)
_SENTENCE_END = re.compile(r"[^\W_]{2}[.!?][\"\u201d]?\s+")  # not after an initial: "Philip J. Issa"
# The note on the author at the end: "Nelson D. Schwartz has covered economics since 2012."
# A full name opens it ("Medicare covers the drug" is no note), in the last quarter of the text.
_FULL_NAME = rf"(?:{_WORD}\s+){{1,3}}{_WORD}"
_AUTHOR_NOTE = re.compile(
    rf"^\W*{_FULL_NAME}\s+(?:is (?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{any_of(AUTHOR_JOBS)})|covers|"
    r"has covered|writes (?:about|for)|has written (?:about|for))\b")
_AUTHOR_NOTE_LINE = 300
_ABOUT_THE_AUTHOR = re.compile(r"^\W*about the authors?\W*$", re.IGNORECASE)
# "MOSCOW (Reuters) -" and "WASHINGTON —" open a wire story.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\- ]+[A-Z.](?:,\s*[A-Z][\w.]*)*\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]")
# "(AP Photo/Jane Doe)", "Photo: Jane Doe"
_INLINE_CREDIT = Clued(rf"\([^()]*\b(?:{any_of(PHOTO_CREDIT_MARKERS)})\b[^()]*\)|"
                       rf"\b(?:{any_of(PHOTO_CREDIT_LABELS)})s?\s*(?:by|:)\s*[^.\n]*",
                       any_of(PHOTO_CREDIT_MARKERS + PHOTO_CREDIT_LABELS))


def _ends_in_a_word(line: str) -> bool:
    """Whether `line` ends in a word character, an apostrophe or a hyphen, but for asterisks and
    spaces after it, as a caption's credit does."""
    end = line.rstrip().rstrip("*")[-1:]
    return end.isalnum() or end in ("_", "'", "\u2019", "-")


# A caption ending in its photographer's name: "... in Yerevan. Jane Doe" or "**Jane Doe**".
# The sentence must end in a word: "1. Finland" is a list item.
_CAPTION_CREDIT = Clued(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=[\u201d\"]))\s+\**((?:[A-Z][\w'\u2019\-]+\s){0,3}[A-Z][\w'\u2019\-]+)\**\s*$",
    _ends_in_a_word)


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of bylines, credits, datelines, author notes and the credentials after
    names (", M.S., R.D.": name_parts.credential_spans)."""
    spans = credential_spans(text)
    after_heading = False
    for para in re.finditer(r"[^\n]+", text):
        line, offset = para.group(), para.start()
        if _ABOUT_THE_AUTHOR.match(line):
            return [*spans, (offset, len(text))]
        short = len(line) < _SHORT_LINE
        credit = short and (after_heading or _CREDIT_LINE.match(line) or _BYLINE.match(line)
                            or _AGENCY_LINE.match(line))
        note = len(line) < _AUTHOR_NOTE_LINE and offset > len(text) * 3 // 4 and _AUTHOR_NOTE.match(line)
        if credit or note:
            spans.append((offset, para.end()))
        else:
            for rx in (_DATELINE, _INLINE_CREDIT, _CAPTION_CREDIT, _AGENCY_CREDIT):
                spans += [(offset + m.start(), offset + m.end()) for m in rx.finditer(line)]
            if m := _CONTRIBUTED.search(line):  # from the start of its sentence
                start = max((e.end() for e in _SENTENCE_END.finditer(line, 0, m.start())), default=0)
                spans.append((offset + start, offset + m.end()))
        after_heading = short and bool(_CREDIT_HEADING.match(line))
    return spans
