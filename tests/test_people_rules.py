"""The person rules of wire copy and of names with particles, titles and credentials, each on
text or mentions built by hand: no spaCy model, no gazetteer."""

from __future__ import annotations

from desktop.core.article import COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities import rows
from desktop.core.entities.ner import Analysis, Mention, is_heading


class FakeGazetteer:
    """Knows a few countries, as the real one would."""

    COUNTRIES = {"Switzerland", "France", "Spain", "U.S.", "Japan"}

    def lookup(self, name):
        return [type("Place", (), {"kind": COUNTRY})()] if name in self.COUNTRIES else []


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
