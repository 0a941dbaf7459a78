"""The search language end to end: parsing, the FTS5 compile, queries on a small archive,
snippets, hit spans, relevance order, error sentences and the `list` command."""

from __future__ import annotations

import json

import pytest

from desktop.core import search as search_module
from desktop.core.article import Article
from desktop.core.facets import facet
from desktop.core.query import Filter, article_ids
from desktop.core.search import (
    AUTHOR,
    ENGINE_REFUSED,
    HIT_END,
    HIT_START,
    MAX_DEPTH,
    ONLY_EXCLUDES,
    OR_NEEDS_BOTH,
    STRAY_CLOSE,
    TITLE,
    AllOf,
    AnyOf,
    Phrase,
    SearchSyntaxError,
    hit_spans,
    parse_search,
)
from desktop.core.search_results import Hits, highlight_spans, snippets
from desktop.core.store import sqlite as sqlite_backend
from desktop.core.store.archive import store_article
from desktop.core.store.sqlite import fts_match


def w(word: str, field: str | None = None) -> Phrase:
    """A bare word as the parser reads it: a prefix."""
    return Phrase((word,), True, field)


PARSED = [
    ("budget", w("budget")),
    ("budget talks", AllOf((w("budget"), w("talks")))),
    ("tea OR coffee", AnyOf((w("tea"), w("coffee")))),
    ("tea or coffee", AllOf((w("tea"), w("or"), w("coffee")))),  # only uppercase OR is the operator
    ("a b OR c", AnyOf((AllOf((w("a"), w("b"))), w("c")))),
    ("a OR b OR c", AnyOf((w("a"), w("b"), w("c")))),
    ("tea -coffee", AllOf((w("tea"),), (w("coffee"),))),
    ('tea -"green tea"', AllOf((w("tea"),), (Phrase(("green", "tea")),))),
    ('"exact phrase"', Phrase(("exact", "phrase"))),
    ('"budget"*', Phrase(("budget",), True)),
    ("budg*", w("budg")),
    ("title:budget", w("budget", TITLE)),
    ('Title:"a phrase"', Phrase(("a", "phrase"), False, TITLE)),
    ("author:doe", w("doe", AUTHOR)),
    ("-title:cuts pay", AllOf((w("pay"),), (w("cuts", TITLE),))),
    ("(a OR b) c", AllOf((AnyOf((w("a"), w("b"))), w("c")))),
    ("-(a OR b) c", AllOf((w("c"),), (AnyOf((w("a"), w("b"))),))),
    ("(a b) c", AllOf((w("a"), w("b"), w("c")))),
    # forgiven: unclosed quote or bracket (still typing), punctuation, colons in plain text
    ('"new yo', Phrase(("new", "yo"), True)),
    ("(a OR b", AnyOf((w("a"), w("b")))),
    ("a - b", AllOf((w("a"), w("b")))),
    ("a -* ^ & b", AllOf((w("a"), w("b")))),
    ("Brexit: what", AllOf((w("Brexit:"), w("what")))),
    ("10:30", w("10:30")),
    ("https://x.example/a", w("https://x.example/a")),
    ("e-mail", w("e-mail")),
    ('NEAR(a b) c^ "d""', AllOf((w("NEAR"), w("a"), w("b"), w("c^"), Phrase(("d",))))),
    ("a ()", w("a")),
    ("", None),
    ("   ", None),
    ('* " ^', None),
]


@pytest.mark.parametrize(("text", "parsed"), PARSED)
def test_parser(text, parsed):
    assert parse_search(text) == parsed


ERRORS = [
    ("-coffee", ONLY_EXCLUDES),
    ("-a -b", ONLY_EXCLUDES),
    ("a OR -b", ONLY_EXCLUDES),
    ("tea OR", OR_NEEDS_BOTH),
    ("OR tea", OR_NEEDS_BOTH),
    ("tea OR OR coffee", OR_NEEDS_BOTH),
    ("(a OR) b", OR_NEEDS_BOTH),
    ("a)", STRAY_CLOSE),
    ("(" * (MAX_DEPTH + 1) + "a", search_module.TOO_DEEP),
    ("foo:bar", "Search: there is no field 'foo:'; use title: or author:, or put the words in quotes."),
    ("title: budget", "Search: write a word or a quoted phrase right after 'title:', with no space."),
    ('author:""', "Search: write a word or a quoted phrase right after 'author:', with no space."),
    ("title:(a OR b)", "Search: write a word or a quoted phrase right after 'title:', with no space."),
]


@pytest.mark.parametrize(("text", "sentence"), ERRORS)
def test_malformed_queries_say_one_sentence(text, sentence):
    with pytest.raises(SearchSyntaxError) as raised:
        parse_search(text)
    assert str(raised.value) == sentence
    assert isinstance(raised.value, ValueError)


COMPILED = [
    ("budget", '"budget"*'),
    ("budget talks", '"budget"* AND "talks"*'),
    ("tea OR coffee", '"tea"* OR "coffee"*'),
    ("a -b -c", '("a"*) NOT ("b"* OR "c"*)'),
    ('"exact phrase"', '"exact phrase"'),
    ('"new yo', '"new yo"*'),
    ('title:"a b" author:doe', 'title : "a b" AND authors_text : "doe"*'),
    ("(a OR b) c", '("a"* OR "b"*) AND "c"*'),
    ("a b OR c -d", '("a"* AND "b"*) OR (("c"*) NOT ("d"*))'),
    # engine syntax in user text stays inside quoted strings
    ("NEAR(a b) title c^", '"NEAR"* AND "a"* AND "b"* AND "title"* AND "c^"*'),
    ("don't", '"don\'t"*'),
]


@pytest.mark.parametrize(("text", "match"), COMPILED)
def test_fts5_compile(text, match):
    assert fts_match(parse_search(text)) == match


def test_a_quote_inside_a_phrase_is_doubled():
    assert fts_match(Phrase(('say"',))) == '"say"""'


@pytest.fixture
def news(archive):
    """Four articles; returns {name: id}."""
    articles = {
        "budget": Article(url="https://n.example/1", title="Budget talks collapse", authors=["Jane Doe"],
                          published="2024-01-01", text="The finance minister walked out of the budget talks. "
                          "Green tea was served. Coffee was not."),
        "coffee": Article(url="https://n.example/2", title="Coffee prices rise", authors=["John Smith"],
                          published="2024-01-02", text="Growers blame the weather; a budget line for coffee."),
        "tea": Article(url="https://n.example/3", title="A history of tea", authors=["Ann Budgetson"],
                       published="2024-01-03", text="Tea came to Europe in the 17th century. Café culture "
                       "followed, and new york had its first coffee house."),
        "near": Article(url="https://n.example/4", title="Weather", authors=["Jane Doe"], published="2024-01-04",
                        text="NEAR the coast: rain; title: none. Budgets were cut."),
    }
    return {name: store_article(archive, article).id for name, article in articles.items()}


def found(archive, text, **kw) -> set[int]:
    return set(article_ids(archive, Filter(text=text, **kw)))


def test_every_operator_on_an_archive(archive, news):
    n = news
    assert found(archive, "budget") == {n["budget"], n["coffee"], n["tea"], n["near"]}  # prefix: Budgetson, Budgets
    assert found(archive, '"budget"') == {n["budget"], n["coffee"]}
    assert found(archive, '"budget"*') == found(archive, "budget*") == found(archive, "budget")
    assert found(archive, "budget talks") == {n["budget"]}
    assert found(archive, "tea OR coffee") == {n["budget"], n["coffee"], n["tea"]}
    assert found(archive, "coffee -tea") == {n["coffee"]}
    assert found(archive, '"green tea"') == {n["budget"]}
    assert found(archive, '"tea green"') == set()
    assert found(archive, "title:budget") == {n["budget"]}
    assert found(archive, 'title:"of tea"') == {n["tea"]}
    assert found(archive, "author:doe") == {n["budget"], n["near"]}
    assert found(archive, "author:doe -title:weather") == {n["budget"]}
    assert found(archive, "(tea OR coffee) -author:smith") == {n["budget"], n["tea"]}
    assert found(archive, "cafe") == {n["tea"]}  # diacritics as the index folds them
    assert found(archive, '"new yo') == {n["tea"]}  # unclosed: the phrase so far, last word a prefix
    assert found(archive, "NEAR coast") == {n["near"]}  # engine words are plain words
    assert found(archive, "title:none") == set()  # a field, not the words "title: none" of the text
    assert found(archive, "^weather") == {n["coffee"], n["near"]}  # "^" is no FTS5 initial-token operator
    assert found(archive, "*") == set(news.values())  # no word: no search


def test_malformed_search_raises_from_every_query(archive, news):
    for call in (lambda: article_ids(archive, Filter(text="-tea")),
                 lambda: article_ids(archive, Filter(text="-tea", sort="relevance")),
                 lambda: facet(archive, "author", Filter(text="-tea")),
                 lambda: snippets(archive, list(news.values()), "-tea"),
                 lambda: highlight_spans(archive, news["tea"], "-tea")):
        with pytest.raises(SearchSyntaxError, match="only exclude"):
            call()


@pytest.mark.sqlite_only("feeds FTS5 MATCH text it refuses")
@pytest.mark.parametrize("match", ['"unbalanced', "a AND", "*", "(" * 300 + "a"])
def test_engine_errors_become_one_sentence(archive, news, monkeypatch, match):
    monkeypatch.setattr(sqlite_backend, "fts_match", lambda search: match)  # as if compiled wrongly
    for call in (lambda: article_ids(archive, Filter(text="tea")),
                 lambda: article_ids(archive, Filter(text="tea", sort="relevance")),
                 lambda: facet(archive, "author", Filter(text="tea")),
                 lambda: snippets(archive, [news["tea"]], "tea"),
                 lambda: highlight_spans(archive, news["tea"], "tea")):
        with pytest.raises(SearchSyntaxError) as raised:
            call()
        assert str(raised.value) == ENGINE_REFUSED


def test_relevance_puts_title_hits_first_and_falls_back_to_dates(archive, news):
    n = news
    by_date = article_ids(archive, Filter(text="coffee"))
    assert by_date == [n["tea"], n["coffee"], n["budget"]]  # newest first
    best = article_ids(archive, Filter(text="coffee", sort="relevance"))
    assert best[0] == n["coffee"]  # in the title
    assert article_ids(archive, Filter(text="coffee", sort="relevance", descending=False))[-1] == n["coffee"]
    assert article_ids(archive, Filter(text="doe OR budget", sort="relevance"))[0] == n["budget"]  # title + author
    assert article_ids(archive, Filter(sort="relevance")) == article_ids(archive, Filter())  # no text: by date
    assert article_ids(archive, Filter(text="coffee", sort="relevance"), limit=1) == [n["coffee"]]


def test_relevance_weighs_title_over_authors_over_text(archive):
    def add(n: int, title: str, author: str, text: str) -> int:
        return store_article(archive, Article(url=f"https://w.example/{n}", title=title, authors=[author],
                                              published=f"2024-02-0{n}", text=text)).id

    in_text = add(1, "Rain all week", "Ann Lee", "Smith, Smith and Smith said the rain would last.")
    in_title = add(2, "Smith wins the vote", "Ann Lee", "The vote was close, the count slow and the rain heavy.")
    by_author = add(3, "Floods in the north", "Jo Smith", "The rain stopped and the floods went down slowly.")
    assert article_ids(archive, Filter(text="smith", sort="relevance")) == [in_title, by_author, in_text]


def test_snippets_mark_hits_in_the_text(archive, news):
    n = news
    rows = snippets(archive, [n["budget"], n["coffee"], n["near"]], "coffee OR tea")
    assert set(rows) == {n["budget"], n["coffee"]}  # only ids that match
    assert f"Green {HIT_START}tea{HIT_END} was served. {HIT_START}Coffee{HIT_END} was not." in rows[n["budget"]]
    assert rows[n["budget"]].startswith("…")
    assert "\n" not in rows[n["coffee"]]
    assert snippets(archive, [n["budget"]], "") == {} and snippets(archive, [], "tea") == {}


def test_highlight_spans_point_at_the_hits(archive, news):
    n = news
    hits = highlight_spans(archive, n["budget"], "budget OR coffee")
    title, text = "Budget talks collapse", "The finance minister walked out of the budget talks."
    assert [title[s:e] for s, e in hits.title] == ["Budget"]
    assert [text[s:e] for s, e in hits.text[:1]] == ["budget"]
    assert len(hits.text) == 2  # budget, Coffee
    assert highlight_spans(archive, n["tea"], "title:budget") == Hits()  # not a match
    assert highlight_spans(archive, n["tea"], "") == Hits()
    assert hit_spans(f"a {HIT_START}bc{HIT_END} d {HIT_START}e{HIT_END}") == [(2, 4), (7, 8)]


def test_cli_list_search_sort_and_snippets(cli, news):
    code, out, err = cli("list", "--search", "coffee", "--sort", "relevance")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[0] == str(news["coffee"]) and "Coffee prices rise" in lines[0]
    assert "a budget line for [coffee]" in lines[1]  # the snippet line under its row
    assert len(lines) == 6
    code, out, _ = cli("list", "--search", "title:coffee OR tea", "--json", "--sort", "title")
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["A history of tea", "Budget talks collapse", "Coffee prices rise"]
    assert rows[0]["snippet"].startswith("[Tea] came")
    code, out, _ = cli("list", "--json")
    assert "snippet" not in json.loads(out)[0]


@pytest.mark.parametrize(("text", "sentence"), [("--search=-tea", ONLY_EXCLUDES), ("--search=tea OR", OR_NEEDS_BOTH)])
def test_cli_malformed_search_exits_2_with_the_sentence(cli, news, text, sentence):
    assert cli("list", text) == (2, "", sentence + "\n")
