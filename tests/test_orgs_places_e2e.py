"""Organisations and places end to end, through the model, on short texts of the issue's kinds."""

from __future__ import annotations

import pytest

from desktop.core.article import CITY, COUNTRY, ORG, PLACE
from desktop.core.entities import find_entities, ner


@pytest.fixture(autouse=True, scope="module")
def model():
    if ner.model_package() is None:
        pytest.skip("no spaCy English model installed")


def names(entities, kind) -> dict:
    return {e.name: e for e in entities if e.kind == kind}


def test_a_wire_story_with_results_and_a_dateline():
    text = ("LONDON (Reuters) - Results of English Premier League matches on Saturday:\n"
            "Arsenal 2 West Ham 0\nLeeds 0 Derby 2\n")
    found = find_entities("", text)
    assert {"Arsenal", "West Ham", "Leeds", "Derby"} <= set(names(found, ORG))
    assert names(found, CITY)["London"].geonameid == 2643743


def test_a_dateline_town_is_resolved_with_its_state():
    found = find_entities("", "TROY, N.C. (AP) -- A fire destroyed a warehouse on Monday, officials said.")
    troy = names(found, CITY)["Troy"]
    assert troy.country == "US" and abs(troy.lat - 35.36) < 0.2


def test_georgia_beside_atlanta_and_new_york_beside_los_angeles():
    text = ("Voters in Georgia lined up in Atlanta and Savannah for the Senate runoffs, and donors in "
            "New York and Los Angeles gave millions.")
    found = find_entities("", text)
    assert "Georgia" in names(found, PLACE) and "Georgia" not in names(found, COUNTRY)
    assert names(found, CITY)["New York City"].geonameid == 5128581


def test_words_and_things_are_no_organisations():
    text = ("Groups representing doctors said the plan would fail. The job asks for PHP, HTML and CSS. "
            "Engineers at the Massachusetts Institute of Technology (MIT) said MIT would help.")
    orgs = names(find_entities("", text), ORG)
    assert not {"Groups", "PHP", "HTML", "CSS", "MIT"} & set(orgs)
    assert orgs["Massachusetts Institute of Technology"].aliases == ["MIT"]


def test_an_institution_named_after_a_city():
    found = find_entities("", "The acting CEO of Cambridge Analytica, Alexander Tayler, said the firm had deleted the data.")
    assert "Cambridge Analytica" in names(found, ORG) and "Cambridge" not in names(found, CITY)


def test_a_town_without_ground_goes_back_to_an_organisation():
    found = find_entities("", "Toyota said it would recall cars in Japan.\nHonda and Nissan have issued similar recalls.")
    assert "Honda" not in names(found, CITY)


def test_a_league_table_names_teams_not_towns():
    text = ("English Premier League standings after Saturday's matches:\n"
            "Newcastle 3 2 1 0 6 2 7\nSheffield Wednesday 3 2 0 1 5 3 6\nAston Villa 3 1 1 1 4 4 4")
    found = find_entities("", text)
    assert {"Newcastle", "Sheffield Wednesday", "Aston Villa"} <= set(names(found, ORG))
    assert "Sheffield" not in names(found, CITY)
