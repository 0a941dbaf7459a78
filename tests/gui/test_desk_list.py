"""The Entities window (Ctrl+E): filter, sort, bulk corrections, likely duplicates; the
correction history; and editing an article's details from the reading pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QInputDialog

from desktop.core import corrections, duplicates, query
from desktop.core.article import PERSON, Entity
from desktop.core.store.archive import store_article
from desktop.gui.edit_dialog import EditDialog
from desktop.gui.entity_list import EntityListWindow
from desktop.gui.entity_rows import ARTICLES, NAME
from desktop.gui.history import HistoryDialog, next_steps, steps_back_to
from desktop.gui.pickers import EntityPicker
from tests.gui.conftest import make_article
from tests.gui.desk_helpers import pick, right_click_pick, settle, shown_dialog, sidebar_count, sidebar_labels
from tests.gui.helpers import select_title, titles


def open_entities(qtbot, window) -> EntityListWindow:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    entities = shown_dialog(qtbot, window, EntityListWindow)
    qtbot.waitUntil(lambda: entities.model.rowCount() > 0)
    return entities


def select_row(table, row: int) -> None:
    """Select one row as a click does (selectRow would add to the selection while the
    offscreen platform still counts Ctrl held from the Ctrl+E that opened the window)."""
    flags = table.selectionModel().SelectionFlag
    table.selectionModel().select(table.model().index(row, 0), flags.ClearAndSelect | flags.Rows)


def names(entities: EntityListWindow) -> list[str]:
    return [entities.model.index(r, NAME).data() for r in range(entities.model.rowCount())]


def with_namesakes(archive) -> None:
    """Two more spellings of Nikitin, in an article of their own."""
    store_article(archive, make_article(8, [Entity(PERSON, "Peter Nikitin"), Entity(PERSON, "P. Nikitine")],
                                        title="Namesakes", text="Peter Nikitin and P. Nikitine met."))


def test_the_entity_list_filters_sorts_and_counts(filled, make_window, qtbot):
    window = make_window(filled)
    entities = open_entities(qtbot, window)
    QAbstractItemModelTester(entities.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert entities.model.rowCount() == 6
    entities.filter_box.setText("nik")
    assert names(entities) == ["Pyotr Nikitin"]
    entities.filter_box.setText("un")  # an alias finds its entity
    assert "United Nations" in names(entities)
    entities.filter_box.clear()
    entities.kind_box.setCurrentIndex(entities.kind_box.findData("city"))
    assert sorted(names(entities)) == ["Belgrade (Serbia)", "Kyiv (Ukraine)"]
    assert entities.count_label.text() == "2 of 6"
    entities.kind_box.setCurrentIndex(0)
    entities.table.sortByColumn(ARTICLES, Qt.SortOrder.DescendingOrder)
    counts = [int(entities.model.index(r, ARTICLES).data()) for r in range(entities.model.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    entities.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert names(entities)[0] == "Anna Petrova"


def test_bulk_merge_from_a_multi_selection(filled, make_window, qtbot):
    with_namesakes(filled)
    window = make_window(filled)
    entities = open_entities(qtbot, window)
    entities.select_names(["Peter Nikitin", "P. Nikitine"])
    assert len(entities.selected()) == 2
    pick(entities.menu(), "Merge into")
    picker = shown_dialog(qtbot, window, EntityPicker)
    picker.choose("Pyotr Nikitin")
    picker.accept()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Peter Nikitin" not in names(entities) and "P. Nikitine" not in names(entities))
    qtbot.waitUntil(lambda: sidebar_count(window, PERSON, "Pyotr Nikitin") == 4)


def test_bulk_change_of_kind_and_removal(filled, make_window, qtbot):
    with_namesakes(filled)
    window = make_window(filled)
    entities = open_entities(qtbot, window)
    entities.select_names(["Peter Nikitin", "P. Nikitine"])
    row = next(r for r, e in enumerate(entities.model.rows) if e.name == "Peter Nikitin")
    on_row = entities.table.visualRect(entities.model.index(row, NAME)).center()
    right_click_pick(qtbot, entities.table.viewport(), on_row, "Change kind", "Organisation")  # for both
    settle(qtbot, window)
    qtbot.waitUntil(lambda: {"Peter Nikitin", "P. Nikitine"} <= set(sidebar_labels(window, "org")))
    qtbot.waitUntil(lambda: len(entities.selected()) == 2)  # the selection survives the reload
    pick(entities.menu(), "Not an entity", "In every article")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Peter Nikitin" not in names(entities))
    assert "Peter Nikitin" not in sidebar_labels(window, "org")


def test_likely_duplicates_accept_and_reject(filled, make_window, qtbot):
    store_article(filled, make_article(8, [Entity(PERSON, "Alexei Navalny")], title="Navalny one",
                                       text="Alexei Navalny spoke."))
    store_article(filled, make_article(9, [Entity(PERSON, "Alexey Navalny")], title="Navalny two",
                                       text="Alexey Navalny spoke."))
    store_article(filled, make_article(10, [Entity(PERSON, "Anna Petrov")], title="Petrov",
                                       text="Anna Petrov spoke."))
    window = make_window(filled)
    entities = open_entities(qtbot, window)
    entities.tabs.setCurrentWidget(entities.duplicates)
    view = entities.duplicates
    qtbot.waitUntil(lambda: any({p.keep.name, p.other.name} == {"Alexei Navalny", "Alexey Navalny"}
                                for p in view.proposals))
    navalny = next(r for r, p in enumerate(view.proposals) if "Navalny" in p.keep.name)
    select_row(view.table, navalny)
    view.accept_button.click()
    assert not any("Navalny" in p.keep.name for p in view.proposals)  # the row left at once
    assert entities.tabs.tabText(1) == "Likely &duplicates (1)"
    settle(qtbot, window)
    qtbot.waitUntil(lambda: sum("Navalny" in n for n in sidebar_labels(window, PERSON)) == 1)
    qtbot.waitUntil(lambda: any("Petrov" in p.other.name for p in view.proposals))
    petrov = next(r for r, p in enumerate(view.proposals) if "Petrov" in p.other.name)
    select_row(view.table, petrov)
    view.reject_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not any("Petrov" in p.other.name for p in view.proposals))
    assert not any("Petrov" in p.other.name for p in duplicates.likely_duplicates(filled))  # remembered
    assert {"Anna Petrova", "Anna Petrov"} <= set(sidebar_labels(window, PERSON))


def test_history_undoes_back_to_a_chosen_point(filled, make_window, qtbot):
    window = make_window(filled)
    people = {t.label: t.ids[0] for t in window.facets.model.terms if t.ids}
    for old, new in (("Anna Petrova", "Ana Petrova"), ("Pyotr Nikitin", "Petr Nikitin"), ("Belgrade", "Beograd")):
        corrections.rename_entity(filled, people[old], new)
    window.actions["history"].trigger()
    history = shown_dialog(qtbot, window, HistoryDialog)
    qtbot.waitUntil(lambda: history.tree.topLevelItemCount() == 3)
    assert "Beograd" in history.tree.topLevelItem(0).text(1)  # newest first
    history.select(1)  # back to (and with) the Nikitin rename
    history.undo_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "(undone)" in history.tree.topLevelItem(1).text(1))
    assert "(undone)" not in history.tree.topLevelItem(2).text(1)
    assert {"Pyotr Nikitin", "Ana Petrova"} <= set(sidebar_labels(window, PERSON))
    assert history.redo_button.isEnabled()


def test_next_steps_and_steps_back_follow_the_history():
    from types import SimpleNamespace as Info

    history = [Info(undone=True, summary="c"), Info(undone=True, summary="b"), Info(undone=False, summary="a")]
    undo, redo = next_steps(history)
    assert (undo.summary, redo.summary) == ("a", "b")
    assert steps_back_to(history, 2) == 1 and steps_back_to(history, 0) == 0
    assert next_steps([]) == (None, None)


def test_double_click_a_detail_to_edit_it_and_undo_the_edit(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Energy markets")
    detail = window.detail
    block = detail.document().findBlockByNumber(1)  # "By Carla Numbers · 2023-11-20 · Market Watch"
    assert block.text().startswith("By ")
    at = {field: block.text().index(text) + 2 for field, text in
          (("authors", "Carla"), ("published", "2023-11"), ("publisher", "Market"))}
    for field, offset in at.items():
        cursor = detail.textCursor()
        cursor.setPosition(block.position() + offset)
        assert detail.field_at(detail.cursorRect(cursor).center()) == field
    title_point = detail.cursorRect(detail.document().find("Energy markets")).center()
    qtbot.mouseDClick(detail.viewport(), Qt.MouseButton.LeftButton, pos=title_point)
    dialog = shown_dialog(qtbot, window, EditDialog)
    assert dialog.title.hasFocus() and dialog.title.selectedText() == "Energy markets"
    dialog.title.setText("Energy markets, corrected")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Energy markets, corrected" in titles(window))
    qtbot.waitUntil(lambda: window.detail.article.title == "Energy markets, corrected")
    window.actions["undo"].trigger()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Energy markets" in titles(window))
    assert query.detail(filled, filled.ids["Energy markets"]).title == "Energy markets"


def test_the_entity_view_offers_the_desk_for_its_entity(filled, make_window, qtbot):
    window = make_window(filled)
    window.reading.open_entity(next(t for t in window.facets.model.terms if t.label == "Belgrade").ids[0])
    view = window.reading.entity_view
    qtbot.waitUntil(lambda: view.profile is not None)
    menu = view.browser.text_menu(view.browser.rect().center())
    assert "C&hoose place…" in [a.text() for a in menu.actions()]
    pick(menu, "Rename")
    dialog = shown_dialog(qtbot, window, QInputDialog)
    dialog.setTextValue("Beograd")
    dialog.accept()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.entity.name == "Beograd")


def test_the_picker_puts_names_with_a_word_starting_so_first(qtbot):
    from types import SimpleNamespace as Listing

    def listing(n: int, name: str, articles: int) -> Listing:
        return Listing(id=n, kind=PERSON, name=name, aliases=[], articles=articles, mentions=articles, country=None)

    picker = EntityPicker("Merge", "Choose", [listing(1, "Yulia Navalnaya", 9), listing(2, "Alexei Navalny", 1),
                                              listing(3, "Alain Berset", 2)])
    qtbot.addWidget(picker)
    assert picker.chosen() is None  # nothing typed: no guess
    picker.filter_box.setText("al")
    assert [e.name for e in picker.model.rows] == ["Alain Berset", "Alexei Navalny", "Yulia Navalnaya"]
    assert picker.chosen() == 3
    qtbot.keyClick(picker.filter_box, Qt.Key.Key_Down)
    assert picker.chosen() == 2


def test_f2_in_the_reading_pane_edits_and_page_values_need_a_saved_copy(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Energy markets")
    window.activateWindow()
    window.detail.setFocus()
    qtbot.keyClick(window.detail, Qt.Key.Key_F2)
    dialog = shown_dialog(qtbot, window, EditDialog)
    assert dialog.title.hasFocus()
    dialog.publisher.setText("Markets Weekly")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.detail.article.publisher == "Markets Weekly")
    pick(window.detail.text_menu(window.detail.rect().center()), "Use the page's values")
    settle(qtbot, window)  # the fixture's articles were stored without a saved copy to read them from
    qtbot.waitUntil(lambda: "no saved copy" in window.statusBar().currentMessage())
    assert query.detail(filled, filled.ids["Energy markets"]).publisher == "Markets Weekly"
