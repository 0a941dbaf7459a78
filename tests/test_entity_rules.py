"""Each named entity rule on evidence built by hand: no spaCy model, no gazetteer."""

from __future__ import annotations

from desktop.core.article import CITY, COUNTRY, ENTITY_KINDS, ORG, PERSON, PLACE, EntityKind
from desktop.core.entities import label_rules as rules
from desktop.core.entities import people, person_rules
from desktop.core.entities.evidence import WINDOW, Evidence
from desktop.core.entities.labels import decide
from desktop.core.entities.ner import DEMONYM, SPACY_KINDS
from desktop.core.entities.people import NamePair, name_form


def evidence(form: str, text: str | None = None, *, majority=PERSON, strength=0, country_or_region=False,
             name_words=()) -> Evidence:
    """Evidence for `form` at each of its occurrences in `text` (the form alone by default)."""
    text = form if text is None else text
    starts = [i for i in range(len(text)) if text.startswith(form, i)]
    assert starts, "the form must occur in the text"
    w, n = WINDOW, len(form)
    return Evidence(form=form, majority=majority, mentions=len(starts), strength=strength,
                    country_or_region=country_or_region, name_words=frozenset(name_words), text=text,
                    befores=tuple(text[max(0, s - w):s] for s in starts),
                    afters=tuple(text[s + n:s + n + w] for s in starts))


# --- One vocabulary of kinds -------------------------------------------------------------------

def test_kinds_keep_their_stored_strings():
    assert [str(k) for k in ENTITY_KINDS] == ["person", "city", "country", "org", "place"]
    assert EntityKind.PERSON == "person" and PERSON is EntityKind.PERSON and CITY == "city"
    assert EntityKind("country") is COUNTRY


def test_spacy_labels_map_to_kinds():
    assert SPACY_KINDS["PERSON"] is PERSON and SPACY_KINDS["ORG"] is ORG
    assert SPACY_KINDS["GPE"] is PLACE and SPACY_KINDS["LOC"] is PLACE
    assert SPACY_KINDS["NORP"] == DEMONYM and SPACY_KINDS["FAC"] is None
    assert "DATE" not in SPACY_KINDS


# --- Label rules -------------------------------------------------------------------------------

def test_platform():
    assert rules.is_platform(evidence("Twitter", "wrote on Twitter"))
    assert not rules.is_platform(evidence("Twister"))


def test_holiday():
    assert rules.is_holiday(evidence("Easter", "the day after Easter"))
    assert not rules.is_holiday(evidence("Esther"))


def test_demonym():
    assert rules.is_demonym_form(evidence("Kenyans"))
    assert rules.is_demonym_form(evidence("Africans"))
    assert not rules.is_demonym_form(evidence("Kenya"))


def test_site():
    assert rules.is_site(evidence("Tverskaya Street"))
    assert not rules.is_site(evidence("Street Fighter"))


def test_honorific_unknown_place():
    assert person_rules.has_honorific_unknown_place(evidence("Ms Raggi"))
    assert not person_rules.has_honorific_unknown_place(evidence("Ms Raggi", strength=1))
    assert not person_rules.has_honorific_unknown_place(evidence("Raggi"))


def test_unknown_initials():
    assert rules.is_unknown_initials(evidence("EU", majority=PLACE))
    assert not rules.is_unknown_initials(evidence("EU", majority=PLACE, strength=2))
    assert not rules.is_unknown_initials(evidence("Europe", majority=PLACE))


def test_part_of_full_name():
    assert person_rules.is_part_of_full_name(evidence("Navalny", name_words={"Navalny"}))
    assert not person_rules.is_part_of_full_name(evidence("Navalny"))
    # A big place of that name keeps it, unless spaCy says person and no country goes by it.
    assert not person_rules.is_part_of_full_name(evidence("Georgia", majority=PLACE, strength=2,
                                                          name_words={"Georgia"}))
    assert person_rules.is_part_of_full_name(evidence("Paris", strength=2, name_words={"Paris"}))
    assert not person_rules.is_part_of_full_name(evidence("Jordan", strength=2, country_or_region=True,
                                                          name_words={"Jordan"}))


def test_celestial():
    assert rules.is_celestial(evidence("Earth"))
    assert not rules.is_celestial(evidence("Erith"))


def test_sea_as_modifier():
    assert rules.is_sea_as_modifier(evidence("Pacific", "fresh Pacific halibut"))
    assert not rules.is_sea_as_modifier(evidence("Pacific", "across the Pacific and back"))
    assert not rules.is_sea_as_modifier(evidence("Pasadena", "Pasadena halibut"))


def test_sea():
    assert rules.is_sea(evidence("Atlantic", "across the Atlantic"))
    assert not rules.is_sea(evidence("Atlanta"))


def test_compass():
    assert rules.is_compass(evidence("South East"))
    assert rules.is_compass(evidence("Western"))
    assert not rules.is_compass(evidence("South Africa"))


def test_called_an_org():
    assert rules.is_called_an_org(evidence("Takie Dela", "said the outlet Takie Dela on Monday"))
    assert rules.is_called_an_org(evidence("Interfax", "Interfax news agency said"))
    assert not rules.is_called_an_org(evidence("Takie Dela", "said Takie Dela on Monday"))


def test_follows_honorific():
    assert person_rules.follows_honorific(evidence("Bush", "said President Bush", majority=ORG))
    assert person_rules.follows_honorific(evidence("Trump", "President-elect Trump"))
    assert not person_rules.follows_honorific(evidence("Bush", "President Bush", majority=PLACE))
    assert not person_rules.follows_honorific(evidence("Bush", "said Bush"))


def test_the_thing():
    assert person_rules.is_the_thing(evidence("Polaris", "loaded up the Polaris, one of four schooners"))
    assert not person_rules.is_the_thing(evidence("Obama", "the Obama administration"))
    assert not person_rules.is_the_thing(evidence("Polaris", "loaded up the Polaris", majority=ORG))


def test_strong_place():
    assert rules.is_strong_place(evidence("Yerevan", strength=2))
    assert not rules.is_strong_place(evidence("Yerevan", strength=1))


def test_speaker():
    assert person_rules.is_speaker(evidence("Leonid", "\u201cNo,\u201d said Leonid."))
    assert person_rules.is_speaker(evidence("Yulia", "Yulia, a young woman from Omsk", majority=PLACE))
    assert not person_rules.is_speaker(evidence("Leonid", "said Leonid", majority=ORG))
    assert not person_rules.is_speaker(evidence("Leonid", "went to Leonid"))


def test_town_called_org():
    assert rules.is_town_called_org(evidence("Bucha", "in Bucha, where", majority=ORG, strength=1))
    assert not rules.is_town_called_org(evidence("Bucha", "the Bucha massacre", majority=ORG, strength=1))
    assert not rules.is_town_called_org(evidence("Time", "Time to go, time", majority=ORG, strength=1))


def test_common_word():
    assert rules.is_common_word(evidence("Shelter", "Shelter is scarce; no shelter at all"))
    assert not rules.is_common_word(evidence("Shelter", "Shelter is scarce"))
    assert not rules.is_common_word(evidence("Reading", "Reading and reading", majority=PLACE, strength=1))


def test_unbacked_person():
    assert person_rules.is_unbacked_person(evidence("Viaskin", "a patch called Viaskin"))
    assert not person_rules.is_unbacked_person(evidence("Adele", "co-written by Adele"))
    assert not person_rules.is_unbacked_person(evidence("Viaskin", "Viaskin and Viaskin"))


def test_backed_as_person():
    assert person_rules.backed_as_person(evidence("Sally", "his first wife, Sally"))
    assert person_rules.backed_as_person(evidence("Maria", "Maria, who asked"))
    assert person_rules.backed_as_person(evidence("Dima", "then Dima left", name_words={"Dmitry"}))
    assert not person_rules.backed_as_person(evidence("Docker", "ranks ReactJS. Docker"))


def test_first_rule_decides_else_majority():
    assert decide(evidence("Twitter", "said Twitter", majority=PERSON)) is ORG  # platform before speaker
    assert decide(evidence("Yerevan", majority=PERSON, strength=2)) is PLACE
    assert decide(evidence("Kremlin", "the Kremlin said, and Kremlin", majority=ORG)) is ORG
    labels = [label for _, label in rules.LABEL_RULES]
    assert labels[0] is ORG and DEMONYM in labels[:12]


# --- People rules ------------------------------------------------------------------------------

def test_name_form_drops_titles_and_numbers():
    name = name_form("Russian President Vladimir Putin 18")
    assert name.words == ("Russian", "President", "Vladimir", "Putin")
    assert name.kept == ("Vladimir", "Putin")


def test_names_a_thing():
    assert people.names_a_thing(name_form("Valentine's Day"))
    assert not people.names_a_thing(name_form("Valentine Day"))


def test_looks_like_code():
    assert people.looks_like_code(name_form("WATSON/AFP"))
    assert people.looks_like_code(name_form("Backbone.js"))
    assert not people.looks_like_code(name_form("Jane Doe 18"))


def test_only_a_title():
    assert people.only_a_title(name_form("Dad"))
    assert people.only_a_title(name_form("Tory MLA"))
    assert not people.only_a_title(name_form("Mr Smith"))


def test_names_a_division():
    assert people.names_a_division(name_form("Pope County"))
    assert people.names_a_division(name_form("Prince Edward County"))
    assert not people.names_a_division(name_form("Pope Francis"))
    assert not people.names_a_division(name_form("Ronald Reagan"))


def test_ends_as_thing_or_group():
    assert people.ends_as_thing_or_group(name_form("Ronald Reagan Building"))
    assert people.ends_as_thing_or_group(name_form("Trump Supporters"))
    assert not people.ends_as_thing_or_group(name_form("Ronald Reagan"))


def test_runs_into_sentence():
    assert people.runs_into_sentence(name_form("Brasil ainda"))
    assert not people.runs_into_sentence(name_form("Luis de Miranda"))
    assert not people.runs_into_sentence(name_form("Omar al-Bashir"))


def test_ends_the_name():
    assert people.ends_the_name(NamePair(("navalny",), ("alexei", "navalny")))
    assert not people.ends_the_name(NamePair(("navalnaya",), ("alexei", "navalny")))


def test_starts_the_name():
    assert people.starts_the_name(NamePair(("alexei",), ("alexei", "navalny")))
    assert not people.starts_the_name(NamePair(("navalny",), ("alexei", "navalny")))


def test_frames_the_name():
    assert people.frames_the_name(NamePair(("martin", "king"), ("martin", "luther", "king")))
    assert not people.frames_the_name(NamePair(("martin",), ("martin", "luther", "king")))
    assert not people.frames_the_name(NamePair(("martin", "king"), ("martin", "luther", "kingsley")))
