"""Words in quotation marks that are nobody's speech, whatever verb stands next to them."""

from __future__ import annotations

import re

# The fewest words of four letters or more, all capitalised, that make a quotation a title.
TITLE_WORDS = 4
_LONG_WORD = re.compile(r"[^\W\d_][\w\u2019'-]{3,}")


def is_title(quote: str) -> bool:
    """A title of a work or a thing in title case ("Defying ISIS: Preserving Christianity in the
    Place of Its Birth", "First of the Season Fresh Alaskan Halibut"): speech is written in
    sentence case."""
    words = _LONG_WORD.findall(quote)
    return len(words) >= TITLE_WORDS and all(w[0].isupper() for w in words)
