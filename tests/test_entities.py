"""The entity stage: the seed article against its gold answers, name merging, places."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities import entities_status, find_entities, ner
from desktop.core.entities.gazetteer import gazetteer, name_key
from desktop.core.entities.people import clean_name, merge_people

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_80b6c875fc732354.txt"
GOLD = SHARED / "gold" / "seed-entities.json"


@pytest.fixture(scope="session")
def model():
    if ner.model_package() is None:
        pytest.skip("no spaCy English model installed")
    nlp = ner.load_model()
    assert nlp is not None, ner.load_error  # installed but broken: a failure, not a skip
    return nlp


@pytest.fixture(scope="session")
def seed(model):
    if not SEED.exists():
        pytest.skip("../shared is not beside the repository")
    from desktop.core.extract import extract_textfile

    article = extract_textfile(SEED.read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return article, find_entities(article.title, article.text), gold


def of(entities, kind):
    return {e.name: e for e in entities if e.kind == kind}


def test_importing_the_package_does_not_import_spacy():
    code = "import sys, desktop.core.entities; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- the seed article

def test_seed_people_and_their_aliases(seed):
    article, entities, gold = seed
    people = of(entities, PERSON)
    for person in gold["persons"]:
        assert person["name"] in people, person["name"]
        found = people[person["name"]]
        # An alias counts only if the extracted text still uses it on its own.
        rest = article.text.replace(person["name"], "")
        for alias in person["aliases"]:
            if re.search(rf"\b{re.escape(alias)}\b", rest):
                assert alias in found.aliases, (person["name"], alias)
        assert found.local == (" " not in person["name"])
    assert set(people) == {p["name"] for p in gold["persons"]}


def test_seed_authors_and_traps_are_not_people(seed):
    _, entities, gold = seed
    names = {n for e in entities if e.kind == PERSON for n in [e.name, *e.aliases]}
    assert not names & set(gold["authors"])
    for trap in ("Takie Dela", "Novichok", "Kremlin", "Sheremetyevo", "Muscovite", "Twitter"):
        assert not any(trap in n for n in names), trap
    assert "Navalnaya" not in of(entities, PERSON)["Alexei Navalny"].aliases


def test_seed_cities_by_geonames_id(seed):
    _, entities, gold = seed
    cities = {e.geonameid: e for e in entities if e.kind == CITY}
    assert set(cities) == {c["geonameid"] for c in gold["cities"]}
    for c in gold["cities"]:
        assert cities[c["geonameid"]].country == c["country"]
        assert cities[c["geonameid"]].lat is not None
    assert "St.Petersburg" in cities[498817].aliases
    assert "Noble" not in {e.name for e in entities if e.kind != PERSON}


def test_seed_countries_and_orgs(seed):
    _, entities, gold = seed
    countries = of(entities, COUNTRY)
    assert set(countries) == set(gold["countries"])
    assert countries["Serbia"].country == "RS" and countries["Russia"].geonameid == 2017370
    orgs = {name_key(n) for n in of(entities, ORG)}
    assert {"kremlin", "takie dela", "twitter"} <= orgs


def test_seed_positions_counts_and_context(seed):
    article, entities, _ = seed
    full = f"{article.title}\n\n{article.text}"
    navalny = of(entities, PERSON)["Alexei Navalny"]
    assert full[navalny.first_pos:].startswith("Navalny")  # in the title
    assert navalny.mentions >= 15
    belgrade = next(e for e in entities if e.geonameid == 792680)
    assert "Belgrade" in belgrade.context and belgrade.context in full
    assert [e.first_pos for e in entities] == sorted(e.first_pos for e in entities)


# ---------------------------------------------------------------- people

def test_titles_are_dropped():
    assert clean_name("President Vladimir Putin") == "Vladimir Putin"
    assert clean_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert clean_name("Dr. Jane Smith") == "Jane Smith"
    assert clean_name("Putin") == "Putin"
    assert clean_name("Jane Doe 18") == "Jane Doe"
    assert clean_name("Tory MLA") == clean_name("Dad") == clean_name("WATSON/AFP/Getty Images") == ""


def test_surnames_merge_and_inflected_surnames_stay_apart():
    people = {p.name: p for p in merge_people(
        ["Alexei Navalny", "Navalny", "Dariya Navalnaya", "Navalnaya", "President Vladimir Putin",
         "Putin", "Yulia"], "")}
    assert set(people) == {"Alexei Navalny", "Dariya Navalnaya", "Vladimir Putin", "Yulia"}
    assert people["Alexei Navalny"].forms == {"Alexei Navalny", "Navalny"}
    assert people["Dariya Navalnaya"].forms == {"Dariya Navalnaya", "Navalnaya"}
    assert people["Yulia"].local and not people["Vladimir Putin"].local


def test_a_surname_joins_without_its_arabic_article():
    people = {p.name for p in merge_people(["Omar Hassan al-Bashir", "Bashir", "al-Assad"], "")}
    assert people == {"Omar Hassan al-Bashir", "al-Assad"}


def test_a_surname_shared_by_two_people_joins_neither():
    people = {p.name for p in merge_people(["Hillary Clinton", "Bill Clinton", "Clinton"], "")}
    assert people == {"Hillary Clinton", "Bill Clinton", "Clinton"}


def test_diminutive_needs_the_full_name_just_before():
    near = "a placard for activist Dmitry Ivanov. \"I know Dima,\" he said."
    far = "Dima spoke first. " + "x " * 400 + "Later, Dmitry Ivanov arrived."
    assert {p.name for p in merge_people(["Dmitry Ivanov", "Dima"], near)} == {"Dmitry Ivanov"}
    assert {p.name for p in merge_people(["Dmitry Ivanov", "Dima"], far)} == {"Dmitry Ivanov", "Dima"}


def test_things_and_groups_are_not_people():
    assert clean_name("Valentine\u2019s Day") == clean_name("Sam's Club") == ""
    assert clean_name("Trump Supporters") == clean_name("Chozo Warriors") == ""
    assert clean_name("Mar Hicks") == "Mar Hicks"
    assert clean_name("Backbone.js") == clean_name("Amazon.com") == ""


def test_names_that_run_into_the_sentence_are_not_people():
    assert clean_name("Navigation Roadblocks: Stores") == clean_name("Oliver (Armie Hammer") == ""
    assert clean_name("Brasil ainda") == clean_name("Marsha l\u2019\u00e9labor\u00e9e") == ""
    assert clean_name("Luiz In\u00e1cio Lula da Silva") == "Luiz In\u00e1cio Lula da Silva"
    assert clean_name("Omar Hassan al-Bashir") == "Omar Hassan al-Bashir"
    assert clean_name("Osama bin Laden") == "Osama bin Laden"
    assert clean_name("former president Joe Biden") == "Joe Biden"


def test_soft_hyphens_leave_names():
    people = {p.name: p for p in merge_people(["Benjamin Netanyahu", "Netan\u00adyahu", "Vladi\u00admir Putin"], "")}
    assert set(people) == {"Benjamin Netanyahu", "Vladimir Putin"}
    assert "Netan\u00adyahu" in people["Benjamin Netanyahu"].forms


def test_peoples_are_not_people(model):
    entities = find_entities("", "Mr Mugabe, still seen by many Africans as a liberation hero, "
                             "is reviled by Europeans. Kenyans voted on Tuesday.")
    assert not {"Africans", "Europeans", "Kenyans"} & {e.name for e in entities}


def test_holidays_and_streaming_services_are_neither_people_nor_places(model):
    entities = find_entities("", "The day after Easter, Jane Hollis said the film was streaming on Netflix. "
                             "Sales peak before Easter and Christmas.")
    assert not {"Easter", "Christmas"} & {e.name for e in entities}
    assert [e.kind for e in entities if e.name == "Netflix"] in ([], [ORG])


GERMAN = ("Die Datenbank speichert alle Einträge, und die Anwendung zeigt sie an. Bundeskanzler "
          "Olaf Scholz sagte am Montag in Berlin, dass die Regierung die Sicherheit der Geräte "
          "verbessern wolle. Eine Einführung in die Zeitzonen und den Startwert folgt im nächsten "
          "Abschnitt, zusammen mit Hinweisen zum Erstellen von Einmal-Passwörtern für jeden Browser.")
ENGLISH = ("Chancellor Olaf Scholz said on Monday in Berlin that the government wanted to make the "
           "devices safer. An introduction to time zones and the starting value follows in the next "
           "section, with advice on creating one-time passwords for every browser and a database.")


def test_articles_not_in_english_get_no_entities(model):
    # The English model reads German nouns as people ("Datenbank", "Anwendung"): better none.
    assert find_entities("Sicherheit im Netz", GERMAN) == []
    english = find_entities("Safety online", ENGLISH)
    assert {"Olaf Scholz", "Berlin"} <= {e.name for e in english}


def test_a_results_table_full_of_foreign_names_is_english(model):
    # Read whole, the names made this Dutch to the language identifier.
    table = ("Results of Dutch first division soccer matches on Friday: Ajax Amsterdam 3 Utrecht 0, "
             "PSV Eindhoven 2 Feyenoord 2, Vitesse Arnhem 1 NAC Breda 1, Roda JC Kerkrade 0 Twente "
             "Enschede 0, Groningen 2 Heerenveen 1, Willem II Tilburg 1 Sparta Rotterdam 0, Fortuna "
             "Sittard 3 De Graafschap Doetinchem 1, NEC Nijmegen 0 RKC Waalwijk 2. Standings: PSV 3 3 "
             "0 0 9 2 9 Ajax 3 2 1 0 6 2 7 Feyenoord 3 2 1 0 5 3 7")
    assert {"Utrecht", "Rotterdam"} <= {e.name for e in find_entities("Dutch first division results", table)}


def test_short_texts_count_as_english(model):
    assert {e.name for e in find_entities("", "Olaf Scholz in Berlin.")} >= {"Olaf Scholz", "Berlin"}


def test_byline_names_are_not_mentions(model):
    entities = find_entities("Talks resume", "By Jane Hollis and Tom Beck\n\n"
                             "Foreign Minister Sergei Lavrov met reporters in Vienna on Monday.")
    people = of(entities, PERSON)
    assert "Sergei Lavrov" in people
    assert not {"Jane Hollis", "Tom Beck"} & set(people)


def test_credits_contributors_and_author_notes_are_not_mentions(model):
    body = ("Workers learned to fix water mains in Queens, said Tasos Georgelis of the city.\n"
            "Credit\nMichael Appleton for The New York Times\n"
            "A crew at work in Brooklyn.\nChang W. Lee/The New York Times\n"
            "Prices fell at the Westlake store. (Ellen M. Banner / The Seattle Times)\n"
            "Hania Soguel reported from Istanbul. Associated Press writers Philip J. Issa in Beirut "
            "and Vladimir Isachenkov in Moscow contributed to this report.\n"
            "Corey Kilgannon is a Metro reporter covering news and human interest stories.")
    entities = find_entities("Water mains", body)
    people = of(entities, PERSON)
    assert "Tasos Georgelis" in people
    assert "Istanbul" in of(entities, CITY)  # the sentence before the contributors is the story's
    for credited in ("Michael Appleton", "Chang W. Lee", "Ellen M. Banner", "Philip J. Issa",
                     "Vladimir Isachenkov", "Corey Kilgannon"):
        assert not any(credited.split()[-1] in p for p in people), credited


def test_a_short_paragraph_with_a_slash_is_not_a_credit(model):
    entities = find_entities("Talks", "Israeli/Palestinian talks resumed in Cairo.")
    assert "Cairo" in of(entities, CITY)


def test_everything_after_about_the_author_is_credit(model):
    body = ("Neon lit the streets of Paris, said Luis de Miranda, a historian.\n"
            "About the Author\nSarah Archer\nSarah Archer is the author of The Midcentury Kitchen.")
    assert list(of(find_entities("Neon", body), PERSON)) == ["Luis de Miranda"]


def test_a_caption_ending_in_its_photographers_name_is_credit(model):
    body = "Leonid Volkov spoke first.\nProtesters gathered outside the embassy in Yerevan. Anna Petrova"
    entities = find_entities("Rally", body)
    assert "Yerevan" in of(entities, CITY)
    assert "Leonid Volkov" in of(entities, PERSON) and "Anna Petrova" not in of(entities, PERSON)


def test_a_numbered_list_of_countries_is_not_a_caption(model):
    body = "The overall rankings of the countries were as follows:\n1. Finland\n2. Norway\n3. Australia"
    assert {"Finland", "Norway", "Australia"} <= {e.name for e in find_entities("Rankings", body)}


def test_names_only_in_title_case_lines_are_not_people(model):
    body = ("The board costs $35 and runs Linux, said Eben Upton.\n"
            "Raspberry Pi - Various Usage\n"
            "Redesigned Scopes Fail to Stop Superbug Outbreaks")
    people = of(find_entities("A small computer", body), PERSON)
    assert "Eben Upton" in people
    assert not {"Various Usage", "Redesigned Scopes Fail"} & set(people)


def test_a_name_that_takes_the_is_not_a_person_unless_it_qualifies(model):
    body = ("Wade Bassi loaded up the Polaris, one of four wooden schooners. His father fished on "
            "the Polaris, which Bassi co-owns. The Obama administration raised the deficit.")
    people = of(find_entities("Halibut", body), PERSON)
    assert "Polaris" not in people
    assert "Obama" in people


def test_an_honorific_makes_a_person_whatever_the_model_votes(model):
    body = ("Are there un-angry Trump supporters? He wrote of angry Trump supporters in Chicago. "
            "An article attributes a quote to President-elect Trump.")
    assert "Trump" in of(find_entities("Snopes", body), PERSON)


def test_one_word_named_once_needs_the_text_to_make_it_a_person(model):
    body = ("A new skin patch called Viaskin allowed people with peanut allergies to eat tiny amounts. "
            "Mugabe began an affair in the early 1990s as his first wife, Sally, was dying. "
            "Charles Schultze chaired the Council of Economic Advisers in the Carter administration. "
            "Police also arrested Vernon  Adkins, 40, of McKee.")
    people = of(find_entities("Allergies", body), PERSON)
    assert "Viaskin" not in people
    assert {"Sally", "Carter", "Charles Schultze"} <= set(people)
    assert any("Vernon" in p for p in people)

@pytest.mark.parametrize("body, person", [
    ("Lawmakers in Washington criticized Netanyahu over the strikes in Gaza.", "Netanyahu"),
    ("The song was co-written by Adele and recorded in London last year.", "Adele"),
    ("The family of Ahmed were evacuated from Gaza on Monday.", "Ahmed"),
    ("Maria, who asked that her surname not be used for fear of reprisals, fled in March.", "Maria"),
])
def test_what_is_done_to_or_by_a_lone_name_makes_it_a_person(model, body, person):
    assert person in of(find_entities("", body), PERSON)


def test_a_sentence_end_before_a_lone_name_is_no_title(model):
    body = "Sales of the treatment rose in Germany. Viaskin was approved by regulators."
    assert "Viaskin" not in of(find_entities("", body), PERSON)


@pytest.mark.parametrize("line, people", [
    ("Jordan Pickford, Kyle Walker, John Stones, Harry Maguire, Luke Shaw", {"Jordan Pickford", "Luke Shaw"}),
    ("Jannik Sinner (Italy) bt Daniil Medvedev (Russia) 7-5 6-2", {"Jannik Sinner", "Daniil Medvedev"}),
])
def test_lists_of_names_and_results_are_no_headings(model, line, people):
    assert people <= set(of(find_entities("Line-up", f"The manager named his side on Friday.\n{line}"), PERSON))


def test_author_note_words_in_the_story_are_story(model):
    body = ("Filler text about markets.\n" * 5 + "Pfizer has reported revenue of $10 billion this quarter, "
            "Chief Executive Albert Bourla told investors.\nMedicare covers the drug, said Dr. Jane Smith.")
    assert {"Albert Bourla", "Jane Smith"} <= set(of(find_entities("Drugs", body), PERSON))


@pytest.mark.parametrize("body, kept", [
    ("The hurricane killed 12 people in Florida in 2022. Jane Doe in Miami contributed reporting.", "Florida"),
    ("By Monday, the fire had been contained by crews sent from Sacramento, Governor Gavin Newsom said.",
     "Gavin Newsom"),
    ("Pictures posted by President Volodymyr Zelensky showed damage in Kharkiv.", "Volodymyr Zelensky"),
])
def test_story_sentences_that_look_like_credits_are_story(model, body, kept):
    assert kept in {e.name for e in find_entities("", body)}


def test_a_first_name_read_as_a_place_joins_the_surname_after_it(model):
    body = ("Results of second round matches at the U.S. Open on Friday: Thomas Enqvist (Sweden) beat "
            "Magnus Larsson (Sweden) 6-2 6-4 7-5, Guy Forget (France) beat Felix Mantilla (Spain) 6-3 6-2")
    entities = find_entities("Tennis", body)
    assert "Magnus Larsson" in of(entities, PERSON)
    assert "Magnus" not in {e.name for e in entities}


def test_only_names_get_an_age(model):
    body = ("On Tuesday Tom Smith, 45, was taken to hospital. The medal table was topped by the "
            "United States, 40, ahead of China, 38.")
    entities = find_entities("", body)
    assert "Tom Smith" in of(entities, PERSON)
    assert "United States" in of(entities, COUNTRY)

def test_a_name_given_an_age_is_a_person(model):
    body = "Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April."
    assert "Eloise Parry" in of(find_entities("Slimming pills", body), PERSON)


# ---------------------------------------------------------------- places

def test_the_compact_gazetteer_is_built():
    from desktop.core.entities.gazetteer import DATA_FILE

    assert DATA_FILE.exists(), "run scripts/build_gazetteer.py"


def test_saint_petersburg_spellings_are_one_place():
    gaz = gazetteer()
    for spelling in ("St.Petersburg", "St. Petersburg", "Saint Petersburg", "ST. PETERSBURG"):
        assert any(p.geonameid == 498817 for p in gaz.lookup(spelling)), spelling


def test_countries_are_countries(model):
    entities = find_entities("", "Officials in Serbia and Germany said talks with Mexico would go on.")
    assert {e.name for e in entities if e.kind == COUNTRY} >= {"Serbia", "Germany", "Mexico"}
    assert not any(e.kind == CITY for e in entities)


def test_the_document_chooses_among_namesakes(model):
    text = ("Protesters gathered in the Serbian capital Belgrade on Saturday. Police in Belgrade "
            "said the rally was calm. Meanwhile in Paris, Texas, a fair opened.")
    cities = {e.name: e for e in find_entities("", text) if e.kind == CITY}
    assert cities["Belgrade"].country == "RS" and cities["Belgrade"].geonameid == 792680
    assert cities["Paris"].country == "US"


def test_a_state_after_the_city_decides_and_people_are_no_evidence(model):
    text = ("Officials in Springfield, Ill., said Governor Bruce Rauner would visit. "
            "Michel Barnier arrived in Brussels from Paris.")
    places = {e.name: e for e in find_entities("", text) if e.kind in (CITY, PLACE)}
    assert places["Springfield"].country == "US" and places["Springfield"].geonameid == 4250542
    assert places["Illinois"].aliases == ["Ill."]
    assert places["Paris"].country == "FR"


def test_buildings_and_airports_are_not_cities(model):
    entities = find_entities("", "He was arrested at Moscow's Sheremetyevo Airport and taken past "
                             "the Kremlin. The Kremlin said nothing.")
    cities = {e.name for e in entities if e.kind == CITY}
    assert cities == {"Moscow"}


def test_planets_and_oceans_are_not_towns(model):
    text = ("Debris fell to Earth over an uninhabited area of Siberia, and the Moon rose over the Pacific. "
            "Fans of Pacific halibut in Seattle paid more.")
    entities = find_entities("", text)
    assert not {"Earth", "Moon"} & {e.name for e in entities}
    pacific = [e for e in entities if e.name == "Pacific"]
    assert [(e.kind, e.geonameid) for e in pacific] == [(PLACE, None)]


def test_a_small_town_needs_its_state_or_country(model):
    unfounded = find_entities("", "The film I, Tonya opened in Los Angeles and Chicago on Friday.")
    assert "Tonya" not in {e.name for e in unfounded}
    founded = find_entities("", "Officials in Kodiak, Alaska, said the boats were back.")
    assert any(e.name == "Kodiak" and e.kind == CITY for e in founded)


def test_a_word_written_in_lower_case_too_is_no_town(model):
    text = "How to Spend Less\n\nSee How Much Money and Time You Spent. Time is a resource; take your time."
    assert not any(e.kind == CITY for e in find_entities("", text))


def test_a_title_makes_a_person_of_a_city_name(model):
    entities = find_entities("", "President Bush met Tony Blair in Washington.")
    assert [e.kind for e in entities if e.name == "Bush"] == [PERSON]


def test_a_name_never_called_a_place_is_a_city_only_with_its_country(model):
    entities = find_entities("", "The Bush administration sent troops to Iraq.")
    assert [e.kind for e in entities if e.name == "Bush"] == [PERSON]
    assert not any(e.kind == CITY for e in entities)


def test_threads_share_one_model(model):
    from concurrent.futures import ThreadPoolExecutor

    text = "Vladimir Putin met Recep Tayyip Erdogan in Ankara, Turkey."
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: find_entities("", text), range(8)))
    assert all(r == results[0] for r in results)
    assert ner.load_model() is model


# ---------------------------------------------------------------- without a model

def test_without_a_model_nothing_is_found_and_the_status_says_why(monkeypatch):
    monkeypatch.setattr(ner, "model_package", lambda: None)
    monkeypatch.setattr(ner, "_nlp", None)
    monkeypatch.setattr(ner, "_loaded", False)
    assert find_entities("Title", "Vladimir Putin visited Belgrade.") == []
    assert "no spaCy English model" in entities_status()


def test_a_model_that_fails_to_load_turns_entities_off(monkeypatch):
    monkeypatch.setattr(ner, "model_package", lambda: "no_such_model_package")
    monkeypatch.setattr(ner, "_nlp", None)
    monkeypatch.setattr(ner, "_loaded", False)
    monkeypatch.setattr(ner, "load_error", None)
    assert find_entities("Title", "Vladimir Putin visited Belgrade.") == []
    assert "could not be loaded" in entities_status()


def test_status_is_none_with_a_model(model):
    assert entities_status() is None


def test_an_entitys_context_is_the_sentence_of_its_first_mention(model):
    entities = find_entities("", "The talks ended. Officials met in Belgrade on Monday! Then they "
                                 "left (as planned.) Later Jane Hollis spoke.")
    context = {e.name: e.context for e in entities}
    assert context["Belgrade"] == "Officials met in Belgrade on Monday!"
    assert context["Jane Hollis"] == "Later Jane Hollis spoke."
