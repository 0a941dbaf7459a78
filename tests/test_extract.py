"""Extraction: text files, metadata from every place pages put it, body cleaning, bad input."""

from __future__ import annotations

import json
import random

import pytest

from desktop.core.extract import extract_html, extract_textfile
from desktop.core.extract.dates import to_iso
from desktop.core.extract.metadata import strip_site_name
from desktop.core.extract.names import same_outlet, split_byline

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget that expands library opening hours "
    "across all districts, after months of debate between the mayor and opposition members.",
    "Supporters said the change would help students and shift workers who cannot visit during the "
    "day, while critics warned that the cost of extra staff had been underestimated by officials.",
    "The budget also includes money to repair three branch buildings damaged by flooding last "
    "spring, a project that residents had been requesting for more than a year without success.",
    "Council members will review the spending plan again in the autumn, when updated revenue "
    "figures from the regional tax office are expected to be published for the first time.",
]


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body or f'<article><h1>Library hours extended</h1>{paragraphs}</article>'}</body></html>")


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# ---------------------------------------------------------------- text files

def test_seed_text_file(shared):
    path = shared / "seed" / "000_80b6c875fc732354.txt"
    article = extract_textfile(path.read_text(encoding="utf-8"), path.name)
    assert article.title == "Russian Emigres Rally Worldwide in Support of Jailed Navalny"
    assert article.authors == ["Leyla Latypova", "Anastasia Tenisheva", "Nurbek Savitahunov"]
    assert article.published == "2023-01-21"
    assert article.url == ("https://www.themoscowtimes.com/2023/01/21/"
                           "russian-emigres-rally-worldwide-in-support-of-jailed-navalny-a80004")
    assert article.text.startswith("Thousands of Russian emigres in more than 60 cities, from Seoul and London")
    assert "Pro-Navalny protesters with placards" not in article.text  # the photo caption
    assert "**" not in article.text and "](#)" not in article.text and "Original url" not in article.text
    assert article.text.endswith("“But it may serve to remind the Russian authorities that the world is watching.”")
    assert "\n\n" in article.text


def test_plain_text_file_is_body_as_is():
    text = "A quiet morning\n\nNothing much happened today.\nThe end.\n"
    article = extract_textfile(text, "notes.txt")
    assert article.title == "A quiet morning"
    assert article.text == text.strip()
    assert article.authors == [] and article.published is None and article.url is None


def test_text_file_inline_url_and_source_sentence():
    text = ("# Dam opens\n\nBy [Ana Gomez](https://x.org/ana)\n\n3 March 2024\n\n"
            "Source: the ministry said the dam opens in May.\n\nWater will reach **two** valleys.\n\n"
            "Original url: https://example.org/dam-opens\n")
    article = extract_textfile(text, "dam.md")
    assert (article.title, article.authors, article.published) == ("Dam opens", ["Ana Gomez"], "2024-03-03")
    assert article.url == "https://example.org/dam-opens"
    assert article.text == ("Source: the ministry said the dam opens in May.\n\n"
                            "Water will reach two valleys.")


def test_empty_text_file():
    assert extract_textfile("", "empty.md").text == ""


# ---------------------------------------------------------------- metadata

def test_json_ld_graph_with_nested_authors():
    head = ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "The Daily Example"},
        {"@type": ["NewsArticle"], "headline": "Library hours extended",
         "datePublished": "2024-03-05T09:30:00+01:00",
         "author": [{"@type": "Person", "name": "Ada Lovelace"},
                    {"@type": "Person", "givenName": "Grace", "familyName": "Hopper"},
                    {"@type": "Organization", "name": "Example Newsroom"}],
         "publisher": {"@type": "Organization", "name": "The Daily Example"},
         "image": {"@type": "ImageObject", "url": "https://cdn.example.org/lead.jpg"}},
    ]})
    article = extract_html(page(head), "https://example.org/news/1")
    assert article.title == "Library hours extended"
    assert article.authors == ["Ada Lovelace", "Grace Hopper"]
    assert article.published == "2024-03-05T09:30:00+01:00"
    assert article.publisher == "The Daily Example"
    assert article.image == "https://cdn.example.org/lead.jpg"


def test_json_ld_array_reportage_and_string_author():
    head = ld([{"@type": "BreadcrumbList", "itemListElement": []},
               {"@type": "ReportageNewsArticle", "headline": "Library hours extended",
                "author": "By Maria Silva", "datePublished": "2019-11-02"}])
    article = extract_html(page(head))
    assert article.authors == ["Maria Silva"]
    assert article.published == "2019-11-02"


def test_json_ld_main_entity_of_a_web_page():
    head = ld({"@context": "https://schema.org", "@type": "WebPage", "name": "Daily Example",
               "mainEntity": {"@type": "BlogPosting", "headline": "Library hours extended",
                              "author": {"@type": "Person", "name": "Li Wei"}}})
    assert extract_html(page(head)).authors == ["Li Wei"]


@pytest.mark.parametrize("kind", ["SocialMediaPosting", "LiveBlogPosting", "DiscussionForumPosting"])
def test_json_ld_postings_are_articles(kind):
    head = ld({"@context": "https://schema.org", "@type": kind, "headline": "Library hours extended",
               "datePublished": "2014-09-02T08:35:27-04:00"})
    assert extract_html(page(head)).published.startswith("2014-09-02")


def test_opengraph_and_meta_fallbacks():
    head = ('<title>Library hours extended | The Daily Example</title>'
            '<meta property="og:title" content="Library hours extended">'
            '<meta property="og:site_name" content="The Daily Example | News you need">'
            '<meta property="article:published_time" content="2022-07-14T18:00:00Z">'
            '<meta name="author" content="Jane Roe">'
            '<meta property="og:image" content="/img/lead.png">'
            '<link rel="canonical" href="https://example.org/2022/07/library">')
    article = extract_html(page(head, lang="en-GB"), "https://example.org/amp/library?x=1")
    assert article.title == "Library hours extended"
    assert article.publisher == "The Daily Example"
    assert article.published == "2022-07-14T18:00:00+00:00"
    assert article.authors == ["Jane Roe"]
    assert article.image == "https://example.org/img/lead.png"
    assert article.language == "en-GB"
    assert article.canonical_url == article.url == "https://example.org/2022/07/library"


def test_a_section_front_is_not_the_story_s_address():
    front = '<link rel="canonical" href="https://example.org/news/">'
    story = "https://example.org/news/2022/07/library-hours"
    assert extract_html(page(front), story).url == story
    # A saved file that calls itself an article, pointing at a one-word section.
    assert extract_html(page(front + '<meta property="og:type" content="article">')).url is None
    # An AMP copy's canonical link is the story above it: kept.
    amp = '<link rel="canonical" href="https://example.org/library-hours">'
    assert extract_html(page(amp), "https://example.org/library-hours/amp").url == "https://example.org/library-hours"
    section = '<link rel="canonical" href="https://example.org/world">'
    assert extract_html(page(section), "https://example.org/world?page=2").url == "https://example.org/world"


def test_citation_itemprop_and_time_fallbacks():
    head = '<meta name="citation_author" content="Doe, J."><meta name="citation_author" content="Roe, R.">'
    body = ('<article><h1>Library hours extended</h1>'
            '<time datetime="2021-02-03T04:05:06-05:00">Feb 3</time>'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    article = extract_html(page(head, body))
    assert article.published == "2021-02-03T04:05:06-05:00"
    assert article.authors == ["J. Doe", "R. Roe"]
    microdata = ('<article><h1>Library hours extended</h1><span itemprop="author" itemscope>'
                 '<span itemprop="name">Kim Lee</span></span>'
                 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    assert extract_html(page("", microdata)).authors == ["Kim Lee"]


def test_visible_byline_by_x_y_and_z():
    body = ('<article><h1>Library hours extended</h1>'
            '<div class="article-byline">By Leyla Latypova, Anastasia Tenisheva and Nurbek Savitahunov '
            '| January 21, 2023</div>'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    article = extract_html(page("", body))
    assert article.authors == ["Leyla Latypova", "Anastasia Tenisheva", "Nurbek Savitahunov"]


def test_staff_writer_and_url_authors_dropped():
    head = ('<meta name="author" content="https://www.facebook.com/jane.doe">'
            '<meta name="author" content="Staff writer">'
            '<meta name="author" content="By JANE DOE">'
            '<meta name="author" content="Jane Doe">'
            '<meta property="article:author" content="@janedoe">')
    assert extract_html(page(head)).authors == ["Jane Doe"]


@pytest.mark.parametrize("author, outlet, same", [
    ("BBC News", "BBC News", True),
    ("Reuters staff", "Reuters", True),
    ("Reuters", "Reuters.com", True),
    ("the guardian", "The Guardian", True),
    ("BBC", "bbc.co.uk", True),
    ("Ann Reuter", "Reuters", False),  # a word is a word: no part of one
    ("Jane Doe", "Daily Planet", False),
    ("", "Reuters", False),
])
def test_same_outlet(author, outlet, same):
    assert same_outlet(author, outlet) is same


def test_an_author_that_is_the_site_is_no_byline():
    head = ('<meta property="og:site_name" content="Reuters">'
            + ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Reuters"}}))
    body = ('<article><h1>Library hours extended</h1><div class="byline">By Kim Lee</div>'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    assert extract_html(page(head, body)).authors == ["Kim Lee"]  # the byline below, not the site
    # Named nowhere else, the site is the page's byline (the detail pane says it once).
    only_site = '<meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News">'
    assert extract_html(page(only_site), "https://www.bbc.co.uk/news/1").authors == ["BBC News"]
    # A person named in the site's tagline is still a person.
    tagline = '<meta property="og:site_name" content="SIMPLYFOUND.COM | BY: JOE WEE"><meta name="author" content="Joe Wee">'
    assert extract_html(page(tagline)).authors == ["Joe Wee"]


@pytest.mark.parametrize("text, names", [
    ("By Lucas Nolan22 Dec 2016", ["Lucas Nolan"]),
    ("Par Sébastien Farcis et Jean Dupont", ["Sébastien Farcis", "Jean Dupont"]),
    ("By Joshua Sokol May 20, 2019", ["Joshua Sokol"]),
    ("Alissa Wilkinson @alissamarie Updated Jul 24, 2018", ["Alissa Wilkinson"]),
    ("By Brenda Goodman, MA", ["Brenda Goodman"]),
    ("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC", ["Joe Wee"]),
    ("Our Foreign Staff", []),
])
def test_split_byline(text, names):
    assert split_byline(text) == names


@pytest.mark.parametrize("title, sites, headings, expected", [
    ("Library hours extended | The Daily Example", ["The Daily Example"], [], "Library hours extended"),
    ("Library hours extended - Daily Example", ["The Daily Example - News you need"], [], "Library hours extended"),
    ("Library hours extended – Metro – Example Times", [], ["Library hours extended"], "Library hours extended"),
    ("Example Times: Library hours extended", ["Example Times"], [], "Library hours extended"),
    ("Covid-19 cases fall - Example Times", ["example.org"], [], "Covid-19 cases fall - Example Times"),
    ("Opinion | Why the library vote matters", [], ["Opinion"], "Opinion | Why the library vote matters"),
    ("Covid-19 cases fall - Example Times", ["Example Times"], [], "Covid-19 cases fall"),
])
def test_strip_site_name(title, sites, headings, expected):
    assert strip_site_name(title, sites, headings) == expected


def test_title_from_h1_tail_match():
    head = "<title>Library hours extended - Metro section - Example Times</title>"
    assert extract_html(page(head)).title == "Library hours extended"


@pytest.mark.parametrize("raw, iso", [
    ("2023-01-21", "2023-01-21"),
    ("2015-07-24T05:36:09+0100", "2015-07-24T05:36:09+01:00"),
    ("2023-06-07T20:54:26.829Z", "2023-06-07T20:54:26+00:00"),
    ("January 21, 2023", "2023-01-21"),
    ("21 janvier 2023", "2023-01-21"),
    ("1 de diciembre de 2017 3:00 AM PST", "2017-12-01"),
    ("2019/04/28", "2019-04-28"),
    ("08.04.2015 12:46", "2015-04-08"),
    ("yesterday", None),
    ("", None),
])
def test_to_iso(raw, iso):
    assert to_iso(raw) == iso


# ---------------------------------------------------------------- body

def test_body_drops_page_furniture_and_captions():
    body = (
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>'
        '<li><a href="/sport">Sport section</a></li></ul></nav></header>'
        "<main><article><h1>Library hours extended</h1>"
        '<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>'
        f"<p>{PARAGRAPHS[0]}</p>"
        "<figure><img src='/a.jpg'><figcaption>Readers at the central library on Monday. "
        "Photo: Jan Novak</figcaption></figure>"
        f"<p>{PARAGRAPHS[1]}</p>"
        "<h2>What happens next</h2>"
        f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></article>"
        '<aside class="related"><h3>Related stories</h3><ul>'
        '<li><a href="/a">Mayor opens new swimming pool in the harbour district</a></li>'
        '<li><a href="/b">Bus fares to rise again from next January, operator says</a></li></ul></aside>'
        '<section id="comments" class="comments"><h3>Comments</h3>'
        '<div class="comment"><p>Great news, about time the council did something useful for us!</p></div>'
        "</section></main>"
        '<footer><p>© 2024 The Daily Example. All rights reserved. Privacy policy.</p></footer>'
    )
    text = extract_html(page("", body)).text
    assert text.split("\n\n") == [PARAGRAPHS[0], PARAGRAPHS[1], "What happens next", PARAGRAPHS[2], PARAGRAPHS[3]]


# ---------------------------------------------------------------- bad input

def garbage_inputs() -> list[str]:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")
    truncated = page(ld({"@type": "NewsArticle", "headline": "Cut"}))[:300]
    return [noise, truncated, "<html><head><title>No body here</title></head>", "", "   ",
            "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [null, 3, {}]',
            "\x00\x01<p>\x02</p>"]


@pytest.mark.parametrize("html", garbage_inputs())
def test_garbage_does_not_raise(html):
    article = extract_html(html, "https://example.org/x")
    assert isinstance(article.text, str) and isinstance(article.authors, list)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8"])
def test_random_bytes_give_no_text(encoding):
    rng = random.Random(3)
    noise = bytes(rng.randrange(256) for _ in range(5000))
    assert extract_html(noise.decode(encoding, errors="replace")).text == ""


def test_no_body_keeps_metadata():
    article = extract_html("<html><head><title>No body here</title></head>")
    assert article.title == "No body here" and article.text == ""


def test_unmarked_by_line_under_headline():
    body = ('<article><h1>Library hours extended</h1><p>By <a href="/p/ana">Ana Gomez</a> and '
            '<a href="/p/tom">Tom Berg</a></p>' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    article = extract_html(page("", body), "https://example.org/news/2")
    assert article.authors == ["Ana Gomez", "Tom Berg"]
    assert article.language == "en"
    assert article.text.startswith("The city council voted")


def test_language_normalised():
    assert extract_html(page("", lang="pt_br")).language == "pt-BR"


def test_sentence_starting_with_by_is_kept():
    body = ("<article><h1>Library hours extended</h1><p>By the time the vote came, the hall was full.</p>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    assert extract_html(page("", body)).text.startswith("By the time the vote came")
