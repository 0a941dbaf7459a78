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


@pytest.mark.parametrize("args, noun", [(("list", "--person", "Nobodyxyz"), "person"),
                                        (("list", "--quoted", "Nobodyxyz", "--json"), "person"),
                                        (("list", "--org", "Nobodyxyz"), "organisation"),
                                        (("export", "--city", "Nobodyxyz"), "city")])
def test_list_and_export_refuse_an_unknown_name_as_quotes_does(cli, lottery, args, noun):
    code, out, err = cli(*args)
    assert (code, out, err) == (1, "", f"error: There is no {noun} named 'Nobodyxyz' in the archive\n")
    assert cli("quotes", "--person", "Nobodyxyz")[2] == "error: There is no person named 'Nobodyxyz' in the archive\n"


@pytest.mark.parametrize("command", ["list", "quotes"])
@pytest.mark.parametrize("value", ["-1", "0", "two"])
def test_a_limit_below_one_is_a_usage_error(cli, lottery, command, value):
    with pytest.raises(SystemExit) as exit_:
        cli(command, "--limit", value)
    assert exit_.value.code == 2
    assert cli(command, "--limit", "1")[0] == 0


def test_list_json_says_when_each_article_was_added(cli, lottery):
    [row] = json.loads(cli("list", "--json")[1])
    assert row["added"].endswith("Z") and row["added"][:4].isdigit() and "T" in row["added"]
    shown = json.loads(cli("show", str(row["id"]), "--json")[1])
    assert shown["added"] == row["added"]  # every command writes a time alike
