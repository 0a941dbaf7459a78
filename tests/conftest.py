"""Fixtures shared by the whole suite."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository (the seed, gold answers, corpus); skip if absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch) -> Path:
    """Preferences in a temporary file: the user's own never change a test's outcome."""
    path = tmp_path / "config" / "preferences.json"
    monkeypatch.setenv("CUTTINGS_CONFIG", str(path))
    return path


@pytest.fixture(autouse=True)
def quick_downloads(monkeypatch):
    """No pause between requests to one host and near-instant retries: every test page comes
    from 127.0.0.1 (tests of the politeness itself set their own). A gate of its own for each
    test: a download an earlier test left hanging must not hold one of 127.0.0.1's two slots."""
    from desktop.core import polite

    monkeypatch.setenv("CUTTINGS_HOST_PAUSE", "0")
    monkeypatch.setattr(polite, "GATE", polite.Gate(pause=0.0))
    monkeypatch.setattr(polite, "BACKOFF_S", 0.01)


TEMPLATE = "cuttings_template"  # a migrated, empty archive each test's database is cloned from


@pytest.fixture(scope="session")
def pg_server():
    """The base URL (postgresql://user@host:port, no database) of a PostgreSQL server whose
    user may create databases: $CUTTINGS_TEST_PG if set, else a private server started for
    the session; skips when neither is possible. Holds TEMPLATE, a migrated empty archive."""
    from desktop.core.store.db import Archive
    from tests import pg_server as pg

    server = None
    base = os.environ.get("CUTTINGS_TEST_PG")
    if not base:
        bin_dir = pg.binaries()
        if bin_dir is None:
            pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql; "
                        "or set CUTTINGS_TEST_PG=postgresql://user@host:port)")
        server = pg.Server(bin_dir)
        base = server.url
    try:
        pg.execute(base, f"DROP DATABASE IF EXISTS {TEMPLATE}", f"CREATE DATABASE {TEMPLATE}")
        Archive(f"{base}/{TEMPLATE}").engine.dispose()
        yield base
    finally:
        if server is not None:
            server.stop()


@pytest.fixture
def pg_archive_url(request, pg_server):
    """The URL of a new database holding an empty archive, dropped after the test."""
    from tests import pg_server as pg

    name = f"t_{os.getpid()}_{next(_DATABASES)}"
    pg.execute(pg_server, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield f"{pg_server}/{name}"
    pg.execute(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_DATABASES = itertools.count()
ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(params=ENGINES)
def archive(request, tmp_path, monkeypatch):
    """A new, empty archive (also the default for the CLI), on each engine: a file in a
    temporary folder, and a database on the test PostgreSQL server. A test marked
    `sqlite_only(reason)` runs on the file only."""
    from desktop.core.store.db import Archive

    if request.param == "postgresql":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip(f"SQLite only: {marker.args[0]}")
        location = request.getfixturevalue("pg_archive_url")
    else:
        location = str(tmp_path / "archive.sqlite3")
    monkeypatch.setenv("CUTTINGS_DB", location)
    opened = Archive(location)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def cli(capsys, archive):
    """Run `cuttings ARGS --db <archive>` in-process: (exit code, stdout, stderr)."""
    from desktop.cli import run

    def call(*args: str, db: bool = True):
        code = run([*args, "--db", archive.location] if db else list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return call


@pytest.fixture(scope="module")
def server():
    """One local web server per test module; threaded, so a handler that sleeps or trickles
    does not hold up the next test."""
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def httpserver(server):
    """The module's web server, its expectations cleared after each test."""
    yield server
    server.clear()
