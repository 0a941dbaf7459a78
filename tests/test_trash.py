"""The Trash: deleted articles leave every list and count, come back on restore or re-import."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from desktop.core.article import CITY, PERSON, Original
from desktop.core.profiles import find_term
from desktop.core.query import Filter, article_ids, total
from desktop.core.store.archive import EXISTS, delete_articles, original_of, store_article
from desktop.core.store.db import SCHEMA_VERSION, Archive
from tests.test_store import make_article, rows
from tests import db_rows


def test_trash_hides_restore_shows_and_delete_is_for_good(archive):
    from desktop.core.list_rows import summaries
    from desktop.core.query import trash_count
    from desktop.core.store.trash import restore_articles, trash_articles

    a, b = (store_article(archive, make_article(n), Original(b"x")).id for n in (1, 2))
    assert trash_articles(archive, [a, 999]) == 1
    assert trash_articles(archive, [a]) == 0  # already in the trash
    assert article_ids(archive) == [b] and total(archive) == 1 and trash_count(archive) == 1
    assert article_ids(archive, Filter(trash=True)) == [a]
    assert article_ids(archive, Filter(text="belgrade")) == [b]
    assert article_ids(archive, Filter(text="belgrade", trash=True)) == [a]
    [row] = summaries(archive, [a])
    assert row.trashed is not None and row.trashed.tzinfo is not None
    assert original_of(archive, a).data == b"x"  # everything is kept
    assert restore_articles(archive, [a, b]) == 1  # b was not in the trash
    assert sorted(article_ids(archive)) == [a, b] and trash_count(archive) == 0
    assert summaries(archive, [a])[0].trashed is None
    trash_articles(archive, [a])
    assert delete_articles(archive, [a]) == 1  # permanent, from the trash too
    assert trash_count(archive) == 0 and total(archive) == 1


def test_trashed_articles_leave_facets_profiles_and_counts(archive):
    from desktop.core.profiles import entity_counts, profile
    from desktop.core.facets import facet
    from desktop.core.store.trash import trash_articles

    a = store_article(archive, make_article(1)).id
    b = store_article(archive, make_article(2, authors=["Cy Editor"], publisher="Other News")).id
    trash_articles(archive, [b])
    navalny = find_term(archive, PERSON, "Navalny")
    counts = lambda kind, flt=Filter(): {e.term.label: e.count for e in facet(archive, kind, flt)}  # noqa: E731
    assert counts(PERSON)["Alexei Navalny"] == 1
    assert counts("publisher") == {"Example News": 1}
    assert counts("author") == {"Ann Writer": 1, "Bob Reporter": 1}
    assert counts("year") == {"2023": 1}
    assert counts("publisher", Filter(trash=True)) == {"Other News": 1}
    assert counts(CITY, Filter(terms=(navalny,))) == {"Belgrade": 1}
    assert counts(CITY, Filter(terms=(navalny,), trash=True)) == {"Belgrade": 1}
    assert article_ids(archive, Filter(terms=(navalny,))) == [a]
    assert {e.name: n for e, n in entity_counts(archive)}["Alexei Navalny"] == 1
    assert "Yulia" in [e.name for e, _ in entity_counts(archive)]  # a's Yulia, not b's
    assert len([e for e, _ in entity_counts(archive) if e.name == "Yulia"]) == 1
    seen = profile(archive, navalny.ids[0])
    assert [s.id for s in seen.articles] == [a] and seen.entity.mentions == 1
    assert [c for c, _ in seen.contexts] == [a]
    assert {c.term.label: c.count for c in seen.companions}["Belgrade"] == 1


def test_trash_sorts_and_empties_by_age(archive):

    from desktop.core.query import trash_count
    from desktop.core.store.trash import empty_trash, trash_articles

    ids = [store_article(archive, make_article(n), Original(b"x")).id for n in (1, 2, 3)]
    trash_articles(archive, ids)
    assert article_ids(archive, Filter(trash=True)) == ids[::-1]  # newest published first
    assert article_ids(archive, Filter(trash=True, sort="title", descending=False)) == ids
    with db_rows.connect(archive) as con:
        con.execute("UPDATE article SET trashed = ? WHERE id = ?", (datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=40), ids[0]))
    with pytest.raises(ValueError, match="days"):
        empty_trash(archive, -1)
    assert empty_trash(archive, older_than_days=30) == 1
    assert sorted(article_ids(archive, Filter(trash=True))) == ids[1:]
    assert empty_trash(archive) == 2
    assert trash_count(archive) == 0
    assert rows(archive) == dict.fromkeys(rows(archive), 0)


def test_importing_a_trashed_page_restores_it(archive):
    from desktop.core.store.archive import RESTORED
    from desktop.core.store.trash import trash_articles

    a = store_article(archive, make_article(1)).id
    trash_articles(archive, [a])
    again = store_article(archive, make_article(1, title="Other title"))
    assert (again.status, again.id, again.title) == (RESTORED, a, "Story 1")
    assert article_ids(archive) == [a]
    assert store_article(archive, make_article(1)).status == EXISTS


def test_a_known_trashed_address_is_restored_without_downloading(archive):
    from desktop.core import pipeline
    from desktop.core.store.archive import RESTORED
    from desktop.core.store.trash import trash_articles

    a = store_article(archive, make_article(1)).id
    trash_articles(archive, [a])
    outcome = pipeline.import_one(archive, "https://news.example/story-1?utm_source=x")
    assert (outcome.status, outcome.id) == (RESTORED, a)
    assert pipeline.import_one(archive, "https://news.example/story-1").status == EXISTS


def test_an_archive_of_the_previous_schema_gets_the_trash(tmp_path):
    path = tmp_path / "old.sqlite3"
    a = store_article(Archive(path), make_article(1)).id
    con = sqlite3.connect(path)  # back to schema 3: no trashed or edited column
    con.executescript("DROP INDEX ix_article_trashed; ALTER TABLE article DROP COLUMN trashed;"
                      "ALTER TABLE article DROP COLUMN edited; UPDATE meta SET value = '3';")
    con.close()
    from desktop.core.store.trash import trash_articles

    upgraded = Archive(path)
    assert total(upgraded) == 1
    assert trash_articles(upgraded, [a]) == 1 and total(upgraded) == 0
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ix_article_trashed'").fetchone()[0] == 1
    con.close()
