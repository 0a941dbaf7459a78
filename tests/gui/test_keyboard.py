"""The window from the keyboard: paste, the focus chain, keys for every action, accessible names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLineEdit, QTextEdit, QWidget

from desktop.core import query
from desktop.gui.actions import specs
from tests.gui.helpers import select_title, titles, wait_rows


@pytest.fixture
def queued(monkeypatch):
    """What the window queued for import (nothing is downloaded)."""
    from desktop.gui.import_dock import ImportDock

    got = []
    monkeypatch.setattr(ImportDock, "add", lambda self, inputs: got.extend(inputs) or len(inputs))
    return got


def press_paste(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_v_in_an_empty_archive_imports_the_link_not_a_search(archive, make_window, qtbot, queued):
    window = make_window(archive)
    window.activateWindow()
    QGuiApplication.clipboard().setText("https://news.example/first-story")
    press_paste(qtbot, window.search.field)  # where focus sits on first start
    assert [d.source for d in queued] == ["https://news.example/first-story"]
    assert window.search.text() == "" and window.filter.text == ""


def test_ctrl_v_in_the_empty_sidebar_filter_imports_and_leaves_the_sidebar(filled, make_window, qtbot, queued):
    window = make_window(filled)
    window.activateWindow()
    QGuiApplication.clipboard().setText("https://news.example/a\nhttps://news.example/b\n")
    press_paste(qtbot, window.facets.filter_box)
    assert [d.source for d in queued] == ["https://news.example/a", "https://news.example/b"]
    assert window.facets.filter_box.text() == ""


def test_words_or_a_field_being_typed_in_keep_ctrl_v(filled, make_window, qtbot, queued):
    window = make_window(filled)
    window.activateWindow()
    QGuiApplication.clipboard().setText("pipeline deal")
    press_paste(qtbot, window.search.field)
    assert window.search.text() == "pipeline deal" and not queued
    window.search.field.setText("Belgrade ")
    QGuiApplication.clipboard().setText("https://news.example/a")
    press_paste(qtbot, window.search.field)  # the user is typing: the link goes into the text
    assert window.search.text().endswith("https://news.example/a") and not queued


def test_ctrl_v_in_the_list_imports(filled, make_window, qtbot, queued):
    window = make_window(filled)
    window.activateWindow()
    QGuiApplication.clipboard().setText("https://news.example/c")
    press_paste(qtbot, window.list)
    assert [d.source for d in queued] == ["https://news.example/c"]


def test_escape_in_the_sidebar_filter_clears_only_it(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    window.search.field.setText("pipeline")
    window.search.search_now()
    wait_rows(qtbot, window, 2)
    window.facets.filter_box.setFocus()
    qtbot.keyClicks(window.facets.filter_box, "Bel")
    qtbot.keyClick(window.facets.filter_box, Qt.Key.Key_Escape)
    assert window.facets.filter_box.text() == ""
    assert window.filter.text == "pipeline"  # the list's search stays


def test_tab_walks_search_sidebar_list_reading_pane_and_never_opens_an_article(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    select_title(qtbot, window, "Nikitin in Belgrade")
    window.search.field.setFocus()
    qtbot.waitUntil(window.search.field.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [window.search.field, window.facets.filter_box, window.facets.tree,
                    window.facets.trash_button, window.list, window.detail]
    assert window.detail.article.title == "Nikitin in Belgrade"  # Tab in the list moved nothing
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.facets.trash_button


def test_every_focusable_widget_has_an_accessible_name(filled, make_window):
    window = make_window(filled)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and isinstance(w, (QLineEdit, QAbstractItemView, QTextEdit, QAbstractButton))
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []
    for w in (window.search.field, window.list, window.facets.tree, window.detail, window.facets.filter_box):
        assert w.accessibleDescription(), w.accessibleName()


def press_on_entry(qtbot, window, kind: str, label: str, key: Qt.Key) -> None:
    """Move the sidebar's keyboard focus to an entry and press `key` there."""
    tree = window.facets.tree
    tree.setFocus()
    tree.setCurrentIndex(window.facets.term_index(kind, label))
    qtbot.keyClick(tree, key)


def test_enter_and_space_on_a_sidebar_entry_filter(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    tree = window.facets.tree
    press_on_entry(qtbot, window, "city", "Belgrade", Qt.Key.Key_Return)
    wait_rows(qtbot, window, 3)
    assert [t.label for t in window.filter.terms] == ["Belgrade"]
    tree.setCurrentIndex(window.facets.term_index("person", "Anna Petrova"))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    wait_rows(qtbot, window, 2)
    assert [t.label for t in window.filter.terms] == ["Belgrade", "Anna Petrova"]


def test_every_action_has_a_key_or_a_menu_and_keys_are_unique(filled, make_window):
    window = make_window(filled)
    keys = [s.toString() for a in window.actions.by_name.values() for s in a.shortcuts()]
    assert len(keys) == len(set(keys))
    for key in ("F2", "Del", "Ctrl+Z", "Ctrl+V", "Ctrl+I", "Ctrl+F", "F1", "Ctrl+,"):
        assert key in keys
    in_menus = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    assert {window.actions[s.name] for s in specs()} <= in_menus


def test_delete_then_ctrl_z_brings_the_article_back(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import dialogs

    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    window = make_window(filled)
    window.activateWindow()
    select_title(qtbot, window, "Belgrade protests")
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    wait_rows(qtbot, window, 4)
    assert "Belgrade protests" not in titles(window) and query.trash_count(filled) == 1
    qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_rows(qtbot, window, 5)
    assert query.trash_count(filled) == 0
    qtbot.waitUntil(lambda: window.current_id() == filled.ids["Belgrade protests"])


def test_f2_edits_the_details_and_a_bad_date_keeps_the_dialog_open(filled, make_window, qtbot):
    from desktop.gui.edit_dialog import EditDialog

    window = make_window(filled)
    window.activateWindow()
    select_title(qtbot, window, "Energy markets")
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.findChild(EditDialog) is not None and window.findChild(EditDialog).isVisible())
    dialog = window.findChild(EditDialog)
    assert dialog.title.text() == "Energy markets"
    dialog.published.setText("20/11/2023")
    dialog.accept()
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "YYYY-MM-DD" in dialog.problem.text() and dialog.isVisible()
    dialog.published.setText("2023-11-21")
    dialog.title.setText("Energy markets, corrected")
    dialog.authors.setText("Carla Numbers; Dan Figures")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_rows(qtbot, window, 5)
    item = query.detail(filled, filled.ids["Energy markets"])
    assert (item.title, item.published[:10], item.authors) == (
        "Energy markets, corrected", "2023-11-21", ["Carla Numbers", "Dan Figures"])
    qtbot.waitUntil(lambda: "Energy markets, corrected" in titles(window))


def test_the_sidebar_keeps_the_keyboards_place_after_filtering(filled, make_window, qtbot):
    window = make_window(filled)
    window.activateWindow()
    press_on_entry(qtbot, window, "city", "Belgrade", Qt.Key.Key_Return)
    wait_rows(qtbot, window, 3)
    qtbot.waitUntil(lambda: not window.runner.busy())
    qtbot.wait(50)  # the sidebar's recount has been shown
    assert window.facets.tree.currentIndex().data() == "Belgrade"


def test_edit_details_sends_only_what_changed():
    from desktop.core.list_rows import Summary
    from desktop.gui.edit_dialog import EditDialog

    item = Summary(id=1, url=None, title="Talks", authors=["Ann Writer"], published="2017-01-13T00:00:04-05:00",
                   publisher=None)
    dialog = EditDialog(item)
    assert dialog.published.text() == "2017-01-13" and dialog.values() == {}  # the time of day is kept
    dialog.authors.setText("Ann Writer; Bob Reporter")
    assert dialog.values() == {"authors": ["Ann Writer", "Bob Reporter"]}


def test_lines_that_are_neither_links_nor_files_become_failed_rows(filled, make_window, monkeypatch, queued):
    from desktop.core.dropped import Dropped
    from desktop.gui import dialogs
    from desktop.gui.import_dialog import ImportDialog

    def accepted(dialog):
        dialog.inputs, dialog.junk = [Dropped("https://news.example/x")], ["just some words"]
        return True

    monkeypatch.setattr(ImportDialog, "exec", accepted)
    window = make_window(filled)
    dialogs.import_links(window)
    assert [d.source for d in queued] == ["https://news.example/x", "just some words"]


def test_open_original_without_a_browser_copies_the_address_and_says_so(filled, make_window, qtbot, monkeypatch):
    from desktop.gui import reading

    monkeypatch.setattr(reading.QDesktopServices, "openUrl", lambda _url: False)
    window = make_window(filled)
    select_title(qtbot, window, "Belgrade protests")
    window.actions["open_original"].trigger()
    assert QGuiApplication.clipboard().text() == "https://news.example/story-3"
    assert "No web browser" in window.statusBar().currentMessage()


def test_ctrl_enter_imports_the_lines_of_the_import_dialog(qtbot):
    from desktop.gui.import_dialog import ImportDialog

    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "https://news.example/a")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # a new line, not the import
    assert dialog.isVisible() and dialog.text.toPlainText() == "https://news.example/a\n"
    qtbot.keyClicks(dialog.text, "https://news.example/b")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # shortcuts work in the active window
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [d.source for d in dialog.inputs] == ["https://news.example/a", "https://news.example/b"]
