"""The search language: the search box's text parsed into a small, engine-neutral value.

    budget talks        both words (AND); a bare word also matches as a prefix ("budg" finds
                        "budget"), so results follow the typing
    tea OR coffee       either side; binds looser than AND: "a b OR c" is "(a b) OR c"
    -coffee             not this word (also -"a phrase", -title:word, -(a OR b))
    "exact phrase"      these words in this order, each a whole word; "budget"* makes the last
                        one a prefix again
    prefix*             the same as a bare word (accepted because people type it)
    title:word          in the title only; also title:"a phrase"
    author:name         in the authors only; also author:"Jane Doe"
    (a OR b) c          brackets group

Forgiven, because they happen while typing or pasting: an unclosed quote or bracket is
closed at the end (the quoted words' last one then matches as a prefix), punctuation alone
('*', '^', '&', a lone '-') is ignored, a colon not followed by a word ("Brexit: what now")
or after a non-letter ("10:30", "https://…") is plain text, and text with no word at all
is no search (parse_search returns None). Uppercase OR is the operator, "or" a word; any
other engine syntax (NEAR, ^, AND, column names) is plain text. Errors (SearchSyntaxError,
one sentence for the user): a query or group that only excludes, OR without something on
both sides, an unknown field ("foo:bar"), a field with nothing right after it, a ')'
without '(', brackets nested deeper than MAX_DEPTH.

The parsed value (Phrase, AllOf, AnyOf) is compiled by the store's backend, e.g.
core/store/sqlite.py to an FTS5 MATCH expression; user text never reaches an engine raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

TITLE, AUTHOR = "title", "author"
FIELDS = (TITLE, AUTHOR)  # `field:` names a user may type; None in a Phrase means every column
MAX_DEPTH = 20  # brackets inside brackets; FTS5's own parser overflows on deep nesting

# Around each hit in snippets and highlighted text (core/search_results.py): control
# characters, which news text does not use (extraction also drops them from pages).
HIT_START, HIT_END, ELLIPSIS = "\x02", "\x03", "…"

ONLY_EXCLUDES = "Search: a query cannot only exclude words (-word); add a word to look for."
OR_NEEDS_BOTH = "Search: OR needs something to look for on both sides, as in tea OR coffee."
STRAY_CLOSE = "Search: a closing bracket ')' has no opening bracket before it."
TOO_DEEP = f"Search: brackets can be nested at most {MAX_DEPTH} deep."
ENGINE_REFUSED = "Search: the archive could not run this search; try fewer words or brackets."


class SearchSyntaxError(ValueError):
    """A search the language cannot read; str() is one sentence to show the user as it is."""


@dataclass(frozen=True)
class Phrase:
    """Words in this order (a single word is a phrase of one), in one field or in all.

    Words are as typed and may hold punctuation ("e-mail", "U.S."); a backend splits them
    as its index does. With `prefix`, the last word matches any word it begins.
    """

    words: tuple[str, ...]
    prefix: bool = False
    field: str | None = None  # TITLE, AUTHOR or None: title, authors and text


@dataclass(frozen=True)
class AllOf:
    """Every `include` matches and no `exclude` does; `include` is never empty."""

    include: tuple[Search, ...]
    exclude: tuple[Search, ...] = ()


@dataclass(frozen=True)
class AnyOf:
    """At least one of two or more `options` matches."""

    options: tuple[Search, ...]


Search = Union[Phrase, AllOf, AnyOf]

_TOKEN = re.compile(
    r"""(?P<space>\s+)
    | (?P<paren>[()])
    | (?P<neg>-)(?=[^\s)])
    | (?:(?P<field>[^\W\d_]+):(?=[^\W_]|"))?
      (?:"(?P<quoted>[^"]*)(?P<closed>"?)(?P<star>\*?) | (?P<bare>[^\s()"]+))""",
    re.VERBOSE,
)
_FIELD_WITHOUT_WORD = re.compile(r"([^\W\d_]+):")
_HAS_WORD = re.compile(r"[^\W_]")
NEG, OR = "-", "OR"  # tokens besides "(", ")" and Phrase values


def parse_search(text: str) -> Search | None:
    """The search `text` as a value, or None when it holds no word to look for.

    Raises SearchSyntaxError for the errors listed in this module's docstring.
    """
    parser = _Parser(_tokens(text))
    result = parser.expression(depth=0)
    if parser.peek() == ")":
        raise SearchSyntaxError(STRAY_CLOSE)
    return result


def _tokens(text: str) -> list:
    """`text` as a list of "(", ")", NEG, OR and Phrase values; ignored bits leave nothing."""
    tokens: list = []
    for m in _TOKEN.finditer(text):
        if m["paren"] or m["neg"]:
            tokens.append(m["paren"] or NEG)
            continue
        if m["space"]:
            continue
        if m["bare"] == OR and not m["field"] and tokens[-1:] != [NEG]:
            tokens.append(OR)
            continue
        phrase = _phrase(m)
        if phrase is not None:
            tokens.append(phrase)
        elif tokens[-1:] == [NEG]:  # "-*": nothing to exclude
            tokens.pop()
    return tokens


def _phrase(m: re.Match) -> Phrase | None:
    """The Phrase of one quoted or bare chunk, None if it has no word."""
    field = m["field"] and m["field"].casefold()
    if field and field not in FIELDS:
        raise SearchSyntaxError(
            f"Search: there is no field '{m['field']}:'; use title: or author:, or put the words in quotes."
        )
    if m["bare"] is not None:
        loose = _FIELD_WITHOUT_WORD.match(m["bare"])
        if loose and loose[1].casefold() in FIELDS:
            raise SearchSyntaxError(_needs_word(loose[1]))
        chunk, prefix = m["bare"].rstrip("*"), True
    else:
        chunk, prefix = m["quoted"], bool(m["star"] or not m["closed"])
    words = tuple(w for w in chunk.split() if _HAS_WORD.search(w))
    if not words and field:
        raise SearchSyntaxError(_needs_word(m["field"]))
    return Phrase(words, prefix, field or None) if words else None


def _needs_word(field: str) -> str:
    return f"Search: write a word or a quoted phrase right after '{field}:', with no space."


class _Parser:
    """Recursive descent over the tokens: expression := sequence (OR sequence)*;
    sequence := item+; item := -* (Phrase | "(" expression ")")."""

    def __init__(self, tokens: list):
        self.tokens, self.at = tokens, 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self):
        self.at += 1
        return self.tokens[self.at - 1]

    def expression(self, depth: int) -> Search | None:
        if depth > MAX_DEPTH:
            raise SearchSyntaxError(TOO_DEEP)
        options = [self.sequence(depth)]
        while self.peek() == OR:
            self.take()
            options.append(self.sequence(depth))
        if len(options) == 1:
            return options[0]
        if None in options:
            raise SearchSyntaxError(OR_NEEDS_BOTH)
        flat = [o for option in options for o in (option.options if isinstance(option, AnyOf) else (option,))]
        return AnyOf(tuple(flat))

    def sequence(self, depth: int) -> Search | None:
        include: list[Search] = []
        exclude: list[Search] = []
        while self.peek() not in (None, OR, ")"):
            negated = False
            while self.peek() == NEG:
                self.take()
                negated = True
            item = self.item(depth)
            if item is not None:
                (exclude if negated else include).append(item)
        if exclude and not include:
            raise SearchSyntaxError(ONLY_EXCLUDES)
        if not include:
            return None
        flat = [i for item in include for i in (item.include if _plain_all(item) else (item,))]
        if len(flat) == 1 and not exclude:
            return flat[0]
        return AllOf(tuple(flat), tuple(exclude))

    def item(self, depth: int) -> Search | None:
        """A Phrase or a bracketed expression (closed at the end if unclosed); None when a
        trailing "-" or empty brackets leave nothing."""
        token = self.peek()
        if token is None or token in (OR, ")"):
            return None
        self.take()
        if token != "(":
            return token
        inner = self.expression(depth + 1)
        if self.peek() == ")":
            self.take()
        return inner


def _plain_all(item: Search) -> bool:
    """An AllOf without exclusions, whose words can join the surrounding AllOf."""
    return isinstance(item, AllOf) and not item.exclude


def hit_spans(marked: str) -> list[tuple[int, int]]:
    """Where the hits are in `marked` (text with HIT_START/HIT_END around each hit), as
    (start, end) character offsets into the same text with the markers removed."""
    spans, removed, start = [], 0, None
    for m in re.finditer(f"[{HIT_START}{HIT_END}]", marked):
        at = m.start() - removed
        removed += 1
        if m[0] == HIT_START:
            start = at
        elif start is not None:
            spans.append((start, at))
            start = None
    return spans
