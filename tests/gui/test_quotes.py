"""Quotations in the window: shaded in the reading pane with the speaker on hover, the Quoted
section, a person's "What they said" with its search, the sidebar's counts and the quoted
filter (from a person's menu and from the chip bar)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.core.article import PERSON
from desktop.core.query import QUOTED, Term
from desktop.core.store.archive import store_article
from tests.gui.helpers import click_facet, click_text, select_title, titles, wait_rows
from tests.test_quotations import NOBLE, YULIA, quoting

ARTICLES = [
    quoting(1, [("We will win", "Ben Noble"), ("Prices will rise", "Ben Noble")], title="Noble on prices"),
    quoting(2, [("No to war", "Yulia")], title="Rally in Belgrade"),
    quoting(3, [("The war is long", "Ben Noble"), ("Talks failed", None)], title="Talks stall"),
    quoting(4, [("Nothing to add", "Yulia")], people=(NOBLE, YULIA), title="Noble named, not quoted"),
]


@pytest.fixture
def quoted(archive):
    archive.ids = {a.title: store_article(archive, a).id for a in ARTICLES}
    return archive


def tooltip_at(browser, text: str) -> str:
    """The hover text Qt shows over `text` in the article's text (after the TEXT heading)."""
    document = browser.document()
    cursor = document.find(text, document.find("TEXT"))
    assert not cursor.isNull(), f"{text!r} is not shown"
    cursor.setPosition(cursor.selectionStart() + 1)
    point = browser.cursorRect(cursor).center()
    QToolTip.hideText()
    QApplication.sendEvent(browser.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point)))
    return QToolTip.text()


def test_the_pane_shades_quotations_and_names_the_speaker_on_hover(quoted, make_window, qtbot):
    window = make_window(quoted)
    select_title(qtbot, window, "Talks stall")
    html = window.detail.html
    assert html.count('class="quote"') == 2
    assert 'title="Said by Ben Noble"' in html and 'title="Quoted, no named speaker"' in html
    assert tooltip_at(window.detail, "war is long") == "Said by Ben Noble"
    assert tooltip_at(window.detail, "Talks failed") == "Quoted, no named speaker"
    document = window.detail.document()
    outside = document.find("said a spokesman", document.find("TEXT"))
    assert outside.charFormat().toolTip() == ""


def test_the_quoted_section_lists_who_said_what_and_leads_to_the_text(quoted, make_window, qtbot):
    window = make_window(quoted)
    select_title(qtbot, window, "Noble on prices")
    html = window.detail.html
    section = html[html.index("QUOTED"):html.index("TEXT")]
    assert section.index("Ben Noble") < section.index("We will win") < section.index("Prices will rise")
    assert "No named speaker" not in section
    window.resize(900, 300)
    window.detail.verticalScrollBar().setValue(0)
    assert window.detail.verticalScrollBar().maximum() > 0
    click_text(qtbot, window.detail, "“Prices will rise”")  # the section's link scrolls to the quotation
    qtbot.waitUntil(lambda: window.detail.verticalScrollBar().value() > 0)
    window.detail.verticalScrollBar().setValue(0)
    click_text(qtbot, window.detail, "Ben Noble")  # the speaker is an entity link: filter by him
    wait_rows(qtbot, window, 4)
    assert window.filter.terms[0].label == "Ben Noble"


def test_what_they_said_lists_a_persons_quotations_newest_first_and_searches(quoted, make_window, qtbot):
    window = make_window(quoted)
    click_facet(qtbot, window, PERSON, "Ben Noble", double=True)
    view = window.reading.entity_view
    said = view.said
    qtbot.waitUntil(lambda: len(said.found) == 3)
    assert view.tabs.isTabVisible(1) and view.tabs.tabText(1) == "What they said (3)"
    assert [q.quote for q in said.found] == ["The war is long", "We will win", "Prices will rise"]
    assert said.count_label.text() == "3 QUOTATIONS, NEWEST FIRST"
    text = said.browser.toPlainText()
    assert text.index("Talks stall") < text.index("The war is long") < text.index("Noble on prices") < text.index("We will win")
    said.search.setText("lon OR win")  # prefixes and OR, as in the article search
    qtbot.waitUntil(lambda: [q.quote for q in said.found] == ["The war is long", "We will win"])
    assert said.count_label.text() == "2 OF 3 QUOTATIONS MATCH"
    assert "is <span class=\"hit\">long</span>" in said.browser.html  # the whole word
    said.search.setText("title:war")
    qtbot.waitUntil(lambda: said.search.property("invalid") is True)
    assert "do not apply" in said.count_label.text()
    said.search.setText("nothing-like-this")
    qtbot.waitUntil(lambda: said.found == [])
    assert "No quotation matches" in said.browser.toPlainText()


def test_a_quotation_in_what_they_said_selects_its_article(quoted, make_window, qtbot):
    window = make_window(quoted)
    click_facet(qtbot, window, PERSON, "Ben Noble", double=True)
    said = window.reading.entity_view.said
    qtbot.waitUntil(lambda: len(said.found) == 3)
    window.reading.entity_view.tabs.setCurrentWidget(said)
    with qtbot.waitSignal(window.detailShown, timeout=5000):
        click_text(qtbot, said.browser, "Talks stall")
    assert window.detail.article.title == "Talks stall"


def test_what_they_said_is_for_people_only(quoted, make_window, qtbot):
    from desktop.core import query
    from tests.gui.conftest import BELGRADE, PETROVA, make_article

    store_article(quoted, make_article(9, [BELGRADE], title="Belgrade story"))
    window = make_window(quoted)
    click_facet(qtbot, window, "city", "Belgrade", double=True)
    view = window.reading.entity_view
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.entity.name == "Belgrade")
    assert not view.tabs.isTabVisible(1)
    said_nothing = store_article(quoted, make_article(10, [PETROVA], title="Petrova named")).id
    view.open(next(e.id for e in query.detail(quoted, said_nothing).entities))
    qtbot.waitUntil(lambda: view.tabs.isTabVisible(1) and view.tabs.tabText(1) == "What they said (0)")
    assert "Not quoted in the archive." in view.said.browser.toPlainText()


def test_the_sidebar_counts_quotations_beside_articles(quoted, make_window, qtbot):
    window = make_window(quoted)
    people = window.facets.model.section(PERSON)
    rows = {people.child(r, 0).text(): (people.child(r, 1), people.child(r, 2)) for r in range(people.rowCount())}
    articles, quotations = rows["Ben Noble"]
    assert (articles.text(), quotations.text()) == ("4", "3") and not quotations.icon().isNull()
    assert "4 articles; quoted 3 times" in quotations.toolTip()
    yulias = [people.child(r, 2) for r in range(people.rowCount()) if people.child(r, 0).text() == "Yulia"]
    assert sorted((y.text(), y.icon().isNull()) for y in yulias) == [  # a first-name-only Yulia per article
        ("", True), ("", True), ("1", False), ("1", False)]
    click_facet(qtbot, window, PERSON, "Ben Noble")
    wait_rows(qtbot, window, 4)
    select_title(qtbot, window, "Talks stall")
    qtbot.keyClicks(window.search.field, "war")  # articles 2 and 3: quoted in 3
    noble = lambda: window.facets.model.section(PERSON).child(0)  # noqa: E731
    qtbot.waitUntil(lambda: (noble().text(), noble().parent().child(0, 1).text(), noble().parent().child(0, 2).text())
                    == ("Ben Noble", "2", "1"), timeout=5000)


def test_the_quoted_filter_from_a_persons_menu_and_the_chip_bar(quoted, make_window, qtbot):
    from desktop.gui import context_menus

    window = make_window(quoted)
    noble = window.facets.model.term(window.facets.proxy.mapToSource(window.facets.term_index(PERSON, "Ben Noble")))
    menu = context_menus.term_menu(window, noble)
    action = next(a for a in menu.actions() if a.text() == "Articles where they are quoted")
    action.trigger()
    wait_rows(qtbot, window, 2)
    assert set(titles(window)) == {"Noble on prices", "Talks stall"}
    assert window.chips.chips[0].text() == "Quoted: Ben Noble  ×"
    [toggle] = window.chips.toggles
    assert toggle.isChecked()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # back to every article naming him
    wait_rows(qtbot, window, 4)
    assert window.filter.terms == (Term(PERSON, "Ben Noble", noble.ids),)
    qtbot.mouseClick(window.chips.toggles[0], Qt.MouseButton.LeftButton)
    wait_rows(qtbot, window, 2)
    assert window.filter.terms == (Term(QUOTED, "Ben Noble", noble.ids),)
