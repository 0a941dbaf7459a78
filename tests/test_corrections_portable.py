"""Corrections as a file a colleague applies, and inside the archive's JSON export."""

from __future__ import annotations

import json

import pytest

from desktop.core import corrections
from desktop.core.corrections.portable import export_corrections, import_corrections
from desktop.core.export import export_to
from desktop.core.export_file import import_export
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from tests.corrections_helpers import article, entity, ids, mentions_of, person, seeded


def _fixed(archive) -> dict[str, int]:
    named = seeded(archive)
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    corrections.merge_entities(archive, [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    corrections.rename_entity(archive, named["Yulia"], "Yulia Navalnaya")  # an entity of article 3 alone
    corrections.remove_entity(archive, named["State"], article_id=2)
    corrections.edit_article(archive, 1, title="Corrected title")
    return named


def test_a_colleagues_file_applies_to_another_archive(archive, tmp_path):
    _fixed(archive)
    path = tmp_path / "fixes.json"
    assert export_corrections(archive, path) == 5
    document = json.loads(path.read_text())
    assert document["format"] == "cuttings-corrections" and "https://news.example/3" in path.read_text()
    other = Archive(tmp_path / "other.sqlite3")
    theirs = seeded(other)  # the same pages, the same mistakes, other ids maybe
    store_article(other, article(9, [person("Ursula von der")]))
    report = import_corrections(other, path)
    assert (len(report.changes), report.skipped) == (5, 0)
    names = {e.name: e for e in corrections.entity_table(other)}
    assert names["Ursula von der Leyen"].articles == 2 and "Ursula von der" not in names
    assert names["Alexei Navalny"].articles == 3 and names["Yulia Navalnaya"].articles == 1
    assert set(mentions_of(other, theirs["State"])) == set()
    again = import_corrections(other, path)
    assert (len(again.changes), again.skipped) == (0, 5)  # it has them all now


def test_corrections_of_articles_not_there_are_skipped(archive, tmp_path):
    _fixed(archive)
    path = tmp_path / "fixes.json"
    export_corrections(archive, path)
    other = Archive(tmp_path / "other.sqlite3")
    store_article(other, article(2, [person("Alexey Navalny")]))
    report = import_corrections(other, path)
    assert report.skipped == 2  # Yulia of article 3 and the edit of article 1; article 2 is there
    assert "Alexei Navalny" in ids(other) and "Alexey Navalny" not in ids(other)


@pytest.mark.parametrize("content, message", [
    ("not json", "is not a corrections file (not JSON)."),
    ('{"format": "other"}', "Not a Cuttings corrections file (fixes.json)."),
    ('{"format": "cuttings-corrections", "version": 9, "corrections": []}', "newer Cuttings"),
    ('{"format": "cuttings-corrections", "version": 1, "corrections": [{"rule": {"op": "boom"}}]}',
     "Correction 1 of fixes.json cannot be read; nothing was applied."),
])
def test_a_bad_file_is_refused_in_one_sentence(archive, tmp_path, content, message):
    path = tmp_path / "fixes.json"
    path.write_text(content)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_corrections(archive, path)


def test_the_json_export_carries_the_corrections_and_its_import_applies_them(archive, tmp_path):
    _fixed(archive)
    path = tmp_path / "export.json"
    export_to(archive, "json", path)
    records = json.loads(path.read_text())
    assert records[0]["corrections"]["format"] == "cuttings-corrections"
    assert all("corrections" not in r for r in records[1:])
    other = Archive(tmp_path / "other.sqlite3")
    import_export(other, path)
    assert len(corrections.history(other)) == 5
    store_article(other, article(9, [person("Ursula von der")]))  # a later import there is right on arrival
    assert {e.name for e in corrections.entity_table(other, "person")} >= {"Ursula von der Leyen"}
    assert "Ursula von der" not in {e.name for e in corrections.entity_table(other, "person")}


def test_cli_corrections_export_and_import(cli, archive, tmp_path):
    _fixed(archive)
    path = tmp_path / "fixes.json"
    assert cli("corrections", "--export", str(path)) == (0, f"wrote 5 corrections to {path}\n", "")
    code, out, _ = cli("corrections", "--import", str(path))
    assert (code, out.splitlines()[-1]) == (0, "applied 0 corrections; 5 skipped (made here already, or "
                                               "about articles this archive does not have)")
    assert entity(archive, 1)["name"] == "Ursula von der Leyen"


def test_articles_without_an_address_are_found_by_their_text_and_summaries_take_local_ids(archive, tmp_path):
    from dataclasses import replace

    filed = lambda n, names: replace(article(n, [person(name) for name in names]), url=None)  # from files
    for n, names in ((1, ["Grace"]), (2, ["Grace Hopper", "Ada"])):
        store_article(archive, filed(n, names))
    mine = ids(archive)
    corrections.rename_entity(archive, mine["Grace"], "Grace Brewster")  # of article 1 alone
    corrections.remove_entity(archive, mine["Grace Hopper"], article_id=2)
    path = tmp_path / "fixes.json"
    export_corrections(archive, path)
    other = Archive(tmp_path / "other.sqlite3")
    for n in (7, 8):  # other ids there
        store_article(other, article(n, [person(f"Someone {n}")]))
    here = {n: store_article(other, filed(n, names)).id for n, names in ((2, ["Grace Hopper", "Ada"]), (1, ["Grace"]))}
    assert here == {2: 3, 1: 4}
    theirs = ids(other)
    report = import_corrections(other, path)
    assert report.skipped == 0
    renamed, removed = (c.summary for c in report.changes)
    assert renamed.startswith(f"Renamed {theirs['Grace']} 'Grace' to 'Grace Brewster'")
    assert removed.startswith(f"Removed {theirs['Grace Hopper']} 'Grace Hopper' from article 3 ")
    assert theirs["Grace"] != mine["Grace"] and theirs["Grace Hopper"] != mine["Grace Hopper"]
    assert "Grace Brewster" in ids(other) and set(mentions_of(other, theirs["Grace Hopper"])) == set()
