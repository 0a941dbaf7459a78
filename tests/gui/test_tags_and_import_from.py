"""Tags in the window (Edit ▸ Tags…, the sidebar's Tags section, chips, the reading pane) and
File ▸ Import from… (a Karakeep export whose note needs no download)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.dropped import Dropped
from desktop.core.query import TAG
from desktop.gui.tagging import TagsDialog
from tests.gui.helpers import click_facet, click_text, select_title, titles, wait_rows


@pytest.fixture
def in_process_analysis(monkeypatch):
    """The panel analyses on a thread of the test process: a worker process would spend
    seconds starting on a busy machine, and is tested in test_imports."""
    from desktop.core.analyser import Analyser
    from desktop.gui import import_queue

    monkeypatch.setattr(import_queue, "Analyser", lambda **kw: Analyser(in_process=True, **kw))


def _tags_dialog(qtbot) -> TagsDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, TagsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, TagsDialog) and w.isVisible())


def test_tag_selected_articles_then_filter_by_the_tag(filled, make_window, qtbot):
    window = make_window(filled)
    window.list.select_rows([titles(window).index("Nikitin in Belgrade"), titles(window).index("Energy markets")])
    assert window.actions["tags"].isEnabled()
    window.actions["tags"].trigger()
    dialog = _tags_dialog(qtbot)
    dialog.names.setText("pipeline, Serbia")
    dialog.add.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.facets.term_index(TAG, "pipeline").isValid(), timeout=5000)

    click_facet(qtbot, window, TAG, "Serbia")
    wait_rows(qtbot, window, 2)
    assert [c.text() for c in window.chips.chips] == ["Tag: Serbia  ×"]
    assert sorted(titles(window)) == ["Energy markets", "Nikitin in Belgrade"]
    select_title(qtbot, window, "Nikitin in Belgrade")
    qtbot.waitUntil(lambda: window.detail.article.tags == ["pipeline", "Serbia"], timeout=5000)
    assert "pipeline" in window.detail.toPlainText()

    window.actions["tags"].trigger()
    dialog = _tags_dialog(qtbot)
    dialog.names.setText("")
    dialog.remove.click()
    assert dialog.problem.text() == "Type the name of a tag."
    dialog.names.setText("serbia")
    dialog.remove.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.statusBar().currentMessage() == "Removed Serbia: 1 change."  # as the archive spells it
    wait_rows(qtbot, window, 1)  # the Serbia filter still holds: one article carries it


def test_a_tag_chip_in_the_reading_pane_filters(filled, make_window, qtbot):
    from desktop.core.store.tags import add_tags

    add_tags(filled, [filled.ids["UN talks in Belgrade"]], ["talks"])
    window = make_window(filled)
    select_title(qtbot, window, "UN talks in Belgrade")
    click_text(qtbot, window.detail, "talks", occurrence=1)  # the title's "talks" is the first
    qtbot.waitUntil(lambda: any(t.kind == TAG for t in window.filter.terms), timeout=5000)
    wait_rows(qtbot, window, 1)


def test_import_from_a_karakeep_export(archive, make_window, qtbot, tmp_path, config_file, in_process_analysis):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')  # no language model to load on this machine's cores
    export = tmp_path / "karakeep.json"
    export.write_text(json.dumps({"bookmarks": [{
        "createdAt": 1715100000, "title": "Call with the Tbilisi fixer", "tags": ["georgia"],
        "content": {"type": "text", "text": "Nino says the march will start at seven."}, "note": None,
        "archived": True}]}))
    window = make_window(archive)
    window.import_inputs([Dropped(str(export))])
    qtbot.waitUntil(lambda: "Import finished: 1 saved" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.imports.rowCount() == 1  # a row per item of the export, not one for the file
    wait_rows(qtbot, window, 1)
    assert titles(window) == ["Call with the Tbilisi fixer"]
    qtbot.waitUntil(lambda: window.facets.term_index(TAG, "archived").isValid(), timeout=5000)
    # the batch's newest article is selected and shown
    qtbot.waitUntil(lambda: window.detail.article is not None and bool(window.detail.article.provenance), timeout=5000)
    assert "Kept from the Karakeep export's copy: it has no web address." in window.detail.toPlainText()


def test_a_dropped_list_of_links_is_imported_as_its_links(archive, make_window, qtbot, tmp_path, httpserver,
                                                          config_file, in_process_analysis):
    from tests.test_cli import ARTICLE

    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')
    httpserver.expect_request("/rally").respond_with_data(ARTICLE, content_type="text/html")
    links = tmp_path / "links.txt"
    links.write_text(f"# to read\n{httpserver.url_for('/rally')}\n")
    window = make_window(archive)
    window.import_inputs([Dropped(str(links))])
    qtbot.waitUntil(lambda: "Import finished: 1 saved" in window.statusBar().currentMessage(), timeout=10_000)
    wait_rows(qtbot, window, 1)
    assert titles(window) == ["Emigres rally in Belgrade for Navalny"]
    assert [window.imports.item(0).source] == [httpserver.url_for("/rally")]  # its link's row, not the file's


def test_the_tags_dialog_lists_the_selections_tags_and_a_click_picks_one(filled, make_window, qtbot):
    from desktop.core.store.tags import add_tags

    add_tags(filled, [filled.ids["Nikitin in Belgrade"], filled.ids["Energy markets"]], ["Serbia"])
    add_tags(filled, [filled.ids["Energy markets"]], ["<b>pipeline</b>"])
    window = make_window(filled)
    window.list.select_rows([titles(window).index("Nikitin in Belgrade"), titles(window).index("Energy markets")])
    window.actions["tags"].trigger()
    dialog = _tags_dialog(qtbot)
    text = dialog.carried.text()
    assert "Serbia</a> (2 of 2)" in text and "&lt;b&gt;pipeline&lt;/b&gt;</a> (1 of 2)" in text  # escaped
    dialog.carried.linkActivated.emit("0")
    assert dialog.names.text() == "Serbia" and dialog.remove.isDefault()
    qtbot.keyClicks(dialog.names, "x")
    assert dialog.add.isDefault()  # typed names: Enter adds
    dialog.carried.linkActivated.emit("1")
    assert dialog.names.text() == "<b>pipeline</b>"
    dialog.remove.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.statusBar().currentMessage() == "Removed <b>pipeline</b>: 1 change."

    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)  # the list reloads after the change
    select_title(qtbot, window, "UN talks in Belgrade")
    window.actions["tags"].trigger()
    assert _tags_dialog(qtbot).carried.text() == "It has no tags yet."
