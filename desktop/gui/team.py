"""File ▸ Connect to a team archive…: open an archive on a PostgreSQL server in a new window.

The CLI twin is `--db postgresql://user@host:port/db` (or `cuttings config archive URL`).
The server's address is remembered in the settings and made the default archive; the
password never is: libpq reads ~/.pgpass or PGPASSWORD, or the user types it for this run.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QSpinBox
from sqlalchemy.engine import make_url

from desktop.core import preferences
from desktop.core.errors import CuttingsError
from desktop.core.store import postgres
from desktop.core.store.db import Archive

DEFAULT_PORT = 5432  # PostgreSQL's
MIN_WIDTH = 420  # px: the password field's hint shows whole
FIELDS = ("host", "database", "user")
_OPENED: list = []  # windows opened here: no parent holds them


class TeamDialog(QDialog):
    """Host, port, database, user and an optional password; `url()` is what they name."""

    def __init__(self, parent, settings, problem: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Connect to a team archive")
        self.setMinimumWidth(MIN_WIDTH)
        self.settings = settings
        form = QFormLayout(self)
        if problem:  # why the dialog opened by itself
            form.addRow(QLabel(problem, wordWrap=True))
        self.edits = {}
        for name in FIELDS:
            edit = QLineEdit(str(settings.value(f"team/{name}", "")))
            edit.setAccessibleName(name.capitalize())
            self.edits[name] = edit
        self.port = QSpinBox(maximum=65535, value=int(settings.value("team/port", DEFAULT_PORT)))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Empty: from ~/.pgpass or PGPASSWORD")
        self.password.setAccessibleName("Password")
        form.addRow("&Server:", self.edits["host"])
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.edits["database"])
        form.addRow("&User:", self.edits["user"])
        form.addRow("&Password:", self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def fill(self, location: str) -> None:
        """Show the server, port, database and user of the postgresql:// URL `location`."""
        url = make_url(location)
        for name, value in zip(FIELDS, (url.host, url.database, url.username)):
            self.edits[name].setText(value or "")
        self.port.setValue(url.port or DEFAULT_PORT)

    def url(self) -> str:
        """The postgresql:// URL the fields name, with the typed password (memory only)."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return postgres.server_url(values["host"], self.port.value(), values["database"], values["user"],
                                   self.password.text() or None)

    def remember(self) -> None:
        """Keep the fields, never the password, for the next time the dialog opens."""
        for name, edit in self.edits.items():
            self.settings.setValue(f"team/{name}", edit.text().strip())
        self.settings.setValue("team/port", self.port.value())


def connect_team(window, dialog: TeamDialog | None = None) -> None:
    """Ask for a team archive (the dialog may be given, already filled, by tests), open it
    off the GUI thread, and on success show it in a new window that replaces `window`; a
    connection problem is one sentence in a message box, then the dialog again as it was
    (Cancel leaves everything as it was)."""
    dialog = dialog or TeamDialog(window, window.settings)
    if not dialog.exec():
        return
    url = dialog.url()
    if not all(edit.text().strip() for edit in dialog.edits.values()):
        QMessageBox.warning(window, "Connect to a team archive", "Fill in the server, the database and the user.")
        return
    dialog.remember()
    window.statusBar().showMessage(f"Connecting to {postgres.display_name(url)}…")

    def opened(archive: Archive) -> None:
        _make_default(url)
        _replace(window, archive)

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        text = str(exc) if isinstance(exc, CuttingsError) else f"Cannot open the team archive: {exc}"
        QMessageBox.warning(window, "Connect to a team archive", text)
        connect_team(window, dialog)  # the fields as they were, to correct

    window.runner.run("connect_team", lambda: Archive(url), opened, failed)


def _make_default(url: str) -> None:
    """The archive at `url` opens from now on when none is named (the preference keeps its
    address without the password)."""
    preferences.save(preferences.with_text(preferences.load(), "archive", url))


def _replace(window, archive: Archive) -> None:
    """Show `archive` in a new window with `window`'s settings, and close `window`."""
    from desktop.gui.window import MainWindow

    other = MainWindow(archive, settings=window.settings)
    _OPENED.append(other)
    other.show()
    window.close()


def open_at_start(location: str, problem: CuttingsError, settings: QSettings | None = None) -> Archive | None:
    """The window's first archive when the team archive at `location` could not be opened
    (its password in neither ~/.pgpass nor PGPASSWORD, the server away): `problem` above the
    Connect dialog, filled from `location`, until an archive opens (returned, the address
    made the default) or the user cancels (None). The password is asked, never kept."""
    dialog = TeamDialog(None, settings if settings is not None else QSettings("Cuttings", "Cuttings"), str(problem))
    dialog.fill(location)
    while dialog.exec():
        url = dialog.url()
        try:
            archive = Archive(url, upgrade=False)
        except CuttingsError as exc:
            QMessageBox.warning(dialog, "Connect to a team archive", str(exc))
            continue
        dialog.remember()
        _make_default(url)
        return archive
    return None
