"""A window on a team archive hears of other programs' writes, after a lost connection too
(store.postgres_watch)."""

from __future__ import annotations

import threading
import time

import psycopg

from desktop.core.store import postgres_watch

LISTENING = f"pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {postgres_watch.NOTICE_CHANNEL}'"


def _run(url: str, statement: str):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(statement).fetchone()[0]


def test_a_lost_connection_is_listened_on_again_and_reported_as_a_change(pg_archive_url, monkeypatch):
    monkeypatch.setattr(postgres_watch, "WATCH_RETRY", 0.1)
    monkeypatch.setattr(postgres_watch, "WATCH_POLL", 0.1)
    stop, seen = threading.Event(), threading.Event()
    thread = threading.Thread(target=postgres_watch.watch_changes, args=(pg_archive_url, stop, seen.set), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not _run(pg_archive_url, f"SELECT count(*) FROM {LISTENING}") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not seen.wait(0.5)  # nobody wrote
        assert _run(pg_archive_url, f"SELECT bool_and(pg_terminate_backend(pid)) FROM {LISTENING}")
        # Writes while it was away sent notices it never heard: it says "changed" once back.
        assert seen.wait(10)
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
