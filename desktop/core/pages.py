"""A long list's first page before the rest of it: the rows a window shows at once.

The list of every matching id comes after (query.article_ids): for a word in two thirds of
100k articles, finding, ordering and sending all of them takes PostgreSQL a few hundred
milliseconds, and the first page of them is among the newest few hundred articles.
"""

from __future__ import annotations

from sqlmodel import col, select

from desktop.core import query
from desktop.core.query import Filter
from desktop.core.search import parse_search
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow

# The newest articles a search tests one by one for its first page before it looks for every
# match: a word in a fifth of them fills the window's page of 50; one in two thirds of them
# after ~75 tests (~2 ms on PostgreSQL at 100k articles, against ~250 ms to find every match);
# a rarer word has fewer matches, which the whole query finds at once, 250 tests (~5 ms) later.
NEWEST_PROBED = 250


def first_ids(archive: Archive, flt: Filter, size: int) -> tuple[list[int], bool]:
    """The first `size` ids of query.article_ids(archive, flt), and True if they are all of
    them (False: there may be more).

    A search in the default order (newest first) first tests the articles dated on or after
    the NEWEST_PROBED-th newest one (backend.fulltext_probe), newest first: if `size` of them
    match, they are the first page, since every other match is older or undated. Raises
    SearchSyntaxError as article_ids does.
    """
    if flt.sort == "published" and flt.descending and parse_search(flt.text) is not None:
        newest = (select(ArticleRow.published)
                  .order_by(col(ArticleRow.published).desc().nulls_last(), col(ArticleRow.id).desc())
                  .offset(NEWEST_PROBED - 1).limit(1).scalar_subquery())
        probed = query.ordered_ids(archive, flt, probing=True).where(col(ArticleRow.published) >= newest)
        ids = query.run_ids(archive, probed.limit(size))
        if len(ids) == size:
            return ids, False
    ids = query.article_ids(archive, flt, size + 1)
    return ids[:size], len(ids) <= size
