"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository (the seed, gold answers, corpus); skip if absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """A new, empty archive in a temporary folder (also the default for the CLI)."""
    from desktop.core.store.db import Archive

    path = tmp_path / "archive.sqlite3"
    monkeypatch.setenv("CUTTINGS_DB", str(path))
    return Archive(path)
