"""The entity desk end to end with the real model: import pages of ../shared/cases, fix their
wrong entities on the command line, reopen, reindex and re-import: every fix holds."""

from __future__ import annotations

import json

import pytest

from desktop.core.entities import ner

PAGES = ("03-meta-author-name-byline-date/page.html", "17-obsidian-clipper-frontmatter/clip.md")


@pytest.fixture(autouse=True)
def model():
    if ner.model_package() is None:
        pytest.skip("no spaCy English model installed")


def _entities(cli) -> dict[tuple[str, str], int]:
    return {(e["kind"], e["name"]): e["id"] for e in json.loads(cli("entities", "--json")[1])}


def test_fixes_hold_through_reindex_and_reimport(cli, shared):
    pages = [str(shared / "cases" / page) for page in PAGES]
    assert cli("import", *pages)[0] == 0
    found = _entities(cli)
    assert ("org", "Reykjanes") in found and ("org", "Rider") in found  # the model's mistakes here
    fixes = [("kind", str(found["org", "Reykjanes"]), "place"), ("remove", str(found["org", "Rider"])),
             ("rename", str(found["person", "Pamela Colman Smith"]), "Pamela Colman 'Pixie' Smith")]
    for fix in fixes:
        assert cli("entity", *fix)[0] == 0
    fixed = set(_entities(cli))
    assert {("place", "Reykjanes"), ("person", "Pamela Colman 'Pixie' Smith")} <= fixed
    assert ("org", "Rider") not in fixed
    assert cli("reindex")[0] == 0
    assert set(_entities(cli)) == fixed
    assert cli("import", "--refresh", *pages)[0] == 0
    assert set(_entities(cli)) == fixed
