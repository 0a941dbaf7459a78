"""Fixtures shared by the whole suite."""

from __future__ import annotations

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
    from 127.0.0.1 (tests of the politeness itself set their own)."""
    from desktop.core import polite

    monkeypatch.setenv("CUTTINGS_HOST_PAUSE", "0")
    monkeypatch.setattr(polite.GATE, "pause", 0.0)
    monkeypatch.setattr(polite, "BACKOFF_S", 0.01)


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """A new, empty archive in a temporary folder (also the default for the CLI)."""
    from desktop.core.store.db import Archive

    path = tmp_path / "archive.sqlite3"
    monkeypatch.setenv("CUTTINGS_DB", str(path))
    return Archive(path)


@pytest.fixture
def cli(capsys, archive):
    """Run `cuttings ARGS --db <archive>` in-process: (exit code, stdout, stderr)."""
    from desktop.cli import run

    def call(*args: str, db: bool = True):
        code = run([*args, "--db", str(archive.path)] if db else list(args))
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
