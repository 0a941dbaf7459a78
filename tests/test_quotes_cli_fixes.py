"""Fixes found by a new user in the reading commands: quotations printed verbatim, unknown
names refused alike by `quotes`, `list` and `export`, limits that must be positive, and the
added time in `list --json`."""

from __future__ import annotations

import json

import pytest

from desktop.core.store.archive import store_article
from tests.test_quotations import quoting


@pytest.fixture
def lottery(archive):
    """An article quoting a sentence with an editorial insertion in square brackets."""
    store_article(archive, quoting(1, [("[T]he birth lottery decides your grocery bill", "Ben Noble")]))
    return archive


def test_quotes_search_prints_the_quotation_verbatim(cli, lottery):
    code, out, _ = cli("quotes", "--search", "grocery")
    assert code == 0
    assert out.splitlines() == ["2024-01-01  Ben Noble: “[T]he birth lottery decides your grocery bill”  — 1 Story 1"]
