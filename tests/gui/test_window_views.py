"""The window's views: small windows and columns, the Trash, search hits, context menus,
the saved copy, and what is restored after a restart."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core import query
from desktop.core.query import YEAR, Filter
from desktop.core.search import HIT_START
from desktop.core.store.archive import store_article
from desktop.core.store.trash import trash_articles
from desktop.gui import article_list, article_table, browsing
from desktop.gui.article_list import READABLE
from desktop.gui.article_table import ADDED, AUTHORS, PLACES, SNIPPET, SOURCE, TITLE
from tests.gui.conftest import make_article
from tests.gui.helpers import select_title, titles, wait_rows


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


def test_at_1024_by_640_the_title_keeps_its_share_and_names_stay_readable(filled, make_window, qtbot):
    window = make_window(filled)
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.list.columnWidth(TITLE) >= 0.4 * window.list.viewport().width())
    header = window.list.horizontalHeader()
    assert window.list.columnWidth(TITLE) > header.sectionSize(SOURCE) + header.sectionSize(AUTHORS)
    shown = [c for c in (SOURCE, AUTHORS) if not window.list.isColumnHidden(c)]
    assert all(header.sectionSize(c) >= READABLE for c in shown)  # left out rather than two letters wide
    window.resize(300, 640)  # too narrow for any of them: the user's choice is kept for later
    qtbot.waitUntil(lambda: window.list.isColumnHidden(SOURCE) and window.list.isColumnHidden(AUTHORS))
    assert {SOURCE, AUTHORS} <= set(window.list.wanted_columns())


def test_columns_from_the_header_menu_are_remembered(filled, make_window, qtbot):
    window = make_window(filled)
    shown = texts(window.list.header_menu())
    assert shown == ["Date", "Source", "Authors", "People", "Places", "Added"]  # the title always shows
    assert window.list.isColumnHidden(PLACES)
    window.resize(1600, 900)
    window.splitter.setSizes([200, 1100, 300])
    window.list.set_column_shown(PLACES, True)
    window.list.set_column_shown(AUTHORS, False)
    row = titles(window).index("Nikitin in Belgrade")
    assert window.model.data(window.model.index(row, PLACES)) == "Belgrade, Serbia"
    window.close()
    again = make_window(filled)
    assert PLACES in again.list.wanted_columns() and AUTHORS not in again.list.wanted_columns()
    assert again.list.isColumnHidden(ADDED) and again.list.isColumnHidden(AUTHORS)


def test_the_trash_in_the_sidebar_restore_and_empty(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _p, _t, text, _y, **_k: asked.append(text) or True)
    trash_articles(filled, [filled.ids["Energy markets"], filled.ids["Belgrade protests"]])
    window = make_window(filled)
    qtbot.waitUntil(lambda: window.facets.trash_button.text() == "Trash (2)")
    qtbot.mouseClick(window.facets.trash_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, window, 2)
    assert window.filter.trash and window.trash.bar.isVisible()
    assert window.search.count_label.text() == "2 articles in the Trash"
    assert window.actions["restore"].isVisible() and not window.actions["trash"].isVisible()
    select_title(qtbot, window, "Energy markets")
    window.actions["restore"].trigger()
    wait_rows(qtbot, window, 1)
    assert query.trash_count(filled) == 1
    window.actions["empty_trash"].trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty_trash)
    assert "1 article in the Trash" in asked[-1]
    assert query.trash_count(filled) == 0 and query.total(filled) == 4
    qtbot.mouseClick(window.facets.trash_button, Qt.MouseButton.LeftButton)  # back to the archive
    wait_rows(qtbot, window, 4)
    assert not window.filter.trash and not window.trash.bar.isVisible()


def test_the_trash_empties_itself_after_the_days_chosen(filled, make_window, qtbot):
    from datetime import datetime, timedelta, timezone

    from sqlmodel import update

    from desktop.core.store.models import ArticleRow

    trash_articles(filled, [filled.ids["Energy markets"], filled.ids["Belgrade protests"]])
    with filled.transaction() as session:  # one of them went to the Trash 40 days ago
        session.exec(update(ArticleRow).where(ArticleRow.id == filled.ids["Energy markets"])
                     .values(trashed=datetime.now(timezone.utc) - timedelta(days=40)))
    window = make_window(filled)
    qtbot.waitUntil(lambda: query.trash_count(filled) == 1 and not window.runner.busy())
    assert query.detail(filled, filled.ids["Energy markets"]) is None


def test_search_shows_snippets_relevance_and_hits_in_the_reading_pane(filled, make_window, qtbot):
    store_article(filled, make_article(9, title="Pipeline pipeline pipeline", text="The pipeline, the pipeline."))
    window = make_window(filled)
    assert window.list.isColumnHidden(SNIPPET) and not window.search.relevance.isVisible()
    window.search.field.setText("pipeline")
    window.search.search_now()
    wait_rows(qtbot, window, 3)
    assert not window.list.isColumnHidden(SNIPPET) and window.search.relevance.isVisible()
    row = titles(window).index("Nikitin in Belgrade")
    text, _colour = window.model.cell(row, SNIPPET)
    assert f"{HIT_START}pipeline" in text
    assert "pipeline deal" in window.model.data(window.model.index(row, SNIPPET))  # shown without markers
    qtbot.mouseClick(window.search.relevance, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.filter.sort == query.RELEVANCE and not window.runner.busy())
    assert titles(window)[0] == "Pipeline pipeline pipeline"
    select_title(qtbot, window, "Energy markets")
    assert '<span class="hit">pipeline</span>' in window.detail.html


def test_a_malformed_search_says_why_at_the_search_box(filled, make_window, qtbot):
    window = make_window(filled)
    window.search.field.setText("-pipeline")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.field.property("invalid") is True)
    assert "only exclude" in window.search.problem.text() and window.search.problem.isVisibleTo(window)
    assert window.search.count_label.text() == "5 articles"  # the count and the list stay as they were
    assert window.model.rowCount() == 5 and window.statusBar().currentMessage() == ""
    window.search.field.setText("pipeline")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert not window.search.problem.isVisibleTo(window) and window.search.field.property("invalid") is False


def test_context_menus_on_rows_entries_and_entity_links(filled, make_window, qtbot):
    from desktop.gui import context_menus

    window = make_window(filled)
    row = titles(window).index("Nikitin in Belgrade")
    pos = window.list.visualRect(window.model.index(row, TITLE)).center()
    rows = texts(context_menus.row_menu(window, pos))
    assert rows == ["&Open original", "Open &saved copy", "&Copy link", "Copy citation (&APA)",
                    "Copy citation (Ch&icago)", "&Edit details…", "Ta&gs…", "Chec&k for changes", "Mo&ve to Trash",
                    "&Delete permanently…"]
    assert window.current_id() == filled.ids["Nikitin in Belgrade"]  # right-click selects the row
    term = window.facets.model.term(window.facets.proxy.mapToSource(window.facets.term_index("person", "Pyotr Nikitin")))
    entry = texts(context_menus.term_menu(window, term))
    assert entry[:2] == ["Show only articles with Pyotr Nikitin", "Open this person: all about Pyotr Nikitin"]
    qtbot.waitUntil(lambda: window.detail.article is not None)
    city = next(e for e in window.detail.article.entities if e.name == "Belgrade")
    link = texts(context_menus.link_menu(window, "entity", city.id))
    assert link[0] == "Show only articles with Belgrade" and "Copy name" in link


def test_years_read_newest_first(filled, make_window, qtbot):
    store_article(filled, make_article(20, published="2025-01-02", title="Later"))
    for n in (21, 22, 23):  # 2023 has the most articles, but comes after 2025 and 2024
        store_article(filled, make_article(n, published=f"2023-0{n - 20}-01", title=f"Old {n}"))
    window = make_window(filled)
    years = window.facets.model.section(YEAR)
    assert [years.child(r).text() for r in range(years.rowCount())] == ["2025", "2024", "2023"]


def test_the_open_article_is_open_again_after_a_restart(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    window.close()
    again = make_window(filled)
    qtbot.waitUntil(lambda: again.detail.article is not None and again.detail.article.title == "Belgrade protests")
    assert again.current_id() == filled.ids["Belgrade protests"]


def test_open_saved_copy_from_the_window(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    window.actions["open_saved_copy"].trigger()
    qtbot.waitUntil(lambda: window.reading.saved_copy is not None and window.reading.saved_copy.isVisible())
    assert QApplication.activeModalWidget() is None  # non-modal: the window stays usable


def test_after_a_batch_the_newest_article_is_selected_and_shown(filled, make_window, qtbot):
    window = make_window(filled)
    new = store_article(filled, make_article(30, published="2001-01-01", title="Imported just now")).id
    window.import_dock.savedBatch.emit([new])
    qtbot.waitUntil(lambda: window.current_id() == new)
    row = window.model.row_of(new)
    assert window.list.visualRect(window.model.index(row, TITLE)).intersects(window.list.viewport().rect())


def test_the_sidebar_shows_the_active_filters_in_bold(filled, make_window, qtbot):
    window = make_window(filled)
    index = window.facets.term_index("city", "Belgrade")
    term = window.facets.model.term(window.facets.proxy.mapToSource(index))
    window.add_term(term)
    wait_rows(qtbot, window, 3)
    qtbot.waitUntil(lambda: window.facets.term_index("city", "Belgrade").data(Qt.ItemDataRole.FontRole) is not None
                    and window.facets.term_index("city", "Belgrade").data(Qt.ItemDataRole.FontRole).bold())
    other = window.facets.term_index("person", "Anna Petrova").data(Qt.ItemDataRole.FontRole)
    assert other is None or not other.bold()


def test_the_trash_bar_restores_the_selection_and_cannot_empty_nothing(filled, make_window, qtbot):
    trash_articles(filled, [filled.ids["Energy markets"]])
    window = make_window(filled)
    window.show_trash()
    wait_rows(qtbot, window, 1)
    assert not window.trash.restore_button.isEnabled()
    window.list.select_rows([0])
    qtbot.waitUntil(window.trash.restore_button.isEnabled)
    qtbot.mouseClick(window.trash.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty_trash)
    qtbot.waitUntil(lambda: not window.trash.empty_button.isEnabled())
    assert query.trash_count(filled) == 0


def test_every_menu_item_has_a_key_of_its_own_in_its_menu(qtbot, make_window, archive):
    window = make_window(archive)
    for top in window.menuBar().actions():
        items = [a.text() for a in top.menu().actions() if not a.isSeparator()]
        keys = [re.search(r"&([^&])", text) for text in items]
        assert all(keys), f"{top.text()}: an item without a menu key in {items}"
        letters = [key.group(1).lower() for key in keys]
        assert len(set(letters)) == len(letters), f"{top.text()}: one key for two items in {items}"


def test_a_long_list_shows_its_first_page_then_grows_to_every_row(filled, make_window, qtbot, monkeypatch):
    monkeypatch.setattr(browsing, "FIRST_ROWS", 2)
    monkeypatch.setattr(article_table, "PAGE_SIZE", 2)
    window = make_window(filled)
    assert window.wait_loaded(5000, every_row=True)
    every = query.article_ids(filled)
    assert [window.model.id_at(r) for r in range(window.model.rowCount())] == every  # the end is reached
    assert window.search.count_label.text() == "5 articles"
    oldest = every[-1]  # selected after a new query, though not on its first page
    window.set_filter(replace(window.filter, sort="title", descending=True), select=[oldest])
    assert window.wait_loaded(5000, every_row=True)
    qtbot.waitUntil(lambda: window.selected_ids() == [oldest], timeout=5000)
    assert window.model.rowCount() == 5 and window.search.count_label.text() == "5 articles"
    found = query.article_ids(filled, Filter(text="nikitin"))
    window.set_filter(Filter(text="nikitin"))
    assert window.wait_loaded(5000, every_row=True) and window.model.rowCount() == len(found) > 2
    assert window.search.count_label.text() == f"{len(found)} of 5 articles"


def test_an_article_that_cannot_be_read_is_said_in_the_pane_not_the_one_before(filled, make_window, qtbot,
                                                                              monkeypatch):
    from sqlalchemy.exc import OperationalError

    window = make_window(filled)
    wait_rows(qtbot, window, 5)
    select_title(qtbot, window, "Nikitin visits Kyiv")

    def away(*_args):
        raise OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(query, "detail", away)
    row = titles(window).index("Belgrade protests")
    window.list.setCurrentIndex(window.model.index(row, TITLE))
    qtbot.waitUntil(lambda: window.detail.article is None, timeout=5000)
    shown = window.detail.toPlainText()
    assert shown.startswith("This article could not be read.") and "Nikitin visits Kyiv" not in shown


def test_on_half_a_screen_the_title_keeps_room_for_words(filled, make_window, qtbot):
    window = make_window(filled)
    window.resize(700, 800)  # half of a 1400-pixel screen, sidebar and reading pane beside the list
    short = (article_table.ADDED, article_table.PEOPLE)
    qtbot.waitUntil(lambda: all(window.list.isColumnHidden(c) for c in short), timeout=5000)
    assert window.list.columnWidth(TITLE) >= article_list.READABLE  # words, not "Zi…"
    assert not window.list.isColumnHidden(article_table.DATE)  # the date, the list's order, stays
    window.resize(1400, 800)  # room again: the short columns come back
    qtbot.waitUntil(lambda: not window.list.isColumnHidden(article_table.PEOPLE), timeout=5000)
