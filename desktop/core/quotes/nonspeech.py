"""Words in quotation marks that are nobody's speech, whatever verb stands next to them."""

from __future__ import annotations

import re

# The fewest words of four letters or more, all capitalised, that make a quotation a title.
TITLE_WORDS = 4
# The most words of a quotation that is a section heading ("'She weighed so little'").
HEADING_WORDS = 12
_LONG_WORD = re.compile(r"[^\W\d_][\w\u2019'-]{3,}")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s*$")
_WORD_AFTER = re.compile(r"\s+[a-z]+\b")


def is_title(quote: str) -> bool:
    """A title of a work or a thing in title case ("Defying ISIS: Preserving Christianity in the
    Place of Its Birth", "First of the Season Fresh Alaskan Halibut"): speech is written in
    sentence case."""
    words = _LONG_WORD.findall(quote)
    return len(words) >= TITLE_WORDS and all(w[0].isupper() for w in words)


def is_heading(line: str, quote: str) -> bool:
    """A quotation that is its whole line, short and without a final full stop: a section
    heading, whose words are the speaker's who says them in the article, if anyone does."""
    return (line.strip()[1:-1].strip() == quote.strip() and len(quote.split()) <= HEADING_WORDS
            and quote.rstrip()[-1:] not in ".?!\u2026")


def in_subject(before: str, after: str) -> bool:
    """Whether a quotation between a determiner (`before` ends with it) and a lower-case word
    (`after` starts with it) names the subject ("The “self-development junkie” said"): the
    verb after it is the subject's, not an attribution of the quoted words."""
    return bool(_DETERMINER_BEFORE.search(before) and _WORD_AFTER.match(after))
