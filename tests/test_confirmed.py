"""Confirmed names feed recognition: a full name the model called a person in three articles,
or a name the user gave an entity everywhere, is found in new articles the model misread."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.core.article import ORG, PERSON, Article, Entity
from desktop.core.store import confirmed
from desktop.core.store.archive import store_article
from desktop.core.store.models import EntityRow, Mention


@pytest.fixture(autouse=True)
def fresh_names(monkeypatch):
    monkeypatch.setattr(confirmed, "REUSE_STORES", 1)  # every store reads the names afresh


def store(archive, n: int, text: str, *entities: Entity) -> int:
    article = Article(url=f"https://news.example/{n}", title=f"Story {n}", text=text, entities=list(entities))
    return store_article(archive, article).id


def entities_of(archive, article_id: int) -> dict[str, tuple[str, int]]:
    with archive.session() as session:
        rows = session.exec(select(EntityRow.name, EntityRow.kind, Mention.count)
                            .join(Mention, Mention.entity_id == EntityRow.id)
                            .where(Mention.article_id == article_id)).all()
    return {name: (kind, count) for name, kind, count in rows}


def three_articles_of(archive, name: str) -> None:
    for n in range(1, 4):
        store(archive, n, f"{name} spoke on day {n}.", Entity(PERSON, name))


def test_a_confirmed_person_missed_by_the_model_is_added_with_its_surname(archive):
    three_articles_of(archive, "Alexei Navalny")
    text = "Supporters of Alexei Navalny rallied. Navalny is in prison. Alexei Navalny Foundation said so."
    new = store(archive, 4, text, Entity(PERSON, "Navalny", local=True), Entity(ORG, "Alexei Navalny Foundation"))
    assert entities_of(archive, new) == {"Alexei Navalny": (PERSON, 2), "Alexei Navalny Foundation": (ORG, 1)}


def test_a_confirmed_person_the_model_called_an_organisation_is_relabelled(archive):
    three_articles_of(archive, "Alexei Navalny")
    new = store(archive, 4, "Alexei Navalny wrote again.", Entity(ORG, "Alexei Navalny"))
    assert entities_of(archive, new) == {"Alexei Navalny": (PERSON, 1)}


def test_two_articles_do_not_confirm_and_no_entities_stay_none(archive):
    for n in (1, 2):
        store(archive, n, "Oleg Navalny spoke.", Entity(PERSON, "Oleg Navalny"))
    assert entities_of(archive, store(archive, 3, "Oleg Navalny again.", Entity(ORG, "Kremlin"))) == {
        "Kremlin": (ORG, 1)}
    store(archive, 4, "Oleg Navalny spoke.", Entity(PERSON, "Oleg Navalny"))
    assert entities_of(archive, store(archive, 5, "Oleg Navalny, in French.")) == {}  # no entities found


def test_a_name_the_user_gave_everywhere_is_recognised(archive):
    from desktop.core.corrections import rename_entity

    store(archive, 1, "Ursula von der spoke.", Entity(PERSON, "Ursula von der"))
    with archive.session() as session:
        ursula = session.exec(select(EntityRow.id).where(EntityRow.name == "Ursula von der")).one()
    rename_entity(archive, ursula, "Ursula von der Leyen")
    new = store(archive, 2, "Ursula von der Leyen met the press.", Entity(ORG, "press"))
    assert entities_of(archive, new)["Ursula von der Leyen"] == (PERSON, 1)


def test_a_confirmed_name_that_is_an_alias_here_is_not_added_again(archive):
    three_articles_of(archive, "Alexei Navalny")
    new = store(archive, 4, "Alexei Anatolyevich Navalny, or Alexei Navalny, spoke.",
                Entity(PERSON, "Alexei Anatolyevich Navalny", ["Alexei Navalny"]))
    assert entities_of(archive, new) == {"Alexei Anatolyevich Navalny": (PERSON, 1)}


def test_the_rules_are_read_again_only_when_the_corrections_change(archive, monkeypatch):
    """The corrections' rules (a query and their JSON) were read for every article stored:
    now once, and again after a correction or an undo."""
    from desktop.core.corrections import rename_entity, undo
    from desktop.core.corrections import rules

    reads = []
    real = rules.active_rules
    monkeypatch.setattr(rules, "active_rules", lambda session: reads.append(1) or real(session))
    store(archive, 1, "Ursula von der spoke.", Entity(PERSON, "Ursula von der"))
    store(archive, 2, "Ursula von der spoke again.", Entity(PERSON, "Ursula von der"))
    assert len(reads) == 1
    with archive.session() as session:
        ursula = session.exec(select(EntityRow.id).where(EntityRow.name == "Ursula von der")).one()
    rename_entity(archive, ursula, "Ursula von der Leyen")
    assert entities_of(archive, store(archive, 3, "Ursula von der Leyen met the press.", Entity(ORG, "press"))) == {
        "Ursula von der Leyen": (PERSON, 1), "press": (ORG, 1)}
    undo(archive)
    assert "Ursula von der Leyen" not in entities_of(archive, store(archive, 4, "Ursula von der Leyen met the press.",
                                                                   Entity(ORG, "press")))
    assert len(reads) == 3
