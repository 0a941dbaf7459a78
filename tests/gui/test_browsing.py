"""BrowsingState without Qt: a plain runner that runs at once, a listener that records."""

from __future__ import annotations

from dataclasses import replace

from desktop.core import query
from desktop.core.profiles import find_term
from desktop.core.search import SearchSyntaxError
from desktop.core.store.trash import trash_articles
from desktop.gui import browsing
from desktop.gui.browsing import BrowsingState, QueryResult, count_text
from tests.gui.conftest import ARTICLES, NIKITIN


class RunAtOnce:
    def run(self, key, func, callback=None, on_error=None):
        try:
            result = func()
        except Exception as exc:  # noqa: BLE001 (handed on, as the real runner does)
            return on_error(exc)
        return callback(result)

    def cancel(self, key):
        pass


class Recorder:
    def __init__(self):
        self.rows: list[QueryResult] = []
        self.rest: list[QueryResult] = []
        self.facets: list[dict] = []
        self.errors: list[BaseException] = []

    def rows_ready(self, result):
        self.rows.append(result)

    def rest_ready(self, result):
        self.rest.append(result)

    def facets_ready(self, facets):
        self.facets.append(facets)

    def query_failed(self, exc):
        self.errors.append(exc)


def browse(archive) -> tuple[BrowsingState, Recorder]:
    heard = Recorder()
    return BrowsingState(archive, RunAtOnce(), heard), heard


def test_filter_terms_text_and_counts(filled):
    state, heard = browse(filled)
    state.run_query()
    assert count_text(heard.rows[-1]) == "5 articles"
    state.add_term(find_term(filled, "person", NIKITIN.name))
    assert count_text(heard.rows[-1]) == "3 of 5 articles"
    state.set_text("pipeline")
    assert [r.title for r in heard.rows[-1].first_rows] == ["Nikitin in Belgrade"]
    assert "\x02pipeline" in next(iter(heard.rows[-1].snippets.values()))
    assert state.clear() and count_text(heard.rows[-1]) == "5 articles"
    assert not state.clear()  # nothing left to clear: no query


def test_sort_and_unsortable_orders(filled):
    state, heard = browse(filled)
    state.set_sort("title", False)
    assert [r.title for r in heard.rows[-1].first_rows] == sorted(a.title for a in ARTICLES)
    runs = len(heard.rows)
    state.set_sort("title", False)  # unchanged: no new query
    assert len(heard.rows) == runs


def test_the_trash_has_its_own_count(filled):
    trash_articles(filled, [filled.ids["Energy markets"]])
    state, heard = browse(filled)
    state.archive_changed()
    assert count_text(heard.rows[-1]) == "4 articles"
    state.set_filter(replace(state.filter, trash=True))
    assert count_text(heard.rows[-1]) == "1 article in the Trash" and heard.rows[-1].total == 4


def test_a_malformed_search_reaches_the_listener_as_an_error(filled):
    state, heard = browse(filled)
    state.set_text("tea OR")
    assert isinstance(heard.errors[-1], SearchSyntaxError) and not heard.rows


def test_a_long_result_comes_as_its_first_page_then_every_id(filled, monkeypatch):
    monkeypatch.setattr(browsing, "FIRST_ROWS", 2)
    state, heard = browse(filled)
    state.run_query()
    first = heard.rows[-1]
    assert not first.complete and len(first.ids) == len(first.first_rows) == 2 and not heard.rest
    assert count_text(first) == "5 articles"  # the whole archive: counted, not listed
    state.load_rest()
    rest = heard.rest[-1]
    assert rest.complete and rest.ids[:2] == first.ids and rest.ids == query.article_ids(filled, state.filter)
    state.add_term(find_term(filled, "person", NIKITIN.name))
    assert count_text(heard.rows[-1]) == "over 2 of 5 articles"
    state.set_text("pipeline")  # one article: complete at once, nothing more to fetch
    assert heard.rows[-1].complete and count_text(heard.rows[-1]) == "1 of 5 articles"
    state.load_rest()
    assert len(heard.rest) == 1


def test_recount_within_the_filter_and_the_sidebar_text(filled):
    state, heard = browse(filled)
    state.facet_text = "bel"
    state.recount()
    assert [e.term.label for e in heard.facets[-1]["city"]] == ["Belgrade"]
    assert heard.facets[-1]["person"] == []



def test_the_browsing_state_imports_no_qt():
    import subprocess
    import sys

    code = "import sys, desktop.gui.browsing; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
