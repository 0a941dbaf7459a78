"""Live updates: what another program writes to the archive (a colleague's on a team archive,
the command line on one's own file) shows in this window within seconds."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.store.db import Archive

SETTLE_MS = 500  # notices closer together than this (an import of many pages) make one refresh


class LiveUpdates(QObject):
    """Emits `changed` when another program has written to the archive (a PostgreSQL
    archive's change notices; an SQLite file's data version, polled). A thread listens; the
    signal comes on the GUI thread, once per burst of notices."""

    changed = Signal()
    _noticed = Signal()  # from the listening thread; queued to this object's thread

    def __init__(self, archive: Archive, parent: QObject | None = None):
        super().__init__(parent)
        self._stop = threading.Event()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._noticed.connect(self._settle.start)
        self._thread = threading.Thread(target=archive.backend.watch_changes, daemon=True,
                                        args=(archive.location, self._stop, self._noticed.emit))
        self._thread.start()
        self.destroyed.connect(self._stop.set)

    def stop(self) -> None:
        """Stop listening (the thread ends within a second)."""
        self._stop.set()
