"""Quotations and their speakers, rule by rule, on hand-made texts and entities (no model)."""

from __future__ import annotations

from desktop.core.article import ORG, PERSON, Entity
from desktop.core.quotes import find_quotes


def person(name: str, *aliases: str) -> Entity:
    return Entity(PERSON, name, list(aliases))


def said(text: str, *entities: Entity) -> list[tuple[str | None, str]]:
    """(speaker, words) of each quotation of `text`, checking that the offsets hold."""
    quotes = find_quotes("", text, list(entities))
    for q in quotes:
        assert text[q.start:q.end] == q.quote
    return [(q.speaker, q.quote) for q in quotes]


def test_speaker_after_the_quotation():
    text = "“We are careful,” said Pyotr Nikitin, co-founder of the society."
    assert said(text, person("Pyotr Nikitin")) == [("Pyotr Nikitin", "We are careful")]


def test_surname_after_the_quotation_is_the_person():
    text = "Ben Noble wrote a book.\n\n“It is unlikely,” Noble told The Moscow Times."
    assert said(text, person("Ben Noble")) == [("Ben Noble", "It is unlikely")]


def test_straight_quotes():
    text = 'Mr Obama said it was "distressing" not to act.'
    assert said(text, person("Barack Obama", "Obama")) == [("Barack Obama", "distressing")]


def test_interrupted_quotation_is_two_of_one_speaker():
    text = "“It is late,” said Mark Warner, a Democrat. “There is collective amnesia.”"
    assert said(text, person("Mark Warner")) == [("Mark Warner", "It is late"),
                                                 ("Mark Warner", "There is collective amnesia.")]


def test_quotation_over_paragraphs_continues():
    text = ("Fiona Parry spoke.\n“Most of us do not believe it,” she said. “It could kill us.\n"
            "“It is a deadly toxin.”\nThe end.")
    assert said(text, person("Fiona Parry")) == [("Fiona Parry", "Most of us do not believe it"),
                                                 ("Fiona Parry", "It could kill us."),
                                                 ("Fiona Parry", "It is a deadly toxin.")]


def test_following_quotation_without_attribution_is_the_previous_speakers():
    text = "“It is unlikely,” Noble told reporters.\n\n“But it may serve to remind them.”"
    assert said(text, person("Ben Noble", "Noble"))[1] == ("Ben Noble", "But it may serve to remind them.")


def test_pronoun_is_the_nearest_person_of_that_gender():
    text = ("Once Ellen Fetter arrived, Lorenz gave her a manual. He was kind to his staff.\n"
            "“He carried a lot in his head,” she said.")
    speakers = said(text, person("Ellen Fetter"), person("Edward Lorenz", "Lorenz"))
    assert speakers == [("Ellen Fetter", "He carried a lot in his head")]


def test_scare_quotes_and_titles_have_no_speaker():
    text = ("Hamilton, who popularized the term “software engineering,” led the team. "
            "The paper was titled “Deterministic Nonperiodic Flow.”")
    assert [s for s, _ in said(text, person("Margaret Hamilton", "Hamilton"))] == [None, None]


def test_group_and_unnamed_sources_have_no_speaker():
    text = ("“We advise the public not to take them,” it said in a statement.\n"
            "“Did you change the condition?” a member of the audience asked Lorenz.")
    entities = [person("Edward Lorenz", "Lorenz"), Entity(ORG, "Food Standards Agency")]
    assert [s for s, _ in said(text, *entities)] == [None, None]


def test_placards_and_chants_have_no_speaker():
    text = ('Protesters with placards saying "Putin is a traitor" chanted "No to war".\n'
            "Doctors wrote to President Vladimir Putin asking him to “stop abusing” the critic.")
    assert [s for s, _ in said(text, person("Vladimir Putin", "Putin"))] == [None, None, None]
