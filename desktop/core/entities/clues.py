"""Patterns that scan a text only where they may match: when a cheap clue says so, or at line starts.

A row or table pattern ("Federer (Switzerland) beat Simon (France)") or a credit's ("(AP
Photo/Jane Doe)") is tried by the regular expression engine at every character of a text, and
most texts hold no such thing: over TR-News the row and table patterns took about a third of the
entity rules' time. Each such pattern is paired here with a clue, which every text the pattern
matches in holds: a short pattern found inside every match that starts with a literal or a digit
and so is scanned for many times faster, or a test of the text's end for a pattern anchored
there. A text without the clue is not scanned at all, and the matches are the same. A pattern
that opens a line (a results line, a dateline) is tried at line starts alone (AtLineStarts), one
that opens with a word at that word's occurrences (matches_at), and one of words at the end of
the text before a mention only where that text ends with them (AtWindowEnd).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern that can match only at `starts` (increasing):
    tried there alone, and, as finditer gives them, no match overlapping the one before."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = m.end()


class Clued:
    """A compiled `pattern` that first asks `clue` (a pattern, compiled with the same flags, or a
    test of the text) whether the text may hold a match: the caller's proof that every text with
    a match holds the clue; tests/test_entity_clues.py checks it on examples."""

    def __init__(self, pattern: str, clue: str | Callable[[str], bool], flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.clue = re.compile(clue, flags).search if isinstance(clue, str) else clue

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The pattern's matches in `text`, as re.finditer gives them; none without the clue."""
        return self.pattern.finditer(text) if self.clue(text) else iter(())

    def search(self, text: str) -> re.Match | None:
        """The pattern's first match in `text`, as re.search gives it; None without the clue."""
        return self.pattern.search(text) if self.clue(text) else None


class AtLineStarts:
    """A pattern that holds only where a line starts: `body` compiled as "^(?:body)" with
    re.MULTILINE, and tried only at the text's start and after each "\\n". re.finditer would step
    through every character to find the few where "^" holds; the matches are the same (for a
    `body` that matches no empty string)."""

    def __init__(self, body: str, flags: int = 0):
        self.pattern = re.compile(rf"^(?:{body})", flags | re.MULTILINE)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The pattern's matches in `text`, as re.finditer gives them: none overlapping."""
        return matches_at(self.pattern, text, _line_starts(text))


def _line_starts(text: str) -> Iterator[int]:
    at = 0
    while at >= 0:
        yield at
        at = text.find("\n", at) + 1 or -1


class AtWindowEnd:
    """A pattern of words, then only whitespace to the end of the text before a mention
    ("\\b(?:in|near)\\s+$"), searched only where it may match: the window, its trailing whitespace
    set aside, must end with one of `endings` (as written), and the search starts `longest`
    characters before that end (no match of the words is longer: a case-insensitive pattern
    matches letter for letter). A regular expression search would try every character."""

    def __init__(self, pattern: str, *, endings: tuple[str, ...] = ("",), longest: int | None = None, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.endings, self.longest = endings, longest

    def search(self, window: str) -> re.Match | None:
        """The pattern's first match in `window`, as re.search gives it."""
        end = len(window.rstrip())
        if not window.endswith(self.endings, 0, end):
            return None
        return self.pattern.search(window, 0 if self.longest is None else max(0, end - self.longest))
