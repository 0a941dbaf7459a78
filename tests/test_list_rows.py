"""The article list's rows: every per-article name in its own order, read for a page of ids."""

from __future__ import annotations

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE, Entity, Original
from desktop.core.list_rows import AUTHORS, TAGS, names_by_part, summaries
from desktop.core.store.archive import store_article
from desktop.core.store.tags import add_tags
from tests.test_store import make_article

TEXT = "In Paris, Anna Berg of Acme Corp met envoys from France on the Rhine and in Lyon."


def stored(archive, n: int, **fields) -> int:
    return store_article(archive, make_article(n, **fields), Original(b"x")).id


def test_rows_carry_authors_places_and_tags_each_in_its_order(archive):
    def at(kind, name, **fields):
        return Entity(kind, name, first_pos=TEXT.index(name), **fields)

    entities = [at(CITY, "Lyon", geonameid=2996944, country="FR"), at(PERSON, "Anna Berg"),
                at(COUNTRY, "France", geonameid=3017382, country="FR"), at(ORG, "Acme Corp"),
                at(PLACE, "Rhine"), at(CITY, "Paris", geonameid=2988507, country="FR")]
    first = stored(archive, 1, text=TEXT, authors=["Zoe Ames", "Al Baker"], entities=entities)
    second = stored(archive, 2, authors=[], entities=[Entity(PERSON, "Anna Berg")])
    add_tags(archive, [first], ["zebra", "Élysée", "apple", "Brexit"])

    rows = summaries(archive, [second, 999, first])  # the order asked for; an id not stored is skipped
    assert [r.id for r in rows] == [second, first]
    assert (rows[0].authors, rows[0].places, rows[0].tags, rows[0].changed) == ([], [], [], False)
    assert rows[1].authors == ["Zoe Ames", "Al Baker"]  # byline order, not A-Z
    assert rows[1].places == ["Paris", "France", "Rhine", "Lyon"]  # as the text names them; no person, no org
    assert rows[1].tags == ["apple", "Brexit", "Élysée", "zebra"]  # A-Z whatever the case and accents


def test_names_by_part_answers_only_the_parts_asked_for(archive):
    article = stored(archive, 1)
    add_tags(archive, [article], ["b", "A"])
    with archive.session() as session:
        names = names_by_part(session, [article], (AUTHORS, TAGS))
        nothing = names_by_part(session, [], (AUTHORS, TAGS))
    assert names == {AUTHORS: {article: ["Ann Writer", "Bob Reporter"]}, TAGS: {article: ["A", "b"]}}
    assert nothing == {AUTHORS: {}, TAGS: {}}
