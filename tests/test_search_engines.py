"""The same searches give the same articles on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import pytest

from desktop.core import pages
from desktop.core.article import Article, Entity, PERSON, Quote
from desktop.core.query import Filter, article_ids
from desktop.core.quotations import QuoteQuery, quotations
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.core.store.versions import Earlier, add_earlier
from tests import db_rows

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


def _back_to_schema_8(archive: Archive) -> None:
    """Make `archive` as schema 8 left it: on PostgreSQL the words were a generated column
    of the article row (the DDL of that version), not the article_search table."""
    from desktop.core.store import postgres

    with db_rows.connect(archive) as con:
        if not archive.is_file:
            con.execute("DROP TABLE article_search")
            con.execute("DROP TRIGGER article_search_update ON article")
            document = " || ".join(postgres._document(column, weight) for column, weight in
                                   (("title", "A"), ("authors_text", "B"), ("text", "D")))
            con.execute(f"ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS ({document}) STORED")
            con.execute("CREATE INDEX ix_article_search ON article USING gin (search)")
        con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    archive.engine.dispose()


def test_an_archive_of_schema_8_upgrades_and_keeps_finding_its_articles(archive):
    for n, (title, authors, text) in enumerate(TEXTS[:3], 1):
        store_article(archive, Article(url=f"https://n.example/{n}", title=title, authors=authors, text=text))
    _back_to_schema_8(archive)
    upgraded = Archive(archive.location)
    with db_rows.connect(upgraded) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "9"
    assert set(article_ids(upgraded, Filter(text="budget"))) == {1, 3}
    store_article(upgraded, Article(url="https://n.example/4", title="Budget day", authors=[], text="Cuts."))
    with db_rows.connect(upgraded) as con:  # an edit is searched by its new words, a deletion not at all
        con.execute("UPDATE article SET text = 'Nothing about money.' WHERE id = 3")
        con.execute("DELETE FROM article WHERE id = 1")
    assert set(article_ids(upgraded, Filter(text="budget"))) == {4}
    assert set(article_ids(upgraded, Filter(text="money"))) == {3}
    upgraded.engine.dispose()


def test_the_first_page_of_every_search_is_the_same_on_both_engines(both, monkeypatch):
    # Three newest articles probed: a page of one or two is found among them or not at all.
    monkeypatch.setattr(pages, "NEWEST_PROBED", 3)
    for archive in both:
        with archive.transaction() as session:  # an earlier version's words find article 5
            add_earlier(session, 5, [Earlier("Zeppelin weather", "The zeppelin flew over the coast.", None)])
    for search in [*SEARCHES, "zeppelin", "zeppelin OR tea"]:
        for size in (1, 2):
            flt = Filter(text=search)
            found = [pages.first_ids(a, flt, size) for a in both]
            every = article_ids(both[0], flt)
            assert found[0] == found[1] and found[0][0] == every[:size], (search, size)
            assert not found[0][1] or len(every) <= size, (search, size)
    assert pages.first_ids(both[1], Filter(text="zeppelin"), 1) == ([5], False)  # probed: more may follow
    assert pages.first_ids(both[1], Filter(text="zeppelin"), 2) == ([5], True)  # the whole query


def test_best_match_first_keeps_an_article_found_only_in_an_earlier_version_last(both):
    for archive in both:
        with archive.transaction() as session:  # article 6 said "budget" before an edit; 1, 3, 4, 5 say it now
            add_earlier(session, 6, [Earlier("Budget vote", "The budget vote was close.", None)])
    ranked = [article_ids(a, Filter(text="budget", sort="relevance")) for a in both]
    assert ranked[0] == ranked[1] and ranked[0][0] == 1 and ranked[0][-1] == 6
    assert sorted(ranked[0]) == sorted(article_ids(both[0], Filter(text="budget")))
    tail = [article_ids(a, Filter(text="budget", sort="relevance", descending=False))[0] for a in both]
    assert tail == [6, 6]  # worst match first: the earlier version's
