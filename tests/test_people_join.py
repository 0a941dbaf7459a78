"""One person across articles: a surname alone joins the archive's one person of that surname,
on import, in both orders; anything ambiguous stays apart."""

from __future__ import annotations

from sqlmodel import select

from desktop.core.article import PERSON, Article, Entity
from desktop.core.duplicates import likely_duplicates
from desktop.core.store.archive import replace_entities, store_article
from desktop.core.store.models import EntityRow, Mention, Quotation


def person(name: str) -> Entity:
    return Entity(PERSON, name, local=len(name.split()) == 1)


def store(archive, n: int, *names: str) -> int:
    article = Article(url=f"https://news.example/{n}", title=f"Story {n}", text=f"Text of story {n}.",
                      entities=[person(name) for name in names])
    return store_article(archive, article).id


def people(archive) -> dict[str, list[int]]:
    """Each person entity's name -> the articles that mention it, in order."""
    with archive.session() as session:
        rows = session.exec(select(EntityRow.name, Mention.article_id)
                            .join(Mention, Mention.entity_id == EntityRow.id)
                            .where(EntityRow.kind == PERSON)).all()
    found: dict[str, list[int]] = {}
    for name, article in sorted(rows, key=lambda r: r[1]):
        found.setdefault(name, []).append(article)
    return found


def test_surname_alone_joins_the_one_known_full_name(archive):
    first = store(archive, 1, "Alexei Navalny")
    second = store(archive, 2, "Navalny", "Vladimir Putin")
    assert people(archive) == {"Alexei Navalny": [first, second], "Vladimir Putin": [second]}
    with archive.session() as session:
        navalny = session.exec(select(EntityRow).where(EntityRow.name == "Alexei Navalny")).one()
    assert navalny.aliases == "Navalny"


def test_full_name_arriving_later_takes_in_the_earlier_surnames(archive):
    first = store(archive, 1, "Navalny")
    second = store(archive, 2, "Navalny", "Yulia")
    third = store(archive, 3, "Alexei Navalny")
    assert people(archive) == {"Alexei Navalny": [first, second, third], "Yulia": [second]}


def test_two_people_of_one_surname_leave_it_apart_and_proposed(archive):
    store(archive, 1, "Alexei Navalny")
    store(archive, 2, "Oleg Navalny")
    alone = store(archive, 3, "Navalny")
    assert people(archive)["Navalny"] == [alone]
    assert {p.keep.name for p in likely_duplicates(archive) if p.other.name == "Navalny"} == {
        "Alexei Navalny", "Oleg Navalny"}


def test_later_full_name_does_not_take_surnames_when_another_exists(archive):
    store(archive, 1, "Oleg Navalny")
    alone = store(archive, 2, "Jordan")
    store(archive, 3, "Michael Jordan", "Jordan Peterson")  # "Jordan" also starts a name
    assert people(archive)["Jordan"] == [alone]


def test_an_article_with_its_own_namesakes_keeps_the_surname_apart(archive):
    store(archive, 1, "Alexei Navalny")
    both = store(archive, 2, "Navalny", "Yulia Navalny", "Pyotr Navalny")  # the model left it apart
    assert people(archive)["Navalny"] == [both]


def test_joined_quotations_follow_and_reindex_joins_again(archive):
    alone = store(archive, 1, "Navalny")
    with archive.transaction() as session:
        local = session.exec(select(EntityRow).where(EntityRow.name == "Navalny")).one()
        session.add(Quotation(article_id=alone, entity_id=local.id, text="No", start=1, end=3))
    full = store(archive, 2, "Alexei Navalny")
    with archive.session() as session:
        quote = session.exec(select(Quotation)).one()
        assert session.get(EntityRow, quote.entity_id).name == "Alexei Navalny"
    replace_entities(archive, alone, [person("Navalny")])  # reindex: the local entity is made again
    assert people(archive) == {"Alexei Navalny": [alone, full]}


def test_a_split_of_the_joined_person_holds_through_reindex(archive):
    from desktop.core.corrections import split_entity

    store(archive, 1, "Alexei Navalny")
    second = store(archive, 2, "Navalny")
    alexei = _id(archive, "Alexei Navalny")
    namesake = split_entity(archive, alexei, [second]).entity_id  # the user: that Navalny is someone else
    replace_entities(archive, second, [person("Navalny")])  # reindex
    assert _holders(archive) == {alexei: [1], namesake: [second]}  # the split-off namesake, not a new one


def test_a_users_merge_of_a_surname_alone_holds_through_reindex(archive):
    from desktop.core.corrections import merge_entities

    first = store(archive, 1, "Navalny")
    store(archive, 2, "Yulia Navalnaya")
    merge_entities(archive, [_id(archive, "Navalny")], into=_id(archive, "Yulia Navalnaya"))  # the user's say
    store(archive, 3, "Alexei Navalny")
    replace_entities(archive, first, [person("Navalny")])  # reindex: the correction, not the join
    assert people(archive) == {"Yulia Navalnaya": [first, 2], "Alexei Navalny": [3]}


def _id(archive, name: str) -> int:
    with archive.session() as session:
        return session.exec(select(EntityRow.id).where(EntityRow.name == name)).one()


def _holders(archive) -> dict[int, list[int]]:
    """Each person entity's id -> the articles that mention it."""
    with archive.session() as session:
        rows = session.exec(select(Mention.entity_id, Mention.article_id)
                            .join(EntityRow, Mention.entity_id == EntityRow.id)
                            .where(EntityRow.kind == PERSON)).all()
    found: dict[int, list[int]] = {}
    for entity, article in sorted(rows):
        found.setdefault(entity, []).append(article)
    return found


def test_a_split_holds_on_every_reindex_in_any_order_with_the_same_ids(archive):
    from desktop.core.corrections import split_entity

    first = store(archive, 1, "Donald J. Trump")
    second = store(archive, 2, "Trump")  # joined to the one Trump on arrival
    trump = _id(archive, "Donald J. Trump")
    new = split_entity(archive, trump, [second]).entity_id
    split = {trump: [first], new: [second]}
    assert _holders(archive) == split
    for order in ([first, second], [second, first], [first, second]):  # reindex, again and again
        for n in order:
            replace_entities(archive, n, [person("Donald J. Trump" if n == first else "Trump")])
        assert _holders(archive) == split


def test_first_name_entities_keep_their_ids_through_reindex(archive):
    article = store(archive, 1, "Alexander", "Vladimir Putin")
    before = _id(archive, "Alexander")
    replace_entities(archive, article, [person("Alexander"), person("Vladimir Putin")])
    replace_entities(archive, article, [person("Alexander"), person("Vladimir Putin")])
    assert _id(archive, "Alexander") == before
