"""The window's dialogs and their round trips to the core: import, saved copy,
preferences, keyboard shortcuts, about; and the one sentence a failure is shown as."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from desktop import __version__
from desktop.core.dropped import Dropped
from desktop.core.errors import CuttingsError
from desktop.gui.import_dialog import ImportDialog
from desktop.gui.preferences import PreferencesDialog
from desktop.resources import LICENCES


def failure_sentence(exc: BaseException, archive=None) -> str:
    """What the user reads when a background task on `archive` fails: never a traceback; a
    server away or a refused permission in the archive's words (Archive.problem)."""
    if isinstance(exc, (CuttingsError, ValueError)):
        return str(exc)
    said = archive.problem(exc) if archive is not None else None
    return said or f"Could not read the archive ({exc.__class__.__name__}: {exc})."


def ask(parent, title: str, text: str, yes: str, undoable: bool = True) -> bool:
    """A question in plain text (titles in it are never markup); True if the user chose `yes`.
    Enter chooses `yes` when it can be undone, Cancel when it cannot."""
    box = QMessageBox(QMessageBox.Icon.Question if undoable else QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    chosen = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(chosen if undoable else cancel)
    box.exec()
    return box.clickedButton() is chosen


def import_links(window) -> None:
    dialog = ImportDialog(window)
    if dialog.exec():
        # A line that is neither a web address nor a file gets its own failed row, with the
        # reason, rather than vanishing.
        window.import_inputs(dialog.inputs + [Dropped(line) for line in dialog.junk])


def preferences(window) -> None:
    """The Preferences dialog; what it saved takes effect at once (the archive at restart)."""
    prefs = PreferencesDialog(window.preferences, window).exec_and_save()
    if prefs is not None:
        window.apply_preferences(prefs)


def shortcuts(window) -> None:
    """Every key of the window, from the declared actions."""
    rows = window.actions.shortcut_rows()
    dialog = QDialog(window)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (text, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 520)
    dialog.exec()


def about(window) -> None:
    archive = window.archive
    where = (f"<p>Archive file:<br><code>{escape(str(archive.path))}</code></p>"
             f"<p>Data folder:<br><code>{escape(str(archive.path.parent))}</code></p>" if archive.is_file
             else f"<p>Team archive (PostgreSQL):<br><code>{escape(str(archive))}</code></p>")
    QMessageBox.about(
        window,
        "About Cuttings",
        f"<h3>Cuttings {__version__}</h3>"
        "<p>An archive of news articles: who and where, across outlets.</p>"
        + where +
        "<p style='font-size:small'>Built with: "
        + ", ".join(f"{escape(name)} ({escape(licence)})" for name, licence, _url in LICENCES)
        + ". Place data © GeoNames, CC BY 4.0.</p>",
    )
