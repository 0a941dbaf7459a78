"""Undo and redo of corrections: exactly the previous rows come back, also after reopening."""

from __future__ import annotations

import pytest

from desktop.core import corrections
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.core.store.models import Quotation
from tests.corrections_helpers import article, entity, mentions_of, person, seeded, tables

ACTIONS = {
    "rename": lambda a, n: corrections.rename_entity(a, n["Ursula von der"], "Ursula von der Leyen"),
    "rename-merge": lambda a, n: corrections.rename_entity(a, n["Alexey Navalny"], "Alexei Navalny"),
    "rename-local": lambda a, n: corrections.rename_entity(a, n["Yulia"], "Yulia Navalnaya"),
    "merge": lambda a, n: corrections.merge_entities(a, [n["Alexey Navalny"], n["Yulia"]], into=n["Alexei Navalny"]),
    "split": lambda a, n: corrections.split_entity(a, n["Alexei Navalny"], [3]),
    "kind": lambda a, n: corrections.change_kind(a, n["State"], "place", 6254928),
    "place": lambda a, n: corrections.resolve_place(a, n["Paris"], 4717560),
    "remove": lambda a, n: corrections.remove_entity(a, n["Alexey Navalny"]),
    "remove-one": lambda a, n: corrections.remove_entity(a, n["Alexey Navalny"], article_id=2),
    "alias": lambda a, n: corrections.edit_alias(a, n["Paris"], "add", "City of Light"),
    "add": lambda a, n: corrections.add_entity(a, 1, "Story", "org", everywhere=True),
}


SQLITE_IDS = pytest.mark.sqlite_only("redo's new entity takes the freed id again in SQLite only (a PostgreSQL sequence never goes back)")


@pytest.mark.parametrize("action", [pytest.param(a, marks=SQLITE_IDS) if a in ("split", "add") else a for a in ACTIONS])
def test_undo_restores_the_tables_exactly_and_redo_applies_again(archive, action):
    named = seeded(archive)
    with archive.transaction() as session:
        session.add(Quotation(article_id=1, entity_id=named["Alexey Navalny"], text="Run", start=0, end=3))
    before = tables(archive)
    corrections_made = ACTIONS[action](archive, named)
    after = tables(archive)
    assert after != before
    assert corrections.undo(archive)[0].correction_id == corrections_made.correction_id
    assert tables(archive) == before
    assert corrections.history(archive)[0].undone
    corrections.redo(archive)
    assert tables(archive) == after
    assert not corrections.history(archive)[0].undone


def test_undo_and_redo_survive_reopening(archive):
    named = seeded(archive)
    before = tables(archive)
    corrections.merge_entities(archive, [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    corrections.rename_entity(archive, named["Alexei Navalny"], "Alexei A. Navalny")
    merged = tables(archive)
    again = Archive(archive.location)
    assert [c.summary for c in corrections.undo(again, 2)] == [
        f"Undid: Renamed {named['Alexei Navalny']} 'Alexei Navalny' to 'Alexei A. Navalny'",
        f"Undid: Merged {named['Alexey Navalny']} 'Alexey Navalny' into {named['Alexei Navalny']} 'Alexei Navalny'"]
    assert tables(again) == before
    assert len(corrections.redo(Archive(archive.location), 5)) == 2
    assert tables(archive) == merged


def test_nothing_to_undo_or_redo(archive):
    assert corrections.undo(archive) == [] and corrections.redo(archive) == []


def test_a_new_correction_ends_the_redo_stack(archive):
    named = seeded(archive)
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    corrections.undo(archive)
    corrections.edit_alias(archive, named["Paris"], "add", "Paname")
    assert corrections.redo(archive) == []
    assert [c.action for c in corrections.history(archive)] == ["alias"]


def test_undo_keeps_what_a_later_import_added(archive):
    named = seeded(archive)
    keep = named["Alexei Navalny"]
    corrections.merge_entities(archive, [named["Alexey Navalny"]], into=keep)
    store_article(archive, article(4, [person("Alexei Navalny")]))
    corrections.undo(archive)
    assert set(mentions_of(archive, keep)) == {2, 3, 4}
    assert set(mentions_of(archive, named["Alexey Navalny"])) == {1, 2}


@SQLITE_IDS
def test_undo_of_a_merge_whose_deleted_id_was_taken_meanwhile(archive):
    named = seeded(archive)
    gone = named["Yulia"]  # the highest id: SQLite gives it to the next new row
    corrections.merge_entities(archive, [gone], into=named["Alexei Navalny"])
    store_article(archive, article(4, [person("Boris Nemtsov")]))
    assert entity(archive, gone)["name"] == "Boris Nemtsov"
    corrections.undo(archive)
    assert entity(archive, gone)["name"] == "Boris Nemtsov"
    names = {e.name: e for e in corrections.entity_table(archive)}
    assert names["Yulia"].articles == 1 and names["Boris Nemtsov"].articles == 1


def test_undo_when_the_key_came_back_meanwhile_joins_that_entity(archive):
    named = seeded(archive)
    corrections.remove_entity(archive, named["Ursula von der"], article_id=1)  # its only article
    assert entity(archive, named["Ursula von der"]) is None
    store_article(archive, article(4, [person("Ursula von der")]))  # the same key, a new row
    back = next(e.id for e in corrections.entity_table(archive) if e.name == "Ursula von der")
    corrections.undo(archive)
    assert set(mentions_of(archive, back)) == {1, 4}
