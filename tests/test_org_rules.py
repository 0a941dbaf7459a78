"""The organisation rules (entities/org_rules.py) on text and evidence built by hand: no model."""

from __future__ import annotations

from desktop.core.article import ORG, PLACE
from desktop.core.entities import org_rules as orgs
from desktop.core.entities.labels import decide
from desktop.core.entities.ner import Analysis, Mention
from tests.test_entity_rules import evidence


def analysis(text: str, *mentions: tuple[str, object]) -> Analysis:
    found, at = [], 0
    for form, label in mentions:
        start = text.index(form, at)
        found.append(Mention(form, label, start, start + len(form)))
        at = start + len(form)
    return Analysis(text, found, [], [], [], [(m.start, m.end) for m in found])


def forms(a: Analysis) -> list[tuple[str, object]]:
    return [(m.text, m.label) for m in a.mentions]


def test_a_campus_goes_on_after_its_comma():
    a = analysis("at the University of California, San Diego, said", ("University of California", ORG),
                 ("San Diego", PLACE))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("University of California, San Diego", ORG)]


def test_an_owner_that_is_a_name_is_cut_off():
    a = analysis("At MIT's Instrumentation Laboratory and at Fisherman's Terminal",
                 ("MIT's Instrumentation Laboratory", ORG), ("Fisherman's Terminal", ORG))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("MIT", ORG), ("Instrumentation Laboratory", ORG), ("Fisherman's Terminal", ORG)]


def test_lower_case_tails_and_headline_words_are_no_part_of_the_name():
    a = analysis("Netanyahu's Likud party won at Kroger-owned stores in Afghanistan During",
                 ("Likud party", ORG), ("Kroger-owned", ORG), ("Afghanistan During", ORG))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Likud", ORG), ("Kroger", ORG), ("Afghanistan", ORG)]


def test_and_splits_only_beside_a_name_of_its_own():
    a = analysis("Whole Foods cut prices. Whole Foods and QFC did; the Ways and Means Committee met",
                 ("Whole Foods", ORG), ("Whole Foods and QFC", ORG), ("Ways and Means Committee", ORG))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Whole Foods", ORG), ("Whole Foods", ORG), ("QFC", ORG), ("Ways and Means Committee", ORG)]


def test_a_place_with_an_organisations_words_around_it_is_the_organisation():
    text = "the acting CEO of Cambridge Analytica, Dr Tayler, said. Rain in Cambridge Tuesday"
    a = analysis(text, ("Cambridge", PLACE), ("Cambridge", PLACE))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Cambridge Analytica", ORG), ("Cambridge", PLACE)]


def test_platforms_the_model_missed_are_found_but_not_share_buttons():
    a = analysis("She wrote on Twitter that\nFacebook\nwas down")
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Twitter", ORG)]


def test_no_org_terms_things_and_bare_words():
    assert decide(evidence("PHP", "PHP, HTML", majority=ORG)) is None
    assert decide(evidence("M.S.", "Dana Whitfield, M.S., said", majority=ORG)) is None
    assert decide(evidence("International Space Station", majority=ORG)) is None
    assert decide(evidence("Data Retention Bill", majority=ORG)) is None
    assert decide(evidence("Proton-M", "a Proton-M rocket", majority=ORG)) is None
    assert decide(evidence("Groups", "Groups representing doctors said", majority=ORG)) is None
    assert decide(evidence("Antarctica 'Penguin Post Office", majority=ORG)) is None
    assert decide(evidence("Senate", "the Senate voted", majority=ORG)) is ORG


def test_a_place_code_is_no_org_unless_spelt_out():
    assert decide(evidence("CA", "sales in CA rose", majority=ORG)) is None
    assert decide(evidence("CA", "Credit Agricole (CA) said CA", majority=ORG)) is ORG


def test_page_furniture_but_not_a_link_inside_a_sentence():
    assert orgs.is_page_furniture(evidence("CityLab Daily", "story.\nCityLab Daily\nThe best", majority=ORG))
    assert not orgs.is_page_furniture(evidence("Reuters", "as\nReuters\nreported, the", majority=ORG))
    assert not orgs.is_page_furniture(evidence("Leeds", "results\nLeeds 2 Barnsley 1\nnext", majority=ORG))
    assert orgs.runs_on("the\nSupreme Court\nhas found", 4) and not orgs.runs_on("Title\nNext", 0)


def test_called_an_institution():
    assert decide(evidence("Georgetown", "students at Georgetown said", majority=PLACE, strength=2)) is ORG
    assert decide(evidence("Georgetown", "flights to Georgetown", majority=PLACE, strength=2)) is PLACE


def test_same_organisation():
    assert orgs.same_org("MIT", "Massachusetts Institute of Technology")
    assert orgs.same_org("Whole Foods", "Whole Foods Market") and orgs.same_org("Netflix", "Netflix Inc")
    assert orgs.same_org("Defense Department", "Department of Defense")
    assert orgs.same_org("Florida State", "Florida State University")
    assert not orgs.same_org("ABC", "ABC News") and not orgs.same_org("Apple", "Apple Vision")
    groups = orgs.org_groups(["MIT", "Massachusetts Institute of Technology", "Nasa", "NASA"])
    assert groups == {"Massachusetts Institute of Technology": {"MIT", "Massachusetts Institute of Technology"},
                      "Nasa": {"Nasa", "NASA"}}


def test_a_name_the_text_calls_a_bloc_is_an_organisation():
    a = analysis("a deal between the European Union and the Mercosur bloc")
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Mercosur", ORG)]


def test_results_lines_name_teams():
    text = "Results on Saturday:\nArsenal 2 West Ham 0\nNew York 7 Seattle 5\nAmerican League\nCleveland 4 Detroit 1"
    assert orgs.results_teams(text, set()) == {"Arsenal": [21], "West Ham": [31], "New York": [42], "Seattle": [53],
                                        "Cleveland": [79], "Detroit": [91]}
    assert not orgs.is_page_furniture(evidence("American League", text, majority=ORG))


def test_scores_inside_a_mention_and_a_country_before_its_senate_are_cut_off():
    a = analysis("Chelsea 1 Southampton 1\nThe U.S. Senate voted", ("Chelsea 1 Southampton 1", ORG),
                 ("U.S. Senate", ORG))
    orgs.refine_org_mentions(a)
    assert forms(a) == [("Chelsea", ORG), ("Southampton", ORG), ("U.S.", PLACE), ("Senate", ORG)]


def test_a_name_after_a_company_noun_is_an_organisation():
    a = analysis("Polish state gas company PGNiG said it would sue")
    orgs.refine_org_mentions(a)
    assert forms(a) == [("PGNiG", ORG)]
    assert decide(evidence("Gazprom", "Russian energy giant Gazprom said", majority=PLACE)) is ORG


def test_an_unknown_place_that_acts_is_a_company():
    assert decide(evidence("Lucasfilm", "Lucasfilm is already planning a party", majority=PLACE)) is ORG
    assert not orgs.is_unknown_place_acting(evidence("Tuva", "Tuva is a region", majority=PLACE))
    assert not orgs.is_unknown_place_acting(evidence("Lagos", "Lagos announced", majority=PLACE, strength=2))
    assert decide(evidence("New York", "an article by\nNew York\nmagazine", majority=PLACE, strength=2)) is ORG


def test_standings_name_teams_but_golfers_stay_people():
    text = "Standings:\nSheffield Wednesday 4 3 1 0 7 3 10\nTiger Woods 68 70 71\nAjax 2 (Kluivert 23) PSV 1"
    assert orgs.results_teams(text, {"Tiger Woods"}) == {"Sheffield Wednesday": [11], "Ajax": [67], "PSV": [88]}


def test_a_long_standings_line_is_a_team_and_its_town_no_mention():
    text = "Aston Villa 3 1 1 1 4 4 4"
    assert orgs.results_teams(text, {"Aston Villa"}) == {"Aston Villa": [0]}
    assert orgs.inside_teams({"Sheffield Wednesday": [5]}, {"Sheffield": [5], "Leeds": [40]}) == ["Sheffield"]
    table = "NEW YORK 74 59 .556 -\nBOSTON 69 65 .515 5 1/2\nMiami 14 6 0 1.000\nWon 3 of 4 at .500 pace"
    assert sorted(orgs.results_teams(table, set())) == ["BOSTON", "Miami", "NEW YORK"]
    assert orgs.inside_teams({"Watford": [5]}, {"Watford 4 2": [5], "Leeds": [40]}) == ["Watford 4 2"]


def test_a_result_with_a_full_stop_and_a_town_run_into_a_tables_numbers():
    text = "Hansa Rostock 0 Hamburg 1 (Baeron 64th min).\nHalftime 0-0."
    assert orgs.results_teams(text, set()) == {"Hansa Rostock": [0], "Hamburg": [16]}
    teams = {"Viktoria Plzen": [5]}
    assert orgs.inside_teams(teams, {"Plzen 2 0": [14], "Plzen Brewery": [14]}) == ["Plzen 2 0"]


def test_a_country_called_by_its_initials_is_left_to_the_place_rules():
    assert not orgs.is_place_code(evidence("US", "US officials said", majority=ORG, country_or_region=True))


def test_clubs_and_wire_desks_are_organisations():
    assert orgs.is_club_or_desk(evidence("Dynamo Moscow", majority=PLACE))
    assert orgs.is_club_or_desk(evidence("Manchester United")) and orgs.is_club_or_desk(evidence("Moscow Newsroom"))
    assert orgs.is_club_or_desk(evidence("Hull City"))
    assert not orgs.is_club_or_desk(evidence("Mexico City", majority=PLACE))
    assert not orgs.is_club_or_desk(evidence("Rangers")) and not orgs.is_club_or_desk(evidence("Jack Sock"))
    # The word a club's name opens with, alone, is the club: "Deportivo started strongly".
    assert orgs.is_club_or_desk(evidence("Deportivo")) and orgs.is_club_or_desk(evidence("Dinamo", majority=PLACE))
    assert not orgs.is_club_or_desk(evidence("Deportivo", majority=None))


def test_a_firms_name_the_model_calls_a_person():
    assert orgs.ends_as_firm(evidence("Lehman Brothers International")) and orgs.ends_as_firm(evidence("Acme Co."))
    assert not orgs.ends_as_firm(evidence("Brothers")) and not orgs.ends_as_firm(evidence("Tom Brothers", majority=ORG))


def test_a_team_with_a_particle_and_a_financial_table_is_no_standing():
    text = "Bragantino 1 Vasco da Gama 2\nNet Income 1996 1995 12.5 10.1\nTiger Woods 68 70 71"
    assert orgs.results_teams(text, {"Tiger Woods"}) == {"Bragantino": [0], "Vasco da Gama": [13]}
