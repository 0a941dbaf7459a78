"""What a search found inside articles: snippets for list rows, hits for the reading pane.

Both come from the engine's full-text index (SQLite: FTS5's snippet() and highlight()), so
they follow its words exactly: prefixes, case, diacritics ("cafe" finds "café").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.query import search_errors
from desktop.core.search import hit_spans, parse_search
from desktop.core.store.db import Archive

SNIPPET_TOKENS = 12  # words in a list row's snippet


@dataclass
class Hits:
    """Where a search's hits are in one article: (start, end) character offsets into
    Detail.title and Detail.text, in order and not overlapping."""

    title: list[tuple[int, int]] = field(default_factory=list)
    text: list[tuple[int, int]] = field(default_factory=list)


def snippets(archive: Archive, ids: Sequence[int], text: str) -> dict[int, str]:
    """For each of `ids` that matches the search `text`: about SNIPPET_TOKENS words of its
    text around the best hits, on one line, each hit between search.HIT_START and HIT_END,
    cut ends marked by search.ELLIPSIS. Empty without search text; one query for all ids
    (a list page of 100 takes a few milliseconds).

    Raises SearchSyntaxError for search text the language or the engine cannot read.
    """
    search = parse_search(text)
    if search is None or not ids:
        return {}
    statement = archive.backend.fulltext_snippets(search, ids, SNIPPET_TOKENS)
    with archive.reading() as conn, search_errors(archive):
        return {article_id: " ".join(snippet.split()) for article_id, snippet in conn.execute(statement)}


def highlight_spans(archive: Archive, article_id: int, text: str) -> Hits:
    """Where the search `text` hits in the title and text of one article (markup.detail_html
    marks them); no hits without search text or when the article does not match it.

    Raises SearchSyntaxError for search text the language or the engine cannot read.
    """
    search = parse_search(text)
    if search is None:
        return Hits()
    with archive.reading() as conn, search_errors(archive):
        row = conn.execute(archive.backend.fulltext_highlighted(search, article_id)).first()
    return Hits(hit_spans(row[0]), hit_spans(row[1])) if row else Hits()
