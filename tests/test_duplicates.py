"""Likely duplicates: which pairs are proposed, which never are, and rejections remembered."""

from __future__ import annotations

import pytest

from desktop.core.article import CITY, ORG, PERSON, PLACE, Article, Entity
from desktop.core.duplicates import likely_duplicates, reject_duplicate
from desktop.core.entities.name_forms import person_name
from desktop.core.store.archive import store_article
from desktop.core.store.trash import trash_articles


def store(archive, n: int, *entities: Entity) -> int:
    article = Article(url=f"https://news.example/{n}", title=f"Story {n}", text=f"Text of story {n}.",
                      entities=list(entities))
    return store_article(archive, article).id


def pairs(archive, kind=None) -> dict[tuple[str, str], str]:
    """(kept name, merged name) -> reason of every proposal."""
    return {(p.keep.name, p.other.name): p.reason for p in likely_duplicates(archive, kind)}


def person(name: str) -> Entity:
    return Entity(PERSON, name, local=len(name.split()) == 1)


@pytest.mark.parametrize("first, second", [
    ("Alexei Navalny", "Alexey Navalny"),  # transliteration
    ("John Smith", "J. Smith"),  # initials
    ("John Fitzgerald Kennedy", "John F. Kennedy"),  # a middle initial
    ("Donald J. Trump", "Donald Trump"),  # a middle initial
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),  # transliteration of the surname
    ("José Álvarez", "Jose Alvarez"),  # accents
    ("Johnathan Pryce", "Jonathan Pryce"),  # a first name spelt alike (the longer kept)
    ("Bashar al-Assad", "Bashar Assad"),  # the Arabic article
])
def test_name_forms_of_one_person_are_proposed_fuller_kept(archive, first, second):
    store(archive, 1, person(first))
    store(archive, 2, person(second))
    assert (first, second) in pairs(archive, PERSON)


def test_surname_alone_is_proposed_for_each_full_name(archive):
    store(archive, 1, person("Alexei Navalny"), person("Oleg Navalny"))
    store(archive, 2, person("Navalny"))
    found = pairs(archive, PERSON)
    assert {("Alexei Navalny", "Navalny"), ("Oleg Navalny", "Navalny")} <= set(found)


@pytest.mark.parametrize("first, second", [
    ("John Smith", "Pyotr Smith"),  # two Smiths
    ("Anna Petrova", "Anne Petrova"),
    ("Maria Lopez", "Mario Lopez"),
    ("John A. Smith", "John B. Smith"),  # middle initials that disagree
    ("Alexei Navalny", "Yulia Navalnaya"),  # husband and wife
    ("Li Chen", "Li Chan"),  # short surnames alike by chance
    ("George H. W. Bush", "George W. Bush"),  # father and son
])
def test_different_people_are_not_proposed(archive, first, second):
    store(archive, 1, person(first))
    store(archive, 2, person(second))
    assert pairs(archive, PERSON) == {}


def test_organisations_case_dots_legal_form_and_acronym(archive):
    store(archive, 1, Entity(ORG, "U.S. Army"), Entity(ORG, "Netflix Inc"), Entity(ORG, "Ministry of Defence"))
    store(archive, 2, Entity(ORG, "US Army"), Entity(ORG, "Netflix"), Entity(ORG, "Ministry of Defense"))
    store(archive, 3, Entity(ORG, "NATO"), Entity(ORG, "North Atlantic Treaty Organization"))
    store(archive, 4, Entity(ORG, "WHO"))  # never named beside the World Health Organization
    store(archive, 5, Entity(ORG, "World Health Organization"), Entity(ORG, "Org 12"))
    store(archive, 6, Entity(ORG, "Org 13"))
    assert set(pairs(archive, ORG)) == {
        ("U.S. Army", "US Army"), ("Netflix Inc", "Netflix"), ("Ministry of Defence", "Ministry of Defense"),
        ("North Atlantic Treaty Organization", "NATO")}


def test_places_of_two_geonames_ids_never_but_an_unresolved_one_yes(archive):
    store(archive, 1, Entity(CITY, "Paris", geonameid=2988507, country="FR"), Entity(PLACE, "U.S."))
    store(archive, 2, Entity(CITY, "Paris", geonameid=4717560, country="US"), Entity(PLACE, "US"))
    store(archive, 3, Entity(PLACE, "Texas", geonameid=4736286), Entity(PLACE, "State of Texas", geonameid=4736286))
    found = pairs(archive, "place")
    assert ("U.S.", "US") in found and ("State of Texas", "Texas") in found
    assert not any(keep == "Paris" for keep, _ in found)


def test_rejected_pair_never_comes_back_even_after_a_reimport(archive):
    store(archive, 1, person("John Smith"))
    store(archive, 2, person("J. Smith"))
    proposal, = likely_duplicates(archive)
    reject_duplicate(archive, proposal.other.id, proposal.keep.id)
    reject_duplicate(archive, proposal.keep.id, proposal.other.id)  # twice: no error
    assert likely_duplicates(archive) == []
    store(archive, 3, person("J. Smith"), person("Jane Smith"))
    assert set(pairs(archive)) == {("Jane Smith", "J. Smith")}


def test_reject_refuses_unknown_ids_and_changes_nothing(archive):
    store(archive, 1, person("John Smith"), Entity(ORG, "Smith Ltd"))
    ids = {p.name: p.id for p in _entities(archive)}
    for a, b in ((ids["John Smith"], 999), (ids["John Smith"], ids["John Smith"]),
                 (ids["John Smith"], ids["Smith Ltd"])):
        with pytest.raises(ValueError):
            reject_duplicate(archive, a, b)


def test_kind_limit_counts_and_trash(archive):
    first = store(archive, 1, person("John Smith"), Entity(ORG, "U.S. Army"))
    store(archive, 2, person("J. Smith"), Entity(ORG, "US Army"))
    store(archive, 3, person("John Smith"))
    assert [p.kind for p in likely_duplicates(archive, PERSON)] == [PERSON]
    best, = likely_duplicates(archive, limit=1)
    assert best.keep.name == "U.S. Army"  # surer than initials
    smith = next(p for p in likely_duplicates(archive) if p.kind == PERSON)
    assert (smith.keep.articles, smith.other.articles) == (2, 1)
    trash_articles(archive, [first])
    assert [p.kind for p in likely_duplicates(archive)] == [PERSON]  # the Army's only article is in the Trash
    with pytest.raises(ValueError):
        likely_duplicates(archive, "city")


def test_initials_are_told_from_spellings(archive):
    store(archive, 1, person("John Fitzgerald Kennedy"), person("George H. W. Bush"))
    store(archive, 2, person("John F. Kennedy"), person("George H.W. Bush"))
    assert pairs(archive) == {("John Fitzgerald Kennedy", "John F. Kennedy"): "initials of one name",
                              ("George H. W. Bush", "George H.W. Bush"):
                                  "the same name but for case, accents or punctuation"}


def test_person_name_parts():
    assert person_name("Ursula von der Leyen").given == ("ursula",)
    assert person_name("Martin Luther King Jr.").surname == "king"
    assert person_name("Aleksei Navalny") == person_name("Alexey Navalny")


def _entities(archive):
    from sqlmodel import select

    from desktop.core.store.models import EntityRow

    with archive.session() as session:
        return session.exec(select(EntityRow)).all()


def test_cli_lists_rejects_and_prints_json(archive, cli):
    import json

    store(archive, 1, person("John Smith"), Entity(ORG, "U.S. Army"))
    store(archive, 2, person("J. Smith"), Entity(ORG, "US Army"))
    code, out, _ = cli("duplicates", "--kind", "person")
    assert code == 0 and out.count("\n") == 1 and "John Smith (1)  <-" in out and "initials" in out
    code, out, _ = cli("duplicates", "--json", "--limit", "1")
    army, = json.loads(out)
    assert (army["keep"]["name"], army["other"]["name"], army["kind"]) == ("U.S. Army", "US Army", "org")
    code, out, _ = cli("duplicates", "reject", str(army["keep"]["id"]), str(army["other"]["id"]))
    assert code == 0 and out.startswith("rejected ")
    assert "Army" not in cli("duplicates")[1]
    code, _, err = cli("duplicates", "reject", str(army["keep"]["id"]), "9999")
    assert code == 1 and err == "error: There is no entity 9999 in the archive.\n"
    with pytest.raises(SystemExit):  # a usage error: exit 2
        cli("duplicates", "--kind", "city")


def test_an_unresolved_place_joins_its_country_and_accepting_merges(archive):
    from desktop.core.article import COUNTRY
    from desktop.core.corrections import merge_entities

    store(archive, 1, Entity(COUNTRY, "United States", ["US"], geonameid=6252001, country="US"))
    store(archive, 2, Entity(PLACE, "U.S."))
    proposal, = likely_duplicates(archive, "place")
    assert (proposal.kind, proposal.keep.name, proposal.other.name) == (COUNTRY, "United States", "U.S.")
    merge_entities(archive, [proposal.other.id], into=proposal.keep.id)
    assert likely_duplicates(archive) == []


def test_a_namesake_the_user_split_off_is_not_proposed_again(archive, cli):
    from desktop.core.corrections import split_entity

    store(archive, 1, person("Donald J. Trump"))
    second = store(archive, 2, person("Donald J. Trump"))
    store(archive, 3, person("Donald Trump"))
    trump = next(p.keep.id for p in likely_duplicates(archive) if p.keep.name == "Donald J. Trump")
    new = split_entity(archive, trump, [second]).entity_id
    proposed = {frozenset((p.keep.id, p.other.id)) for p in likely_duplicates(archive)}
    assert frozenset((trump, new)) not in proposed
    assert any(new in pair for pair in proposed)  # "Donald Trump" may still be either of them
    out = cli("duplicates")[1]
    assert f" {new} Donald J. Trump" in out or f"<-  {new} Donald J. Trump" in out  # ids tell them apart


def test_the_window_tells_two_entities_of_one_name_apart_by_id():
    pytest.importorskip("PySide6")
    from desktop.core.corrections.listing import EntityListing
    from desktop.core.duplicates import Proposal
    from desktop.gui.duplicates_view import _told_apart

    listing = lambda i, name: EntityListing(i, PERSON, name, [], 1, 1, None, None)
    same = Proposal(PERSON, listing(70, "Donald J. Trump"), listing(219, "Donald J. Trump"), 1.0, "same name")
    assert _told_apart(same) == ("Donald J. Trump (entity 219)", "Donald J. Trump (entity 70)")
    other = Proposal(PERSON, listing(70, "Donald J. Trump"), listing(5, "Donald Trump"), 0.9, "middle name")
    assert _told_apart(other) == ("Donald Trump", "Donald J. Trump")
