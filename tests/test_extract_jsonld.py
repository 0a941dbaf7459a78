"""Kind 4: JSON-LD as pages really carry it: @id references into @graph, a publisher named
like the headline, articleBody with its paragraph breaks."""

from __future__ import annotations

import json

from desktop.core.extract import extract_html

URL = "https://herald.example/2023/05/17/bus-lanes/"


def page(graph: list, body: str = "<p>Short.</p>", head: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": graph})}</script>'
    return f"<html><head>{script}{head}</head><body>{body}</body></html>"


def test_author_by_id_is_the_person_node_of_that_id():
    graph = [{"@type": "Article", "headline": "Council approves bus lanes",
              "author": {"@id": URL + "#/person/1"}, "publisher": {"@id": URL + "#org"},
              "datePublished": "2023-05-17T09:12:04+00:00"},
             {"@type": "Organization", "@id": URL + "#org", "name": "The City Herald"},
             {"@type": "Person", "@id": URL + "#/person/1", "name": "Priya Raman"}]
    article = extract_html(page(graph), URL)
    assert article.authors == ["Priya Raman"]
    assert article.publisher == "The City Herald"


def test_author_list_of_ids_and_an_unknown_id():
    graph = [{"@type": "NewsArticle", "headline": "Council approves bus lanes",
              "author": [{"@id": "#a"}, {"@id": "#b"}, {"@id": "#missing"}]},
             {"@type": "Person", "@id": "#a", "name": "Ana Lima"},
             {"@type": "Person", "@id": "#b", "givenName": "Tom", "familyName": "Berg"}]
    assert extract_html(page(graph), URL).authors == ["Ana Lima", "Tom Berg"]


def test_yoast_twitter_written_by_label():
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Priya Raman">'
    graph = [{"@type": "Article", "headline": "Council approves bus lanes", "author": {"@id": "#gone"}}]
    assert extract_html(page(graph, head=head), URL).authors == ["Priya Raman"]


def test_publisher_named_like_the_headline_does_not_cost_the_title():
    headline = "Council approves bus lanes on Queen Street"
    graph = [{"@type": "NewsArticle", "headline": headline, "publisher": {"@type": "Organization", "name": headline}}]
    head = f'<title>{headline} - The City Herald</title><meta property="og:site_name" content="The City Herald">'
    article = extract_html(page(graph, head=head, body=f"<h1>{headline}</h1><p>Text.</p>"), URL)
    assert article.title == headline
    assert article.publisher == "The City Herald"


def test_article_body_keeps_its_paragraph_breaks():
    paragraphs = [f"Paragraph {n} of the story, long enough to be read as prose by anyone." for n in range(6)]
    graph = [{"@type": "NewsArticle", "headline": "Bus lanes", "articleBody": "\n".join(paragraphs)}]
    article = extract_html(page(graph, body="<div id='app'>Loading…</div>"), URL)
    assert article.text.split("\n\n") == paragraphs


def test_article_body_in_html_paragraphs():
    graph = [{"@type": "NewsArticle", "headline": "Bus lanes",
              "articleBody": "<p>First paragraph &amp; more words here.</p><p>Second <b>one</b> here.</p>" * 3}]
    text = extract_html(page(graph, body=""), URL).text
    assert text.split("\n\n")[:2] == ["First paragraph & more words here.", "Second one here."]


def test_author_as_a_bare_id_string():
    graph = [{"@type": "NewsArticle", "headline": "Bus lanes", "author": "#p1"},
             {"@type": "Person", "@id": "#p1", "name": "Ana Lima"}]
    assert extract_html(page(graph), URL).authors == ["Ana Lima"]


def test_the_article_whose_headline_is_the_page_s_wins_over_related_ones():
    graph = [{"@type": "NewsArticle", "headline": "Other story", "author": {"name": "Joe Other"}},
             {"@type": "NewsArticle", "headline": "Council approves bus lanes", "author": {"name": "Ana Lima"}}]
    article = extract_html(page(graph, body="<h1>Council approves bus lanes</h1><p>Text.</p>"), URL)
    assert (article.title, article.authors) == ("Council approves bus lanes", ["Ana Lima"])
