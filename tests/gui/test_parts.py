"""The window's parts on their own: the task runner, the paged table model, the markup."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import Qt

from desktop.core import list_rows, query
from desktop.core.profiles import Profile
from desktop.core.query import Detail, EntityInfo
from desktop.gui import article_table, markup
from desktop.gui.article_table import ArticleTableModel
from desktop.gui.tasks import SyncRunner, TaskRunner


def test_runner_delivers_results_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    got = []
    gui = threading.get_ident()
    runner.run("k", lambda: threading.get_ident(), lambda worker: got.append((worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got))
    worker, delivered = got[0]
    assert worker != gui and delivered == gui


def test_runner_drops_stale_results(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    got = []

    def slow():
        release.wait(5)
        return "old"

    runner.run("query", slow, got.append)
    runner.run("query", lambda: "new", got.append)
    qtbot.waitUntil(lambda: got == ["new"])
    release.set()
    runner.wait()
    qtbot.wait(50)
    assert got == ["new"]  # the older query finished last and was dropped


def test_runner_reports_errors(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run("k", lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_sync_runner():
    got = []
    SyncRunner().run("k", lambda: 42, got.append)
    assert got == [42]


def test_table_fetches_rows_in_pages_on_demand(filled, qtbot, monkeypatch):
    monkeypatch.setattr(article_table, "PAGE_SIZE", 2)
    monkeypatch.setattr(article_table, "MAX_PAGES", 2)
    fetched = []
    real = list_rows.summaries
    monkeypatch.setattr(list_rows, "summaries", lambda a, ids: fetched.append(list(ids)) or real(a, ids))
    model = ArticleTableModel(filled, SyncRunner())
    ids = query.article_ids(filled)
    model.set_result(ids)
    assert model.rowCount() == 5 and model.cached_rows() == 0
    assert model.index(3, 1).data() == "Nikitin visits Kyiv"  # page 1 fetched at once (sync runner)
    assert fetched == [ids[2:4]]
    model.index(0, 1).data()
    model.index(4, 1).data()
    assert fetched == [ids[2:4], ids[0:2], ids[4:5]]
    assert model.cached_rows() <= 4  # never more than MAX_PAGES pages of rows


def test_table_sort_asks_for_a_query(filled, qtbot):
    model = ArticleTableModel(filled, SyncRunner())
    with qtbot.waitSignal(model.sortRequested) as asked:
        model.sort(1, Qt.SortOrder.AscendingOrder)
    assert asked.args == ["title", False]


def test_highlight_escapes_and_links():
    nikitin = EntityInfo(id=7, kind="person", name="Pyotr Nikitin", aliases=["Nikitin"])
    html = markup.highlight("<b>Nikitin</b> & Pyotr Nikitin", [nikitin])
    assert "&lt;b&gt;" in html and "&amp;" in html and "<b>" not in html
    assert html.count('href="cuttings://entity/7"') == 2


def test_detail_markup_never_contains_article_tags():
    item = Detail(id=1, url='https://x.example/"><script>', title="<script>t</script>", authors=["<i>A</i>"],
                  published="2024-01-01", publisher="<u>P</u>", text="<img src=http://e/x>")
    html = markup.detail_html(item)
    for tag in ("<script", "<img", "<i>", "<u>"):
        assert tag not in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_detail_says_why_a_foreign_article_has_no_entities():
    german = Detail(id=1, url=None, title="Sicherheit", authors=[], published=None, publisher=None,
                    text="Die Datenbank ...", language="de")
    assert "English articles only, and this one is in German" in markup.detail_html(german)
    english = Detail(id=2, url=None, title="Safety", authors=[], published=None, publisher=None,
                     text="The database ...", language="en-GB")
    assert "English articles only" not in markup.detail_html(english)


@pytest.mark.parametrize("authors, publisher, byline", [
    (["BBC News"], "BBC News", "2024-01-01 · BBC News"),
    (["Reuters staff"], "Reuters", "2024-01-01 · Reuters"),
    (["Jane Doe", "Reuters"], "Reuters", "By Jane Doe · 2024-01-01 · Reuters"),
    (["Jane Doe"], "Reuters", "By Jane Doe · 2024-01-01 · Reuters"),
])
def test_the_byline_does_not_repeat_the_publisher(authors, publisher, byline):
    item = Detail(id=1, url=None, title="T", authors=authors, published="2024-01-01", publisher=publisher, text="x")
    assert f'<p class="meta">{byline}</p>' in markup.detail_html(item)


@pytest.mark.parametrize("sentence, shown", [
    ("Talks resumed in Belgrade.", "“Talks resumed in Belgrade.”"),
    ("“We will stay in Belgrade,” she said.", "“We will stay in Belgrade,” she said."),
    ('"We will stay in Belgrade."', "&quot;We will stay in Belgrade.&quot;"),
    ("He left Belgrade, calling it ‘home’", "He left Belgrade, calling it ‘home’"),
    ("«Belgrade is calm»", "«Belgrade is calm»"),
    ("'Belgrade,' he said.", "&#x27;Belgrade,&#x27; he said."),
])
def test_a_context_sentence_is_quoted_once(sentence, shown):
    belgrade = EntityInfo(id=3, kind="city", name="Belgrade")
    article = list_rows.Summary(id=9, url=None, title="Story", authors=[], published=None, publisher=None)
    html = markup.profile_html(Profile(belgrade, [article], [], [(9, sentence)]))
    assert f'<p class="ctx">{shown} <a href="cuttings://article/9">' in html


def test_the_filter_hint_ends_in_an_ellipsis_where_the_room_runs_out(qtbot):
    from desktop.gui.chips import HINT, ChipBar

    bar = ChipBar()
    qtbot.addWidget(bar)
    bar.resize(2000, 30)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.hint.shown_text() == HINT
    bar.resize(200, 30)
    qtbot.waitUntil(lambda: bar.hint.width() <= 200)
    shown = bar.hint.shown_text()
    assert shown.endswith("…") and HINT.startswith(shown[:-1])  # not cut off mid-letter
    assert bar.hint.fontMetrics().horizontalAdvance(shown) <= bar.hint.width()
    assert bar.hint.toolTip() == HINT


def test_table_grows_to_the_rest_of_a_result_only_if_it_begins_with_the_rows_shown(filled, qtbot):
    model = ArticleTableModel(filled, SyncRunner())
    ids = query.article_ids(filled)
    model.set_result(ids[:2], complete=False)
    assert not model.add_rest(list(reversed(ids)))  # the archive changed meanwhile: not these
    assert model.rowCount() == 2 and not model.complete
    with qtbot.waitSignal(model.rowsInserted):
        assert model.add_rest(ids)
    assert model.rowCount() == 5 and model.complete and model.row_of(ids[4]) == 4
    assert not model.add_rest(ids)  # complete already
