"""Start-up on an archive made by an older version: its upgrade runs off the GUI thread while
a small window says what is happening, so a big archive's minutes do not look like a hang."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from desktop.core.store.db import Archive
from desktop.gui.tasks import TaskRunner


def upgrade_with_progress(archive: Archive) -> None:
    """Run `archive.upgrade()` on a worker thread behind a busy dialog; return when it is
    done. Raises what upgrade raised (CuttingsError: the archive is left as it was)."""
    dialog = QProgressDialog(f"Upgrading the archive {archive.title} to this version of Cuttings.\n"
                             "This happens once; a big archive takes a few minutes.", "", 0, 0)
    dialog.setWindowTitle("Cuttings")
    dialog.setCancelButton(None)  # one transaction: stopping it midway would only undo it
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAccessibleName("Upgrading the archive")
    failure: list[BaseException] = []
    loop = QEventLoop()
    runner = TaskRunner(dialog, max_threads=1)
    runner.run("upgrade", archive.upgrade, lambda _done: loop.quit(),
               lambda exc: (failure.append(exc), loop.quit()))
    dialog.show()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
