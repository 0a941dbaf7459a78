"""Corrections kept as rules: reindex applies them again, later imports meet them on arrival."""

from __future__ import annotations

from dataclasses import replace

from desktop.core import corrections
from desktop.core.article import CITY, ORG, Entity
from desktop.core.corrections.rules import apply_rules, sentence_around
from desktop.core.reindex import reindex
from desktop.core.store.archive import replace_entities, store_article
from tests.corrections_helpers import article, entity, mentions_of, person, seeded, tables


def _stage(monkeypatch, found):
    """The entity stage as a function of the title (the reindex calls it)."""
    from desktop.core import reindex as reindex_module

    monkeypatch.setattr(reindex_module, "add_entities", lambda a: replace(a, entities=found[a.title]))


def test_rename_and_merge_survive_reindex(archive, monkeypatch):
    named = seeded(archive)
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    corrections.merge_entities(archive, [named["Alexey Navalny"]], into=named["Alexei Navalny"])
    corrected = tables(archive)
    _stage(monkeypatch, {  # the same mistakes as at the first import
        "Story 1": [person("Ursula von der", 2, 5), person("Alexey Navalny", 1, 9, "Alexey ran."),
                    Entity(CITY, "Paris", geonameid=2988507, country="FR", first_pos=20)],
        "Story 2": [person("Alexei Navalny", 3, 3, "Alexei ran."), person("Alexey Navalny", 1, 1, "Alexey came."),
                    Entity(ORG, "State", first_pos=7)],
        "Story 3": [person("Alexei Navalny", 1, 4), person("Yulia", local=True)],
    })
    list(reindex(archive))
    after = tables(archive)
    assert after["mention"] == corrected["mention"] and after["people"] == corrected["people"]
    assert {r[3] for r in after["entity"]} == {r[3] for r in corrected["entity"]}


def test_a_new_import_with_the_same_mistake_is_right_on_arrival(archive):
    named = seeded(archive)
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    corrections.remove_entity(archive, named["State"])
    corrections.change_kind(archive, named["Paris"], "org")
    outcome = store_article(archive, article(4, [person("Ursula von der"), Entity(ORG, "State"),
                                                 Entity(CITY, "Paris", geonameid=2988507, country="FR")]))
    stored = {(e.kind, e.name) for e in corrections.entity_table(archive) if outcome.id in
              [i for i, _ in corrections.entity_card(archive, e.id).titles]}
    assert stored == {("person", "Ursula von der Leyen"), ("org", "Paris")}


def test_a_split_holds_for_its_articles_on_reindex(archive):
    named = seeded(archive)
    change = corrections.split_entity(archive, named["Alexei Navalny"], [3])
    replace_entities(archive, 3, [person("Alexei Navalny", 1, 4)])
    replace_entities(archive, 2, [person("Alexei Navalny", 3, 3)])
    assert set(mentions_of(archive, change.entity_id)) == {3}
    assert set(mentions_of(archive, named["Alexei Navalny"])) == {2}


def test_an_article_scoped_removal_stays_in_its_article(archive):
    named = seeded(archive)
    corrections.remove_entity(archive, named["Alexey Navalny"], article_id=1)
    replace_entities(archive, 1, [person("Alexey Navalny")])
    replace_entities(archive, 2, [person("Alexey Navalny")])
    assert set(mentions_of(archive, named["Alexey Navalny"])) == {2}


def test_an_everywhere_add_applies_to_new_articles(archive):
    store_article(archive, article(1, [], text="Columbia said no."))
    change = corrections.add_entity(archive, 1, "Columbia", "org", everywhere=True)
    store_article(archive, article(2, [Entity(CITY, "Columbia", geonameid=4575352, country="US")],
                                   text="At Columbia, students said yes."))
    assert set(mentions_of(archive, change.entity_id)) == {1, 2}


def test_undone_corrections_are_not_applied(archive):
    named = seeded(archive)
    corrections.rename_entity(archive, named["Ursula von der"], "Ursula von der Leyen")
    corrections.undo(archive)
    store_article(archive, article(4, [person("Ursula von der")]))
    assert entity(archive, named["Ursula von der"])["name"] == "Ursula von der"


def test_rules_chain_in_the_order_they_were_made():
    rules = [
        {"op": "recast", "match": [{"kind": "person", "key": "ursula von der", "name": "Ursula von der"}],
         "to": {"kind": "person", "name": "Ursula von der Leyen", "key": None, "local": False,
                "geonameid": None, "country": None, "lat": None, "lon": None}},
        {"op": "alias", "match": [{"kind": "person", "key": "ursula von der leyen", "name": "Ursula von der Leyen"}],
         "alias": {"add": "UvdL"}},
    ]
    found = apply_rules(rules, 1, "T", "x", [person("Ursula von der", 2, 5), person("Ursula von der Leyen", 1, 2)])
    assert len(found) == 1
    assert (found[0].name, found[0].mentions, found[0].first_pos) == ("Ursula von der Leyen", 3, 2)
    assert set(found[0].aliases) == {"Ursula von der", "UvdL"}


def test_sentence_around():
    text = "Title\n\nFirst one. Columbia said no! Then more."
    assert sentence_around(text, text.index("Columbia")) == "Columbia said no!"
    assert sentence_around(text, 2) == "Title"
