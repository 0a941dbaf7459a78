"""The window's import corner: the queue, its panel in a dock, and when the list catches up.

While articles arrive the list is refreshed at most every REFRESH_DELAY_MS and the sidebar
recounted every RECOUNT_WHILE_IMPORTING_MS: rebuilding the sidebar is the dearest thing the
window does on its own thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop.core.dropped import Dropped
from desktop.core.preferences import Preferences
from desktop.core.store.db import Archive
from desktop.gui.import_queue import ImportQueue
from desktop.gui.imports import ImportPanel

IMPORT_DOCK_HEIGHT = 260  # the list stays the main thing while an import runs below it
REFRESH_DELAY_MS = 300
RECOUNT_WHILE_IMPORTING_MS = 3000


class ImportDock(QDockWidget):
    """The "Imports" dock: the queue (`queue`, also the window's `imports`) and its panel;
    it shows itself when inputs are added and paces the list's refreshes while they land."""

    refreshDue = Signal()  # articles were saved and none has come for REFRESH_DELAY_MS
    recountDue = Signal()  # RECOUNT_WHILE_IMPORTING_MS after a recount was asked for mid-import
    savedBatch = Signal(list)  # ids of the articles a finished batch saved, oldest first

    def __init__(self, window: QMainWindow, archive: Archive):
        super().__init__("Imports", window)
        self.toggleViewAction().setText("&Imports")  # View ▸ Imports, with a menu key
        self._window = window
        self.queue = ImportQueue(archive, self)
        self.queue.article_saved.connect(lambda _id: self._refresh.start())
        self.queue.batch_finished.connect(self._batch_finished)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.refreshDue)
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_WHILE_IMPORTING_MS)
        self._recount.timeout.connect(self.recountDue)
        self.setObjectName("importDock")
        self.panel = ImportPanel(self.queue)
        self.panel.told.connect(lambda text: window.statusBar().showMessage(text, 10_000))
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self.queue.resumed.connect(lambda _text: self._show())
        self.queue.resume_interrupted()  # what a closed window or a crash left, continued

    def add(self, inputs: list[Dropped]) -> int:
        """Queue inputs and show the panel; returns how many were queued."""
        queued = self.queue.add(inputs)
        self._show()
        return queued

    def _show(self) -> None:
        if not self.isVisible():
            self.show()
            self._window.resizeDocks([self], [IMPORT_DOCK_HEIGHT], Qt.Orientation.Vertical)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Downloads at once and the entities switch, for the items queued from now on."""
        self.queue.set_downloads(prefs.import_concurrency)
        self.queue.set_entities(prefs.entities)

    def recount_later(self) -> None:
        """Ask for `recountDue` in a few seconds (once, however often asked meanwhile)."""
        if not self._recount.isActive():
            self._recount.start()

    def _batch_finished(self, text: str) -> None:
        saved = self.queue.saved_in_batch()
        self._window.statusBar().showMessage(f"Import finished: {text}", 10_000)
        self.savedBatch.emit(saved)

    def close_queue(self) -> None:
        """The window closes: the article being written lands whole, the worker processes
        stop, and what is left stays queued in the archive for the next start."""
        self.queue.stop()
