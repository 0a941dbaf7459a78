"""The entity desk in the window: right-click an entity, pick, and the archive is corrected;
the list, the sidebar counts and the reading pane follow; Undo and Redo take it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from desktop.core import corrections, query
from desktop.core.article import CITY, ORG, PERSON, Entity
from desktop.core.store.archive import store_article
from desktop.gui.pickers import AliasEditor, ArticleChooser, EntityPicker
from desktop.gui.place_picker import PlacePicker
from tests.gui.conftest import make_article
from tests.gui.desk_helpers import (activate, link_menu, pick, right_click_pick, settle, shown_dialog, sidebar_count,
                                    sidebar_labels, sidebar_menu)
from tests.gui.helpers import select_title, titles, wait_rows


def rename_from_sidebar(qtbot, window, kind: str, old: str, new: str) -> None:
    pick(sidebar_menu(window, kind, old), "Rename")
    dialog = shown_dialog(qtbot, window, QInputDialog)
    assert dialog.textValue() == old
    dialog.setTextValue(new)
    dialog.accept()
    settle(qtbot, window)


def test_rename_from_the_sidebar_keeps_the_old_name_as_an_alias(filled, make_window, qtbot):
    window = make_window(filled)
    tree = window.facets.tree
    entry = tree.visualRect(window.facets.term_index(PERSON, "Pyotr Nikitin")).center()
    right_click_pick(qtbot, tree.viewport(), entry, "Rename")  # a real right-click and its menu
    dialog = shown_dialog(qtbot, window, QInputDialog)
    assert dialog.textValue() == "Pyotr Nikitin"
    dialog.setTextValue("Petr Nikitin")
    dialog.accept()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Petr Nikitin" in sidebar_labels(window, PERSON))
    assert "Pyotr Nikitin" not in sidebar_labels(window, PERSON)
    assert sidebar_count(window, PERSON, "Petr Nikitin") == 3
    card = corrections.entity_card(filled, window.facets.model.terms[0].ids[0])
    assert "Pyotr Nikitin" in card.aliases
    assert "Petr Nikitin" in window.statusBar().currentMessage()


def test_merge_via_the_picker_moves_the_filter_and_the_counts(filled, make_window, qtbot):
    window = make_window(filled)
    window.add_term(next(t for t in window.facets.model.terms if t.label == "Anna Petrova"))
    wait_rows(qtbot, window, 2)
    pick(sidebar_menu(window, PERSON, "Anna Petrova"), "Merge into")
    picker = shown_dialog(qtbot, window, EntityPicker)
    names = [e.name for e in picker.model.rows]
    assert names == ["Pyotr Nikitin"]  # people only, not the one merged
    picker.filter_box.setText("nik")
    assert picker.chosen() is not None
    picker.accept()
    settle(qtbot, window)
    # The chip followed Petrova into Nikitin: both sets of articles are listed.
    qtbot.waitUntil(lambda: [t.label for t in window.filter.terms] == ["Pyotr Nikitin"])
    wait_rows(qtbot, window, 4)
    qtbot.waitUntil(lambda: sidebar_count(window, PERSON, "Pyotr Nikitin") == 4)
    assert "Anna Petrova" not in sidebar_labels(window, PERSON)


def test_split_moves_the_ticked_articles_to_a_new_entity(filled, make_window, qtbot):
    window = make_window(filled)
    pick(sidebar_menu(window, PERSON, "Pyotr Nikitin"), "Split")
    chooser = shown_dialog(qtbot, window, ArticleChooser)
    assert chooser.list.count() == 3
    ok = chooser.buttons.buttons()[0]
    assert not ok.isEnabled()  # nothing ticked yet
    chooser.check([filled.ids["Nikitin visits Kyiv"]])
    chooser.accept()
    settle(qtbot, window)
    head = window.facets.model.section(PERSON)
    counts = sorted(int(head.child(r, 1).text()) for r in range(head.rowCount())
                    if head.child(r).text() == "Pyotr Nikitin")
    assert counts == [1, 2]
    naming = shown_dialog(qtbot, window, QInputDialog)  # the new entity, offered a name at once
    assert naming.textValue() == "Pyotr Nikitin"
    naming.setTextValue("Pyotr Nikitin Jr.")
    naming.accept()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: sidebar_count(window, PERSON, "Pyotr Nikitin Jr.") == 1)
    assert sidebar_count(window, PERSON, "Pyotr Nikitin") == 2


def test_change_kind_from_the_reading_pane(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Energy markets")
    pick(link_menu(window, "United Nations"), "Change kind", "Person")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "United Nations" in sidebar_labels(window, PERSON))
    assert "United Nations" not in sidebar_labels(window, ORG)
    qtbot.waitUntil(lambda: any(e.name == "United Nations" and e.kind == PERSON
                                for e in window.detail.article.entities))


def test_choose_another_place_from_the_candidates(filled, make_window, qtbot):
    window = make_window(filled)
    paris = store_article(filled, make_article(9, [Entity(CITY, "Paris", geonameid=2988507, country="FR")],
                                               title="Paris, Texas", text="Paris was hot.")).id
    window.refresh()
    settle(qtbot, window)
    pick(sidebar_menu(window, CITY, "Paris"), "Choose place")
    picker = shown_dialog(qtbot, window, PlacePicker)
    qtbot.waitUntil(lambda: len(picker.candidates) > 1)
    assert picker.table.item(0, 0).text() == "Paris"
    texas = next(r for r, c in enumerate(picker.candidates) if c.country == "US" and c.admin1 == "Texas")
    picker.table.selectRow(texas)
    picker.accept()
    settle(qtbot, window)
    entity = next(e for e in query.detail(filled, paris).entities if e.name == "Paris")
    assert entity.country == "US" and entity.geonameid == picker.candidates[texas].geonameid


def test_not_an_entity_in_this_article_and_everywhere(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Nikitin in Belgrade")
    cursor = window.detail.document().find("Belgrade (Serbia)")  # its chip, a link
    cursor.setPosition(cursor.selectionStart() + 2)
    link = window.detail.cursorRect(cursor).center()
    right_click_pick(qtbot, window.detail.viewport(), link, "Not an entity", "In this article")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: all(e.name != "Belgrade" for e in window.detail.article.entities))
    qtbot.waitUntil(lambda: sidebar_count(window, CITY, "Belgrade") == 2)  # still in two other articles
    pick(sidebar_menu(window, "country", "Serbia"), "Not an entity", "In every article")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Serbia" not in sidebar_labels(window, "country"))


def test_the_sidebar_menu_has_no_this_article_entry(filled, make_window, qtbot):
    from tests.gui.desk_helpers import menu_action

    window = make_window(filled)
    assert not menu_action(sidebar_menu(window, CITY, "Belgrade"), "Not an entity", "In this article").isEnabled()


def test_mark_selected_words_as_a_person(filled, make_window, qtbot):
    store_article(filled, make_article(9, [], title="Missed names", text="Maria Lopez spoke first. "
                                       "Later Maria Lopez left the room."))
    window = make_window(filled)
    select_title(qtbot, window, "Missed names")
    cursor = window.detail.document().find("Maria Lopez")
    window.detail.setTextCursor(cursor)
    menu = window.detail.text_menu(window.detail.cursorRect(cursor).center())
    pick(menu, "Mark “Maria Lopez” as a person")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: any(e.name == "Maria Lopez" for e in window.detail.article.entities))
    marked = next(e for e in window.detail.article.entities if e.name == "Maria Lopez")
    assert marked.kind == PERSON and marked.mentions == 2
    assert "Maria Lopez" in sidebar_labels(window, PERSON)


def test_aliases_add_and_remove(filled, make_window, qtbot):
    window = make_window(filled)
    pick(sidebar_menu(window, ORG, "United Nations"), "Aliases")
    editor = shown_dialog(qtbot, window, AliasEditor)
    assert [editor.list.item(r).text() for r in range(editor.list.count())] == ["UN"]
    editor.new.setText("U.N.")
    editor.new.returnPressed.emit()
    qtbot.waitUntil(lambda: editor.list.count() == 2)
    editor.list.setCurrentRow(0)
    editor.remove.click()
    qtbot.waitUntil(lambda: [editor.list.item(r).text() for r in range(editor.list.count())] == ["U.N."])


def test_undo_and_redo_by_keys_say_what_they_do_and_survive_a_restart(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    rename_from_sidebar(qtbot, window, PERSON, "Anna Petrova", "Ana Petrova")
    qtbot.waitUntil(lambda: "Petrova" in window.actions["undo"].text())
    activate(qtbot, window)
    qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Anna Petrova" in sidebar_labels(window, PERSON))
    qtbot.waitUntil(lambda: "Petrova" in window.actions["redo"].text())
    qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Ana Petrova" in sidebar_labels(window, PERSON))
    window.close()
    again = make_window(filled)  # the history is in the archive
    qtbot.waitUntil(lambda: "Petrova" in again.actions["undo"].text())
    again.actions["undo"].trigger()
    settle(qtbot, again)
    qtbot.waitUntil(lambda: "Anna Petrova" in sidebar_labels(again, PERSON))


def test_one_undo_takes_back_the_newest_of_a_trash_move_and_a_correction(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import dialogs

    monkeypatch.setattr(dialogs, "ask", lambda *args, **kwargs: True)
    window = make_window(filled)
    rename_from_sidebar(qtbot, window, PERSON, "Anna Petrova", "Ana Petrova")
    select_title(qtbot, window, "Energy markets")
    window.actions["trash"].trigger()
    wait_rows(qtbot, window, 4)
    qtbot.waitUntil(lambda: "Trash" in window.actions["undo"].text())
    window.actions["undo"].trigger()  # the Trash move was last
    wait_rows(qtbot, window, 5)
    assert "Ana Petrova" in sidebar_labels(window, PERSON)
    qtbot.waitUntil(lambda: "Petrova" in window.actions["undo"].text())
    window.actions["undo"].trigger()  # then the rename
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Anna Petrova" in sidebar_labels(window, PERSON))
    assert "Energy markets" in titles(window)


def test_a_refused_correction_says_why_and_changes_nothing(filled, make_window, qtbot):
    window = make_window(filled)
    rename_from_sidebar(qtbot, window, PERSON, "Anna Petrova", " ")  # blank: nothing asked
    assert "Anna Petrova" in sidebar_labels(window, PERSON)
    nikitin = next(t for t in window.facets.model.terms if t.label == "Pyotr Nikitin").ids[0]
    belgrade = next(t for t in window.facets.model.terms if t.label == "Belgrade").ids[0]
    window.desk.apply(lambda: corrections.merge_entities(filled, [nikitin], into=belgrade))
    settle(qtbot, window)
    assert window.statusBar().currentMessage()  # one sentence, no traceback
    assert "Traceback" not in window.statusBar().currentMessage()
    assert sidebar_count(window, PERSON, "Pyotr Nikitin") == 3


def test_the_cursor_menu_of_the_text_offers_edit_and_page_values(filled, make_window, qtbot):
    window = make_window(filled)
    select_title(qtbot, window, "Energy markets")
    cursor = QTextCursor(window.detail.document())
    window.detail.setTextCursor(cursor)
    texts = [a.text() for a in window.detail.text_menu(window.detail.cursorRect(cursor).center()).actions()]
    assert "&Edit details…" in texts and "Use the &page's values" in texts
    assert not any(t.startswith("Mark") for t in texts)  # nothing selected
