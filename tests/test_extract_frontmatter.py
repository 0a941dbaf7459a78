"""Kind 3: Markdown and text files with YAML (or TOML) front matter, as web clippers,
read-later exports and static sites write them."""

from __future__ import annotations

from desktop.core.extract import extract_textfile
from desktop.core.extract.frontmatter import read_front_matter

BODY = ("![Lead photo](https://example.org/lead.jpg)\n\n"
        "The harbour reopened on Tuesday after three days of storms, port officials said.\n\n"
        "Fishing boats were back at sea by the afternoon.\n")


def test_obsidian_clipper_default_template():
    text = ('---\ntitle: "Harbour reopens after storms"\nsource: "https://news.example/harbour"\n'
            'author:\n  - "[[Ana Lima]]"\n  - "[[Tom Berg|T. Berg]]"\npublished: 2023-12-19\n'
            'created: 2024-01-08\ntags:\n  - "clippings"\n---\n' + BODY)
    article = extract_textfile(text, "clip.md")
    assert article.title == "Harbour reopens after storms"
    assert article.url == "https://news.example/harbour"
    assert article.authors == ["Ana Lima", "T. Berg"]
    assert article.published == "2023-12-19"  # not the clip's "created" day
    assert article.text.startswith("The harbour reopened on Tuesday")
    assert "---" not in article.text and "clippings" not in article.text and "![" not in article.text


def test_markdownload_and_jekyll_shapes():
    text = ("---\ntitle: Harbour reopens: boats back at sea\nbyline: Ana Lima and Tom Berg\n"
            "url: https://news.example/harbour\ndate: 2021-03-03 17:12:00 +0100\n---\n\n"
            "# Harbour reopens: boats back at sea\n\n" + BODY)
    article = extract_textfile(text)
    assert article.title == "Harbour reopens: boats back at sea"  # unquoted colon: YAML refuses it
    assert article.authors == ["Ana Lima", "Tom Berg"]
    assert article.published.startswith("2021-03-03")
    assert article.text.startswith("The harbour reopened")


def test_author_as_a_string_with_commas_and_a_date_as_words():
    front, rest = read_front_matter('---\nauthor: "Ana Lima, Tom Berg"\npublished: "March 3, 2021"\n'
                                    'tags: [port, weather]\nsite: Example News\n---\nText')
    assert front.authors == ["Ana Lima", "Tom Berg"]
    assert front.published == "2021-03-03"
    assert front.tags == ["port", "weather"] and front.publisher == "Example News"
    assert rest == "Text"


def test_hugo_toml_front_matter():
    article = extract_textfile('+++\ntitle = "Harbour reopens"\ndate = 2022-05-01T10:00:00Z\n'
                               'authors = ["Ana Lima"]\n+++\n' + BODY)
    assert (article.title, article.authors) == ("Harbour reopens", ["Ana Lima"])
    assert article.published.startswith("2022-05-01")


def test_a_rule_line_that_is_no_front_matter_stays_text():
    text = "---\nJust a line between rules\n---\n\nMore text."
    front, rest = read_front_matter(text)
    assert front is None and rest == text


def test_markdownload_excerpt_box_and_rule_are_no_text():
    text = ("---\ncreated: 2024-01-08T10:00:00 (UTC +01:00)\ntags: []\nsource: https://news.example/harbour\n"
            "author: Ana Lima\n---\n\n# Harbour reopens\n\n> ## Excerpt\n> Boats are back.\n\n---\n" + BODY
            + "\n> “We are relieved,” a skipper said.\n")
    article = extract_textfile(text)
    assert article.title == "Harbour reopens" and article.authors == ["Ana Lima"]
    assert article.published is None  # "created" is the clip's day
    assert article.text.startswith("The harbour reopened")
    assert "---" not in article.text and "Excerpt" not in article.text
    assert article.text.endswith("“We are relieved,” a skipper said.")


def test_multimarkdown_key_value_header():
    article = extract_textfile("Title: Harbour reopens\nAuthor: Ana Lima\nDate: 2022-05-01\n"
                               "URL: https://news.example/harbour\n\n" + BODY)
    assert (article.title, article.authors, article.published) == ("Harbour reopens", ["Ana Lima"], "2022-05-01")
    assert article.url == "https://news.example/harbour"
    assert article.text.startswith("The harbour reopened")


def test_a_first_paragraph_with_a_colon_is_no_header():
    text = "Note: this is a short memo\n\nNothing else."
    assert extract_textfile(text).text == text


def test_omnivore_tag_line_is_no_text():
    text = ("---\nid: 1\ntitle: Harbour reopens\nauthor: Ana Lima\ndate_saved: 2024-01-08\n"
            "date_published: 2023-12-19\n---\n\n# Harbour reopens\n\n#Omnivore\n\n" + BODY)
    article = extract_textfile(text)
    assert article.published == "2023-12-19" and article.text.startswith("The harbour reopened")


def test_typed_numeric_date_when_day_and_month_can_be_told_apart():
    assert read_front_matter("---\npublished: 22/12/2024\n---\nText")[0].published == "2024-12-22"
    assert read_front_matter("---\ndate: 12-22-2024\n---\nText")[0].published == "2024-12-22"
    # 03/04/2024 is 3 April or March 4: no date rather than a wrong one.
    assert read_front_matter("---\ndate: 03/04/2024\ntitle: T\n---\nText")[0].published is None


def test_generic_title_of_a_clipped_front_page_gives_way_to_the_heading():
    text = ("---\ntitle: Home\nsource: https://www.example-times.com/2024/floods\n---\n"
            "# Floods close the bridge\n\n" + BODY)
    assert extract_textfile(text).title == "Floods close the bridge"
    text = "---\ntitle: Example Times | Home\nsite: Example Times\n---\n" + BODY
    assert extract_textfile(text).title == ""  # the pipeline then takes the first line
