"""The same searches give the same articles on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import pytest

from desktop.core.article import Article, Entity, PERSON, Quote
from desktop.core.query import Filter, article_ids
from desktop.core.quotations import QuoteQuery, quotations
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive

TEXTS = [
    ("Budget talks collapse", ["Jane Doe"], "The finance minister walked out of the budget talks. Green tea was served."),
    ("Café culture in Paris", ["Jean-Luc Étienne"], "Le café est bon; l'économie va mal. An e-mail arrived at 10.5 a.m."),
    ("Coffee prices rise", ["John Smith"], "Growers blame the weather; a budget line for coffee. U.S. buyers don't care."),
    ("A history of tea", ["Ann Budgetson"], "Tea came to Europe in the 17th century. New York had its first coffee house."),
    ("Weather", ["Jane Doe"], "NEAR the coast: rain; title: none. Budgets were cut by the Straße office."),
    ("Elections in Serbia", ["Dragan Jovanović"], "Vučić won again; the opposition said the vote was not fair."),
]
SEARCHES = [
    "budget", "budg", "budget*", '"budget talks"', '"budget talks"*', "tea OR coffee", "coffee -tea",
    "title:coffee", "author:jane", 'author:"jane doe"', "cafe", "café", "CAFÉ", "economie", "l'économie",
    "e-mail", "mail", "10.5", "10", "u.s.", "don't", "dont", "near", "title:budget OR author:budgetson",
    "(tea OR coffee) -budget", "vucic", "jovanovic", "straße", '"new york"', '"york new"', "17th",
    "jean-luc", "etienne", "-tea budget", "fair vote", '"the vote"', "opposition OR (coffee house)",
]


@pytest.fixture
def both(tmp_path, pg_archive_url):
    archives = [Archive(tmp_path / "mine.sqlite3"), Archive(pg_archive_url)]
    for archive in archives:
        for n, (title, authors, text) in enumerate(TEXTS, 1):
            said = "the vote was not fair"
            quotes = [Quote(said, text.find(said), text.find(said) + len(said), None)] if said in text else []
            store_article(archive, Article(url=f"https://n.example/{n}", title=title, authors=authors,
                                           published=f"2024-01-{n:02d}", text=text, quotes=quotes,
                                           entities=[Entity(PERSON, authors[0])]))
    return archives


def test_every_search_finds_the_same_articles_on_both_engines(both):
    lite, server = both
    for search in SEARCHES:
        found = [set(article_ids(a, Filter(text=search))) for a in both]
        assert found[0] == found[1], search
    assert set(article_ids(lite, Filter(text="cafe"))) == {2}  # the corpus does tell searches apart
    ranked = [article_ids(a, Filter(text="budget", sort="relevance")) for a in both]
    assert ranked[0][0] == ranked[1][0] == 1  # a title hit first


def test_quotation_search_is_the_same_on_both_engines(both):
    for search in ("vote", "fair -budget", '"not fair"', "unfair"):
        found = [[q.id for q in quotations(a, QuoteQuery(search=search))] for a in both]
        assert found[0] == found[1], search
