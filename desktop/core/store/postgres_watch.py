"""Other programs' writes to a PostgreSQL archive, for the window: every committed write
notifies NOTICE_CHANNEL (postgres.make_engines), and watch_changes LISTENs to it. The
sibling of sqlite_watch; postgres offers watch_changes as its backend's."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

CONNECT_TIMEOUT = 10  # seconds, for every connection to the server
NOTICE_CHANNEL = "cuttings_changes"  # every committed write tells the listeners of this channel
# Who wrote, as a notice's payload: a program ignores the notices of its own writes.
ORIGIN = f"{socket.gethostname()}:{os.getpid()}"
WATCH_POLL = 1.0  # seconds between checks of the stop flag while waiting for notices
WATCH_RETRY = 5.0  # seconds before listening again after the connection was lost


def watch_changes(location: str, stop: threading.Event, changed: Callable[[], None]) -> None:
    """Call `changed()` each time another program commits a write to the archive at
    `location` (LISTEN on NOTICE_CHANNEL), until `stop` is set; blocks, so run it in a thread.
    A lost connection is listened on again after WATCH_RETRY seconds, and `changed()` is
    called once it is: the writes of the meantime sent notices nobody heard."""
    import psycopg

    libpq = make_url(location).set(drivername="postgresql").render_as_string(hide_password=False)
    lost = False
    while not stop.is_set():
        try:
            with psycopg.connect(libpq, autocommit=True, connect_timeout=CONNECT_TIMEOUT) as conn:
                conn.execute(f"LISTEN {NOTICE_CHANNEL}")
                if lost:
                    lost = False
                    changed()
                while not stop.is_set():
                    if any(n.payload != ORIGIN for n in conn.notifies(timeout=WATCH_POLL)):
                        changed()
        except psycopg.OperationalError:
            lost = True
            stop.wait(WATCH_RETRY)
