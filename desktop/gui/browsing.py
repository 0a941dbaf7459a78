"""What the user is looking at, and the queries that show it: no Qt in here.

`BrowsingState` holds the `Filter` (search text, terms, sort) and asks the core for the
matching ids, the first rows and the sidebar counts, through a task runner
(`desktop.gui.tasks`: `run(key, func, callback, on_error)` and `cancel(key)`). The window
listens; a test drives it with `SyncRunner` and reads what the listener received.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from desktop.core import facets, list_rows, pages, query
from desktop.core.article import PERSON
from desktop.core.list_rows import Summary
from desktop.core.query import FACET_KINDS, FacetEntry, Filter, Term
from desktop.core.quotations import add_quote_counts
from desktop.core.search_results import snippets
from desktop.core.store.db import Archive

FIRST_ROWS = 50  # rows fetched with the ids, so the list paints at once (the table's page size)


@dataclass(frozen=True)
class QueryResult:
    """One query's answer: the matching ids in order and the first rows to show. An
    incomplete answer holds the first page of ids alone; the listener's `rest_ready` gets
    the complete one after it."""

    filter: Filter
    ids: list[int]
    total: int  # articles the archive shows (the trash not counted)
    first_rows: list[Summary]
    snippets: dict[int, str] = field(default_factory=dict)  # of the first rows, when searching
    complete: bool = True

    @property
    def matching(self) -> int:
        return len(self.ids)


class Runner(Protocol):
    def run(self, key: object, func: Callable, callback: Callable | None = None,
            on_error: Callable | None = None) -> int: ...

    def cancel(self, key: object) -> None: ...


class Listener(Protocol):
    def rows_ready(self, result: QueryResult) -> None: ...

    def rest_ready(self, result: QueryResult) -> None: ...

    def facets_ready(self, facets: dict[str, list[FacetEntry]]) -> None: ...

    def query_failed(self, exc: BaseException) -> None: ...


def page_rows(archive: Archive, ids: list[int], search: str) -> tuple[list[Summary], dict[int, str]]:
    """The list rows of `ids` and, with search text, their snippets (hits marked)."""
    with archive.reading():
        return list_rows.summaries(archive, ids), snippets(archive, ids, search) if search.strip() else {}


def sidebar_counts(archive: Archive, flt: Filter, limit: int | None, containing: str) -> dict[str, list[FacetEntry]]:
    """Every sidebar section within `flt` (at most `limit` entries each, names containing
    `containing`), the people with their quotation counts."""
    sections = {kind: facets.facet(archive, kind, flt, limit=limit, containing=containing) for kind in FACET_KINDS}
    add_quote_counts(archive, sections[PERSON], flt)
    return sections


def count_text(result: QueryResult) -> str:
    """The count beside the search box: "3 of 12 articles", "12 articles" unfiltered, or
    "2 articles in the Trash"; "over 50 of …" while only the first page is known."""
    matching = f"{result.matching:,}" if result.complete else f"over {result.matching:,}"
    if result.filter.trash:
        return f"{matching} article{'' if result.matching == 1 else 's'} in the Trash"
    total = result.total
    noun = "article" if total == 1 else "articles"
    if result.filter.is_narrowed:
        return f"{matching} of {total:,} {noun}"
    return f"{total:,} {noun}"


def first_page(archive: Archive, flt: Filter, count_total: bool, known: int) -> QueryResult:
    """The answer to `flt` with its first FIRST_ROWS ids, complete if they are all; the
    archive's total counted if `count_total`, else `known` (or the ids, when they are all of
    the archive). Ids, total and rows are read on one connection (Archive.reading)."""
    with archive.reading():
        ids, complete = pages.first_ids(archive, flt, FIRST_ROWS)
        # Counting 100k articles takes ~7 ms; the total only changes with the archive.
        if complete and not query.is_subset(flt):
            total = len(ids)
        else:
            total = query.total(archive) if count_total else known
        return QueryResult(flt, ids, total, *page_rows(archive, ids, flt.text), complete=complete)


class BrowsingState:
    """The current Filter and its queries. Each query replaces the older one in flight
    (the runner drops stale results by key), so fast clicks never show an old list."""

    def __init__(self, archive: Archive, runner: Runner, listener: Listener, flt: Filter = Filter()):
        self.archive = archive
        self.runner = runner
        self.listener = listener
        self.filter = flt if flt.sort in query.SORT_COLUMNS else Filter()
        self.total = 0
        self._total_stale = True  # count the archive with the next query
        self._incomplete: QueryResult | None = None  # the last result, if its rest is to fetch
        self.facet_limit: int | None = None
        self.facet_text = ""

    # -- changing what is shown ------------------------------------------------------
    def set_filter(self, flt: Filter) -> None:
        """Show `flt`: starts its query (the listener gets `rows_ready`)."""
        self.filter = flt
        self.run_query()

    def add_term(self, term: Term) -> None:
        self.set_filter(self.filter.adding(term))

    def remove_term(self, term: Term) -> None:
        self.set_filter(self.filter.removing(term))

    def set_text(self, text: str) -> None:
        if text != self.filter.text:
            self.set_filter(replace(self.filter, text=text))

    def set_sort(self, sort: str, descending: bool) -> None:
        if (sort, descending) != (self.filter.sort, self.filter.descending):
            self.set_filter(replace(self.filter, sort=sort, descending=descending))

    def clear(self) -> bool:
        """Back to the whole archive: no search text, no term, not the Trash; False (and no
        query) if there was nothing to clear."""
        cleared = replace(self.filter, text="", terms=(), trash=False)
        if cleared == self.filter:
            return False
        self.set_filter(cleared)
        return True

    def archive_changed(self) -> None:
        """Articles were added or removed: recount the total with the next query, and run it."""
        self._total_stale = True
        self.run_query()

    # -- queries ---------------------------------------------------------------------
    def run_query(self) -> None:
        """Query the current Filter in the worker: `rows_ready` gets the first page of ids
        and its rows, then, if there are more, `rest_ready` every id."""
        archive, flt, count_total, known = self.archive, self.filter, self._total_stale, self.total
        self.runner.cancel("facets")
        self.runner.cancel("rest")
        self._incomplete = None
        self.runner.run("query", lambda: first_page(archive, flt, count_total, known), self._query_done,
                        self.listener.query_failed)

    def _query_done(self, result: QueryResult) -> None:
        self.total, self._total_stale = result.total, False
        self._incomplete = None if result.complete else result
        self.listener.rows_ready(result)

    def load_rest(self) -> None:
        """Fetch every id of the last result if it came incomplete (`rest_ready` gets them);
        the listener calls it once the first rows are painted."""
        result, self._incomplete = self._incomplete, None
        if result is not None:
            archive, flt = self.archive, result.filter
            self.runner.run("rest", lambda: replace(result, ids=query.article_ids(archive, flt), complete=True),
                            self.listener.rest_ready, self.listener.query_failed)

    def recount(self, flt: Filter | None = None) -> None:
        """Recount every sidebar section within `flt` (the current filter by default);
        entries are limited to `facet_limit` + 1 and to names containing `facet_text`."""
        archive, text = self.archive, self.facet_text
        flt = self.filter if flt is None else flt
        limit = None if self.facet_limit is None else self.facet_limit + 1
        self.runner.run(
            "facets",
            lambda: sidebar_counts(archive, flt, limit, text),
            self.listener.facets_ready,
            self.listener.query_failed,
        )
