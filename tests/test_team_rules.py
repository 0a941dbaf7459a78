"""The team rules: sides the model calls people or towns (team_rules.py), each on evidence built
by hand: no spaCy model, no gazetteer."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.article import ORG, PERSON, PLACE
from desktop.core.entities import team_rules
from desktop.core.entities.labels import decide
from tests.test_entity_rules import evidence


def test_a_side_takes_a_plural_verb():
    assert team_rules.takes_plural_verb(evidence("Kent", "Kent were frustrated by rain", strength=1))
    assert team_rules.takes_plural_verb(evidence("Derbyshire", "Derbyshire have won"))
    assert not team_rules.takes_plural_verb(evidence("Fares", "Fares have increased"))
    assert not team_rules.takes_plural_verb(evidence("Jones", "Smith and Jones were there"))
    assert not team_rules.takes_plural_verb(evidence("Kent", "Kent was frustrated"))
    assert not team_rules.takes_plural_verb(evidence("Kent", "Kent were frustrated", majority=PLACE))


def test_the_plural_is_a_team():
    text = "as the Florida Marlins defeated the Reds, the Florida Marlins said"
    assert decide(evidence("Florida Marlins", text)) == ORG
    assert decide(evidence("Tom Davis", "said the Tom Davis")) == PERSON  # "-is" is no plural
    assert decide(evidence("Paul Evans", "Paul Evans said")) == PERSON  # no "the"
    assert decide(evidence("Mariners", "The Mariners scored four runs for the Mariners")) == ORG
    # A family is the plural of a surname of the article's people.
    assert not team_rules.is_the_plural(evidence("Kennedys", "guests of the Kennedys", name_words={"Kennedy"}))
    assert not team_rules.is_the_plural(evidence("Joneses", "guests of the Joneses", name_words={"Jones"}))
    assert not team_rules.is_the_plural(evidence("Cairns", "the Cairns police force", strength=2))  # a town


def test_what_only_a_side_is_called():
    assert team_rules.follows_side_noun(evidence("Ajax Amsterdam", "with Dutch champions Ajax Amsterdam on"))
    assert team_rules.follows_side_noun(evidence("St Pauli", "Hamburg side St Pauli, tipped as", majority=ORG))
    assert team_rules.follows_side_noun(evidence("Lens", "they trail leaders Lens by one point", majority=PLACE,
                                                 strength=1))
    # A list after the noun: only names of places, as counties' and towns' sides are.
    text = "title rivals Essex, Derbyshire and Surrey all closed in"
    assert team_rules.follows_side_noun(evidence("Derbyshire", text))
    assert team_rules.follows_side_noun(evidence("Surrey", text, strength=1))
    assert not team_rules.follows_side_noun(evidence("Boris Becker", "former champions Boris Becker and Edberg"))
    assert not team_rules.follows_side_noun(evidence("Edberg", "former champions Boris Becker and Edberg"))
    # A national side is named as its country; a player is a champion.
    assert not team_rules.follows_side_noun(replace(evidence("Germany", "world champions Germany", majority=PLACE),
                                                    country=True))
    assert not team_rules.follows_side_noun(evidence("Michael Johnson", "Olympic champion Michael Johnson"))


def test_a_county_is_no_person():
    assert team_rules.is_county_side(evidence("Nottinghamshire", "against struggling Nottinghamshire who"))
    assert not team_rules.is_county_side(evidence("Nottinghamshire", "police in Nottinghamshire", majority=PLACE))
    assert not team_rules.is_county_side(evidence("Shire", "Shire said"))  # no county's name


def test_a_name_listed_with_a_county_is_a_side():
    assert team_rules.is_listed_with_a_county(evidence("Surrey", "title hopefuls Derbyshire and Surrey, convincing"))
    assert team_rules.is_listed_with_a_county(evidence("Surrey", "v Gloucestershire or Sussex or Surrey"))
    assert team_rules.is_listed_with_a_county(evidence("Surrey", "over Worcestershire, and Surrey, who"))
    assert not team_rules.is_listed_with_a_county(evidence("Jones", "Jones, a Derbyshire farmer"))
    assert not team_rules.is_listed_with_a_county(evidence("Surrey", "in Hampshire and Surrey", majority=PLACE))


def test_a_place_among_county_sides_is_a_side():
    text = "Kent made up for lost time against Nottinghamshire, and Derbyshire lost by an innings"
    assert team_rules.is_place_among_county_sides(evidence("Kent", text, strength=2))
    assert not team_rules.is_place_among_county_sides(evidence("Kent", "Kent made up for lost time", strength=2))
    police = "Kent said officers from Nottinghamshire and Derbyshire helped"
    assert not team_rules.is_place_among_county_sides(evidence("Kent", police, strength=2))
    assert not team_rules.is_place_among_county_sides(evidence("Kent", text))  # no place
    assert not team_rules.is_place_among_county_sides(evidence("Kent", text, strength=2, majority=PLACE))
    grounds = "Bristol: Gloucestershire 183 not out\nFifth test (at Trent Bridge, Nottingham) v Derbyshire"
    assert not team_rules.is_place_among_county_sides(evidence("Bristol", grounds, strength=2))
    assert not team_rules.is_place_among_county_sides(evidence("Nottingham", grounds, strength=2))


def test_a_side_wins_by_runs_wickets_or_an_innings():
    text = "Leicestershire beat Somerset by an innings and 39 runs."
    assert team_rules.wins_by_a_margin(evidence("Leicestershire", text))
    assert team_rules.wins_by_a_margin(evidence("Somerset", text, majority=PLACE, strength=1))
    assert team_rules.wins_by_a_margin(evidence("Durham", "Glamorgan beat Durham by 141 runs.", majority=PLACE))
    assert not team_rules.wins_by_a_margin(evidence("Sampras", "Sampras beat Agassi 6-4 6-2."))
    assert not team_rules.wins_by_a_margin(evidence("Norman", "Norman beat Faldo by two strokes."))
    assert not team_rules.wins_by_a_margin(replace(evidence("Zimbabwe", "Australia beat Zimbabwe by 125 runs",
                                                            majority=PLACE), country=True))
