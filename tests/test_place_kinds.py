"""Institutions named after places or people, countries named by their adjective, counties, roads and
place names the model splits, cuts short or runs on: rules that need no spaCy model (the gazetteer only)."""

from __future__ import annotations

from desktop.core.article import COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities import place_context as pc
from desktop.core.entities.gazetteer import gazetteer
from desktop.core.entities.labels import decide
from desktop.core.entities.ner import DEMONYM, Analysis, Mention
from desktop.core.entities.place_words import adjective_place, adjective_places, road_numbers
from desktop.core.entities.places import embedded_places, placed_town, unlabelled_places
from tests.test_entity_rules import evidence


def test_a_town_listed_with_a_company_is_a_company():
    text = "Shares in News Corporation and Fairfax fell on Monday."
    assert decide(evidence("Fairfax", text, majority=PLACE, strength=1)) is ORG
    assert decide(evidence("Fairfax", "Fairfax and Nine Entertainment Co agreed", majority=PLACE, strength=1)) is ORG
    china = evidence("China", "a deal between Apple Inc and China", majority=PLACE, strength=2, country_or_region=True)
    assert not pc.is_listed_with_a_company(china)
    assert not pc.is_listed_with_a_company(evidence("Fairfax", "Police in Fairfax and Vienna said", strength=1))


def test_a_name_before_a_bodys_noun_is_that_body():
    text = "She won the prize from the Walkley journalism foundation last year."
    assert decide(evidence("Walkley", text, majority=PERSON)) is ORG
    assert decide(evidence("Fairfax", "The Fairfax board met on Monday.", majority=PLACE, strength=1)) is ORG
    assert not pc.is_named_for_a_body(evidence("Islamic", "against the Islamic group, the army", majority=DEMONYM))
    london = evidence("London", "the London organising committee", majority=PLACE, strength=2)
    assert not pc.is_named_for_a_body(london)


def test_a_countrys_adjective_names_it_where_it_qualifies_its_land():
    text = "Troops massed near the Iraqi border. A French engineer on English soil. The Kyrgyz capital of Bishkek."
    iraq = adjective_place(gazetteer(), "Iraqi", text, [text.index("Iraqi")])
    assert iraq.kind == COUNTRY and iraq.country == "IQ"
    assert adjective_place(gazetteer(), "French", text, [text.index("French")]) is None
    assert adjective_place(gazetteer(), "English", text, [text.index("English")]).name == "England"
    assert adjective_place(gazetteer(), "Kyrgyz", text, [text.index("Kyrgyz")]) is None
    plural = "Americans border on nothing"
    assert adjective_place(gazetteer(), "Americans", plural, [0]) is None
    found = adjective_places(gazetteer(), text, {"Iraqi": [text.index("Iraqi")], "French": [text.index("French")]})
    assert set(found) == {"Iraqi"} and found["Iraqi"].country == "IQ"


def test_a_province_the_model_splits_in_two_is_one_place():
    text = "Work on the river in Baja California will start"
    mentions = [Mention(f, PLACE, text.index(f), text.index(f) + len(f)) for f in ("Baja", "California")]
    analysis = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [m.text for m in analysis.mentions] == ["Baja California"]


def test_a_building_word_the_model_left_out_is_part_of_the_place():
    text = "the Easter Vigil in St. Peter's Basilica in Rome"
    mentions = [Mention("St. Peter", PLACE, text.index("St. Peter"), text.index("St. Peter") + 9)]
    analysis = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [(m.text, m.label) for m in analysis.mentions] == [("St. Peter's Basilica", PLACE)]


def test_no_other_name_of_a_country_from_a_word_institutions_are_named_with():
    org = "Commonwealth of Independent States"
    assert embedded_places([org], {org: [0]}, gazetteer()) == {}
    assert "Kentucky" in embedded_places(["Kentucky State Police"], {"Kentucky State Police": [0]}, gazetteer())


def test_unlabelled_names_are_whole_names():
    text = "Some people of Gilgit-Baltistan stayed at Windsor Castle with a London-based firm."
    found = unlabelled_places(text, [], gazetteer())
    assert "Gilgit" not in found and found["Windsor Castle"] == [text.index("Windsor Castle")]
    assert found["London"] == [text.index("London")]


def test_a_town_after_a_persons_name_and_of_is_where_they_live():
    text = "Police said Miss Abdhou, of Hayes, was not a target."
    assert decide(evidence("Hayes", text, majority=PERSON, strength=1)) is PLACE
    mahler = "In New York, Jodi Mahler of Bellmore appeared on the show."
    assert decide(evidence("Bellmore", mahler, majority=PERSON, strength=1, name_words={"Mahler"})) is PLACE
    assert placed_town(mahler, mahler.index("Bellmore"), "Bellmore", gazetteer())
    assert not placed_town("The Bank of Bellmore appeared in New York.", 12, "Bellmore", gazetteer())
    assert not pc.is_home_town(evidence("England", "The Bank of England said", strength=2, country_or_region=True))


def test_numbered_roads_are_places_where_the_text_speaks_of_roads():
    text = "A man was hurt in a crash on the A120. A diversion runs via the A436, A40 and A429."
    assert road_numbers(text) == {r: [text.index(r)] for r in ("A120", "A436", "A40", "A429")}
    assert road_numbers("Traffic backed up on I-95 and Route 66.") == {"I-95": [21], "Route 66": [30]}
    assert road_numbers("Airbus delivered the A380 to Emirates, the M4 tank and a B2 bomber.") == {}


def test_a_county_is_a_place_alone_or_inside_an_organisations_name():
    org = "Black Hawk County Sheriff's Office"
    assert embedded_places([org], {org: [10]}, gazetteer()) == {"Black Hawk County": [10]}
    assert embedded_places(["Black Hawk County"], {"Black Hawk County": [0]}, gazetteer()) == {}
    assert decide(evidence("Black Hawk County", "charged by Black Hawk County with theft", majority=ORG)) is PLACE
    text = "He was driving on a ramp in Pope County when the crash happened."
    assert unlabelled_places(text, [], gazetteer()) == {"Pope County": [text.index("Pope County")]}


def test_a_small_town_after_in_is_a_place_where_the_article_names_its_country_or_state():
    text = "Speaking at a forum in Clarinda, the candidate said trade mattered to Iowa."
    assert decide(evidence("Clarinda", text, majority=ORG)) is PLACE
    assert not pc.is_placed_by_preposition(evidence("Clarinda", "a forum in Clarinda, she said.", majority=ORG))
    assert not pc.is_placed_by_preposition(evidence("Clarinda", "He passed to Clarinda in Iowa."))


def test_a_dateline_may_open_a_line_after_a_web_address():
    text = "TITLE: Man hit LINK: https://x.com/a-1.html LOS ANGELES (AP) - Actress Jaime King said."
    assert pc.dateline_places(text) == {"Los Angeles": [text.index("LOS ANGELES")]}
    county = "LINK: http://www.wmbf.com/story/x HORRY COUNTY, SC (WMBF) - A man."
    assert pc.dateline_places(county) == {"Horry County": [county.index("HORRY")]}
    assert pc.dateline_regions(county, gazetteer()) == {"South Carolina": [county.index("SC (")]}
    assert pc.dateline_places("See https://x.com/a and NATO - no.") == {}


def test_a_named_church_is_a_building_a_denominations_church_a_body():
    for form in ("Holy Redeemer Church", "Third Presbyterian Church", "Mount Zion Missionary Baptist Church"):
        assert pc.is_structure(evidence(form)), form
    for form in ("Roman Catholic Church", "Methodist Church", "Greek Orthodox Church", "Church"):
        assert not pc.is_structure(evidence(form)), form


def test_a_name_in_a_part_of_somewhere_is_a_place():
    assert decide(evidence("Ghouta", "towns and villages in eastern Ghouta and", majority=ORG)) is PLACE
    assert not pc.is_in_a_part_of(evidence("Ghouta", "the Ghouta rebels said", majority=ORG))


def test_a_town_before_a_comma_and_its_province_is_the_town():
    text = "migrants camped out in Matias Romero, Oaxaca State, Mexico, on Wednesday"
    assert decide(evidence("Matias Romero", text, majority=PERSON)) is PLACE


def test_an_unlabelled_town_listed_after_in_is_a_place():
    text = "Tesco sold its stores in Žilina, Nitra, Prešov and Košice, Slovakia's towns."
    assert placed_town(text, text.index("Prešov"), "Prešov", gazetteer())
    assert not placed_town("Tesco said. Nitra, Prešov and Košice, Slovakia", 19, "Prešov", gazetteer())
