"""Patterns that scan a whole article only when a cheap clue says they may match.

A row or table pattern ("Federer (Switzerland) beat Simon (France)") is tried by the regular
expression engine at every character of an article, and prose holds no such rows: over TR-News
the row and table patterns took about a third of the entity rules' time. Each such pattern is
paired here with a clue, a short pattern found inside every one of its matches, which starts with
a literal or a digit and so is scanned for many times faster; a text without the clue is not
scanned at all, and the matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Clued:
    """A compiled `pattern` whose finditer first looks for `clue`, a pattern every match of
    `pattern` contains (the caller's proof; tests/test_entity_clues.py checks it on examples).
    Flags apply to both."""

    def __init__(self, pattern: str, clue: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.clue = re.compile(clue, flags)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The pattern's matches in `text`, as re.finditer gives them; none without the clue."""
        return self.pattern.finditer(text) if self.clue.search(text) else iter(())
