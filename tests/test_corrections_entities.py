"""Entity corrections in the core: each action changes the stored rows at once."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core import corrections
from desktop.core.errors import CuttingsError
from desktop.core.store import db as store_db
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.core.store.models import Quotation
from tests.corrections_helpers import article, entity, mentions_of, person, seeded, tables
from tests import db_rows


def test_rename_keeps_the_old_name_as_alias(archive):
    named = seeded(archive)
    change = corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    assert change.summary == f"Renamed {named['Ursula von der']} 'Ursula von der' to 'Ursula von der Leyen'"
    row = entity(archive, change.entity_id)
    assert (row["name"], row["key"], row["aliases"]) == ("Ursula von der Leyen", "ursula von der leyen", "Ursula von der")


def test_rename_onto_a_stored_name_merges(archive):
    named = seeded(archive)
    change = corrections.rename_entity(archive, named["Alexey Navalny"], "alexei navalny")
    assert change.entity_id == named["Alexei Navalny"]
    assert entity(archive, named["Alexey Navalny"]) is None
    assert entity(archive, change.entity_id)["name"] == "alexei navalny"
    assert set(mentions_of(archive, change.entity_id)) == {1, 2, 3}


def test_merge_adds_counts_and_keeps_the_earliest_mention(archive):
    named = seeded(archive)
    keep, other = named["Alexei Navalny"], named["Alexey Navalny"]
    change = corrections.merge_entities(archive, [other], into=keep)
    assert change.entity_id == keep
    assert mentions_of(archive, keep) == {1: (1, 9, "Alexey ran."), 2: (4, 1, "Alexey came."),
                                          3: (1, 4, "Alexei Navalny spoke.")}
    assert entity(archive, other) is None
    assert entity(archive, keep)["aliases"] == "Alexey Navalny"
    assert dict(tables(archive)["people"])[2] == 1  # one person in article 2 now


def test_merge_moves_quotations(archive):
    named = seeded(archive)
    with archive.transaction() as session:
        session.add(Quotation(article_id=1, entity_id=named["Alexey Navalny"], text="We will win", start=0, end=11))
    corrections.merge_entities(archive, [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    assert tables(archive)["quotation"][0][2] == named["Alexei Navalny"]


def test_split_moves_the_chosen_articles_to_a_new_namesake(archive):
    named = seeded(archive)
    change = corrections.split_entity(archive, named["Alexei Navalny"], [3])
    assert change.entity_id not in named.values() and f"as entity {change.entity_id}" in change.summary
    assert set(mentions_of(archive, named["Alexei Navalny"])) == {2}
    assert set(mentions_of(archive, change.entity_id)) == {3}
    assert entity(archive, change.entity_id)["name"] == "Alexei Navalny"


def test_change_kind_and_resolve_place(archive):
    named = seeded(archive)
    corrections.change_kind(archive, named["State"], "person")
    assert entity(archive, named["State"])["kind"] == "person"
    change = corrections.resolve_place(archive, named["Paris"], 4717560)
    row = entity(archive, change.entity_id)
    assert (row["kind"], row["geonameid"], row["country"], row["key"]) == ("city", 4717560, "US", "geo:4717560")
    assert "Paris, Texas, US (GeoNames 4717560)" in change.summary
    corrections.resolve_place(archive, change.entity_id, None)
    row = entity(archive, change.entity_id)
    assert (row["kind"], row["geonameid"], row["key"]) == ("place", None, "paris")


def test_remove_from_one_article_or_everywhere(archive):
    named = seeded(archive)
    alexey = named["Alexey Navalny"]
    corrections.remove_entity(archive, alexey, article_id=1)
    assert set(mentions_of(archive, alexey)) == {2}
    change = corrections.remove_entity(archive, alexey)
    assert change.entity_id is None and entity(archive, alexey) is None


def test_aliases_added_and_removed(archive):
    named = seeded(archive)
    keep = named["Alexei Navalny"]
    corrections.edit_alias(archive, keep, "add", "Navalny")
    assert entity(archive, keep)["aliases"] == "Navalny"
    corrections.edit_alias(archive, keep, "remove", "Navalny")
    assert entity(archive, keep)["aliases"] == ""


def test_add_marks_every_whole_word_occurrence(archive):
    store_article(archive, article(1, [], text="Columbia said no. Columbian food. Columbia again."))
    change = corrections.add_entity(archive, 1, "Columbia", "org")
    assert mentions_of(archive, change.entity_id) == {1: (2, len("Story 1\n\n"), "Columbia said no.")}
    assert entity(archive, change.entity_id)["kind"] == "org"


def test_add_a_place_takes_its_likely_geonames_entry(archive):
    store_article(archive, article(1, [], text="We flew to Belgrade."))
    change = corrections.add_entity(archive, 1, "Belgrade", "place")
    assert entity(archive, change.entity_id)["geonameid"] == 792680


def test_listing_and_card(archive):
    named = seeded(archive)
    listed = {e.name: e for e in corrections.entity_table(archive, "person")}
    assert (listed["Alexei Navalny"].articles, listed["Alexei Navalny"].mentions) == (2, 4)
    card = corrections.entity_card(archive, named["Alexey Navalny"])
    assert [i for i, _ in card.titles] == [2, 1] and (1, "Alexey ran.") in card.contexts
    assert corrections.entity_card(archive, 999) is None


def test_place_candidates_most_populous_first_with_region():
    found = corrections.place_candidates("Paris")
    assert found[0].country == "FR"
    texas = next(p for p in found if p.geonameid == 4717560)
    assert (texas.admin1, texas.kind) == ("Texas", "city")


# Entity ids of `seeded`: 1 Ursula von der, 2 Alexey Navalny, 3 Paris, 4 Alexei Navalny, 5 State, 6 Yulia.
@pytest.mark.parametrize("call, message", [
    (lambda a: corrections.rename_entity(a, 999, "X"), "There is no entity 999 in the archive."),
    (lambda a: corrections.rename_entity(a, 1, "  "), "A new name cannot be empty."),
    (lambda a: corrections.change_kind(a, 1, "animal"), "'animal' is not a kind of entity: use person, org or place."),
    (lambda a: corrections.change_kind(a, 1, "person"), "Entity 1 is a person already."),
    (lambda a: corrections.merge_entities(a, [1], into=1), "Name at least one entity other than 1 to merge into it."),
    (lambda a: corrections.merge_entities(a, [1], into=6),
     "Entity 6 is a first name known in one article only; merge it into a full name instead."),
    (lambda a: corrections.split_entity(a, 4, [1]), "Entity 4 is not named in article 1."),
    (lambda a: corrections.split_entity(a, 4, [2, 3]),
     "Those are all the articles of entity 4: choose some of them to split off."),
    (lambda a: corrections.resolve_place(a, 4, 1), "Entity 4 is a person, not a place: change its kind first."),
    (lambda a: corrections.resolve_place(a, 3, 1), "GeoNames 1 is not among the places Cuttings knows "
     "(cities of 1,000 people or more, countries, US states, some regions)."),
    (lambda a: corrections.remove_entity(a, 2, article_id=3), "Entity 2 is not named in article 3."),
    (lambda a: corrections.edit_alias(a, 2, "remove", "Nobody"), "'Nobody' is not an alias of entity 2."),
    (lambda a: corrections.edit_alias(a, 2, "rename", "X"), "'rename' is no change of an alias: use add or remove."),
    (lambda a: corrections.add_entity(a, 1, "Nowhere", "org"), "'Nowhere' does not occur as whole words in article 1."),
    (lambda a: corrections.add_entity(a, 99, "Words", "org"), "There is no article 99 in the archive."),
    (lambda a: corrections.undo(a, 0), "Give a number of steps of 1 or more, not 0."),
])
def test_bad_input_says_one_sentence_and_changes_nothing(archive, call, message):
    named = seeded(archive)
    assert (named["Alexey Navalny"], named["Paris"], named["Alexei Navalny"], named["Yulia"]) == (2, 3, 4, 6)
    before = tables(archive)
    with pytest.raises(ValueError) as err:
        call(archive)
    assert str(err.value) == message
    assert tables(archive) == before and corrections.history(archive) == []


def test_merge_refuses_other_kinds(archive):
    named = seeded(archive)
    with pytest.raises(ValueError, match="only entities of one kind merge"):
        corrections.merge_entities(archive, [named["State"]], into=named["Alexei Navalny"])


def test_a_crash_mid_correction_leaves_the_archive_as_it_was(archive, monkeypatch):
    from desktop.core.corrections import stored

    named = seeded(archive)
    before = tables(archive)

    def crash(*_args):
        raise RuntimeError("power cut")

    monkeypatch.setattr(stored, "drop_unmentioned", crash)  # after the mentions moved
    with pytest.raises(RuntimeError):
        corrections.merge_entities(archive, [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    assert tables(archive) == before
    assert db_rows.count(archive, "correction") == 0


def test_renaming_a_first_name_keeps_its_id_and_makes_it_archive_wide(archive):
    named = seeded(archive)
    change = corrections.rename_entity(archive, named["Yulia"], "Yulia Navalnaya")
    row = entity(archive, named["Yulia"])
    assert change.entity_id == named["Yulia"] and "now" not in change.summary
    assert (row["name"], row["key"], row["scope_article_id"]) == ("Yulia Navalnaya", "yulia navalnaya", None)
    store_article(archive, article(4, [person("Yulia Navalnaya")]))
    assert set(mentions_of(archive, named["Yulia"])) == {3, 4}


def test_removal_leaves_its_quotations_without_a_speaker(archive):
    named = seeded(archive)
    with archive.transaction() as session:
        session.add(Quotation(article_id=2, entity_id=named["Alexey Navalny"], text="No", start=0, end=2))
        session.add(Quotation(article_id=1, entity_id=named["Alexey Navalny"], text="Yes", start=0, end=3))
    corrections.remove_entity(archive, named["Alexey Navalny"], article_id=2)
    assert {(q[1], q[2]) for q in tables(archive)["quotation"]} == {(2, None), (1, named["Alexey Navalny"])}


def test_a_first_name_placed_in_geonames_becomes_an_entity_of_the_archive(archive):
    named = seeded(archive)
    change = corrections.change_kind(archive, named["Yulia"], "place", 792680)  # Belgrade
    row = entity(archive, change.entity_id)
    assert (row["key"], row["scope_article_id"]) == ("geo:792680", None)


@pytest.mark.sqlite_only("an sqlite3 connection holds the file's write lock")
def test_a_correction_while_another_program_writes_says_busy_and_changes_nothing(archive, monkeypatch):
    named = seeded(archive)
    before = tables(archive)
    monkeypatch.setattr(store_db.sqlite, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(archive.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CuttingsError, match="busy"):
            corrections.merge_entities(Archive(archive.path), [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    finally:
        other.rollback()
        other.close()
    assert tables(archive) == before
