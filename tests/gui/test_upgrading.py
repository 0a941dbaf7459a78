"""Start-up on an older archive: a busy window says it is upgrading while the upgrade runs
off the GUI thread; a failed upgrade reaches the caller."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.core.errors import CuttingsError
from desktop.gui.upgrading import upgrade_with_progress


class SlowArchive:
    title = "older.sqlite3"

    def __init__(self, error: Exception | None = None):
        self.error, self.thread = error, None
        self.release = threading.Event()

    def upgrade(self) -> None:
        self.thread = threading.current_thread()
        assert self.release.wait(10)
        if self.error:
            raise self.error


def _watch_dialog(archive: SlowArchive, seen: list[str]) -> None:
    """Read what the dialog says from the GUI thread, then let the upgrade finish."""
    def look():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.isVisible()), None)
        seen.append(dialog.labelText() if dialog else "")
        archive.release.set()
    QTimer.singleShot(200, look)


def test_the_upgrade_runs_off_the_gui_thread_behind_a_busy_window(qtbot):
    archive, seen = SlowArchive(), []
    _watch_dialog(archive, seen)
    upgrade_with_progress(archive)
    assert seen and seen[0].startswith("Upgrading the archive older.sqlite3 to this version of Cuttings.")
    assert archive.thread is not threading.main_thread()
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_failed_upgrade_is_raised_to_the_caller(qtbot):
    archive = SlowArchive(CuttingsError("The disk is full."))
    _watch_dialog(archive, [])
    with pytest.raises(CuttingsError, match="disk is full"):
        upgrade_with_progress(archive)
