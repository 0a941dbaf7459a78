"""What a search found inside articles: snippets for list rows, hits for the reading pane.

Both come from the engine's full-text index (SQLite: FTS5's snippet() and highlight()), so
they follow its words exactly: prefixes, case, diacritics ("cafe" finds "café").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from desktop.core.query import search_errors
from desktop.core.search import Search, hit_spans, parse_search
from desktop.core.store.db import Archive

SNIPPET_TOKENS = 12  # words in a list row's snippet
_VERSION_LABEL = re.compile(r"in version \d+: ")  # how str(Passage) starts
PASSAGE_TOKENS = 40  # words of the passage the reading pane shows from an earlier version


@dataclass(frozen=True)
class Passage:
    """Words of an earlier version around a search's hits (hits between search.HIT_START and
    HIT_END, cut ends marked by search.ELLIPSIS), when only that version matched."""

    version: int  # its number, 1 = the first capture (store.versions)
    text: str

    def __str__(self) -> str:
        """ "in version 1: …the words…": how a list row and the reading pane say it."""
        return f"in version {self.version}: {self.text}"


def version_label(snippet: str) -> str:
    """The "in version N: " a snippet of an earlier version (str(Passage)) starts with; ""
    for a snippet of the newest version."""
    found = _VERSION_LABEL.match(snippet)
    return found.group() if found else ""


@dataclass
class Hits:
    """Where a search's hits are in one article: (start, end) character offsets into
    Detail.title and Detail.text, in order and not overlapping; `earlier` when only an
    earlier version matches (the newest has no hits then)."""

    title: list[tuple[int, int]] = field(default_factory=list)
    text: list[tuple[int, int]] = field(default_factory=list)
    earlier: Passage | None = None


def snippets(archive: Archive, ids: Sequence[int], text: str) -> dict[int, str]:
    """For each of `ids` that matches the search `text`: about SNIPPET_TOKENS words of its
    text around the best hits, on one line, each hit between search.HIT_START and HIT_END,
    cut ends marked by search.ELLIPSIS; an article that matches only in an earlier version
    gets that version's words, as str(Passage). Empty without search text; two queries for
    all ids at most (a list page of 100 takes a few milliseconds).

    Raises SearchSyntaxError for search text the language or the engine cannot read.
    """
    search = parse_search(text)
    if search is None or not ids:
        return {}
    statement = archive.backend.fulltext_snippets(search, ids, SNIPPET_TOKENS)
    with archive.reading() as conn, search_errors(archive):
        found = {article_id: " ".join(snippet.split()) for article_id, snippet in conn.execute(statement)}
        others = [i for i in ids if i not in found]
        earlier = _earlier_passages(archive, conn, search, others, SNIPPET_TOKENS) if others else {}
    return found | {article_id: str(passage) for article_id, passage in earlier.items()}


def _earlier_passages(archive: Archive, conn: Connection, search: Search, ids: Sequence[int],
                      tokens: int) -> dict[int, Passage]:
    """{article id: Passage} of the newest earlier version of each of `ids` that matches,
    about `tokens` words on one line."""
    rows = conn.execute(archive.backend.fulltext_snippets(search, ids, tokens, earlier=True))
    return {article_id: Passage(version, " ".join(words.split()))
            for article_id, version, words in sorted(rows, key=lambda row: row[1])}


def highlight_spans(archive: Archive, article_id: int, text: str) -> Hits:
    """Where the search `text` hits in the title and text of one article (markup.detail_html
    marks them); when only an earlier version matches, the passage of the newest such version;
    nothing without search text or when no version matches.

    Raises SearchSyntaxError for search text the language or the engine cannot read.
    """
    search = parse_search(text)
    if search is None:
        return Hits()
    with archive.reading() as conn, search_errors(archive):
        row = conn.execute(archive.backend.fulltext_highlighted(search, article_id)).first()
        if row is None:
            return Hits(earlier=_earlier_passages(archive, conn, search, [article_id], PASSAGE_TOKENS).get(article_id))
    return Hits(hit_spans(row[0]), hit_spans(row[1]))
