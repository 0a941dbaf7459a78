"""The archive's storage: transactions, duplicates, entities, schema versions, failure modes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest
from sqlmodel import select

from tests import db_rows

from desktop.core.article import CITY, PERSON, Article, Entity, Original
from desktop.core.errors import CuttingsError
from desktop.core.profiles import find_term
from desktop.core.query import Filter, article_ids, detail, total
from desktop.core.store import db as store_db
from desktop.core.store.archive import (EXISTS, SAVED, delete_articles, original_of, replace_entities, store_article,
                                        stored_at)
from desktop.core.store.db import Archive
from desktop.core.store.versions import versions_of


def make_article(n: int = 1, **overrides) -> Article:
    fields = dict(
        url=f"https://news.example/story-{n}",
        title=f"Story {n}",
        authors=["Ann Writer", "Bob Reporter"],
        published=f"2023-01-{n:02d}",
        publisher="Example News",
        text=f"Paragraph one of story {n} about Belgrade.\n\nParagraph two.",
        entities=[
            Entity(PERSON, "Alexei Navalny", ["Navalny"], mentions=3, context="Navalny spoke."),
            Entity(PERSON, "Yulia", local=True),
            Entity(CITY, "Belgrade", geonameid=792680, country="RS", lat=44.8, lon=20.46),
        ],
    )
    fields.update(overrides)
    return Article(**fields)


def rows(archive) -> dict[str, int]:
    return {t: db_rows.count(archive, t)
            for t in ("article", "author", "article_author", "snapshot", "entity", "mention")}


def test_store_and_read_back(archive):
    outcome = store_article(archive, make_article(), Original(b"<html>page</html>", "text/html", "utf-8"))
    assert outcome.status == SAVED
    item = detail(archive, outcome.id)
    assert item.title == "Story 1"
    assert item.authors == ["Ann Writer", "Bob Reporter"]
    assert item.publisher == "Example News"
    assert [e.name for e in item.entities] == ["Alexei Navalny", "Yulia", "Belgrade"]
    belgrade = item.entities[2]
    assert (belgrade.geonameid, belgrade.country) == (792680, "RS")
    assert original_of(archive, outcome.id).data == b"<html>page</html>"


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_pragmas_wal_and_foreign_keys(archive):
    with archive.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("variant", [
    "https://news.example/story-1",
    "HTTPS://NEWS.EXAMPLE/story-1#comments",
    "https://news.example/story-1?utm_source=twitter&fbclid=abc",
])
def test_same_page_is_one_article(archive, variant):
    first = store_article(archive, make_article())
    again = store_article(archive, make_article(url=variant, title="Other title"))
    assert again.status == EXISTS and again.id == first.id
    assert total(archive) == 1


def test_canonical_url_matches_too(archive):
    first = store_article(archive, make_article(url="https://m.news.example/a", canonical_url="https://news.example/a"))
    again = store_article(archive, make_article(url="https://news.example/a"))
    assert again.status == EXISTS and again.id == first.id


def test_shared_canonical_link_with_other_text_is_another_article(archive):
    # A CMS pointing every story's canonical link at its home page (reliability/03).
    home = "https://news.example/"
    first = store_article(archive, make_article(1, url=home, canonical_url=home))
    second = store_article(archive, make_article(2, url=home, canonical_url=home))
    assert second.status == SAVED and second.id != first.id
    assert total(archive) == 2
    again = store_article(archive, make_article(2, url=home, canonical_url=home))
    assert again.status == EXISTS and again.id == second.id
    assert stored_at(archive, home) is None  # before a download: a shared link names neither


def test_refresh_lets_a_canonical_link_match_changed_text(archive):
    first = store_article(archive, make_article(url="https://news.example/a", canonical_url="https://news.example/a"))
    new = make_article(url="https://news.example/a", canonical_url="https://news.example/a", text="Updated words.")
    assert store_article(archive, new).status == SAVED  # without --refresh: another article
    again = store_article(archive, new, refresh=True)
    assert again.id == first.id


def test_own_address_without_canonical_is_the_same_article_even_if_changed(archive):
    first = store_article(archive, make_article())
    again = store_article(archive, make_article(text="The page changed since."))
    assert again.status == EXISTS and again.id == first.id


@pytest.mark.parametrize("variant", [
    "http://127.0.0.1:8799/s/story/", "http://127.0.0.1:8799/s//story",
    "http://127.0.0.1:8799/s/story?page=1", "http://localhost:8799/s/story",
])
def test_same_text_at_a_url_variant_is_one_article(archive, variant):
    # reliability/10: one page under several addresses, one text.
    first = store_article(archive, make_article(url="http://127.0.0.1:8799/s/story"))
    again = store_article(archive, make_article(url=variant))
    assert again.status == EXISTS and again.id == first.id
    other = store_article(archive, make_article(url=variant, text="Another story."))
    assert other.status == SAVED


def test_refresh_updates_in_place_and_reindexes_text(archive):
    first = store_article(archive, make_article(), Original(b"old"))
    new = make_article(title="Story 1, updated", text="Completely new words about Vilnius.", entities=[])
    again = store_article(archive, new, Original(b"new"), refresh=True)
    assert again.status == SAVED and again.id == first.id
    assert detail(archive, first.id).title == "Story 1, updated"
    assert detail(archive, first.id).entities == []
    assert original_of(archive, first.id).data == b"new"
    assert article_ids(archive, Filter(text="Vilnius")) == [first.id]
    # what it said before is an earlier version now, whose words still find it
    assert [v.title for v in versions_of(archive, first.id)] == ["Story 1", "Story 1, updated"]
    assert article_ids(archive, Filter(text="Belgrade")) == [first.id]


def test_refresh_drops_what_only_the_old_version_named_and_keeps_the_copy(archive):
    first = store_article(archive, make_article(), Original(b"old"))
    new = make_article(authors=["Cy Editor"], entities=[Entity(PERSON, "Vladimir Putin", ["Putin"])])
    store_article(archive, new, refresh=True)
    assert find_term(archive, PERSON, "Navalny") is None
    assert find_term(archive, PERSON, "Yulia") is None
    assert rows(archive)["author"] == 1 and rows(archive)["entity"] == 1
    assert original_of(archive, first.id).data == b"old"  # no new copy: the old one stays


def test_fulltext_follows_inserts_and_deletes(archive):
    a = store_article(archive, make_article(1)).id
    b = store_article(archive, make_article(2, text="Nothing about that city here.")).id
    assert article_ids(archive, Filter(text="belgrade")) == [a]
    assert set(article_ids(archive, Filter(text="Writer"))) == {a, b}  # authors are indexed
    assert article_ids(archive, Filter(text="parag")) == [a]  # prefix match while typing
    delete_articles(archive, [a])
    assert article_ids(archive, Filter(text="belgrade")) == []


def test_delete_removes_everything_of_the_article(archive):
    a = store_article(archive, make_article(1), Original(b"x")).id
    assert delete_articles(archive, [a, 999]) == 1
    assert rows(archive) == dict.fromkeys(rows(archive), 0)


def test_full_names_merge_across_articles_first_names_do_not(archive):
    a = store_article(archive, make_article(1)).id
    b = store_article(archive, make_article(2)).id
    navalny = find_term(archive, PERSON, "navalny")  # by alias, any case
    assert len(navalny.ids) == 1
    assert set(article_ids(archive, Filter(terms=(navalny,)))) == {a, b}
    yulia = find_term(archive, PERSON, "Yulia")
    assert len(yulia.ids) == 2  # two people called Yulia, one per article
    assert find_term(archive, CITY, "792680").label == "Belgrade"


def test_a_known_entity_gains_the_aliases_a_new_article_gives_it_also_where_the_session_holds_it(archive):
    """The aliases are updated as plain rows: an object of the entity the transaction
    already holds reads them again, so a later change through it keeps them."""
    from desktop.core.store.archive import write_article
    from desktop.core.store.models import EntityRow

    store_article(archive, make_article(1))
    with archive.transaction() as session:
        held = session.exec(select(EntityRow).where(EntityRow.name == "Alexei Navalny")).one()
        assert held.aliases == "Navalny"
        write_article(session, make_article(2, entities=[Entity(PERSON, "Alexei Navalny", ["Alexei A. Navalny"])]))
        assert held.aliases == "Navalny\nAlexei A. Navalny"
        held.aliases += "\nA. Navalny"
    with archive.session() as session:
        stored = session.exec(select(EntityRow.aliases).where(EntityRow.name == "Alexei Navalny")).one()
    assert stored == "Navalny\nAlexei A. Navalny\nA. Navalny"


def test_replace_entities_keeps_the_article(archive):
    a = store_article(archive, make_article()).id
    replace_entities(archive, a, [Entity(PERSON, "Vladimir Putin", ["Putin"])])
    item = detail(archive, a)
    assert [e.name for e in item.entities] == ["Vladimir Putin"]
    assert item.person_count == 1
    assert find_term(archive, PERSON, "Navalny") is None  # orphan entity removed


def test_people_differing_only_in_case_count_once(archive):
    people = [Entity(PERSON, "Raspberry Pi"), Entity(PERSON, "Raspberry PI"), Entity(PERSON, "Bluetooth")]
    a = store_article(archive, make_article(entities=people)).id
    item = detail(archive, a)
    assert item.person_count == len(item.entities) == 2
    replace_entities(archive, a, people)
    assert detail(archive, a).person_count == 2


def test_replace_entities_of_a_deleted_article_writes_nothing(archive):
    a = store_article(archive, make_article()).id
    delete_articles(archive, [a])
    replace_entities(archive, a, [Entity(PERSON, "Vladimir Putin")])
    assert rows(archive) == dict.fromkeys(rows(archive), 0)


def test_failed_transaction_leaves_archive_as_it_was(archive, monkeypatch):
    store_article(archive, make_article(1))
    before = rows(archive)
    from desktop.core.store import archive as archive_module

    def explode(*_args):
        raise RuntimeError("crash while writing entities")

    monkeypatch.setattr(archive_module, "_write_entities", explode)
    with pytest.raises(RuntimeError):
        store_article(archive, make_article(2), Original(b"y"))
    assert rows(archive) == before


def test_archive_path_is_taken_literally(tmp_path):
    path = tmp_path / "100% news #1" / "a%20b?.sqlite3"
    store_article(Archive(path), make_article())
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".sqlite3") == [path.name]
    assert total(Archive(path)) == 1


def test_newer_archive_is_refused(tmp_path):
    path = tmp_path / "a.sqlite3"
    Archive(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(CuttingsError, match="newer Cuttings"):
        Archive(path)


@pytest.mark.sqlite_only("an sqlite3 connection holds the file's write lock")
def test_locked_by_another_writer(archive, monkeypatch):
    monkeypatch.setattr(store_db.sqlite, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(archive.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        locked = Archive(archive.path)
        with pytest.raises(CuttingsError, match="busy"):
            store_article(locked, make_article())
    finally:
        other.rollback()
        other.close()
    assert total(archive) == 0


def test_read_only_archive(tmp_path, monkeypatch):
    path = tmp_path / "a.sqlite3"
    store_article(Archive(path), make_article(1))
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: make the permission check see the mode bits
        monkeypatch.setattr(store_db, "_writable", lambda p: False)
    readonly = Archive(path)
    assert total(readonly) == 1  # still readable
    with pytest.raises(CuttingsError, match="read-only"):
        store_article(readonly, make_article(2))
    path.chmod(0o644)
    monkeypatch.undo()
    assert total(Archive(path)) == 1


KILL_MID_IMPORT = textwrap.dedent("""
    import os, signal, sys
    from desktop.core.store import archive as module
    from desktop.core.store.db import Archive
    from tests.test_store import make_article

    real = module._write_entities
    def die(session, *args):
        real(session, *args)
        session.flush()          # rows are in the database file's WAL, uncommitted
        os.kill(os.getpid(), signal.SIGKILL)
    module._write_entities = die
    module.store_article(Archive(sys.argv[1]), make_article(2))
""")


@pytest.mark.sqlite_only("kills a writer of the file, then checks the file's integrity")
def test_process_killed_mid_import_leaves_archive_as_it_was(archive):
    store_article(archive, make_article(1), Original(b"x"))
    before = rows(archive)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.run([sys.executable, "-c", KILL_MID_IMPORT, str(archive.path)], cwd=root)
    assert proc.returncode == -9
    assert rows(archive) == before
    con = sqlite3.connect(archive.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store_article(Archive(archive.path), make_article(2)).status == SAVED


def test_facet_entries_containing_text(archive):
    from desktop.core.facets import facet

    store_article(archive, make_article(1))
    assert [e.term.label for e in facet(archive, PERSON, containing="NAVAL")] == ["Alexei Navalny"]
    assert facet(archive, PERSON, containing="%") == []  # the text is literal, not a pattern
    assert [e.term.label for e in facet(archive, "publisher", containing="example")] == ["Example News"]


# ------------------------------------------------------------------ trash, restore, edits

def test_update_article_changes_metadata_and_the_fulltext_index(archive):
    from desktop.core.corrections import edit_article as update_article

    a = store_article(archive, make_article(1, title="Rally in Belgrade")).id
    update_article(archive, a, title="  Protest in   Novi Sad ", authors=["Cy Editor", "Ann Writer", "Cy Editor"],
                   published="2022-12-31", publisher="The Daily")
    item = detail(archive, a)
    assert (item.title, item.authors, item.published, item.publisher) == (
        "Protest in Novi Sad", ["Cy Editor", "Ann Writer"], "2022-12-31", "The Daily")
    assert article_ids(archive, Filter(text="novi sad")) == [a]
    assert article_ids(archive, Filter(text="rally")) == []
    assert article_ids(archive, Filter(text="Editor")) == [a]  # authors_text follows
    assert article_ids(archive, Filter(text="Reporter")) == []
    assert rows(archive)["author"] == 2  # Bob Reporter linked to nothing now
    update_article(archive, a, published="", publisher="", authors=[])
    item = detail(archive, a)
    assert (item.authors, item.published, item.publisher, item.title) == ([], None, None, "Protest in Novi Sad")


@pytest.mark.parametrize("change, message", [
    (dict(title="  "), "needs a title"),
    (dict(published="31/12/2022"), "YYYY-MM-DD"),
    (dict(published="2022-02-30"), "There is no day 2022-02-30"),  # well written, but no such day
    (dict(published="20221231"), "YYYY-MM-DD"),
])
def test_update_article_refuses_bad_input_and_changes_nothing(archive, change, message):
    from desktop.core.corrections import edit_article as update_article

    a = store_article(archive, make_article(1)).id
    before = detail(archive, a)
    with pytest.raises(ValueError, match=message):
        update_article(archive, a, authors=["Cy Editor"], **change)
    assert detail(archive, a) == before
    with pytest.raises(ValueError, match="no article 99"):
        update_article(archive, 99, title="X")


def test_edited_metadata_outlives_refresh_and_reindex(archive, monkeypatch):
    from desktop.core import reindex as reindex_module
    from desktop.core.corrections import edit_article as update_article

    a = store_article(archive, make_article(1)).id
    update_article(archive, a, title="Corrected", authors=["Cy Editor"], published="2023-02-02")
    new = make_article(1, title="Page title", authors=["Someone Else"], text="New words about Vilnius.")
    assert store_article(archive, new, refresh=True).status == SAVED
    item = detail(archive, a)
    assert (item.title, item.authors, item.published) == ("Corrected", ["Cy Editor"], "2023-02-02")
    assert "Vilnius" in item.text  # the text itself is refreshed
    monkeypatch.setattr(reindex_module, "add_entities",
                        lambda article: replace(article, entities=[Entity(PERSON, "Vladimir Putin")]))
    list(reindex_module.reindex(archive))
    item = detail(archive, a)
    assert (item.title, item.authors) == ("Corrected", ["Cy Editor"])
    assert [e.name for e in item.entities] == ["Vladimir Putin"]


def test_every_edited_field_outlives_refresh_the_address_too(archive):
    from desktop.core.corrections import edit_article as update_article

    url = None  # imported from a file: found again by its text
    a = store_article(archive, make_article(1, url=url)).id
    update_article(archive, a, title="Corrected", publisher="Edited Press", url="https://example.org/g2")
    assert store_article(archive, make_article(1, url=url, title="Page title"), refresh=True).id == a
    item = detail(archive, a)
    assert (item.title, item.publisher, item.url) == ("Corrected", "Edited Press", "https://example.org/g2")
