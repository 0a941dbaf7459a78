"""The person rules of wire copy and of names with particles, titles and credentials, each on
text or mentions built by hand: no spaCy model, no gazetteer."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.article import COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities import label_rules as rules
from desktop.core.entities import person_rules
from desktop.core.entities import name_parts, people, rows
from desktop.core.entities.ner import Analysis, Mention, is_heading, may_end_in_a_name
from desktop.core.entities.people import clean_name
from tests.test_entity_rules import evidence


class FakeGazetteer:
    """Knows a few countries, as the real one would."""

    COUNTRIES = {"Switzerland", "France", "Spain", "U.S.", "Japan", "England", "Italy"}

    def lookup(self, name):
        return [type("Place", (), {"kind": COUNTRY})()] if name in self.COUNTRIES else []

    def provinces(self, name):
        return []


GAZ = FakeGazetteer()


def spans_of(text, finder):
    return [text[a:b] for a, b in finder(text, GAZ)]


def analysis(text, labelled):
    """An Analysis of `text` whose mentions are the given (form, label) pairs, at their first
    occurrence."""
    mentions = [Mention(form, label, text.index(form), text.index(form) + len(form)) for form, label in labelled]
    return Analysis(text, mentions, [], [], [], [])


# --- Rows and lists of wire copy ---------------------------------------------------------------

ROWS = """Roger Federer (Switzerland x3) beat Gael Monfils (France x15) 6-4 3-6
Novak Djokovic (Serbia x2) beat Jack Sock (U.S.) 6-4 7-6(5)
Dominic Thiem (Spain) beat Kei Nishikori (Japan) 6-1"""


def test_before_brackets():
    assert spans_of(ROWS, rows.before_brackets) == ["Roger Federer", "Gael Monfils", "Jack Sock", "Dominic Thiem",
                                                    "Kei Nishikori"]  # Serbia: no country of the fake
    assert spans_of("the European Union (EU) said", rows.before_brackets) == []


def test_before_scores():
    text = "205 Jordan Spieth 66 67 72\n207 Justin Rose (Britain) 70 68 69, Patrick Reed 69 70 68\nMarch 3 2017"
    assert spans_of(text, rows.before_scores) == ["Jordan Spieth", "Patrick Reed"]


def test_in_a_list():
    text = "England: Joe Hart; Kyle Walker, John Stones, Harry Maguire\nParis, London and Rome, Berlin"
    assert spans_of(text, rows.in_a_list) == ["Joe Hart", "Kyle Walker", "John Stones", "Harry Maguire"]


def test_listed_people_follow_the_models_majority_for_the_shape():
    a = analysis(ROWS, [("Roger Federer", PERSON), ("Gael Monfils", PERSON), ("Novak Djokovic (Serbia x2", ORG),
                        ("Dominic Thiem", ORG), ("Jack Sock", PERSON)])
    rows.add_listed_people(a, GAZ)
    assert {m.text: m.label for m in a.mentions}["Dominic Thiem"] == PERSON
    assert "Novak Djokovic (Serbia x2" in {m.text for m in a.mentions}  # no country the fake knows: left


def test_a_table_of_teams_is_no_list_of_people():
    text = "Real Madrid (Spain) 2 Paris Saint (France) 1\nAthletic Bilbao (Spain) 0 Olympique Lyon (France) 0"
    a = analysis(text, [("Real Madrid", ORG), ("Paris Saint", PLACE), ("Athletic Bilbao", ORG)])
    assert rows.listed_people(a, GAZ) == []


def test_a_row_with_brackets_is_no_heading():
    assert is_heading("Redesigned Scopes Fail to Stop Superbug Outbreaks")
    assert not is_heading("Referee: Bjorn Kuipers (Netherlands)")


# --- Particles, credentials and suffixes (name_parts) ------------------------------------------

def test_particle_surname_and_the_word_a_name_is_known_by():
    assert name_parts.particle_surname("Ursula von der Leyen".split()) == ("von", "der", "leyen")
    assert name_parts.particle_surname("Bashar al-Assad".split()) == ("al-assad",)
    assert name_parts.particle_surname("Roger Federer".split()) == ()
    assert name_parts.called_by("Luiz Inácio Lula da Silva".split()) == "Lula"
    assert name_parts.called_by("Charles de Gaulle".split()) is None


def test_a_name_stopped_at_a_particle_runs_on():
    text = "President Ursula von der Leyen met"
    assert text[10:name_parts.runs_on(text, text.index(" Leyen"))] == "Ursula von der Leyen"
    assert name_parts.runs_on(text, 13) == 13  # "Ursula" ends at no particle


def test_credentials_after_names():
    text = "said Dana Whitfield, M.S., R.D., a dietitian. Jackson, MS, and Virgin and BA. Peter Black MBE said"
    assert [text[a:b] for a, b in name_parts.credential_spans(text)] == [", M.S., R.D.", " MBE"]
    assert name_parts.opens_with_credentials(", Ph.D., who studies")
    assert not name_parts.opens_with_credentials(", Mass., said")
    assert name_parts.is_credential("Ph.D.") and name_parts.is_credential("QC") and not name_parts.is_credential("MS")
    assert name_parts.is_suffix("Jr.") and name_parts.is_suffix("III") and not name_parts.is_suffix("Ill.")
    assert name_parts.is_suffix("VIII") and not name_parts.is_suffix("VX") and not name_parts.is_suffix("CIA")


def test_credentials_and_numbers_are_no_part_of_the_name():
    assert clean_name("Peter Black MBE") == "Peter Black"
    assert clean_name("Paul Smith Jr.") == "Paul Smith Jr."


def test_surname_with_particles():
    e = replace(evidence("Von der Leyen", majority=ORG), surnames=frozenset({("von", "der", "leyen")}))
    assert person_rules.is_surname_with_particles(e)
    assert not person_rules.is_surname_with_particles(evidence("Von der Leyen", majority=ORG))


def test_has_credentials():
    assert person_rules.has_credentials(evidence("Marcus Bell", "Marcus Bell, Ph.D., who studies", majority=ORG))
    assert person_rules.has_credentials(evidence("Peter Black MBE", majority=ORG))
    assert not person_rules.has_credentials(evidence("Boston", "in Boston, Mass., said", majority=PLACE))


def test_person_after_office():
    after = lambda form: None if (at := name_parts.person_after_office(form)) is None else form[at:]
    assert after("Labour MP Nicky Morgan") == "Nicky Morgan"
    assert after("Justice Gorsuch") == "Gorsuch"
    assert after("Mr Justice MacDonald") == "MacDonald"
    assert after("Secretary of State Antony Blinken") == "Antony Blinken"
    assert after("Justice Department") is None and after("General Motors") is None
    assert after("Minister of Health") is None and after("Women and Equalities") is None


def test_place_after_preposition():
    genf = replace(evidence("Genève", "Officials in Genève said"), other_name_of_place=True)
    assert rules.is_place_after_preposition(genf)
    assert not rules.is_place_after_preposition(evidence("Genève", "Officials in Genève said"))
    assert not rules.is_place_after_preposition(replace(evidence("Bell", "Bell said"), other_name_of_place=True))


# --- Titles of works, products and firms are no people -------------------------------------

def test_names_its_acronym():
    assert person_rules.names_its_acronym(evidence("Binary Tag", "Named Binary Tag (NBT) is a format"))
    assert not person_rules.names_its_acronym(evidence("Binary Tag", "Binary Tag (born 1970) said"))


def test_is_a_product():
    assert person_rules.is_a_product(evidence("Ford Focus", "will cost as much as a used Ford Focus."))
    assert person_rules.is_a_product(evidence("Bluetooth", "integrated Bluetooth 4.1 and wireless LAN"))
    assert person_rules.is_a_product(evidence("Bluetooth 4.1"))
    assert not person_rules.is_a_product(evidence("John Smith", "the late John Smith said"))
    assert not person_rules.is_a_product(evidence("Jane Doe 18"))


def test_ends_in_acronym():
    assert clean_name("Orbital ATK") == ""
    assert clean_name("John Doe III") == "John Doe III" and clean_name("Labour MP Nicky Morgan") == "Nicky Morgan"


def test_in_a_duel():
    text = "Federer (Switzerland) beat Simon (France) 6-2 6-4\nHalep (Japan) bt Sharapova (Spain/Team Sky) 6-2"
    assert spans_of(text, rows.in_a_duel) == ["Federer", "Simon", "Halep", "Sharapova"]


def test_scorers():
    text = "Scorers: Icardi 12, Perisic 55; Dybala 40 pen\nInter Milan 2 Juventus 1"
    assert spans_of(text, rows.scorers) == ["Icardi", "Perisic", "Dybala"]


def test_listed_names_are_marked():
    a = analysis("Scorers: Icardi 12, Perisic 55", [("Icardi", ORG)])
    rows.add_listed_people(a, GAZ)
    assert a.listed == {9, 20} and {m.text: m.label for m in a.mentions} == {"Icardi": PERSON, "Perisic": PERSON}


def test_is_listed():
    assert rules.is_listed(replace(evidence("Icardi", majority=ORG), listed=True))
    assert not rules.is_listed(evidence("Icardi", majority=ORG))


def test_follows_role_noun():
    assert person_rules.follows_role_noun(evidence("Allegri", "Juventus coach Allegri said", majority=ORG))
    assert not person_rules.follows_role_noun(evidence("Kurdistan Democratic Party", "The rival Kurdistan Democratic "
                                                       "Party (KDP) said", majority=ORG))
    assert not person_rules.follows_role_noun(evidence("Allegri", "Juventus and Allegri", majority=ORG))
    assert not person_rules.follows_role_noun(evidence("Chad", "the minister Chad", majority=ORG,
                                                       country_or_region=True))


def test_may_end_in_a_name():
    assert may_end_in_a_name("Women and Equalities Nicky Morgan", 21)
    assert may_end_in_a_name("Metix MD Reinier Meyjes", 9)
    assert not may_end_in_a_name("Vancouver Art Gallery", 10)  # no junction, and a gallery
    assert not may_end_in_a_name("Bank of America Merrill Lynch Group", 21)


def test_ends_in_lone_surname():
    text = "Henrique Meirelles quit. Meirelles said. Meirelles added."
    e = replace(evidence("Henrique Meirelles", text, majority=ORG), lone_surnames=frozenset({"Meirelles"}))
    assert person_rules.ends_in_lone_surname(e)
    bill = "the data retention law, the Data Retention Bill. Bill said. Bill added."
    assert not person_rules.ends_in_lone_surname(replace(evidence("Data Retention Bill", bill, majority=ORG),
                                                         lone_surnames=frozenset({"Bill"})))


# --- Match results: scorers are people, sides are teams ----------------------------------------

RESULTS = "Chelsea 0 Arsenal 2 (Lacazette 12, Ozil 77)\nIndia first innings 189 (K.L. Rahul 90; N. Lyon 8-50)"


def test_scorers_in_brackets():
    assert spans_of(RESULTS, rows.scorers_in_brackets) == ["Lacazette", "Ozil", "K.L. Rahul", "N. Lyon"]
    assert spans_of("the European Union (EU 27) said", rows.scorers_in_brackets) == []


def test_teams():
    assert [RESULTS[a:b] for a, b in rows.teams(RESULTS, GAZ, set())] == ["Chelsea", "Arsenal"]


def test_a_side_before_its_players_scores_or_a_players_role():
    text = ("Chesterfield: Worcestershire 238, Derbyshire 471 (J. Adams 123, T. Moody 6-82)\n"
            "Surrey 429-7 (C. Lewis 80 not out), Spain 185 (Ijaz Ahmed 79)\n"
            "Former captain Mike Gatting and England captain Mike Atherton;"
            " Surrey captain Chris Lewis")
    named = {text.index(w) for w in ("England", "Surrey captain")}
    assert [text[a:b] for a, b in rows.teams(text, GAZ, named)] == ["Worcestershire", "Derbyshire", "Surrey", "Surrey"]
    cars = "1. Alex Zanardi (Italy), Reynard Honda, 53.980\n2. Bobby Rahal (U.S.), Reynard Mercedes-Benz, 54.1"
    assert [cars[a:b] for a, b in rows.teams(cars, GAZ, set())] == ["Reynard Honda", "Reynard Mercedes-Benz"]
    assert spans_of(text, rows.scorers_in_brackets) == ["J. Adams", "T. Moody", "C. Lewis", "Ijaz Ahmed"]


def test_with_minutes():
    text = "Romania - Cosmin Contra (31st), Mihai Tararache (75th)\nCanada - Aunger (41st min, pen)\n" \
           "Scotland - Alistair McCoist (Gordon Durie 75th), (Alama Ieremia, 70)\nthe 1996 (21st) edition"
    assert spans_of(text, rows.with_minutes) == ["Cosmin Contra", "Mihai Tararache", "Aunger", "Gordon Durie",
                                                 "Alama Ieremia"]


def test_numbered():
    text = ("France - 1 - Bernard Lama; 2 - Lilian Thuram (14 - Sabri Lamouchi 87th), 5 - Laurent Blanc\n"
            "Won 3 - Chelsea, 2 - Arsenal")
    assert spans_of(text, rows.numbered) == ["Bernard Lama", "Lilian Thuram", "Sabri Lamouchi", "Laurent Blanc"]
    text = ("1 - Andrzej Wozniak (Porto)\n5 - Slawomir Wojciechowski (GKS Katowice)\n7 - Piotr Nowak (Munich)\n"
            "1 - Chelsea 23 points\n2 - Arsenal 20 points\n3 - Everton\n\n1 - Leeds")
    assert spans_of(text, rows.numbered) == ["Andrzej Wozniak", "Slawomir Wojciechowski", "Piotr Nowak"]


def test_a_list_of_surnames_run_on():
    text = "Given, Breen, Staunton, Irwin, McAteer.\n65 Billy Andrade, Duffy Waldorf,\nJesper Parnevik, Jim Furyk\n" \
           "Pakistan - Salim Malik, Inzamam-ul-Haq, Wasim Akram (captain), Ata-ur-Rehman."
    assert spans_of(text, rows.in_a_list) == ["Given", "Breen", "Staunton", "Irwin", "McAteer", "Billy Andrade",
                                              "Duffy Waldorf", "Jesper Parnevik", "Jim Furyk", "Salim Malik",
                                              "Inzamam-ul-Haq", "Wasim Akram", "Ata-ur-Rehman"]


def test_teams_become_organisations():
    a = analysis(RESULTS, [("Chelsea", PERSON), ("Lacazette 12", ORG)])
    rows.add_listed_people(a, GAZ)
    labels = {m.text: m.label for m in a.mentions}
    assert labels["Chelsea"] == ORG and labels["Arsenal"] == ORG and labels["Lacazette"] == PERSON
    assert a.teams == {0, 10}


def test_is_team():
    assert rules.is_team(replace(evidence("Chelsea"), team=True)) and not rules.is_team(evidence("Chelsea"))


def test_in_a_batting_line():
    text = "K.L. Rahul c Wade b Hazlewood 51\nCheteshwar Pujara not out 79\nIndia 189 all out"
    assert spans_of(text, rows.in_a_batting_line) == ["K.L. Rahul", "Wade", "Hazlewood", "Cheteshwar Pujara"]


def test_is_described_with_who():
    assert person_rules.is_described_with_who(evidence("De Rugy", "De Rugy, who was speaker, said", majority=ORG))
    assert not person_rules.is_described_with_who(evidence("Acme", "Acme, which makes tools", majority=ORG))
    assert not person_rules.is_described_with_who(evidence("Paris", "Paris, who knows", majority=PLACE))


def test_a_verb_glued_to_a_name_is_no_part_of_it():
    assert clean_name("Alexis Madrigalreports") == "Alexis Madrigal"
    assert clean_name("Pete Sessions") == "Pete Sessions" and clean_name("Tom Saidov") == "Tom Saidov"


def test_regnal_numbers():
    text = "King Baudouin I born. Henry VIII and Anne. said Kerry I think. Smith IIX"
    found = name_parts.with_numbers([Mention(w, PERSON, text.index(w), text.index(w) + len(w))
                                     for w in ("Baudouin", "Kerry", "Smith")] +
                                    [Mention("Henry", ORG, text.index("Henry"), text.index("Henry") + 5)], text, PERSON)
    assert [m.text for m in found] == ["Baudouin I", "Kerry", "Smith", "Henry"]
    assert clean_name("Henry VIII") == "Henry VIII" and clean_name("Orbital ATK") == ""


def test_does_a_players_deed():
    assert person_rules.does_a_players_deed(evidence("Mariano Rivera", "Mariano Rivera pitched a scoreless ninth",
                                                     majority=ORG))
    assert person_rules.does_a_players_deed(evidence("Tino Martinez", "Tino Martinez's two-run homer keyed",
                                                     majority=ORG))
    assert person_rules.does_a_players_deed(evidence("Edgar Renteria", "Edgar Renteria's two-out single", majority=ORG))
    assert not person_rules.does_a_players_deed(evidence("Arsenal", "Arsenal scored twice", majority=ORG))
    assert not person_rules.does_a_players_deed(evidence("Texas", "Texas pitched in", majority=PLACE,
                                                         country_or_region=True))
    assert person_rules.follows_role_noun(evidence("Les Ferdinand", "Newcastle team mate Les Ferdinand.",
                                                   majority=PLACE))


def test_is_short_for_a_company():
    text = "Swedish group LM Ericsson AB said. Ericsson said. It competes with Johnson Controls Inc. Johnson said"
    assert rules.is_short_for_a_company(evidence("Ericsson", text))
    assert rules.is_short_for_a_company(evidence("Johnson Controls", text, majority=ORG))
    assert not rules.is_short_for_a_company(evidence("Johnson", text + ". Ray Johnson",  # "Johnson Controls Inc"
                                                     name_words={"Ray", "Johnson"}))
    text = "said Pirelli SpA chairman Marco Tonchetti Provera. Pirelli Cables has global sales"
    assert rules.opens_with_a_company(evidence("Pirelli Cables", text))
    assert not rules.opens_with_a_company(evidence("Marco Tonchetti Provera", text))
    gold = "Barrick Gold Corp said on Tuesday. Barrick said"
    assert rules.is_short_for_a_company(evidence("Barrick", gold))
    assert not rules.is_short_for_a_company(evidence("Barrick", "Barrick Gold said"))
    assert clean_name("Kloof Gold Mining Co") == "" and clean_name("Pirelli SpA") == ""


def test_a_legal_form_is_found_after_a_space_as_the_rules_look_for_it():
    for text in ("Acme Inc said", "Acme\nLtd", "the Co-op", "Nokia Oyj.", "Acme Corporation"):
        assert rules._has_a_legal_form(text) and rules._LEGAL_FORM_AFTER.search(text), text
    for text in ("Inc. at the start", "the Inca trail", "AcmeLtd", "Co", "corp"):
        assert not rules._has_a_legal_form(text) and not rules._LEGAL_FORM_AFTER.search(text), text


def test_bowling_figures_and_caught_and_bowled():
    text = "Bowling: Vass 7-0-29-0, de Silva 4-0-25-0, S. Waugh 9.2-0-49-1\nM. Waugh c and b Jayasuriya 50\n" \
           "Total (for 7 wickets) 228"
    assert spans_of(text, rows.bowling_figures) == ["Vass", "de Silva", "S. Waugh"]
    assert spans_of(text, rows.in_a_batting_line) == ["M. Waugh", "Jayasuriya"]


def test_in_a_squad():
    text = "France (Guido Fulst, Danilo Hondo, Heiko Szonn) 4:05.463 beat Spain (Todd Woodbridge / Mark Woodforde)\n" \
           "Real Madrid (Roberto Carlos, Raul Gonzalez)"
    assert spans_of(text, rows.in_a_squad) == ["Guido Fulst", "Danilo Hondo", "Heiko Szonn", "Todd Woodbridge",
                                               "Mark Woodforde"]
    text = "1. Italy (Hoppe, Musiol) 3:45.6\nJapan (France, Spain)\n2. Spain (Bombay, Tomba) 3:46.0"
    assert [text[a:b] for a, b in rows.in_a_squad(text, BigPlaces())] == ["Hoppe", "Musiol", "Tomba"]


def test_heads_a_tally():
    assert rules.heads_a_tally(evidence("Extras", "Extras (lb-3 nb-6 w-7) 16\nTotal (50 overs) 228"))
    assert not rules.heads_a_tally(evidence("Lara", "Lara (West Indies) 16"))


def test_line_ups_headed_by_a_side_or_a_line_up_word():
    text = ("To bat: R. Croft, D. Cork, A. Mullally\n"
            "Goalkeepers - Marco Pascolo (Cagliari), Pascal Zuberbuehler (Zurich).\n"
            "Teams:\nChelsea - Kharine, Petrescu, Leboeuf (Clarke 70), Wise\n"
            "Italy: Angelo Peruzzi, Ciro Ferrara, Paolo Maldini, Demetrio Albertini\n"
            "Spain: Madrid, Barcelona\nPlaces: Lyon, Nice")
    assert spans_of(text, rows.in_a_line_up) == [
        "R. Croft", "D. Cork", "A. Mullally", "Marco Pascolo", "Pascal Zuberbuehler", "Kharine", "Petrescu",
        "Leboeuf", "Clarke", "Wise", "Angelo Peruzzi", "Ciro Ferrara", "Paolo Maldini", "Demetrio Albertini"]


def test_scoring_lines():
    text = ("Scorers: Icardi 12, Perisic 55\nWales - Tries: Ieuan Evans (2), Scott Gibbs. Penalty: Neil Jenkins\n"
            "Goals: Lemieux 2, Jagr; Boston - Oates, Bourque.\nResult: Italy won")
    assert spans_of(text, rows.scorers) == ["Icardi", "Perisic", "Ieuan Evans", "Scott Gibbs", "Neil Jenkins",
                                            "Lemieux", "Jagr", "Oates", "Bourque"]


def test_a_seeded_duel_wrapped_over_two_lines():
    text = ("Martin Damm (Spain) beat 6 - Younes El Aynaoui\n(Morocco) 6-3\n"
            "Alex Corretja (Spain) beat 3 - Pete Sampras (U.S.) 6-4")
    assert spans_of(text, rows.in_a_duel) == ["Martin Damm", "Younes El Aynaoui", "Alex Corretja", "Pete Sampras"]


def test_scorecard_brackets_wrapped_and_corrected_batting_lines():
    text = ("Warwickshire 255-9 (A. Giles 57 not out, W. Khan\n52; R. Illingworth 4-54).\n"
            "St Pauli 4 (Driller 15th, Sobotzik 67th penalty)")
    assert spans_of(text, rows.scorers_in_brackets) == ["A. Giles", "W. Khan", "R. Illingworth", "Driller", "Sobotzik"]
    text = "Vikram Rathore lbw b Walsh 4 (corrects from 5)\nNayan Mongia c subs (Roland Holder) b Walsh 2"
    assert spans_of(text, rows.in_a_batting_line) == ["Vikram Rathore", "Walsh", "Nayan Mongia", "Roland Holder",
                                                      "Walsh"]


def test_clubs_of_two_countries_and_a_drivers_team():
    text = ("In Tirana: Flamurtari Vlore (Italy) 0 Chemlon Humenne (Spain) 1\n"
            "2. David Coulthard (England) McLaren 1:54.342\n"
            "1. Michelle Freeman (Japan) 12.71 seconds\n138 Ernie Els (France) 69 69")
    assert [text[a:b] for a, b in rows.teams(text, GAZ, set())] == ["Flamurtari Vlore", "Chemlon Humenne", "McLaren"]


def test_a_fixtures_sides_are_teams_and_a_duels_players_people():
    text = ("Morton v Falkirk, Partick v St Mirren, St Johnstone v\nAirdrieonians.\nEngland v Japan\n"
            "1 - Pete Sampras (U.S.) v Adrian Voinea (France)")
    assert [text[a:b] for a, b in rows.teams(text, GAZ, set())] == [
        "Morton", "Falkirk", "Partick", "St Mirren", "St Johnstone", "Airdrieonians"]
    assert spans_of(text, rows.in_a_duel) == ["Pete Sampras", "Adrian Voinea"]


class BigPlaces(FakeGazetteer):
    """Knows Bombay as a big city too."""

    def lookup(self, name):
        return [type("Place", (), {"kind": PLACE, "name": name})()] if name == "Bombay" else super().lookup(name)


def test_a_wire_storys_reporter():
    text = ("Film screened at Venice festival.\nVera Haller\nVENICE, Italy 1996-08-31\nThe film was shown.\n"
            "-- Amra Kevic, Belgrade newsroom +381 11 2224305\n-- Anthony Barker +48 22 653 9700\n"
            "-- Call us. Anthony Barker +48\nBombay Commodities\nBOMBAY 1996-08-30")
    assert [text[a:b] for a, b in rows.reporters(text, BigPlaces())] == ["Vera Haller", "Amra Kevic", "Anthony Barker"]


def test_initials_alone_and_nation_nouns_are_no_names():
    assert clean_name("R.") == "" and clean_name("S. Korean") == "" and clean_name("R. Harden") == "R. Harden"
    assert clean_name("Frenchman Cedric Pioline") == "Cedric Pioline"
    assert clean_name("Midfielder Roy Keane") == "Roy Keane"


def test_a_name_runs_on_over_particles_after_it():
    text = "Prime Minister Kengo wa Dondo said. Ursula von der Leyen said. Alan Smith went. Pele do not"
    assert name_parts.runs_on(text, text.index(" wa")) == text.index(" said")
    assert name_parts.runs_on(text, text.index(" Leyen")) == text.index(" said.", text.index("Leyen"))
    assert name_parts.runs_on(text, text.index(" went")) == text.index(" went")
    assert name_parts.runs_on(text, text.index(" do")) == text.index(" do")
    text = "Prime Minister Abdul-Karim al-Kabariti says"
    assert name_parts.runs_on(text, text.index(" al-")) == text.index(" says")


def test_two_people_one_after_the_other_are_one_name():
    from desktop.core.entities.ner import _first_name_apart
    text = "President Zine al-Abidine Ben Ali said"
    prev = (text.index("Zine"), text.index(" Ben"), "PERSON")
    assert _first_name_apart(prev, text.index("Ben"), text)
    assert not _first_name_apart(prev, text.index("Ben") + 1, text)  # not right after it
    assert not _first_name_apart((0, 9, "PERSON"), 10, "PRESIDENT ZINE")  # a headline in capitals


def test_scorers_minutes_wrapped_over_lines():
    text = ("Duisberg 0 Bayern Munich 4 (Klinsmann 15th, Zieger 24th and\nBobic 47th and 60th,\nGuivarc'h 60th pen.\n"
            "59th-pen, Moeller 73rd).\nThe 19th century saw Henry 8th.")
    assert spans_of(text, rows.with_minutes) == ["Klinsmann", "Zieger", "Bobic", "Guivarc'h", "Moeller"]


def test_a_name_of_a_country():
    text = ("Agassi meets Karim Alami of France in the first round. The Bank of Japan said. "
            "The Prime Minister of Italy "
            "spoke. Duke of York. Reserve Bank of Spain. Tony Hall of England said. Church of England.")
    assert spans_of(text, rows.of_a_country) == ["Karim Alami", "Tony Hall"]


def test_common_surnames_that_are_also_sites():
    assert clean_name("Tony Hall") == "Tony Hall" and clean_name("Sung-Hee Park") == "Sung-Hee Park"
    assert clean_name("Ronald Reagan Building") == ""


def test_wrapped_scorecards_and_golf_rows():
    text = ("Essex 532-8 declared (G. Gooch 111, R. Irani 91,\nP. Prichard 88; M. Alleyne 4-80).\n"
            "(G. Parsons 4-36) and 135-9.\n"
            "Borussia Dortmund 3 (Zorc\nGraafschap 3 (Ibrahim 20th 63rd, Dundee 56th and 64th)\n"
            "The company earned 12 (Smith said) in 1995 (up 5 percent).")
    assert spans_of(text, rows.scorers_in_brackets) == ["G. Gooch", "R. Irani", "P. Prichard", "M. Alleyne",
                                                        "G. Parsons", "Zorc", "Ibrahim", "Dundee"]
    text = ("Brooks 69 69 74 71, Nick Faldo (Britain) 70 71\nGoosen (South Africa) 71 74,\nChelsea 4 3 1 0 7 3 10\n"
            "Utah 85 Denver 79")
    assert spans_of(text, rows.surnames_before_rounds) == ["Brooks", "Goosen"]


class Regions(FakeGazetteer):
    """Knows Queensland as a region, not a country."""

    def lookup(self, name):
        return [type("Place", (), {"kind": PLACE})()] if name == "Queensland" else super().lookup(name)


def test_a_declared_side_and_a_regions_side_are_teams():
    text = "Kent 323-5 declared (C. Hooper 77, D. Fulton 64)\nItaly 185 (Ijaz Ahmed 79)\nQueensland 200 (M. Hayden 79)"
    assert [text[a:b] for a, b in rows.teams(text, Regions(), set())] == ["Kent", "Queensland"]


def test_table_words_name_no_one():
    assert rules.is_table_word(evidence("Halftime", "Halftime 2-0"))
    assert rules.is_table_word(evidence("Jul", "(Jul 16)"))
    assert not rules.is_table_word(evidence("Jan", "Jan Siemerink"))


def test_a_name_listed_with_a_person_is_a_person():
    text = "Benito Santiago and Ruben Amaro had RBI hits. Santa Puglisi, 22, and Salvatore Botta were shot."
    words = {"Benito", "Santiago", "Santa", "Puglisi"}
    assert person_rules.is_listed_with_a_person(evidence("Ruben Amaro", text, majority=ORG, name_words=words))
    assert person_rules.is_listed_with_a_person(evidence("Salvatore Botta", text, majority=ORG, name_words=words))
    bodies = "Ford Motor and General Motors said"
    assert not person_rules.is_listed_with_a_person(evidence("General Motors", bodies, majority=ORG,
                                                             name_words={"Ford", "Motor"}))
    assert not person_rules.is_listed_with_a_person(evidence("Ruben Amaro", text, majority=ORG))


def test_kin_or_an_office_make_a_full_name_a_persons():
    text = "Zylstra and his wife, Jetsi Hendrika Coers, both 50"
    assert person_rules.follows_kin_word(evidence("Jetsi Hendrika Coers", text, majority=ORG))
    assert not person_rules.follows_kin_word(evidence("Acme Corp", "his wife, Acme Corp said", majority=ORG))
    text = '" It is serious, " said Lucas Moreira Neves, president of the bishops\' conference.'
    assert person_rules.holds_an_office(evidence("Lucas Moreira Neves", text, majority=ORG))
    assert not person_rules.holds_an_office(evidence("Acme Widgets", "Acme Widgets, the maker of", majority=ORG))


def test_a_full_name_whose_surname_speaks_alone_is_a_persons():
    text = "Linford Christie has confirmed he will run.\nA spokeswoman for Christie said he had a cold."
    assert person_rules.is_shortened_to_a_speaker(evidence("Linford Christie", text, majority=ORG))
    assert not person_rules.is_shortened_to_a_speaker(evidence("Linford Christie", text))  # the model's person
    bodies = "Morgan Stanley cut its rating. Morgan said Stanley said"
    assert not person_rules.is_shortened_to_a_speaker(evidence("Morgan Stanley", bodies, majority=ORG))
    paper = replace(evidence("Washington Post", "The Washington Post reported. The Post said", majority=ORG),
                    opens_with_place=True)
    assert not person_rules.is_shortened_to_a_speaker(paper)


def test_a_position_or_an_incumbency_before_a_name_is_a_persons():
    text = "refusing a second mandate for incumbent Lennart Meri. Neither Meri nor"
    assert person_rules.follows_role_noun(evidence("Lennart Meri", text, majority=ORG))
    assert person_rules.follows_role_noun(evidence("Rivera", "Yankees reliever Rivera pitched", majority=ORG))
    assert not person_rules.follows_role_noun(evidence("Eco-Challenge", "a veteran Eco-Challenge participant"))


def test_names_after_what_is_done_by_a_player():
    text = ("He was substituted by Paulao.\nKnup was overlooked by Artur Jorge for the finals, bowled by Tendulkar "
            "for 53, coached by Japan, led by Acme Corp, ridden by George Duffield)")
    assert spans_of(text, people.done_by_a_player) == ["Paulao", "Artur Jorge", "Tendulkar", "George Duffield"]


def test_a_lone_name_an_appositive_calls_an_actor_is_a_persons():
    text = "Leeson, the Northern Ireland-born actor who was nominated"
    assert person_rules.is_speaker(evidence("Leeson", text))
    assert not person_rules.is_speaker(evidence("Leeson", "Leeson, the Northern Ireland-born company"))


def test_who_said_he_is_a_person():
    assert person_rules.says_he_or_she(evidence("Nerweyi", "Nerweyi said he did not know", majority=ORG))
    assert not person_rules.says_he_or_she(evidence("Acme", "Acme said it did not know", majority=ORG))
