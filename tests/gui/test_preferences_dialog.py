"""The Preferences dialog: edits, saves through the core, previews the theme, Cancel undoes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from desktop.core import preferences
from desktop.core.preferences import Preferences
from desktop.gui import style
from desktop.gui.preferences import PreferencesDialog
from desktop.gui.themes import DARK_COLOURS, LIGHT_COLOURS


def test_ok_saves_the_changed_values(qapp, qtbot, config_file, tmp_path):
    style.apply(qapp, "light")
    dialog = PreferencesDialog(Preferences(theme="light"))
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.archive.setText(str(tmp_path / "news.sqlite3"))
    dialog.concurrency.setValue(6)
    dialog.entities.setChecked(False)
    dialog.trash_days.setValue(0)
    QTimer.singleShot(0, dialog.buttons.accepted.emit)
    saved = dialog.exec_and_save()
    expected = Preferences(theme="dark", archive=str(tmp_path / "news.sqlite3"), import_concurrency=6,
                           entities=False, trash_days=0)
    assert saved == expected and preferences.load() == expected and config_file.exists()
    assert style.colours() is DARK_COLOURS
    assert dialog.trash_days.text() == "Never"
    style.apply(qapp, "system")


def test_cancel_restores_the_theme_and_saves_nothing(qapp, qtbot, config_file):
    style.apply(qapp, "light")
    dialog = PreferencesDialog(Preferences(theme="light"))
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert style.colours() is DARK_COLOURS  # previewed at once
    dialog.archive.clear()
    QTimer.singleShot(0, dialog.reject)
    assert dialog.exec_and_save() is None
    assert style.colours() is LIGHT_COLOURS and not config_file.exists()
    style.apply(qapp, "system")


def test_every_control_has_an_accessible_name(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    controls = [dialog.theme, dialog.archive, dialog.concurrency, dialog.entities, dialog.trash_days]
    controls += [b for b in dialog.findChildren(QPushButton) if b.parent() is not dialog.buttons]
    assert len(controls) == 7 and all(c.accessibleName() for c in controls)
    assert dialog.concurrency.minimum() == 1 and dialog.concurrency.maximum() == 8


def test_the_notes_under_settings_take_the_lines_their_text_needs(qtbot):
    from PySide6.QtWidgets import QLabel

    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    notes = [label for label in dialog.findChildren(QLabel) if 'class="muted"' in label.text()]
    assert len(notes) == 2
    for note in notes:  # no blank lines under a note (it was given the height of four)
        assert note.height() <= note.heightForWidth(note.width()) + 2, note.text()
