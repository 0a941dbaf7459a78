"""Words in quotation marks that are nobody's speech, whatever verb stands next to them."""

from __future__ import annotations

import re

# The fewest words of four letters or more, all capitalised, that make a quotation a title.
TITLE_WORDS = 4
# The least share of those words capitalised ("A Paradise Built in Hell: The Extraordinary
# Communities that Arise in Disaster").
TITLE_SHARE = 0.8
# Words before a quotation that cite it as a name, a title or a term.
_CITED_BEFORE = re.compile(
    r"\b(?:so-called|(?:known|tagged|labell?ed|billed|referred to) as|dubbed|titled|entitled|"
    r"nicknamed|(?:the|a) (?:term|word|words|phrase|expression|name|label|slogan|hashtag|motto)|"
    r"(?:book|novel|film|movie|song|album|series|show|play|poem|essay|column|headline|exhibition))"
    r"[\s,:]*$", re.IGNORECASE)
# The most words of a quotation that is a section heading ("'She weighed so little'").
HEADING_WORDS = 12
_LONG_WORD = re.compile(r"[^\W\d_][\w\u2019'-]{3,}")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s*$")
_WORD_AFTER = re.compile(r"\s+[a-z]+\b")


def is_title(quote: str, before: str) -> bool:
    """A title or a term, not speech: words in title case ("Defying ISIS: Preserving
    Christianity in the Place of Its Birth", "A Paradise Built in Hell: The Extraordinary
    Communities that Arise in Disaster"), or after words that cite a name or a term (`before`
    ends with them: "her book", "tagged as", "so-called", "the phrase")."""
    words = _LONG_WORD.findall(quote)
    capitalised = sum(1 for w in words if w[0].isupper())
    return (capitalised >= TITLE_WORDS and capitalised >= TITLE_SHARE * len(words)) or bool(_CITED_BEFORE.search(before))


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
