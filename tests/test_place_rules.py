"""Place rules (entities/place_context.py, the resolver's shared-name choices) without a model;
the resolver reads the packaged gazetteer."""

from __future__ import annotations

from desktop.core.article import CITY, PLACE
from desktop.core.entities import place_context as pc
from desktop.core.entities.gazetteer import gazetteer
from desktop.core.entities.labels import decide
from desktop.core.entities.places import Resolver, place_strength
from tests.test_entity_rules import evidence


def resolve(text: str, *forms: str):
    positions = {f: [i for i in range(len(text)) if text.startswith(f, i)] for f in forms}
    return Resolver(gazetteer(), text, positions, []).resolved


def test_called_a_place():
    assert decide(evidence("Grindavík", "the fishing town of Grindavík", majority="org")) is PLACE
    assert not pc.is_called_a_place(evidence("Grindavík", "a firm called Grindavík"))


def test_a_local_spelling_of_a_big_city_is_that_city():
    assert place_strength(gazetteer(), "Genève") == 1
    assert decide(evidence("Genève", "Officials in Genève said", strength=1)) is PLACE
    assert not pc.is_local_spelling(evidence("Müller", "said Müller", strength=0))


def test_datelines_name_the_city_where_the_story_is():
    text = "TROY, N.C. (AP) -- A fire broke out.\nLAGOS (Reuters) - Oil rose.\nNEW YORK — Stocks fell.\nBY JANE DOE"
    assert pc.dateline_places(text) == {"Troy": [0], "Lagos": [37], "New York": [65]}


def test_a_dateline_state_resolves_the_town():
    text = "TROY, N.C. (AP) -- A fire broke out."
    troy = Resolver(gazetteer(), text, {"Troy": [0]}, []).resolved["Troy"]
    assert troy.kind == CITY and troy.admin1 == "NC"


def test_georgia_beside_atlanta_is_the_state():
    georgia = resolve("voters in Georgia, from Atlanta to Savannah, went to the polls", "Georgia", "Atlanta",
                      "Savannah")["Georgia"]
    assert georgia.kind == PLACE and georgia.country == "US"
    assert resolve("Tbilisi, the capital of Georgia, and Batumi", "Georgia", "Tbilisi", "Batumi")["Georgia"].country == "GE"


def test_new_york_is_the_city_unless_the_state_is_meant():
    assert resolve("donors in New York and Los Angeles", "New York", "Los Angeles")["New York"].geonameid == 5128581
    assert resolve("farms in upstate New York", "New York")["New York"].kind == PLACE
    assert resolve("New York state lawmakers met", "New York")["New York"].kind == PLACE


def test_new_york_after_a_town_or_among_states_is_the_state():
    assert resolve("a hospital in Bronx, New York", "New York")["New York"].kind == PLACE
    states = resolve("Wisconsin, Michigan and New York voted", "Wisconsin", "Michigan", "New York")
    assert states["New York"].kind == PLACE


def test_words_saying_what_kind_of_place_are_trimmed():
    from desktop.core.entities.ner import Analysis, Mention

    text = "in Sichuan province and the County of Brant and Barren County and the City of London, Torkula village"
    names = ["Sichuan province", "County of Brant", "Barren County", "City of London", "Torkula village"]
    mentions = [Mention(n, PLACE, text.index(n), text.index(n) + len(n)) for n in names]
    a = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(a, gazetteer())
    assert [(m.text, text[m.start:m.end]) for m in a.mentions] == [
        ("Sichuan", "Sichuan"), ("Brant", "Brant"), ("Barren County", "Barren County"),
        ("City of London", "City of London"), ("Torkula", "Torkula")]


def test_the_city_of_a_country_name_is_a_city():
    assert resolve("the city of Lebanon, Pa., voted", "Lebanon")["Lebanon"].kind == CITY


def test_a_province_or_county_is_no_city_of_its_name():
    sichuan = resolve("floods in Sichuan province killed", "Sichuan")["Sichuan"]
    assert sichuan.kind == PLACE and sichuan.name == "Sichuan"
    assert resolve("the County of Brant said", "Brant")["Brant"] is None


def test_no_state_is_taken_from_a_university_name():
    from desktop.core.entities.places import embedded_places

    found = embedded_places(["University of California", "Kentucky State Police"],
                            {"University of California": [0], "Kentucky State Police": [40]}, gazetteer())
    assert found == {"Kentucky": [40]}


def test_a_known_town_after_a_preposition_of_place_is_a_place():
    text = "The trip includes stops in Hilversum and Almelo, the paper says."
    assert decide(evidence("Almelo", text, majority="person", strength=1)) is PLACE
    assert pc.is_placed_by_preposition(evidence("Cheltenham", "to Cirencester from Gloucester and Cheltenham", strength=1))
    assert pc.is_placed_by_preposition(evidence("Klamath Falls", "In Klamath Falls, Oregon, a brewery", strength=1))
    # after a word of a journey, "to" places a town the model calls an organisation
    assert pc.is_placed_by_preposition(evidence("Clacton", "A tribute show comes to Clacton this weekend",
                                                majority="org", strength=1))


def test_no_preposition_of_place_for_people_brands_and_modifiers():
    assert not pc.is_placed_by_preposition(evidence("Epsom", "from coffee pods to Epsom salts", strength=1))
    assert not pc.is_placed_by_preposition(evidence("Hinton", "according to Hinton", strength=1))
    assert not pc.is_placed_by_preposition(evidence("Iberia", "sold to Iberia", majority="org", strength=1))
    obama = "Obama spoke. Few stand up to Obama. Obama said. Obama left."
    assert not pc.is_placed_by_preposition(evidence("Obama", obama, strength=1))
    assert not pc.is_placed_by_preposition(evidence("Almelo", "stops in Almelo", strength=0))


def test_placed_forms_read_the_text_around_each_mention():
    text = "He moved to Thornhill. Later, Tonya said no."
    assert pc.placed_forms(text, {"Thornhill": [12], "Tonya": [30]}, {}, 40) == {"Thornhill"}


def test_buildings_and_streets_are_places():
    assert pc.is_structure(evidence("Trump Tower"))
    for form in ("Jamsil Stadium", "Rue Casa Calvo", "St Patrick's Church", "New Bilibid Prison",
                 "Bornholmer Straße", "Colony Theatre", "Royal Shrewsbury Hospital", "St Peter's Basilica"):
        assert decide(evidence(form, majority="org")) is PLACE, form
    for form in ("Catholic Church", "Crystal Palace", "Stadium", "Rue"):
        assert not pc.is_structure(evidence(form)), form


def test_only_names_of_some_length_or_place_stay_unresolved_places():
    assert pc.keeps_unresolved("Middle East", set()) and pc.keeps_unresolved("Dundrum", {"Dundrum"})
    assert not pc.keeps_unresolved("Tonya", set()) and not pc.keeps_unresolved("St. Peter", set())


def test_business_wire_and_run_in_datelines():
    text = "Intro\nPLEASANTON, Calif.--(BUSINESS WIRE)--DeltaTrak, a firm. It said so. SAN DIEGO (AP) - The Guard."
    assert pc.dateline_places(text) == {"Pleasanton": [6], "San Diego": [74]}
    assert pc.dateline_places("He said. NATO - no. It was. FBI: yes.") == {}


def test_an_unlabelled_town_in_mid_sentence_after_in_is_a_place_of_a_named_country():
    from desktop.core.entities.places import placed_town, unlabelled_places
    text = "A soldier was killed in Syria. He served with forces in Manbij near the border."
    assert unlabelled_places(text, [], gazetteer()) == {"Syria": [24], "Manbij": [56]}
    assert not placed_town("A soldier served with forces in Manbij near the border.", 32, "Manbij", gazetteer())
    union = "Bargaining in Union was hard in Syria; the union"
    assert not placed_town(union, 14, "Union", gazetteer())
    assert not placed_town("It opened in March in Britain.", 13, "March", gazetteer())


def test_a_datelines_state_or_country_is_a_place_of_the_story():
    text = "TROY, N.C. (AP) -- A fire.\nHORRY COUNTY, SC (WMBF) - A man.\nLAGOS, Nigeria (Reuters) - Oil."
    assert pc.dateline_regions(text, gazetteer()) == {"North Carolina": [6], "South Carolina": [41], "Nigeria": [67]}
    assert pc.dateline_regions("LONDON (Reuters) - Oil rose.", gazetteer()) == {}


def test_a_facility_is_a_place_when_the_text_says_it_is_a_building_or_site():
    assert decide(evidence("Heathrow", "a plane at Heathrow airport. Then", majority=None)) is PLACE
    assert decide(evidence("Rogers Centre", "played at the Rogers Centre on", majority=None)) is PLACE
    assert not pc.is_facility(evidence("Buffalo Bisons", "the Buffalo Bisons won", majority=None))
    text = "a plane at Heathrow airport. The Feis Ceoil opened."
    votes = {"Heathrow": {None: 1}, "Feis Ceoil": {None: 1}, "Paris": {PLACE: 1}}
    assert pc.facility_forms(text, {"Heathrow": [11], "Feis Ceoil": [33], "Paris": []}, votes) == {"Heathrow"}


def test_two_countries_run_together_are_two_places():
    from desktop.core.entities.ner import Analysis, Mention
    text = "countries such as Cyprus, Greece Italy or Spain; the United States; Jordan Valley"
    mentions = [Mention(f, PLACE, text.index(f), text.index(f) + len(f))
                for f in ("Greece Italy", "United States", "Jordan Valley")]
    analysis = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [(m.text, m.start) for m in analysis.mentions] == [
        ("Greece", 26), ("Italy", 33), ("United States", 53), ("Jordan Valley", 68)]



def test_a_town_and_its_place_by_the_possessive_are_two_places():
    from desktop.core.article import ORG
    from desktop.core.entities.ner import Analysis, Mention
    text = "opened at Derry\u2019s Altnagelvin Hospital, by St. Mark's Coptic Cathedral and Macy's Day Parade"
    mentions = [Mention(f, label, text.index(f), text.index(f) + len(f)) for f, label in (
        ("Derry\u2019s Altnagelvin Hospital", ORG), ("St. Mark's Coptic Cathedral", ORG), ("Macy's Day Parade", PLACE))]
    analysis = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [(m.text, m.label, m.start) for m in analysis.mentions] == [
        ("Derry", PLACE, 10), ("Altnagelvin Hospital", ORG, 18), ("St. Mark's Coptic Cathedral", ORG, 43),
        ("Macy's Day Parade", PLACE, 75)]

def test_a_dateline_dash_may_touch_the_text():
    assert pc.dateline_places("Intro\nWASHINGTON—President Trump said.\nHe said—Then") == {"Washington": [6]}


def test_a_state_after_a_town_and_a_comma_is_the_state():
    text = "Mary from Celebrity Cake Studio in Tacoma, Washington shares tips"
    assert decide(evidence("Washington", text, majority="org", strength=2, country_or_region=True)) is PLACE
    assert not pc.is_region_after_town(evidence("Washington", "Mr Smith, Washington said", country_or_region=True))


def test_a_name_before_a_comma_and_a_region_with_a_town_of_that_name_is_the_town():
    assert decide(evidence("Troy", "the fire in Troy, N.C., spread", majority="person")) is PLACE
    assert pc.is_town_before_region(evidence("Klamath Falls", "Klamath Falls, Oregon, a brewery"))
    assert not pc.is_town_before_region(evidence("Jordan", "Michael Jordan, Chicago"))
    assert not pc.is_town_before_region(evidence("Troy", "Troy, said the coach"))


def test_a_province_of_any_country_is_a_place_of_its_own():
    assert resolve("protests in Tamil Nadu and Kerala", "Tamil Nadu")["Tamil Nadu"].geonameid == 1255053
    enugu = resolve("a rally in Enugu State", "Enugu State")["Enugu State"]
    assert enugu.kind == PLACE and enugu.minor and enugu.country == "NG"
    assert not gazetteer().lookup("Tamil Nadu")  # provinces never back a label on their own


def test_a_province_is_mostly_its_seat():
    assert resolve("a rally in Enugu, Nigeria", "Enugu")["Enugu"].kind == CITY


def test_one_word_provinces_only_where_spacy_says_place():
    from desktop.core.entities.places import provinces
    gaz = gazetteer()
    assert provinces(gaz, "Tamil Nadu", model_says_place=False)
    assert not provinces(gaz, "Sokoto", model_says_place=False) and provinces(gaz, "Sokoto", model_says_place=True)
    assert not provinces(gaz, "Central", model_says_place=True) and not provinces(gaz, "Delta", model_says_place=True)
    assert not provinces(gaz, "St Patrick", model_says_place=False)  # a saint


def test_a_province_by_two_words_is_a_place_whatever_spacy_says():
    assert decide(evidence("Tamil Nadu", "Tamil Nadu on Saturday moved the court")) is PLACE
    assert not pc.is_province(evidence("Sokoto", "Sokoto said", majority="org"))


def test_a_wire_dateline_with_a_date():
    text = "LONDON 1996-08-30\nText.\nMILWAUKEE, Wisconsin 1996-08-29\nNICE, France Aug 30\nHe met HELLO 12"
    assert pc.dateline_places(text) == {"London": [0], "Milwaukee": [24], "Nice": [56]}


def test_dates_and_scores_are_cut_off_place_mentions():
    from desktop.core.entities.ner import Analysis, Mention

    text = "SEOUL 1996-08-30 and Lithuania 3-0 and Manchester City v and Terminal 5"
    names = ["SEOUL 1996-08-30", "Lithuania 3-0", "Manchester City v", "Terminal 5"]
    analysis = Analysis(text, [Mention(n, PLACE, text.index(n), text.index(n) + len(n)) for n in names], [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [m.text for m in analysis.mentions] == ["SEOUL", "Lithuania", "Manchester City", "Terminal 5"]


def test_datelines_that_lost_their_dash():
    text = ("BEIRUT (AP) \ufffd A spokesman\nMEXICO CITY (AP) Mexico's Senate\nSOUTH WAZIRISTAN, April 5 (APP):Chief\n"
            "LONDON The Latest on\nUS Ambassador Jon\nHOLLOW The Latest")
    assert pc.dateline_places(text, gazetteer()) == {"Beirut": [0], "Mexico City": [26], "South Waziristan": [59],
                                                      "London": [97]}
    assert "London" not in pc.dateline_places(text)  # without the gazetteer, no bare city in capitals



def test_a_dateline_run_on_after_the_headline():
    text = ("Headline: Diaz-Balart Speaks at Grant Event. IMMOKALEE \u2013 Congressman Mario said. "
            "It was. UPDATE \u2013 No.")
    assert pc.dateline_places(text, gazetteer()) == {"Immokalee": [45]}
    assert pc.dateline_places(text) == {}  # a town's size decides, and needs the gazetteer
    assert pc.dateline_places("He said. NATO \u2013 no. It was. WASHINGTON - yes.", gazetteer()) == {}


def test_a_dateline_with_a_colon_opens_one_line():
    text = "TITLE: A car attack\nLOS ANGELES: Actress-model Jaime King\nDATE: Monday"
    assert pc.dateline_places(text, gazetteer()) == {"Los Angeles": [20]}
    transcript = "JACKSON: I think so.\nMADISON: Yes.\nJACKSON: No."  # speakers, not datelines
    assert pc.dateline_places(transcript, gazetteer()) == {}

def test_a_name_the_text_calls_a_town_is_placed():
    text = "a body in the basement of his old home in the town of Southold. Southold police said"
    positions = {"Southold": [text.index("Southold"), text.rindex("Southold")]}
    assert pc.placed_forms(text, positions, {}, 40) == {"Southold"}


def test_a_town_a_comma_and_its_region_are_two_places():
    from desktop.core.entities.ner import Analysis, Mention

    text = "19/20 May: Thruxton, Hampshire. Then Washington, D.C."
    names = ["Thruxton, Hampshire"]
    analysis = Analysis(text, [Mention(n, PLACE, text.index(n), text.index(n) + len(n)) for n in names], [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [(m.text, m.start) for m in analysis.mentions] == [("Thruxton", 11), ("Hampshire", 21)]


def test_an_arabic_city_goes_by_its_name_without_the_article():
    assert [p.name for p in gazetteer().lookup("Qamishli")][:1] == ["Al Qāmishlī"]
    assert gazetteer().lookup("Raqqah")[0].country == "SY"
    assert not gazetteer().lookup("Paso")  # "El Paso" is Spanish: its article stays


def test_a_dateline_city_the_article_calls_an_organisation_stays_both():
    from desktop.core.article import ORG
    from desktop.core.entities import _add_datelines

    text = "BEIJING 1996-08-31\nBeijing said on Saturday."
    labels, positions = {"Beijing": ORG}, {"Beijing": [19]}
    assert _add_datelines(text, labels, positions, gazetteer()) == (["Beijing"], {"Beijing"})
    assert labels == {"Beijing": ORG} and positions == {"Beijing": [19, 0]}
    labels, positions = {}, {}
    assert _add_datelines(text, labels, positions, gazetteer()) == ([], {"Beijing"}) and labels == {"Beijing": PLACE}


def test_a_province_after_a_name_and_a_comma_is_a_place():
    from desktop.core.entities.places import region_after_place
    text = "9/10 June: Oulton Park, Cheshire. He met Smith, Cheshire and Jones"
    assert region_after_place(text, text.index("Cheshire"), "Cheshire", gazetteer())
    assert not region_after_place(text, text.rindex("Cheshire"), "Cheshire", gazetteer())  # a list goes on
    text = "found near Chester, Cheshire, on Wednesday. He met Smith, Cheshire, and Jones"
    assert region_after_place(text, text.index("Cheshire"), "Cheshire", gazetteer())  # after a town of its country
    assert not region_after_place(text, text.rindex("Cheshire"), "Cheshire", gazetteer())


def test_a_sea_is_no_province_of_its_name():
    from desktop.core.entities.places import provinces
    assert gazetteer().provinces("Red Sea") and not provinces(gazetteer(), "Red Sea", model_says_place=True)


def test_a_direction_and_a_kind_names_no_one_province():
    from desktop.core.entities.places import provinces
    assert gazetteer().provinces("Western Province")
    assert not provinces(gazetteer(), "Western Province", model_says_place=True)


def test_a_countrys_own_name_is_no_town_of_the_country_beside_it():
    from desktop.core.article import COUNTRY
    assert resolve("Officials filed a US complaint against China over steel.", "China", "US")["China"].kind == COUNTRY
    assert resolve("He lives in Mexico, Mo., and farms", "Mexico")["Mexico"].admin1 == "MO"


def test_new_york_in_a_list_of_towns_of_other_states_is_the_city():
    text = "offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit"
    assert resolve(text, "New York", "Los Angeles", "Miami", "West Palm Beach", "Detroit")["New York"].kind == CITY


def test_a_word_of_a_persons_name_is_the_persons():
    from desktop.core.entities.place_words import persons_name_words
    words = persons_name_words(["John Odigie-Oyegun", "Oyegun", "Buhari"])
    assert words == {"John", "Odigie", "Oyegun"}  # a lone name gives no words: it may be the place's


def test_a_lone_unknown_word_is_a_place_only_where_it_stands_as_one():
    from desktop.core.entities.place_words import is_unplaced_word
    text = ("villages of Foua and Kfraya, in Cairo's Abbasiya and in eastern Ghouta. He wrote Transforming the "
            "Service; street artist Banksy; Yugoslavia beat Malta; San Jose, Calif. Rockingham, Northamptonshire.")
    words = ("Kfraya", "Abbasiya", "Ghouta", "Transforming", "Banksy", "Yugoslavia", "Calif", "Northamptonshire")
    placed = {w for w in words if not is_unplaced_word(w, text, [text.index(w)], gazetteer())}
    assert placed == {"Kfraya", "Abbasiya", "Ghouta", "Yugoslavia", "Calif", "Northamptonshire"}
    assert not is_unplaced_word("Middle East", "Middle East", [0], gazetteer())  # more than one word
    assert is_unplaced_word("IoTX", "Gisec, IoTX to show", [7], gazetteer())  # after no town


def test_unresolved_lone_words_that_are_no_places():
    from desktop.core.entities import _unplaced_words
    text = "Chief Oyegun met street artist Banksy; Marienplatz was shut, the A40 too; John Odigie-Oyegun said."
    forms = ("Oyegun", "Banksy", "Marienplatz", "A40")  # a building and a road stand by their own rules
    resolved = dict.fromkeys(forms)
    positions = {f: [text.index(f)] for f in forms}
    unplaced = _unplaced_words(resolved, ["John Odigie-Oyegun"], text, positions, {"A40"}, gazetteer())
    assert unplaced == {"Oyegun", "Banksy"}


def test_streets_named_together_are_places():
    from desktop.core.entities.place_words import named_streets, road_places
    text = "it rolled down Bourbon and Dauphine streets; at the corner of State, Grand and Hubbard streets."
    assert named_streets(text) == {"Bourbon": [15], "Dauphine": [27], "State": [62], "Grand": [69], "Hubbard": [79]}
    assert "Elm" not in named_streets("Smith and Elm went")
    roads = road_places(text + " A crash closed the A40.")
    assert set(roads) == {"Bourbon", "Dauphine", "State", "Grand", "Hubbard", "A40"}


def test_a_place_cut_at_an_abbreviations_dot_gets_its_name_back():
    from desktop.core.entities.ner import Analysis, Mention
    text = "homes near Fort St. John will be hit. Main St. Then Port St. Lucie"
    mentions = [Mention(form, PLACE, text.index(form), text.index(form) + len(form))
                for form in ("Fort St", "Main St", "Port St.")]  # with the dot or without
    analysis = Analysis(text, mentions, [], [], [], [])
    pc.trim_place_mentions(analysis, gazetteer())
    assert [(m.text, m.start) for m in analysis.mentions] == [
        ("Fort St. John", 11), ("Main St", 38), ("Port St. Lucie", 52)]  # the gazetteer knows no "Main St. Then"


def test_a_name_after_a_town_and_a_comma_is_its_region():
    from desktop.core.entities.place_words import after_a_town
    text = "23/24 June: Croft, Yorkshire. Gisec, IoTX to show"
    assert after_a_town(text, text.index("Yorkshire"), "Yorkshire", gazetteer())
    assert not after_a_town(text, text.index("IoTX"), "IoTX", gazetteer())  # no town, and the clause goes on
    assert pc.placed_forms(text, {"Yorkshire": [text.index("Yorkshire")]}, {}, 40) == {"Yorkshire"}
