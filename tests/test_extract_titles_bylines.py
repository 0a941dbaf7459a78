"""Kind 7 and bylines: a generic site title loses to the page's own headline; an agency's
byline keeps no dateline; byline boxes are read through their marked parts; other stories'
bylines never win."""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_html
from desktop.core.extract.names import split_byline

PROSE = "".join(f"<p>Paragraph {n} of the article, with words enough to count as prose here.</p>" for n in range(5))


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article>{body}{PROSE}</article></body></html>"


@pytest.mark.parametrize("generic", ["Yahoo News - Latest News & Headlines", "Yahoo News | Home", "Yahoo News"])
def test_generic_site_title_loses_to_the_headline(generic):
    head = f'<title>{generic}</title><meta property="og:title" content="{generic}"><meta property="og:site_name" content="Yahoo News">'
    first = extract_html(page(head, "<h1>Veteran wraps baby in flag</h1>"), "https://news.yahoo.com/a.html")
    second = extract_html(page(head, "<h1>Storm closes the harbour</h1>"), "https://news.yahoo.com/b.html")
    assert first.title == "Veteran wraps baby in flag"
    assert second.title == "Storm closes the harbour"


def test_a_real_title_with_a_site_tail_is_kept():
    head = '<title>Storm closes the harbour - Example News</title><meta property="og:site_name" content="Example News">'
    assert extract_html(page(head, "<h1>Latest news</h1>")).title == "Storm closes the harbour"


def test_an_og_title_is_kept_as_the_publisher_wrote_it():
    """og:title is the title the publisher declared for sharing: kept whole, site name and all,
    as Readability keeps it (their test pages and pages kept out of our corpus score so); only
    the <title>, which sites pad with their name, loses its site-name tail."""
    declared = "Fact-checker asks a question - Example News"
    head = (f'<title>{declared}</title><meta property="og:title" content="{declared}">'
            '<meta property="og:site_name" content="Example News">')
    assert extract_html(page(head, "<h1>Fact-checker asks a question</h1>")).title == declared


@pytest.mark.parametrize(("text", "names"), [
    ("Reuters SINGAPORE", ["Reuters"]),
    ("By AFP NEW DELHI", ["AFP"]),
    ("By ABBY GOODNOUGH, THOMAS KAPLAN and ROBERT PEAR", ["Abby Goodnough", "Thomas Kaplan", "Robert Pear"]),
    ("JOHN SMITH AND JANE DOE", ["John Smith", "Jane Doe"]),
    ("Written by Rob Ewaschuk\nEdited by Betsy Beyer", ["Rob Ewaschuk"]),
])
def test_bylines(text, names):
    assert split_byline(text) == names


def test_byline_box_read_through_its_author_part():
    body = ('<h1>Netflix unveils Asia plans</h1><div class="author-container"><span class="author-name">Reuters</span> '
            '<span class="blue-color">SINGAPORE</span></div>')
    assert extract_html(page("", body)).authors == ["Reuters"]
    body = ('<h1>Netflix unveils Asia plans</h1><div class="byline">By <a class="author">Ana Lima</a> and '
            '<a class="author">Tom Berg</a></div>')
    assert extract_html(page("", body)).authors == ["Ana Lima", "Tom Berg"]
    body = '<h1>Netflix unveils Asia plans</h1><div class="byline"><span class="byline-prefix">By</span> Ana Lima</div>'
    assert extract_html(page("", body)).authors == ["Ana Lima"]


def test_related_story_bylines_never_win():
    body = ('<h1>Netflix unveils Asia plans</h1><div class="related-links"><a href="/x">Other story</a>'
            '<span class="byline">By Joe Other</span></div>')
    assert extract_html(page("", body)).authors == []


@pytest.mark.parametrize(("text", "names"), [
    ("By JANE DOE and JOHN SMITH Associated Press", ["Jane Doe", "John Smith"]),
    ("Jane Doe Senior Correspondent", ["Jane Doe"]),
    ("Reuters Staff", ["Reuters"]),
    ("Staff Writer", []),
    ("Tribune News Service", []),
])
def test_role_and_desk_words_after_a_name(text, names):
    assert split_byline(text) == names


def test_generic_title_of_a_saved_page_without_site_name():
    head = "<title>Yahoo News - Latest News &amp; Headlines</title>"
    assert extract_html(page(head, "<h1>Veteran wraps baby in flag</h1>")).title == "Veteran wraps baby in flag"
    head = "<title>Election live updates | Daily News</title>"
    assert extract_html(page(head, "<h1>Election live updates</h1>")).title == "Election live updates"
    head = "<title>Storm hits the coast | Local News</title>"
    assert extract_html(page(head, "<h1>Weather</h1>")).title.startswith("Storm hits the coast")


NOTE = ('<div class="author-note-box"><div class="author-note"><p>Not really a note, but do you know how'
        " different sauna etiquette can be from country to country, or in the US, at least, from school to"
        " school and gym to gym?</p></div></div>")
AUTHORITY = '<div class="navbox authority-control"><span>Authority control</span> GND: 4041915-0</div>'


@pytest.mark.parametrize("box", [NOTE, AUTHORITY])
def test_author_note_and_authority_box_name_no_one(box):
    assert extract_html(page("<title>Sauna manners</title>", f"<h1>Sauna manners</h1>{box}")).authors == []


def _ld(headline: str, name: str) -> str:
    data = f'{{"@type": "Article", "headline": "{headline}", "name": "{name}"}}'
    return f'<script type="application/ld+json">{data}</script>'


def test_ld_name_the_page_heads_itself_with_beats_an_unshown_headline():
    head = _ld("constitutional monarchy in Oceania", "New Zealand") + "<title>New Zealand - Wikipedia</title>"
    assert extract_html(page(head, "<h1>New Zealand</h1>")).title == "New Zealand"


def test_ld_headline_the_page_shows_stays():
    head = _ld("Storm closes the harbour", "Example News") + "<title>Storm closes the harbour</title>"
    assert extract_html(page(head, "<h1>Storm closes the harbour</h1>")).title == "Storm closes the harbour"


def test_host_banner_h1_with_trailing_separator_is_no_headline():
    head = "<title>Storm closes the harbour @ Jane's notes :: Blog Host ::</title>"
    title = extract_html(page(head, "<h1>Blog Host</h1><h1>Jane's notes</h1>")).title
    assert title.startswith("Storm closes the harbour")


def test_author_links_of_promoted_stories_never_win():
    body = ('<h1>Netflix unveils Asia plans</h1><a rel="author" href="/p/jane">Jane Doe</a>'
            '<section id="contentPromo"><div class="asset"><h3>Other story</h3>'
            '<a rel="author" href="/p/joe">Joe Other</a></div></section>')
    assert extract_html(page("", body)).authors == ["Jane Doe"]


def test_parsely_title_beats_the_title_element():
    head = '<title>Example Daily</title><meta name="parsely-title" content="Storm closes the harbour">'
    assert extract_html(page(head, "")).title == "Storm closes the harbour"


def test_article_microdata_author_in_an_aside_is_the_authors():
    aside = ('<aside><span itemprop="author" itemscope itemtype="http://schema.org/Person">'
             '<span itemprop="name">Nicolas Perriault</span></span> — in Code</aside>')
    html = ('<html><head><title>Code coverage</title></head><body>'
            f'<article itemscope itemtype="http://schema.org/BlogPosting"><section>{PROSE}</section>{aside}'
            '</article></body></html>')
    article = extract_html(html)
    assert article.authors == ["Nicolas Perriault"]
    assert "Perriault" not in article.text
