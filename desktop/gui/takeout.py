"""Taking the archive out: Export…, Copy citation (APA / Chicago), Back up… and Restore….

Each runs one core call (the same as its CLI twin: `export`, `cite`, `backup`, `restore`) in
the task runner; backups and restores report their progress through a signal, since the copy
runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop.core import backup as backups
from desktop.core import citations
from desktop.core.export import export_ids, export_to
from desktop.core.query import Filter
from desktop.core.store.db import Archive
from desktop.gui.dialogs import ask, failure_sentence
from desktop.gui.export_dialog import ALL, SELECTED, SHOWN, ExportDialog

ARCHIVE_FILES = "Cuttings archives (*.sqlite3 *.sqlite *.db);;All files (*)"


class TakeOut(QObject):
    """The export, citation, backup and restore actions of one window.

    It is handed what it needs: the parent for dialogs, the archive, the task runner, the
    selected ids and the current filter (callables), and a status line. `restored` is emitted
    after a restore: everything shown must be read again.
    """

    restored = Signal()
    progressed = Signal(int, int)  # pages copied, pages in all (from the worker thread)

    def __init__(self, parent: QWidget, archive: Archive, runner, selected: Callable[[], list[int]],
                 current_filter: Callable[[], Filter], status: Callable[[str], None]):
        super().__init__(parent)
        self._parent, self._archive, self._runner = parent, archive, runner
        self._selected, self._filter, self._status = selected, current_filter, status
        self.progress: QProgressDialog | None = None
        self.progressed.connect(self._show_progress)

    # -- citations and export -------------------------------------------------------------
    def copy_citation(self, style: str) -> None:
        """Put the formatted references of the selected articles on the clipboard, as plain
        text and as HTML (the titles in italics where the style asks)."""
        ids, archive = self._selected(), self._archive
        if not ids:
            return
        self._runner.run("cite", lambda: citations.format_citations(list(citations.cited(archive, ids)), style),
                         lambda found: self._copied(found, style), self._failed)

    def _copied(self, found: list[citations.Formatted], style: str) -> None:
        data = QMimeData()
        data.setText("\n".join(c.text for c in found))
        data.setHtml("".join(f"<p>{c.html}</p>" for c in found))
        QGuiApplication.clipboard().setMimeData(data)
        name = {"apa": "APA", "chicago": "Chicago"}.get(style, style)
        self._status(f"Copied {len(found)} citation{'s' if len(found) != 1 else ''} ({name}).")

    def export(self, dialog: ExportDialog | None = None) -> None:
        """Ask what to export (the dialog may be given, already filled, by tests) and write it."""
        dialog = dialog or ExportDialog(len(self._selected()), self._parent, self._folder())
        if not dialog.exec():
            return
        scope, fmt, path = dialog.choice()
        archive, selected, flt = self._archive, self._selected(), self._filter()

        def work() -> int:
            ids = {SELECTED: lambda: selected, SHOWN: lambda: export_ids(archive, flt), ALL: lambda: None}[scope]()
            return export_to(archive, fmt, path, ids)

        self._runner.run("export", work, lambda n: self._status(f"Exported {n} article{'s' if n != 1 else ''} "
                                                                f"to {path}."), self._failed)

    def _folder(self) -> Path:
        """Where file dialogs start: the archive file's folder, else the home folder."""
        return self._archive.path.parent if self._archive.is_file else Path.home()

    # -- backup and restore ---------------------------------------------------------------
    def backup(self, path: Path | None = None) -> None:
        """File ▸ Back up…: copy the archive to a chosen file, with a progress dialog."""
        if not self._archive.is_file:
            self._tell("Back up", backups.ON_A_SERVER.format(what="A backup", name=self._archive))
            return
        replace = path is None  # the save dialog has asked before a file is written over
        if path is None:
            suggested = backups.backup_path(self._archive.path, self._archive.path.parent)
            chosen, _ = QFileDialog.getSaveFileName(self._parent, "Back up the archive to", str(suggested),
                                                    ARCHIVE_FILES)
            if not chosen:
                return
            path = Path(chosen)
        archive = self._archive
        self._start_progress("Backing up the archive…")
        self._runner.run("backup", lambda: backups.backup(archive, path, self.progressed.emit, replace),
                         lambda written: self._finished(f"Backed up the archive to {written}."), self._stopped)

    def restore(self, path: Path | None = None, busy: bool = False) -> None:
        """File ▸ Restore…: check a backup, ask, keep the current archive aside, restore.
        `busy`: an import is running (its writes would mix with the restored archive)."""
        if busy:
            self._tell("Restore", "Articles are being imported. Restore when the import has finished.")
            return
        if not self._archive.is_file:
            self._tell("Restore", backups.ON_A_SERVER.format(what="Restoring", name=self._archive))
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self._parent, "Restore the archive from",
                                                    str(self._archive.path.parent), ARCHIVE_FILES)
            if not chosen:
                return
            path = Path(chosen)
        question = (f"Replace the archive with the backup {path}?\n\nThe current archive is kept first, "
                    "in a dated file beside it.")
        if not ask(self._parent, "Restore from backup", question, "Restore", undoable=False):
            return
        location = self._archive.path
        self._start_progress("Restoring the archive…")
        self._runner.run("restore", lambda: backups.restore(location, path, self.progressed.emit),
                         self._restored, self._stopped)

    def _restored(self, aside: Path | None) -> None:
        # A current archive too damaged to copy was moved aside, and pooled connections would
        # still read the moved file: new ones open the restored one.
        self._archive.engine.dispose()
        kept = f" The archive that was there is kept as {aside}." if aside else ""
        self._finished("Restored the archive from the backup." + kept)
        self.restored.emit()

    def _start_progress(self, text: str) -> None:
        self.progress = QProgressDialog(text, "", 0, 0, self._parent)
        self.progress.setWindowTitle("Cuttings")
        self.progress.setCancelButton(None)  # a half-made copy is worth nothing: it runs to the end
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

    def _show_progress(self, done: int, pages: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(pages)
            self.progress.setValue(done)

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _finished(self, text: str) -> None:
        self._end_progress()
        self._tell("Cuttings", text, QMessageBox.Icon.Information)

    def _stopped(self, exc: BaseException) -> None:
        self._end_progress()
        self._tell("Cuttings", failure_sentence(exc))

    def _tell(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> None:
        """A message the user must see (where a file went, why nothing changed); modeless,
        so the window goes on."""
        box = QMessageBox(icon, title, text, parent=self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("takeoutMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._status(text)

    def _failed(self, exc: BaseException) -> None:
        self._status(failure_sentence(exc))
