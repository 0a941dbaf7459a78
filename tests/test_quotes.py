"""Quotations and their speakers, rule by rule, on hand-made texts and entities (no model)."""

from __future__ import annotations

from desktop.core.article import ORG, PERSON, Entity
from desktop.core.quotes import find_quotes


def person(name: str, *aliases: str) -> Entity:
    return Entity(PERSON, name, list(aliases))


def said(text: str, *entities: Entity) -> list[tuple[str | None, str]]:
    """(speaker, words) of each quotation of `text`, checking that the offsets hold."""
    quotes = find_quotes(text, list(entities))
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


def test_british_single_quotes_are_quotations():
    text = "'We will not give up,' said Sandra Jansen. Her colleagues' votes rock 'n' roll."
    assert said(text, person("Sandra Jansen"))[0] == ("Sandra Jansen", "We will not give up")


def test_imagined_speech_has_no_speaker():
    text = 'Barack Obama smiled, as if to say "You think you got me?" and went on.'
    assert said(text, person("Barack Obama", "Obama")) == [(None, "You think you got me?")]


def test_a_description_is_the_person_the_text_means():
    text = ("“He is a world class player,” Trump told Fox News.\n"
            "“He does massive deals in Russia,” the real estate mogul added.\n"
            "Sen. John McCain told CNN that he had concerns.\n"
            "“What about all the other things?” the Arizona Republican asked.")
    speakers = [s for s, _ in said(text, person("Donald Trump", "Trump"), person("John McCain"))]
    assert speakers == ["Donald Trump", "Donald Trump", "John McCain"]


def test_an_office_is_no_description_of_a_named_person():
    text = "Ian Lau spoke first.\n“We remain committed,” the ministry said."
    assert said(text, person("Ian Lau")) == [(None, "We remain committed")]


def test_a_possessive_after_the_verb_is_not_the_speaker():
    text = "“I was in shock,” recalled Lucy's father Ian Lau, a doctor."
    assert said(text, person("Lucy Lau"), person("Ian Lau")) == [("Ian Lau", "I was in shock")]


def test_attribution_with_a_colon_on_the_line_before():
    text = ("Head teacher, Margaret Hanley, said:\n“Our pupils have enjoyed it.\n“And it was great fun!”\n"
            "Professor Jo Crotty, director of the institute at the university said: “Amber did well.”")
    speakers = [s for s, _ in said(text, person("Margaret Hanley"), person("Jo Crotty"))]
    assert speakers == ["Margaret Hanley", "Margaret Hanley", "Jo Crotty"]


def test_a_surname_two_people_share_is_the_one_named_last():
    text = ("Bob Fodge runs the farm. Lynn Fodge keeps the books.\n"
            "“We looked from Ohio to Montana,” Fodge says.")
    assert said(text, person("Bob Fodge"), person("Lynn Fodge"))[0][0] == "Lynn Fodge"


def test_a_quotation_after_indirect_speech_is_that_speakers():
    text = ("Abe Oudshoorn chairs the coalition. Tom Hart runs a shelter.\n"
            "But the perception in the public might be different, Oudshoorn said.\n"
            "“People want to understand the impact of one substance.”")
    assert said(text, person("Abe Oudshoorn"), person("Tom Hart"))[0][0] == "Abe Oudshoorn"


def test_a_quoted_heading_is_the_speakers_whose_words_it_repeats():
    text = ("Ian Lau is a doctor.\n'She weighed so little'\nLucy was flown to Winnipeg.\n"
            "“All I could feel was the blankets because she weighed so little,” added Ian Lau.")
    assert said(text, person("Ian Lau"))[0] == ("Ian Lau", "She weighed so little")


def test_another_articles_headline_is_nobodys_speech():
    text = "Alexei Navalny is in prison.\nRelated article: ‘Our Motherland Needs Saving,’ Navalny Says After Return"
    assert said(text, person("Alexei Navalny", "Navalny")) == [(None, "Our Motherland Needs Saving")]


def test_text_wrapped_at_a_fixed_width_reads_as_paragraphs():
    text = ("    The rally went on for hours and the organisers said that it would be held\n"
            "    again next year in the same square, with more speakers from the city.\n"
            "    \"She never had any children of her own, so she treated him like a son,\" recalled\n"
            "    Vermelhudo's cousin, Jenny Palma, a salon owner in Toronto.\n")
    assert said(text, person("Jenny Palma"), person("Sarah Vermelhudo", "Vermelhudo"))[0][0] == "Jenny Palma"


def test_a_quotation_left_open_takes_the_attribution_at_the_end_of_its_run():
    text = ("Rolf Degel runs the plant. Reinier Meyjes designs it.\n"
            "“All furnaces require cooling.\n“The group believes a balance must be struck,” notes Meyjes.")
    speakers = [s for s, _ in said(text, person("Rolf Degel"), person("Reinier Meyjes"))]
    assert speakers == ["Reinier Meyjes", "Reinier Meyjes"]


def test_an_opening_mark_without_its_closing_one_ends_at_the_next():
    text = "Rolf Degel spoke.\n“The client chose this furnace.  “Costs are also reduced,” adds Degel."
    assert said(text, person("Rolf Degel")) == [("Rolf Degel", "The client chose this furnace."),
                                                ("Rolf Degel", "Costs are also reduced")]


def test_a_title_in_title_case_is_nobodys_speech():
    text = "“We were pleased,” said Moore, author of “Defying ISIS: Preserving Christianity in Its Birthplace,” in a statement."
    assert [s for s, _ in said(text, person("Johnnie Moore"))] == ["Johnnie Moore", None]


def test_a_quoted_nickname_in_the_subject_is_not_speech():
    text = 'Nick Burton grows vegetables. The "self-development junkie" said he became addicted to coaching.'
    assert said(text, person("Nick Burton")) == [(None, "self-development junkie")]


def test_terms_cited_as_words_are_nobodys_speech():
    text = ("One commenter, Bruce Van Horn, noted that jobs tagged as “Full Stack Developer” need many skills. "
            "In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,” "
            "Rebecca Solnit wrote of purpose.")
    assert [s for s, _ in said(text, person("Bruce Van Horn"), person("Rebecca Solnit"))] == [None, None]


def test_an_apostrophe_opening_a_line_is_no_quotation():
    text = "The film is written by Emily Gordon and Silicon Valley\n's Kumail Nanjiani, based on their romance.\nThe end."
    assert said(text, person("Kumail Nanjiani")) == []


def test_according_to_and_a_name_before_a_colon():
    text = ("“Prices will rise,” according to Tom Forte, an analyst.\n"
            "According to the ministry, “the plan is working.”\n"
            "Mark Warner: “There is collective amnesia.”")
    speakers = [s for s, _ in said(text, person("Tom Forte"), person("Mark Warner"))]
    assert speakers == ["Tom Forte", None, "Mark Warner"]


def test_odd_input_gives_no_error():
    assert said("") == []
    assert said("“”  \"\" ‘’ “ unclosed", person(""), person("  ")) == [(None, "unclosed")]
    assert said("“Yes,” said Ann Lee.", Entity("person", "Ann Lee")) == [("Ann Lee", "Yes")]  # a kind read back as text


def test_british_quotation_with_a_plurals_apostrophe():
    text = "'We will appeal,' said John Smith. 'It is the players' right to play.'"
    assert said(text, person("John Smith")) == [("John Smith", "We will appeal"),
                                                ("John Smith", "It is the players' right to play.")]
