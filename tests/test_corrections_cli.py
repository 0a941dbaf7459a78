"""The entity desk on the command line: one line per change, one sentence on bad input."""

from __future__ import annotations

import json

import pytest

from tests.corrections_helpers import entity, mentions_of, seeded


@pytest.fixture
def named(archive):
    return seeded(archive)


def test_entity_show(cli, named):
    code, out, _ = cli("entity", "show", str(named["Alexei Navalny"]))
    assert code == 0 and out.splitlines()[0] == f"{named['Alexei Navalny']}  person  Alexei Navalny"
    code, out, _ = cli("entity", "show", str(named["Paris"]), "--json")
    card = json.loads(out)
    assert (card["name"], card["geonameid"], card["articles"], card["titles"]) == ("Paris", 2988507, 1, [[1, "Story 1"]])


def test_every_entity_action(cli, archive, named):
    steps = [
        (("rename", str(named["Ursula von der"]), "Ursula von der Leyen"),
         f"Renamed {named['Ursula von der']} 'Ursula von der' to 'Ursula von der Leyen'"),
        (("merge", str(named["Alexey Navalny"]), "--into", str(named["Alexei Navalny"])),
         f"Merged {named['Alexey Navalny']} 'Alexey Navalny' into {named['Alexei Navalny']} 'Alexei Navalny'"),
        (("split", str(named["Alexei Navalny"]), "--articles", "3"),
         f"Split 1 article of {named['Alexei Navalny']} 'Alexei Navalny' off as entity 7"),
        (("kind", str(named["State"]), "person"), f"Made {named['State']} 'State' a person"),
        (("place", str(named["Paris"]), "--geonameid", "4717560"),
         f"Placed {named['Paris']} 'Paris' at Paris, Texas, US (GeoNames 4717560)"),
        (("place", str(named["Paris"]), "--not-in-geonames"),
         f"Marked {named['Paris']} 'Paris' as a place GeoNames does not have"),
        (("remove", str(named["State"]), "--article", "2"), f"Removed {named['State']} 'State' from article 2"),
        (("alias", str(named["Alexei Navalny"]), "add", "Navalny"),
         f"Added alias 'Navalny' to {named['Alexei Navalny']} 'Alexei Navalny'"),
        (("add", "1", "Words", "--kind", "org"), "Marked 'Words' as an organisation in article 1"),
    ]
    for args, line in steps:
        assert cli("entity", *args) == (0, line + "\n", "")
    assert entity(archive, named["State"]) is None
    code, out, _ = cli("corrections")
    assert code == 0 and len(out.splitlines()) == len(steps) and out.splitlines()[0].endswith(steps[-1][1])
    code, out, _ = cli("corrections", "--json")
    assert [c["action"] for c in json.loads(out)][:2] == ["add", "alias"]


def test_undo_and_redo(cli, archive, named):
    cli("entity", "merge", str(named["Alexey Navalny"]), "--into", str(named["Alexei Navalny"]))
    cli("entity", "remove", str(named["State"]))
    code, out, _ = cli("undo", "2")
    assert code == 0 and [line.split(":")[0] for line in out.splitlines()] == ["Undid", "Undid"]
    assert set(mentions_of(archive, named["Alexey Navalny"])) == {1, 2}
    assert cli("redo") [:2] == (0, f"Redid: Merged {named['Alexey Navalny']} 'Alexey Navalny' into "
                                   f"{named['Alexei Navalny']} 'Alexei Navalny'\n")
    assert cli("redo")[0] == 0 and cli("redo") == (0, "", "Nothing to redo.\n")


@pytest.mark.parametrize("args, message", [
    (("entity", "rename", "999", "X"), "There is no entity 999 in the archive."),
    (("entity", "merge", "1", "--into", "1"), "Name at least one entity other than 1 to merge into it."),
    (("entity", "add", "1", "Nowhere", "--kind", "person"), "'Nowhere' does not occur as whole words in article 1."),
    (("undo", "0"), "Give a number of steps of 1 or more, not 0."),
    (("edit", "1", "--url", "https://news.example/2"), "Article 2 has the address https://news.example/2 already."),
])
def test_bad_input_exits_1_with_one_sentence(cli, named, args, message):
    assert cli(*args) == (1, "", f"error: {message}\n")


def test_usage_errors_exit_2(cli, named):
    with pytest.raises(SystemExit) as exit_:
        cli("entity", "kind", "1", "animal")
    assert exit_.value.code == 2
    assert cli("edit", "1", "--title", "X", "--from-page")[0] == 2


def test_entities_lists_the_ids_the_entity_commands_take(cli, named):
    code, out, _ = cli("entities", "--kind", "person")
    first = out.splitlines()[0].split()
    assert code == 0 and (int(first[0]), first[1:]) == (named["Alexei Navalny"], ["2", "person", "Alexei", "Navalny"])


def test_messages_say_what_is_wrong_once_and_count_right(cli, archive, named):
    from desktop.core.article import ORG, Entity
    from desktop.core.store.archive import store_article
    from tests.corrections_helpers import article, ids

    err = cli("edit", "1", "--date", "2021-02-30")[2]
    assert err == "error: There is no day 2021-02-30: check the month and the day.\n"
    err = cli("edit", "1", "--url", "not a url")[2]
    assert err == "error: 'not a url' cannot be an article's address: it is not a web address.\n"
    out = cli("entity", "show", str(named["Paris"]))[1]
    assert "1 article, 1 mention\n" in out
    store_article(archive, article(4, [Entity(ORG, "Paris Tx", ["Paris"])]))
    tx = ids(archive)["Paris Tx"]
    code, out, _ = cli("entity", "kind", str(tx), "place", "--geonameid", "4717560")
    assert code == 0 and out.rstrip().endswith("now named 'Paris' ('Paris Tx' kept as an alias)")
    shown = cli("entity", "show", str(tx))[1].splitlines()
    assert shown[0].split("  ")[2] == "Paris" and "also: Paris Tx" in shown  # not its own name
    assert entity(archive, tx)["aliases"] == "Paris Tx"  # as stored, too


def test_duplicates_says_when_there_are_none(cli, archive):
    assert cli("duplicates") == (0, "", "No likely duplicates.\n")
