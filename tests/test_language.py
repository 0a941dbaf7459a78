"""The language check: English function words answer for English texts, py3langid for the rest."""

import py3langid
import pytest

from desktop.core.entities import language

ENGLISH_NEWS = ("The council said on Monday that it would close the bridge for repairs after engineers "
                "found cracks in two of its supports. Drivers were told to expect delays of about an hour, "
                "and the ferry, which has been running a reduced service since the spring, will add "
                "crossings. Residents who live near the river said they had not been warned and that "
                "the works could last into the winter, when traffic is heavier than it is now.")
# Dutch, with the words English shares with it ("is", "was", "of", "had", "on", "in", "at").
DUTCH_NEWS = ("De gemeenteraad heeft maandag besloten dat de brug voor herstelwerkzaamheden wordt "
              "gesloten, nadat ingenieurs scheuren hadden gevonden in twee van de pijlers. Het was al "
              "bekend dat de brug oud is, maar of de werkzaamheden voor de winter klaar zijn, is nog "
              "onduidelijk. Automobilisten moeten rekening houden met vertragingen van ongeveer een uur, "
              "en de veerdienst die sinds het voorjaar minder vaak vaart, zet extra boten in.")


@pytest.fixture
def counted_classify(monkeypatch):
    calls = []
    real = py3langid.classify
    monkeypatch.setattr(py3langid, "classify", lambda text: calls.append(text) or real(text))
    language.text_language.cache_clear()
    yield calls
    language.text_language.cache_clear()


def test_english_news_is_english_by_its_function_words_alone(counted_classify):
    assert language.text_language(ENGLISH_NEWS) == "en"
    assert counted_classify == []


def test_other_languages_go_to_the_identifier(counted_classify):
    assert language.text_language(DUTCH_NEWS) == "nl"
    assert len(counted_classify) == 1


def test_english_with_few_function_words_still_goes_to_the_identifier(counted_classify):
    # A results table in words: below the function-word share, so the identifier decides.
    table = " ".join(["beat", "drew", "lost", "won", "points", "goals", "minutes", "penalty", "scored"] * 4)
    assert language.text_language(table) is not None
    assert len(counted_classify) == 1
