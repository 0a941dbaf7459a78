"""The archive window, driven like a user: clicks, typing, keys; results from the worker."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QToolButton

from desktop.core import query
from desktop.core.store.archive import store_article
from desktop.gui.article_table import TITLE
from tests.gui.conftest import BELGRADE, make_article
from tests.gui.helpers import click_facet, click_text, select_title, titles, wait_rows


def test_lists_all_articles_newest_first(filled, make_window):
    window = make_window(filled)
    assert window.search.count_label.text() == "5 articles"
    assert titles(window) == ["UN talks in Belgrade", "Belgrade protests", "Nikitin in Belgrade",
                              "Nikitin visits Kyiv", "Energy markets"]
    assert window.windowTitle() == f"Cuttings — {filled.title}"
    assert filled.title == "archive.sqlite3" or filled.title.startswith("t_")  # a file, or a database
    assert window.stack.currentWidget() is window.list


def test_sidebar_sections_with_counts_most_first(filled, make_window):
    window = make_window(filled)
    model = window.facets.model
    people = model.section("person")
    assert [(people.child(r, 0).text(), people.child(r, 1).text()) for r in range(people.rowCount())] == [
        ("Pyotr Nikitin", "3"), ("Anna Petrova", "2")]
    sections = [model.item(r).text() for r in range(model.rowCount())]
    for name in ("People", "Cities", "Countries", "Organisations", "Sources", "Authors", "Years"):
        assert name in sections


def test_sidebar_filter_box_narrows_entries(filled, make_window, qtbot):
    window = make_window(filled)
    qtbot.keyClicks(window.facets.filter_box, "belg")
    proxy = window.facets.proxy
    shown = []
    for r in range(proxy.rowCount()):
        head = proxy.index(r, 0)
        shown += [proxy.index(c, 0, head).data() for c in range(proxy.rowCount(head))]
    assert shown == ["Belgrade"]


def test_sidebar_filter_box_asks_the_archive_beyond_the_loaded_entries(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import facet_model, window as app

    monkeypatch.setattr(app, "FACET_LIMIT", 1)  # only the top person is loaded...
    monkeypatch.setattr(facet_model, "FACET_LIMIT", 1)
    window = make_window(filled)
    people = window.facets.model.section("person")
    window.facets.searchChanged.emit("")
    qtbot.waitUntil(lambda: window.facets.model.item(people.row(), 1).text() == "1+")  # "there are more"
    assert people.rowCount() == 1 and people.child(0).text() == "Pyotr Nikitin"
    qtbot.keyClicks(window.facets.filter_box, "petro")  # ...yet typing finds the others
    qtbot.waitUntil(lambda: people.rowCount() and people.child(0).text() == "Anna Petrova", timeout=3000)
    assert people.rowCount() == 1


def test_clicking_a_sidebar_entry_filters(filled, make_window, qtbot):
    window = make_window(filled)
    click_facet(qtbot, window, "person", "Pyotr Nikitin")
    wait_rows(qtbot, window, 3)
    assert set(titles(window)) == {"Nikitin visits Kyiv", "Nikitin in Belgrade", "UN talks in Belgrade"}
    assert window.search.count_label.text() == "3 of 5 articles"
    assert [c.text() for c in window.chips.chips] == ["Person: Pyotr Nikitin  ×"]
    # The sidebar now counts within the filter: Belgrade is in 2 of Nikitin's 3 articles.
    qtbot.waitUntil(lambda: window.facets.term_index("city", "Belgrade").siblingAtColumn(1).data() == "2")
    click_facet(qtbot, window, "city", "Belgrade")
    wait_rows(qtbot, window, 2)
    assert window.search.count_label.text() == "2 of 5 articles"
    assert set(titles(window)) == {"Nikitin in Belgrade", "UN talks in Belgrade"}


def test_publisher_and_year_entries_filter(filled, make_window, qtbot):
    window = make_window(filled)
    click_facet(qtbot, window, "publisher", "Daily Planet")
    wait_rows(qtbot, window, 2)
    window.clear_filters()
    wait_rows(qtbot, window, 5)
    # the sidebar is recounted after the rows are painted
    qtbot.waitUntil(lambda: window.facets.term_index("year", "2023").isValid(), timeout=5000)
    click_facet(qtbot, window, "year", "2023")
    wait_rows(qtbot, window, 1)
    assert titles(window) == ["Energy markets"]


def test_entity_link_in_detail_pane_filters(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Nikitin in Belgrade")
    text = window.detail.toPlainText()
    assert "Belgrade (Serbia)" in text and "Pyotr Nikitin" in text
    click_text(qtbot, window.detail, "Belgrade (Serbia)")
    wait_rows(qtbot, window, 3)
    assert window.filter.terms[0].label == "Belgrade"
    assert window.search.count_label.text() == "3 of 5 articles"
    # the article stays selected and shown, since it names Belgrade
    assert window.selected_ids() == [filled.ids["Nikitin in Belgrade"]]


def test_highlighted_mention_in_text_is_a_link_too(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    # "Anna Petrova" is shown in the people list (0) and highlighted in the text (1)
    click_text(qtbot, window.detail, "Anna Petrova", occurrence=1)
    wait_rows(qtbot, window, 2)
    assert [t.label for t in window.filter.terms] == ["Anna Petrova"]


def test_chips_remove_filters(filled, make_window, qtbot):
    window = make_window(filled)
    click_facet(qtbot, window, "person", "Pyotr Nikitin")
    wait_rows(qtbot, window, 3)
    click_facet(qtbot, window, "city", "Belgrade")
    wait_rows(qtbot, window, 2)
    assert len(window.chips.chips) == 2
    qtbot.mouseClick(window.chips.chips[0], Qt.MouseButton.LeftButton)  # remove Nikitin
    wait_rows(qtbot, window, 3)
    assert [t.label for t in window.filter.terms] == ["Belgrade"]
    assert [c.text() for c in window.chips.chips] == ["City: Belgrade  ×"]
    qtbot.mouseClick(window.chips.chips[0], Qt.MouseButton.LeftButton)
    shown = [b for b in window.chips.findChildren(QToolButton, "chip") if b.isVisibleTo(window)]
    assert shown == []  # removed chips vanish at once, not when Qt gets round to deleting them
    wait_rows(qtbot, window, 5)
    assert window.chips.chips == []
    assert window.chips.hint.isVisibleTo(window)  # "Click a person, place ... to filter"
    assert window.search.count_label.text() == "5 articles"


def test_search_combines_with_filters(filled, make_window, qtbot):
    window = make_window(filled)
    qtbot.keyClicks(window.search.field, "pipeline")
    wait_rows(qtbot, window, 2)  # after the debounce
    assert window.search.count_label.text() == "2 of 5 articles"
    click_facet(qtbot, window, "person", "Pyotr Nikitin")
    wait_rows(qtbot, window, 1)
    assert titles(window) == ["Nikitin in Belgrade"]
    assert window.search.count_label.text() == "1 of 5 articles"
    assert window.filter.text == "pipeline"


def test_search_is_debounced(filled, make_window, qtbot, monkeypatch):
    window = make_window(filled)
    calls = []
    real = query.article_ids
    monkeypatch.setattr(query, "article_ids", lambda *a, **k: calls.append(a[1].text) or real(*a, **k))
    qtbot.keyClicks(window.search.field, "pipel")
    wait_rows(qtbot, window, 2)
    assert calls == ["pipel"]  # one query for five keystrokes


def test_no_match_state(filled, make_window, qtbot):
    window = make_window(filled)
    qtbot.keyClicks(window.search.field, "zanzibar")
    wait_rows(qtbot, window, 0)
    assert window.stack.currentWidget() is window.no_match
    assert window.search.count_label.text() == "0 of 5 articles"


def test_sorting_by_clicking_headers_runs_a_new_query(filled, make_window, qtbot):
    window = make_window(filled)
    header = window.list.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(TITLE) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.filter.sort == "title" and not window.runner.busy())
    first = titles(window)
    assert first == sorted(first, reverse=window.filter.descending)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: titles(window) == first[::-1] and not window.runner.busy())
    assert window.filter.sort == "title"


def test_sort_by_people(filled, make_window, qtbot):
    window = make_window(filled)
    window.list.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.filter.sort == "people" and not window.runner.busy())
    assert titles(window)[0] == "UN talks in Belgrade"  # two people
    assert titles(window)[-1] == "Energy markets"  # none


def test_settings_survive_a_restart(filled, make_window, qtbot):
    window = make_window(filled)
    window.resize(1600, 900)
    window.splitter.setSizes([200, 1100, 300])
    qtbot.waitUntil(lambda: not window.list.isColumnHidden(2))
    window.list.horizontalHeader().resizeSection(2, 177)  # the user drags Source wider
    window.resize(701, 533)
    window.list.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.filter.sort == "title" and not window.runner.busy())
    qtbot.wait(50)  # let the resize settle, then give the splitter sizes that fit its width
    width = sum(window.splitter.sizes())
    window.splitter.setSizes([200, width - 200 - 270, 270])
    sizes = window.splitter.sizes()
    assert sizes == [200, width - 470, 270]
    window.close()

    again = make_window(filled)
    assert (again.width(), again.height()) == (701, 533)
    assert (again.filter.sort, again.filter.descending) == ("title", False)
    assert again.list.horizontalHeader().sortIndicatorSection() == TITLE
    assert again.splitter.sizes() == sizes
    assert again.list.isColumnHidden(2) or again.list.horizontalHeader().sectionSize(2) < 177  # narrow
    again.resize(1600, 900)
    again.splitter.setSizes([200, 1100, 300])
    qtbot.waitUntil(lambda: again.list.horizontalHeader().sectionSize(2) == 177)  # the width chosen, with room
    assert titles(again) == sorted(titles(again))


def test_hostile_article_text_stays_inert(archive, make_window, qtbot):
    hostile = make_article(
        1,
        [BELGRADE],
        title='<b>Bold</b> claim <img src="http://evil.example/title.png">',
        text='<script>alert("x")</script>\n\n<img src="http://evil.example/pixel.gif"> in Belgrade '
             '<a href="http://evil.example/">click</a> <style>body{display:none}</style>',
        url="https://news.example/hostile",
        image="http://evil.example/lead.jpg",
    )
    store_article(archive, hostile)
    window = make_window(archive)
    select_title(qtbot, window, hostile.title)
    shown = window.detail.toPlainText()
    assert '<script>alert("x")</script>' in shown
    assert '<img src="http://evil.example/pixel.gif">' in shown
    assert '<b>Bold</b> claim' in shown
    assert '<a href="http://evil.example/">click</a>' in shown
    assert window.detail.requested == []  # no resource asked for, remote or not
    assert "evil.example" not in window.detail.document().toHtml().replace("&quot;", '"').split("</head>")[0]
    # a click on the literal markup does nothing
    before = window.filter
    click_text(qtbot, window.detail, "click")
    assert window.filter == before


def test_hostile_title_is_never_markup_in_tooltips_or_the_trash_question(archive, make_window, qtbot, monkeypatch):
    from PySide6.QtGui import Qt as QtGui_Qt

    hostile = make_article(1, [BELGRADE], title='<img src="/etc/x.png"> Tom & Jerry', url="https://news.example/h")
    store_article(archive, hostile)
    window = make_window(archive)
    select_title(qtbot, window, hostile.title)
    tip = window.model.data(window.model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert QtGui_Qt.mightBeRichText(tip)  # taken as markup, so the escaping holds
    assert "&lt;img src=&quot;/etc/x.png&quot;&gt; Tom &amp; Jerry" in tip and "<img" not in tip
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.textFormat(), box.text())) or 0)
    window.actions["trash"].trigger()
    assert boxes and boxes[0][0] == Qt.TextFormat.PlainText  # the title is shown as it is, never read as markup
    assert hostile.title in boxes[0][1]


def test_unknown_link_schemes_are_ignored(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    window.detail.anchorClicked.emit(QUrl("http://evil.example/"))
    window.detail.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert window.filter.terms == ()


def test_escape_clears_filters(filled, make_window, qtbot):
    window = make_window(filled)
    click_facet(qtbot, window, "person", "Pyotr Nikitin")
    wait_rows(qtbot, window, 3)
    qtbot.keyClicks(window.search.field, "pipeline")
    wait_rows(qtbot, window, 1)
    window.activateWindow()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    wait_rows(qtbot, window, 5)
    assert window.filter.terms == () and window.filter.text == ""
    assert window.search.text() == ""
    assert window.search.count_label.text() == "5 articles"


def test_ctrl_f_focuses_search(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    window.list.setFocus()
    qtbot.waitUntil(window.list.hasFocus)
    qtbot.keyClick(window.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.field.hasFocus)


@pytest.mark.parametrize("answer, left", [(True, 4), (False, 5)])
def test_delete_key_asks_then_moves_to_the_trash(filled, make_window, qtbot, monkeypatch, answer, left):
    from desktop.gui import dialogs

    window = make_window(filled)
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _parent, _title, text, _yes: asked.append(text) or answer)
    select_title(qtbot, window, "Belgrade protests")
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    assert asked and "Belgrade protests" in asked[0]  # the question names the article
    if left == 4:
        wait_rows(qtbot, window, 4)
    qtbot.waitUntil(lambda: not window.runner.busy())
    assert query.total(filled) == left
    assert query.trash_count(filled) == 5 - left  # nothing is gone for good
    assert ("Belgrade protests" in titles(window)) == (left == 5)


def test_arrow_keys_move_and_detail_follows(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "UN talks in Belgrade")
    window.list.setFocus()
    with qtbot.waitSignal(window.detailShown, timeout=3000) as shown:
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert shown.args == [filled.ids["Nikitin in Belgrade"]]
    assert window.detail.article.title == "Nikitin in Belgrade"


def test_enter_opens_the_original(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import reading

    opened = []
    monkeypatch.setattr(reading.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert opened == ["https://news.example/story-3"]


def test_refresh_keeps_selection_and_shows_new_articles(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Nikitin visits Kyiv")
    store_article(filled, make_article(9, title="Newest story", published="2024-04-01"))
    window.refresh()
    wait_rows(qtbot, window, 6)
    assert titles(window)[0] == "Newest story"
    assert window.selected_ids() == [filled.ids["Nikitin visits Kyiv"]]
    assert window.search.count_label.text() == "6 articles"


def test_entity_view_from_sidebar(filled, make_window, qtbot):
    window = make_window(filled)
    click_facet(qtbot, window, "person", "Pyotr Nikitin", double=True)
    qtbot.waitUntil(lambda: window.reading.entity_view is not None and window.reading.entity_view.isVisible()
                    and window.reading.entity_view.profile is not None)
    view = window.reading.entity_view
    assert view.profile.entity.name == "Pyotr Nikitin"
    assert view.articles.topLevelItemCount() == 3
    assert view.articles.topLevelItem(0).text(1) == "UN talks in Belgrade"  # newest first
    tabs = [view.tabs.widget(i).layout().contentsMargins() for i in range(view.tabs.count())]
    assert tabs[0] == tabs[1] and tabs[0].top() > 0  # both tab pages start below the tab bar alike
    text = view.browser.toPlainText()
    assert "Belgrade" in text and "Pyotr Nikitin arrived in Belgrade." in text
    # a companion filters the archive
    wait_rows(qtbot, window, 3)
    click_text(qtbot, view.browser, "Anna Petrova")
    qtbot.waitUntil(lambda: [t.label for t in window.filter.terms] == ["Pyotr Nikitin", "Anna Petrova"])
    wait_rows(qtbot, window, 1)
    # an article of the entity is selected in the list (filter widened to the entity)
    item = view.articles.topLevelItem(2)
    rect = view.articles.visualItemRect(item)
    qtbot.mouseClick(view.articles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.selected_ids() == [filled.ids["Nikitin visits Kyiv"]])
    assert [t.label for t in window.filter.terms] == ["Pyotr Nikitin"]


def test_entity_view_from_detail_pane(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    belgrade = next(e for e in window.detail.article.entities if e.name == "Belgrade")
    window.detail.linkDoubleClicked.emit("entity", belgrade.id)
    qtbot.waitUntil(lambda: window.reading.entity_view is not None and window.reading.entity_view.profile is not None)
    assert window.reading.entity_view.profile.entity.name == "Belgrade"
    assert window.reading.entity_view.articles.topLevelItemCount() == 3


def test_empty_archive_shows_how_to_add_articles(archive, make_window):
    window = make_window(archive)
    assert window.stack.currentWidget() is window.empty
    text = window.empty.text()
    assert "Drag a link" in text and "Ctrl+V" in text and "Import" in text
    assert window.search.count_label.text() == "0 articles"
    assert window.facets.isHidden() and window.detail.isHidden()  # no empty panes beside it
    assert window.chips.isHidden()  # nor a hint to click entries there are none of


def test_about_names_version_and_data_folder(filled, make_window, monkeypatch):
    from desktop import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = make_window(filled)
    window.actions["about"].trigger()
    assert __version__ in shown[0] and (str(filled.path.parent) if filled.is_file else str(filled)) in shown[0]
    assert "spaCy (MIT)" in shown[0] and "GeoNames, CC BY 4.0" in shown[0]


def test_smoke_command(filled, tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", filled.location, "--smoke"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "5 of 5" in done.stdout


def test_refresh_keeps_scroll_position(archive, make_window, qtbot):
    for n in range(1, 81):
        store_article(archive, make_article(n, published=f"2024-01-01T00:{n:02d}", title=f"Item {n:02d}"))
    window = make_window(archive)
    window.resize(900, 500)
    window.list.scrollTo(window.model.index(50, 0), window.list.ScrollHint.PositionAtTop)
    top_id = window.model.id_at(window.list.rowAt(0))
    window.list.select_rows([52], scroll=False)
    selected = window.selected_ids()
    store_article(archive, make_article(99, published="2025-01-01", title="Breaking"))
    window.refresh()
    wait_rows(qtbot, window, 81)
    assert window.model.id_at(window.list.rowAt(0)) == top_id
    assert window.selected_ids() == selected


def test_list_rows_paint_their_text_and_selection(filled, make_window, qtbot):
    window = make_window(filled)
    window.list.select_rows([1])
    qtbot.waitUntil(lambda: window.selected_ids() == [window.model.id_at(1)])
    image = window.list.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    highlight = window.list.palette().highlight().color().rgb()

    def row_pixels(row: int) -> set[int]:
        rect = window.list.visualRect(window.model.index(row, TITLE))
        y = int((rect.top() + rect.height() // 2) * ratio)
        return {image.pixelColor(int(x * ratio), y).rgb() for x in range(rect.left() + 8, rect.right() - 8)}

    selected, other = row_pixels(1), row_pixels(0)
    assert highlight in selected and highlight not in other
    assert len(selected) > 2 and len(other) > 2  # anti-aliased title text, not a bare background
