"""Person rules of wire copy added for issue 12's held-out wire copy: titled names the model reads
as organisations, leaderboards, scorers' tallies and wrapped rows. No spaCy model, no gazetteer."""

from __future__ import annotations

from desktop.core.article import ORG, PERSON
from desktop.core.entities import leaderboards, name_parts, people, person_rules, rows
from desktop.core.entities.labels import decide, document_labels
from desktop.core.entities.ner import Analysis, Mention
from desktop.core.entities.people import is_titled_name
from tests.test_entity_rules import evidence
from tests.test_people_rules import GAZ, spans_of


def test_titled_name_is_a_person_when_the_surname_stands_alone():
    text = "Spokesman Glyn Davies said so. Davies added more."
    assert is_titled_name("Spokesman Glyn Davies", text)
    assert is_titled_name("American Dennis Mitchell", "American Dennis Mitchell won. Mitchell also beat Bailey.")
    assert decide(evidence("Spokesman Glyn Davies", text, majority=ORG)) == PERSON


def test_titled_name_keeps_bodies_and_unrepeated_names():
    text = "The German Foreign Ministry said. The Ministry said. State Street Bank rose. Bank shares."
    assert not is_titled_name("German Foreign Ministry", text)
    assert not is_titled_name("State Street Bank", text)
    assert not is_titled_name("Belgian Grand Prix", "the Belgian Grand Prix on Sunday")  # "Prix" never alone
    assert not person_rules.is_titled_person(evidence("Frenchman Cedric Pioline", "Frenchman Cedric Pioline won.",
                                                      majority=ORG))


def test_golfers_through_holes():
    text = "- 2 Mark Brooks through 3\n+3 Brad Bryant (U.S.) through 12\n0 Davis Love through 5\nTeam 3 through 4 games"
    assert spans_of(text, leaderboards.through_holes) == ["Mark Brooks", "Brad Bryant", "Davis Love"]


TALLY = """Leading goalscorers in the Polish
first division after the weekend's matches:
7 - Bogdan Prusek (Sokol Tychy)
4 - Jacek Dembinski (Widzew Lodz), Marcin Mieciel
(Legia Warsaw), Ryszard Wieczorek (Odra Wodzislaw)
Next Match (Sunday) is at home."""


def test_scorers_tally():
    assert spans_of(TALLY, leaderboards.in_a_tally) == ["Bogdan Prusek", "Jacek Dembinski", "Marcin Mieciel",
                                                        "Ryszard Wieczorek"]
    one_line = "He said:\n7 - Bogdan Prusek (Sokol Tychy)\nNext Match (Sunday)"
    assert spans_of(one_line, leaderboards.in_a_tally) == []  # one line of goals is no tally


def test_a_list_of_players_with_their_clubs():
    text = ("Defenders - Stephane Henchoz (Hamburg), Marc Hottiger (Everton) Ramon Vega (Cagliari).\n"
            "3 - Anton Drobnjak (Bastia), Vladimir Smicer (Lens), Miladin\nBecanovic (Lille)\n"
            "Deutsche Bank (Frankfurt), Dresdner Bank (Frankfurt), Acme Corp (ACME)\n"
            "Ajax (Spain), Benfica (Italy), Porto (France)")
    assert spans_of(text, leaderboards.in_a_bracketed_list) == [
        "Stephane Henchoz", "Marc Hottiger", "Ramon Vega", "Anton Drobnjak", "Vladimir Smicer", "Becanovic"]


def test_wrapped_rows():
    text = "202 Greg Turner 70 67 65, Heinz-Peter Thul\n(France) 70 67 65, Barry Lane\n68 67 67"
    assert spans_of(text, rows.before_brackets) == ["Heinz-Peter Thul"]
    assert "Barry Lane" in spans_of(text, rows.before_scores)


def test_teams_take_who_too():
    assert not person_rules.is_described_with_who(evidence("Mariners", "for the Mariners, who have", majority=ORG))


def test_the_parts_of_a_team_are_no_person():
    """A name the rules take for a team ("the Florida Marlins") lends its words to no person."""
    text = "as the Florida Marlins defeated the Reds.\nThe Marlins won for the third time."
    mentions = [Mention(form, PERSON, text.index(form), text.index(form) + len(form))
                for form in ("Florida Marlins", "Marlins won")]
    mentions[1] = Mention("Marlins", PERSON, mentions[1].start, mentions[1].start + len("Marlins"))
    labels = document_labels(Analysis(text, mentions, [], [], [], []), GAZ)
    assert labels["Florida Marlins"] == ORG and labels["Marlins"] == ORG


def test_a_name_with_points_behind_is_the_bare_name():
    """"Somerset 4" of a points line is no person where "Somerset" is a team."""
    text = "Leicestershire beat Somerset by an innings.\nLeicestershire 22 points, Somerset 4."
    start = text.index("Somerset 4")
    mentions = [Mention("Somerset", ORG, text.index("Somerset"), text.index("Somerset") + 8),
                Mention("Somerset 4", PERSON, start, start + 10)]
    labels = document_labels(Analysis(text, mentions, [], [], [], []), GAZ)
    assert labels["Somerset"] == ORG and labels["Somerset 4"] is None
    person = [Mention("Jane Doe 18", PERSON, 0, 11)]
    assert document_labels(Analysis("Jane Doe 18 said", person, [], [], [], []), GAZ)["Jane Doe 18"] == PERSON


def test_a_first_name_after_an_article_is_no_person():
    """"The Bill would require" beside "Bill Shorten": no person is called "the Bill"."""
    text = "Bill Shorten said. The Bill would require it, and amending the Bill to"
    assert not person_rules.is_part_of_full_name(evidence("Bill", text, name_words={"Bill"}))
    assert person_rules.is_part_of_full_name(evidence("Bill", "Bill Shorten said. Bill said", name_words={"Bill"}))


def test_quoted_speaker():
    text = 'goods may be even higher, " Volkova said. Volkova is a manager.'
    assert decide(evidence("Volkova", text, majority=ORG)) == PERSON
    assert decide(evidence("Volkova", "Volkova said.", majority=ORG)) == ORG  # no quotation before
    commerce = 'the Commerce Department said. " Spending fell, " Commerce said.'
    assert not person_rules.is_quoted_speaker(evidence("Commerce", commerce, majority=ORG))
    assert not person_rules.is_quoted_speaker(evidence("News Corp", 'rose, " News Corp said.', majority=ORG))


def test_cued_names():
    text = ("Woodbridge defeated Canadian Daniel Nestor 7-6, with eighth-ranked Andre Agassi landing in the draw; "
            "Ericsson spokesman Per Zetterquist told Reuters. The Belgian Grand Prix motor race, the American League "
            "East Division. Italian Grand Prix to start; Spanish Farm Minister Loyola said.")
    assert spans_of(text, people.cued_names) == ["Daniel Nestor", "Andre Agassi", "Per Zetterquist"]
    assert spans_of("in the Australian Capital Territory, the Canadian West Coast.", people.cued_names) == []
    # Every nation's adjective and the nouns for one of its people cue a name.
    text = "and Namibian Frankie Fredericks, the silver medallist; routing Frenchman Jean-Philippe Fleurian 6-2"
    assert spans_of(text, people.cued_names) == ["Frankie Fredericks", "Jean-Philippe Fleurian"]


def test_pitchers_records(monkeypatch):
    monkeypatch.setattr(leaderboards, "place_strength", lambda gaz, form: 2 if form == "Green Bay" else 0)
    text = ("Pettite (19-7) allowed two runs. Seattle (70-60) won. Boston's Roger Clemens (7-11) was lifted. "
            "the Packers (10-3) and Green Bay Packers (5-3) lost.")
    assert spans_of(text, leaderboards.with_a_record) == ["Pettite", "Roger Clemens"]


def test_tally_clubs_are_teams():
    assert spans_of(TALLY, leaderboards.tally_clubs) == ["Sokol Tychy", "Widzew Lodz", "Legia Warsaw",
                                                         "Odra Wodzislaw"]
    assert [TALLY[a:b] for a, b in rows.teams(TALLY, GAZ, set())] == ["Sokol Tychy", "Widzew Lodz", "Legia Warsaw",
                                                                     "Odra Wodzislaw"]


def test_cut_surnames():
    def run_on(text, name, spans=()):
        at = text.index(name)
        return [m.text for m in name_parts.with_cut_surnames([Mention(name, PERSON, at, at + len(name))], text,
                                                             list(spans), PERSON)]
    assert run_on("executive officer Marco Tonchetti Provera. Pirelli", "Marco Tonchetti") == [
        "Marco Tonchetti Provera"]
    assert run_on("leader Aung San Suu Kyi hit out", "Aung San") == ["Aung San Suu Kyi"]
    assert run_on("said Bill Clinton Monday.", "Bill Clinton") == ["Bill Clinton"]
    assert run_on("the Donald Trump Administration said", "Donald Trump") == ["Donald Trump"]
    assert run_on("met Bill Clinton Israel.", "Bill Clinton", [(17, 23)]) == ["Bill Clinton"]  # Israel: an entity
