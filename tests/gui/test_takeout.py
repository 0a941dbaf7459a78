"""Export…, Copy citation, Back up… and Restore… in the window."""

from __future__ import annotations

import pytest
import rispy
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.backup import backup
from desktop.core.store.archive import store_article
from desktop.gui import context_menus, takeout
from desktop.gui.export_dialog import ExportDialog
from tests.gui.conftest import make_article
from tests.gui.helpers import titles, wait_rows


def _message(qtbot) -> str:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10_000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    text = box.text()
    box.close()
    return text


def test_copy_citation_from_the_row_menu_and_the_edit_menu(filled, make_window, qtbot):
    window = make_window(filled)
    row = titles(window).index("Nikitin in Belgrade")
    window.list.select_rows([row])
    menu = context_menus.row_menu(window, window.list.visualRect(window.model.index(row, 0)).center())
    texts = [a.text() for a in menu.actions()]
    assert "Copy citation (&APA)" in texts and "Copy citation (Ch&icago)" in texts
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert window.actions["copy_citation_apa"] in edit_menu.actions()
    QGuiApplication.clipboard().clear()
    window.actions["copy_citation_apa"].trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=5000)
    assert QGuiApplication.clipboard().text().startswith("Writer, A., & Reporter, B. (2024, March 2). Nikitin in Belgrade.")
    assert "<i>Example News</i>" in QGuiApplication.clipboard().mimeData().html()
    window.actions["copy_citation_chicago"].trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().startswith("Writer, Ann, and Bob Reporter."),
                    timeout=5000)


def test_export_dialog_writes_the_selected_articles_as_ris(filled, make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(filled)
    window.list.select_rows([0, 1])
    dialog = ExportDialog(len(window.selected_ids()), window, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("ris"))
    assert dialog.path.text().endswith(".ris")
    dialog.path.setText(str(tmp_path / "two.ris"))
    monkeypatch.setattr(dialog, "exec", lambda: True)
    window.takeout.export(dialog)
    qtbot.waitUntil(lambda: (tmp_path / "two.ris").exists(), timeout=5000)
    entries = rispy.loads((tmp_path / "two.ris").read_text(encoding="utf-8"))
    assert sorted(e["title"] for e in entries) == sorted(titles(window)[:2])


@pytest.mark.sqlite_only("backs up and restores a file")
def test_back_up_then_restore_in_the_window(filled, make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(filled)
    window.takeout.backup(tmp_path / "saved.sqlite3")
    assert "Backed up the archive to" in _message(qtbot)
    assert window.takeout.progress is None and (tmp_path / "saved.sqlite3").exists()
    store_article(filled, make_article(9, title="Added after the backup"))
    window.refresh()
    wait_rows(qtbot, window, 6)
    monkeypatch.setattr(takeout, "ask", lambda *_a, **_k: True)
    window.takeout.restore(tmp_path / "saved.sqlite3")
    assert "is kept as" in _message(qtbot)
    wait_rows(qtbot, window, 5)
    assert "Added after the backup" not in titles(window)
    assert list(filled.path.parent.glob("archive-before-restore-*.sqlite3"))


@pytest.mark.sqlite_only("backs up and restores a file")
def test_restore_refuses_a_damaged_backup_and_the_window_keeps_its_archive(filled, make_window, qtbot, tmp_path,
                                                                          monkeypatch):
    window = make_window(filled)
    bad = backup(filled, tmp_path / "bad.sqlite3")
    data = bytearray(bad.read_bytes())
    for offset in range(8192, len(data), 8192):
        data[offset:offset + 8] = b"\xff" * 8
    bad.write_bytes(bytes(data))
    monkeypatch.setattr(takeout, "ask", lambda *_a, **_k: True)
    window.takeout.restore(bad)
    assert "is damaged" in _message(qtbot) and window.takeout.progress is None
    window.refresh()
    wait_rows(qtbot, window, 5)
    assert not list(filled.path.parent.glob("archive-before-restore-*"))
