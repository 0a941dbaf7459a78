"""The browser connector in the window: the listener runs while the window does, captures
land in the import panel like any other import, and File ▸ Connect your browser… shows the
pairing token and how to install the extension, and writes it where the user says.

The listener calls back on its own thread; a queued signal brings each capture to the GUI
thread, where it is queued as a `Dropped` carrying the page already in hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.core.connector import extension, pairing, running
from desktop.core.connector.capture import PAGE, Capture
from desktop.core.connector.listener import PORTS, Listener
from desktop.core.dropped import Dropped
from desktop.core.errors import CuttingsError
from desktop.core.store.db import Archive

log = logging.getLogger(__name__)

INSTALL_STEPS = (
    "<ol>"
    "<li><b>Save the extension…</b> below writes it into a folder you choose (Downloads will do).</li>"
    "<li><b>Chromium, Chrome, Edge, Brave:</b> open <code>chrome://extensions</code>, switch on "
    "<i>Developer mode</i>, choose <i>Load unpacked</i> and pick the <code>cuttings-connector</code> "
    "folder it wrote.</li>"
    "<li><b>Firefox:</b> open <code>about:debugging</code> ▸ <i>This Firefox</i> ▸ <i>Load Temporary "
    "Add-on…</i> and pick the <code>cuttings-connector-firefox-*.xpi</code> it wrote (until Firefox "
    "restarts; Firefox ESR or Developer Edition keep it with <code>xpinstall.signatures.required</code> "
    "off).</li>"
    "<li>Open the extension's options, paste the token above and choose <i>Save</i>.</li>"
    "<li>On any page: the toolbar button, the page or link menu's <i>Save … to Cuttings</i>, or "
    "<b>Alt+Shift+K</b>.</li></ol>")


class BrowserConnector(QObject):
    """The window's listener for the browser extension; `add_inputs` queues imports."""

    _captured = Signal(object)  # a Capture, from the listener's thread

    def __init__(self, parent: QWidget, archive: Archive, add_inputs: Callable[[list[Dropped]], None]):
        super().__init__(parent)
        self._parent, self._archive, self._add_inputs = parent, archive, add_inputs
        self._listener: Listener | None = None
        self.problem = ""  # why it is not listening, when it is not
        self._captured.connect(self._take, Qt.ConnectionType.QueuedConnection)

    @property
    def port(self) -> int | None:
        """The port listened on; None when not listening."""
        return self._listener.port if self._listener is not None else None

    def start(self, ports: tuple[int, ...] = PORTS) -> int | None:
        """Listen for the extension on the first free one of `ports` and record the port for
        `cuttings connector status`; return it, or None (the reason in `problem` and the log)."""
        try:
            listener = Listener(self._receive, pairing.pairing_token(), ports)
            port = listener.start()
        except (CuttingsError, OSError) as exc:
            self.problem = str(exc)
            log.warning("The browser connector is off: %s", exc)
            return None
        self._listener, self.problem = listener, ""
        try:
            running.write_port(self._archive.location, port)
        except OSError as exc:  # the listener works; only `connector status` will not find it
            log.warning("Could not record the browser connector's port: %s", exc)
        return port

    def stop(self) -> None:
        """Stop listening and remove the port file (the window is closing)."""
        if self._listener is not None:
            port = self._listener.port
            self._listener.stop()
            self._listener = None
            running.remove_port(self._archive.location, port)

    def handlers(self) -> dict[str, Callable[[], None]]:
        """The window actions this part answers."""
        return {"connect_browser": self.show_dialog}

    def show_dialog(self) -> None:
        """File ▸ Connect your browser…: the token, the listener's state, the install steps."""
        ConnectDialog(self._parent, self.port, self.problem).exec()

    def _receive(self, capture: Capture) -> str:
        self._captured.emit(capture)
        return "Cuttings is importing the page: see its Imports panel."

    def _take(self, capture: Capture) -> None:
        self._add_inputs([Dropped(capture.url, capture.title, capture if capture.kind == PAGE else None)])


class ConnectDialog(QDialog):
    """The pairing token with a Copy button, whether the window listens, and the install steps."""

    def __init__(self, parent: QWidget, port: int | None, problem: str):
        super().__init__(parent)
        self.setWindowTitle("Connect your browser")
        try:
            token = pairing.pairing_token()
        except OSError as exc:
            token, problem = "", f"The pairing token cannot be saved in the config folder: {exc}"
        intro = QLabel("The <b>Save to Cuttings</b> extension sends the page you see — after its scripts "
                       "ran, logged in — to this window, which imports it like a dropped link. "
                       "Pair it once with this token:", wordWrap=True)
        self.token = QLineEdit(token, readOnly=True)
        self.token.setAccessibleName("Pairing token")
        copy = QPushButton("Copy token")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.token.text()))
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(copy)
        self.status = QLabel(f"Listening for the browser on 127.0.0.1:{port}." if port else
                             f"Not listening for the browser: {problem or 'the window has not started it.'}",
                             wordWrap=True)
        self.status.setAccessibleName("Connector status")
        steps = QLabel(INSTALL_STEPS, wordWrap=True, textFormat=Qt.TextFormat.RichText)
        steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved = QLabel(wordWrap=True, visible=False)  # where the extension was written
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.setAccessibleName("Where the extension was saved")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton("Save the extension…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_extension)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        for part in (self.status, steps, self.saved, buttons):
            layout.addWidget(part)
        self.resize(560, self.sizeHint().height())

    def save_extension(self) -> None:
        """Ask for a folder, write the extension into it and say where (or why not)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        chosen = QFileDialog.getExistingDirectory(self, "Save the browser extension in", start)
        if not chosen:
            return
        try:
            written = extension.save_extension(Path(chosen))
        except OSError as exc:
            self.saved.setText(f"Cannot write the extension into {chosen}: {exc.strerror or exc}")
        else:
            self.saved.setText(f"Saved: {written.folder} (Chromium's Load unpacked) and "
                               f"{written.firefox_xpi} (Firefox).")
        self.saved.setVisible(True)
        self.adjustSize()  # room for the new line
