"""Quotations in the archive: stored with their article, replaced by refresh and reindex,
read back per article, per person and by search, counted for the sidebar."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from tests import db_rows

from desktop.core import reindex as reindex_module
from desktop.core.article import PERSON, Article, Entity, Quote
from desktop.core.quotations import QuoteQuery, add_quote_counts, count_quotations, quotations, quote_counts
from desktop.core.facets import facet
from desktop.core.query import QUOTED, FacetEntry, Filter, Term, article_ids, detail
from desktop.core.search import SearchSyntaxError
from desktop.core.store.archive import replace_entities, store_article
from desktop.core.store.db import Archive
from desktop.core.store.trash import trash_articles

NOBLE = Entity(PERSON, "Ben Noble", ["Noble"])
YULIA = Entity(PERSON, "Yulia", local=True)


def quoting(n: int, said: list[tuple[str, str | None]], people=(NOBLE, YULIA), **overrides) -> Article:
    """Article `n` whose text is the quotations `said` ((words, speaker) pairs), one a paragraph."""
    parts, quotes, at = [], [], 0
    for words, speaker in said:
        line = f"“{words}” said {speaker or 'a spokesman'}."
        quotes.append(Quote(words, at + 1, at + 1 + len(words), speaker))
        parts.append(line)
        at += len(line) + 2
    fields = dict(url=f"https://news.example/{n}", title=f"Story {n}", published=f"2024-01-{n:02d}",
                  text="\n\n".join(parts), entities=list(people), quotes=quotes)
    return Article(**(fields | overrides))


def fts_rows(archive: Archive) -> int:
    """How many quotations the full-text index finds for war, win or talks (checking the
    SQLite index's integrity first)."""
    if not archive.is_file:
        with db_rows.connect(archive) as con:
            return con.execute("SELECT count(*) FROM quotation"
                               " WHERE search @@ to_tsquery('cuttings', 'war | win | talks')").fetchone()[0]
    con = sqlite3.connect(archive.path)
    try:
        con.execute("INSERT INTO quotation_fts(quotation_fts) VALUES ('integrity-check')")
        return con.execute("SELECT count(*) FROM quotation_fts WHERE quotation_fts MATCH 'war OR win OR talks'").fetchone()[0]
    finally:
        con.close()


def test_quotations_are_stored_with_their_speakers(archive):
    article = quoting(1, [("We will win", "Ben Noble"), ("No to war", "Yulia"), ("Talks failed", None)])
    item = detail(archive, store_article(archive, article).id)
    assert [(q.quote, q.speaker) for q in item.quotes] == [
        ("We will win", "Ben Noble"), ("No to war", "Yulia"), ("Talks failed", None)]
    assert all(item.text[q.start:q.end] == q.quote for q in item.quotes)
    people = {e.name: e.id for e in item.entities}
    assert [q.speaker_id for q in item.quotes] == [people["Ben Noble"], people["Yulia"], None]


def test_a_speaker_is_found_by_alias_and_case_and_an_unknown_one_is_nobody(archive):
    article = quoting(1, [("We will win", "NOBLE"), ("No to war", "Someone Else")])
    item = detail(archive, store_article(archive, article).id)
    assert [q.speaker for q in item.quotes] == ["Ben Noble", None]


def test_a_failed_write_leaves_no_quotation(archive):
    broken = quoting(1, [("We will win", "Ben Noble")])
    broken.quotes.append(Quote(None, 0, 1))  # NOT NULL: the write fails after the first quotation
    with pytest.raises(Exception):
        store_article(archive, broken)
    assert article_ids(archive) == []
    assert quotations(archive) == [] and fts_rows(archive) == 0


def test_refresh_and_reindex_replace_the_quotations(archive, monkeypatch):
    a = store_article(archive, quoting(1, [("We will win", "Ben Noble")])).id
    store_article(archive, quoting(1, [("No to war", "Yulia")]), refresh=True)
    assert [(q.quote, q.speaker) for q in detail(archive, a).quotes] == [("No to war", "Yulia")]

    def found(article: Article) -> Article:
        at = article.text.index("No to war")
        return replace(article, entities=[NOBLE], quotes=[Quote("No to war", at, at + 9, "Ben Noble")])

    monkeypatch.setattr(reindex_module, "add_entities", found)
    list(reindex_module.reindex(archive))
    assert [(q.quote, q.speaker) for q in detail(archive, a).quotes] == [("No to war", "Ben Noble")]
    replace_entities(archive, a, [NOBLE])
    assert detail(archive, a).quotes == [] and fts_rows(archive) == 0


def test_deleting_an_article_deletes_its_quotations_and_their_index(archive):
    from desktop.core.store.archive import delete_articles

    a = store_article(archive, quoting(1, [("We will win", "Ben Noble")])).id
    assert fts_rows(archive) == 1
    delete_articles(archive, [a])
    assert fts_rows(archive) == 0


@pytest.fixture
def quoted(archive):
    """Three articles: Noble quoted in 1 and 3, Yulia in 2, an unnamed source in 3."""
    archive.ids = [
        store_article(archive, quoting(1, [("We will win", "Ben Noble"), ("Prices will rise", "Ben Noble")])).id,
        store_article(archive, quoting(2, [("No to war", "Yulia")], people=(NOBLE, YULIA))).id,
        store_article(archive, quoting(3, [("The war is long", "Ben Noble"), ("Talks failed", None)])).id,
    ]
    archive.noble = detail(archive, archive.ids[0]).quotes[0].speaker_id
    return archive


def test_a_persons_quotations_newest_first(quoted):
    said = quotations(quoted, QuoteQuery(speaker_ids=(quoted.noble,)))
    assert [(q.quote, q.title, q.published) for q in said] == [
        ("The war is long", "Story 3", "2024-01-03"),
        ("We will win", "Story 1", "2024-01-01"),
        ("Prices will rise", "Story 1", "2024-01-01"),
    ]
    assert count_quotations(quoted, QuoteQuery(speaker_ids=(quoted.noble,))) == 3
    assert len(quotations(quoted, QuoteQuery(speaker_ids=(quoted.noble,)), limit=1)) == 1


def test_searching_quotations_marks_the_hits(quoted):
    said = quotations(quoted, QuoteQuery(search="war -long"))
    assert [(q.quote, q.speaker, q.marked) for q in said] == [("No to war", "Yulia", "No to \x02war\x03")]
    assert [q.quote for q in quotations(quoted, QuoteQuery(speaker_ids=(quoted.noble,), search='"will win"'))] == [
        "We will win"]
    assert [q.quote for q in quotations(quoted, QuoteQuery(article_id=quoted.ids[2]))] == [
        "The war is long", "Talks failed"]
    for bad in ("title:war", "-war", "war OR"):
        with pytest.raises(SearchSyntaxError):
            quotations(quoted, QuoteQuery(search=bad))


def test_quotations_of_trashed_articles_are_not_listed(quoted):
    trash_articles(quoted, [quoted.ids[2]])
    assert [q.quote for q in quotations(quoted, QuoteQuery(speaker_ids=(quoted.noble,)))] == [
        "We will win", "Prices will rise"]
    assert quote_counts(quoted, [quoted.noble]) == {quoted.noble: 2}


def test_quote_counts_follow_the_filter(quoted):
    assert quote_counts(quoted, [quoted.noble]) == {quoted.noble: 3}
    assert quote_counts(quoted, [quoted.noble], Filter(text="Story 3")) == {quoted.noble: 1}
    people = add_quote_counts(quoted, facet(quoted, PERSON))
    assert sorted((e.term.label, e.count, e.quoted) for e in people) == [  # a first-name-only Yulia per article
        ("Ben Noble", 3, 3), ("Yulia", 1, 0), ("Yulia", 1, 0), ("Yulia", 1, 1)]
    assert add_quote_counts(quoted, [FacetEntry(Term("org", "UN", (99,)), 1)])[0].quoted == 0


def test_the_quoted_filter_keeps_articles_where_the_person_speaks(quoted):
    noble = Term(PERSON, "Ben Noble", (quoted.noble,))
    assert article_ids(quoted, Filter(terms=(noble,))) == quoted.ids[::-1]  # named in all three
    assert article_ids(quoted, Filter(terms=(Term(QUOTED, "Ben Noble", (quoted.noble,)),))) == [
        quoted.ids[2], quoted.ids[0]]


def test_an_upgraded_archive_gets_the_quotation_index(tmp_path):
    path = tmp_path / "old.sqlite3"
    Archive(path)
    con = sqlite3.connect(path)
    for name in ("quotation_fts", "quotation", "correction", "duplicate_verdict", "article_tag", "tag"):
        con.execute(f"DROP TABLE {name}")
    con.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    con.commit()
    con.close()
    archive = Archive(path)
    store_article(archive, quoting(1, [("We will win", "Ben Noble")]))
    assert [q.quote for q in quotations(archive, QuoteQuery(search="win"))] == ["We will win"]


def test_corrections_to_people_carry_over_to_their_quotations(archive):
    from desktop.core import corrections

    a = store_article(archive, quoting(1, [("We will win", "Ben Noble"), ("No to war", "Yulia")])).id
    b = store_article(archive, quoting(2, [("Prices will rise", "B. Noble")],
                                       people=(Entity(PERSON, "B. Noble"), YULIA))).id
    speakers = lambda article_id: [q.speaker for q in detail(archive, article_id).quotes]  # noqa: E731
    noble = detail(archive, a).quotes[0].speaker_id
    corrections.rename_entity(archive, noble, "Benjamin Noble")
    assert speakers(a) == ["Benjamin Noble", "Yulia"]
    other = detail(archive, b).quotes[0].speaker_id
    corrections.merge_entities(archive, [other], into=noble)
    assert [q.quote for q in quotations(archive, QuoteQuery(speaker_ids=(noble,)))] == [
        "Prices will rise", "We will win"]
    store_article(archive, quoting(1, [("We will win", "Ben Noble")]), refresh=True)  # the page's old name
    assert speakers(a) == ["Benjamin Noble"]


def test_a_schema_4_archive_gets_quotations_with_their_covering_indexes(tmp_path):
    from desktop.core.store.models import QUOTATION_ARTICLE_INDEX, QUOTATION_ENTITY_INDEX

    path = tmp_path / "four.sqlite3"
    Archive(path)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE quotation")
    con.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    con.commit()
    Archive(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'table')")}
    con.close()
    assert {"quotation", "quotation_fts", QUOTATION_ARTICLE_INDEX, QUOTATION_ENTITY_INDEX} <= names
