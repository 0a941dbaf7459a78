"""Start-up: the QApplication, the window on an archive, and the `--smoke` check.

The window itself is `desktop.gui.window.MainWindow`; nothing here is about its parts.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core import preferences, query
from desktop.core.errors import CuttingsError
from desktop.core.store import postgres
from desktop.core.store.db import Archive
from desktop.gui import style, team
from desktop.gui.upgrading import upgrade_with_progress
from desktop.gui.window import MainWindow
from desktop.resources import app_icon_files

PREPARE_IMPORTS_MS = 2000


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named, with its icon and our look."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Cuttings")
    app.setOrganizationName("Cuttings")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("cuttings")
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    style.apply(app, preferences.load().theme)
    return app


def run_window(db: str | None = None, smoke: bool = False) -> int:
    """Open the archive window (the `cuttings` command with no sub-command).

    With `smoke`, open it offscreen, check it lists the stored articles, print one line
    and return 0 (or 1 if the table does not show them).
    """
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    try:
        archive = _first_archive(db, smoke)
        if archive.needs_upgrade():
            upgrade_with_progress(archive)
    except CuttingsError as exc:  # not an archive, a newer one, unwritable...: say so, in a window
        if not smoke:
            QMessageBox.critical(None, "Cuttings cannot open the archive", str(exc))
        raise
    window = MainWindow(archive)
    window.show()
    if smoke:
        return _smoke(window, archive)
    # Once the window is up and idle, start the import worker: importing is what users
    # come to do, and the first article would otherwise wait ~3 s for the models.
    QTimer.singleShot(PREPARE_IMPORTS_MS, window.imports.prepare)
    port = window.connector.start()  # the browser extension's captures, while the window runs
    if port is None:
        window.statusBar().showMessage(f"The browser connector is off: {window.connector.problem}", 10_000)
    code = app.exec()
    window.connector.stop()
    if window.imports.downloading():
        # A cancelled download can take until its timeout to give up; nothing of it will be
        # saved and the writer is idle, so leave without waiting for it.
        sys.stdout.flush()
        os._exit(code)
    return code


def _first_archive(db: str | None, smoke: bool) -> Archive:
    """The archive at `db`; for a team archive that cannot be opened as it is (its password
    in neither ~/.pgpass nor PGPASSWORD, the server away), the one the Connect dialog opens.
    Raises CuttingsError if it cannot be opened and the dialog is cancelled."""
    try:
        return Archive(db, upgrade=False)
    except CuttingsError as exc:
        if smoke or not (db and postgres.is_server(db)):
            raise
        archive = team.open_at_start(db, exc)
        if archive is None:
            raise
        return archive


def _smoke(window, archive: Archive) -> int:
    window.wait_loaded(30_000, every_row=True)
    stored = query.total(archive)
    rows = window.model.rowCount()
    ok = window.loaded and rows == stored
    print(f"smoke {'ok' if ok else 'FAILED'}: window shows {rows} of {stored} articles in {archive}")
    window.close()
    return 0 if ok else 1
