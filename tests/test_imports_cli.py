"""`cuttings import FILE` for each import format against pages served on 127.0.0.1, one dead
link kept from the export's copy; tags on the command line, as a filter and through an export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli import ARTICLE

DATA = Path(__file__).parent / "data" / "imports"
HOSTS = ("https://news.example", "https://wire.example", "https://gone.example", "https://blog.example")
TBILISI = ARTICLE.replace("Emigres rally in Belgrade for Navalny", "Thousands march in Tbilisi")


@pytest.fixture
def site(httpserver):
    """The samples' pages on the local server: two live, the ferry story gone (404)."""
    def page(path, body=ARTICLE):
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html; charset=utf-8")

    page("/world/belgrade-rally")
    page("/2024/05/06/georgia-protests", TBILISI)
    httpserver.expect_request("/2019/ferry").respond_with_data("Not here", status=404)
    return httpserver


def local(site, tmp_path, name: str) -> Path:
    """A copy of sample `name` (a file or folder) whose links point at the local server."""
    base = site.url_for("").rstrip("/")
    source, copy = DATA / name, tmp_path / name
    files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
    for file in files:
        target = copy if source.is_file() else copy / file.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = file.read_text(encoding="utf-8")
        for host in HOSTS:
            text = text.replace(host, base)
        target.write_text(text, encoding="utf-8")
    return copy


def test_wallabag_export_keeps_tags_added_time_and_a_dead_page_from_its_copy(cli, site, tmp_path, archive):
    code, out, err = cli("import", str(local(site, tmp_path, "wallabag.json")))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["saved 1 Emigres rally in Belgrade for Navalny",
                                "saved 2 The ferry that stopped running",
                                "saved 3 Thousands march in Tbilisi",
                                "3 items: 3 saved"]
    shown = json.loads(cli("show", "2", "--json")[1])
    assert shown["provenance"] == "Kept from the Wallabag export's copy: the site answered 404 Not Found."
    assert "Vidin" in shown["text"] and shown["authors"] == ["Maria Ivanova"]
    assert any(e["name"] == "Ivan Petrov" for e in shown["entities"])  # the copy went through the pipeline
    assert "Note: Kept from the Wallabag export's copy" in cli("show", "2")[1]
    first = json.loads(cli("show", "1", "--json")[1])
    assert first["tags"] == ["archived", "exiles", "russia", "starred"] and first["provenance"] is None
    assert first["added"].startswith("2023-01-21T09:55:58Z")  # the export's saved time, not now
    saved_copy = cli("show", "2", "--saved-copy")[1]
    assert "Vidin" in saved_copy  # the service's copy is the offline copy

    cli("delete", "1")
    code, out, _ = cli("import", str(local(site, tmp_path, "wallabag.json")))
    assert out.splitlines()[0] == "restored 1 Emigres rally in Belgrade for Navalny"
    assert out.splitlines()[-1] == "3 items: 2 already in the archive, 1 restored from the Trash" and code == 0


def test_pocket_csv_then_list_by_tag(cli, site, tmp_path):
    code, out, _ = cli("import", str(local(site, tmp_path, "pocket.csv")))
    lines = out.splitlines()
    assert code == 1  # the Pocket export holds no copy of the pages that are not served
    assert lines[0].startswith("error ") and lines[0].endswith("pocket.csv:6: no web address in this row")
    assert lines[1] == "saved 1 Emigres rally in Belgrade for Navalny"
    assert lines[-1] == "5 items: 2 saved, 3 failed"
    assert sum(line.startswith("error ") for line in lines) == 3
    rows = json.loads(cli("list", "--tag", "archived", "--json")[1])
    assert [(r["id"], r["tags"]) for r in rows] == [(1, ["archived", "exiles", "russia"])]
    assert json.loads(cli("list", "--tag", "GEORGIA", "--json")[1])[0]["title"] == "Thousands march in Tbilisi"
    assert cli("list", "--tag", "archived", "--search", "Tbilisi", "--json")[1].strip() == "[]"


def test_a_file_named_without_its_folder_is_a_file_not_an_address(cli, site, tmp_path, monkeypatch):
    exported = local(site, tmp_path, "pocket.csv")
    monkeypatch.chdir(exported.parent)  # `cuttings import pocket.csv`, as the README shows it
    code, out, _ = cli("import", exported.name)
    assert "saved 1 Emigres rally in Belgrade for Navalny" in out.splitlines(), out


@pytest.mark.parametrize("name, titles", [
    ("bookmarks-firefox.txt", ["Thousands march in Tbilisi"]),
    ("omnivore", ["Emigres rally in Belgrade for Navalny", "The ferry that stopped running",
                  "Thousands march in Tbilisi"]),
    ("karakeep.json", ["Emigres rally in Belgrade for Navalny", "Thousands march in Tbilisi",
                       "Call with the Tbilisi fixer"]),
    ("feed-atom.xml", ["Thousands march in Tbilisi", "Georgia votes"]),  # not served: from the feed's copy
    ("urls.csv", ["Emigres rally in Belgrade for Navalny", "Thousands march in Tbilisi"]),
])
def test_each_format_imports(cli, site, tmp_path, name, titles, config_file):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')
    _, out, _ = cli("import", str(local(site, tmp_path, name)))
    saved = [line.split(" ", 2)[2] for line in out.splitlines() if line.startswith("saved ")]
    assert saved == titles


@pytest.mark.parametrize("feed_type", ["application/rss+xml", "application/x-rss+xml"])
def test_a_feed_address_imports_its_entries_and_an_opml_list_its_feeds(cli, site, tmp_path, config_file, feed_type):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')
    rss = local(site, tmp_path, "feed-rss.rss").read_text()
    site.expect_request("/world/rss").respond_with_data(rss, content_type=feed_type)
    code, out, _ = cli("import", site.url_for("/world/rss"))
    assert out.splitlines() == ["saved 1 Emigres rally in Belgrade for Navalny",
                                "saved 2 The ferry that stopped running",  # 404: kept from the feed's copy
                                "2 items: 2 saved"] and code == 0
    assert json.loads(cli("show", "2", "--json")[1])["provenance"].startswith("Kept from the feed's copy")

    atom = local(site, tmp_path, "feed-atom.xml").read_text()
    site.expect_request("/georgia/atom.xml").respond_with_data(atom, content_type="application/atom+xml")
    site.expect_request("/feed.xml").respond_with_data("gone", status=410)
    code, out, _ = cli("import", str(local(site, tmp_path, "subscriptions.opml")))
    lines = out.splitlines()
    assert "saved 3 Thousands march in Tbilisi" in lines
    assert any(line.startswith("error ") and "/feed.xml: The site answered 410" in line for line in lines)
    assert json.loads(cli("show", "3", "--json")[1])["tags"] == ["Eastern Europe", "georgia", "protests"]


def test_tag_commands_and_json_round_trip(cli, site, tmp_path, archive):
    cli("import", site.url_for("/world/belgrade-rally"), site.url_for("/2024/05/06/georgia-protests"))
    assert cli("tag", "1", "2", "--add", "Serbia", "--add", "rallies")[0] == 0
    assert cli("tag", "2", "--remove", "serbia")[1] == "untagged 1 article (Serbia): 1 change\n"
    # as the archive spells it
    assert cli("tag", "2", "--add", "RALLIES")[1] == "tagged 1 article (rallies): 0 changes\n"
    code, _, err = cli("tag", "1", "99", "--add", "x")
    assert code == 1 and err == "error: There is no article 99 in the archive.\n"
    assert json.loads(cli("tags", "--json")[1]) == [{"name": "rallies", "articles": 2},
                                                    {"name": "Serbia", "articles": 1}]
    assert cli("tags")[1].splitlines() == ["    2  rallies", "    1  Serbia"]
    assert cli("tags", "--ids", "2")[1].splitlines() == ["    1  rallies"]  # what the window's Tags dialog lists
    assert cli("tags", "--ids", "1", "2")[1].splitlines() == ["    2  rallies", "    1  Serbia"]

    export = tmp_path / "export.json"
    assert cli("export", "--tag", "serbia", "--out", str(export))[0] == 0
    assert [r["tags"] for r in json.loads(export.read_text())] == [["rallies", "Serbia"]]
    assert "tags" in cli("export", "--format", "csv", "--tag", "serbia")[1].splitlines()[0].split(",")
    assert "Tags: rallies, Serbia" in cli("export", "--format", "md", "--tag", "serbia")[1]
    fresh = tmp_path / "fresh.sqlite3"
    from desktop.cli import run
    assert run(["import", str(export), "--db", str(fresh)]) == 0
    con = sqlite3.connect(fresh)
    assert sorted(n for (n,) in con.execute("SELECT name FROM tag")) == ["Serbia", "rallies"]
    con.close()


def test_an_item_with_neither_address_nor_text_fails_alone_named_by_its_place(cli, tmp_path):
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps([
        {"is_archived": 0, "domain_name": "a.example", "url": "ftp://a.example/", "title": "", "content": ""},
        {"is_archived": 1, "domain_name": "a.example", "url": None, "title": "My note", "tags": "not a list",
         "content": "<p>A note of mine about the ferry to Vidin.</p>"},
    ]))
    code, out, _ = cli("import", str(export))
    assert out.splitlines() == ["error item 1: The item has no web address and no text",
                                "saved 1 My note", "2 items: 1 saved, 1 failed"] and code == 1
    assert json.loads(cli("show", "1", "--json")[1])["tags"] == ["archived"]


def test_a_page_of_bytes_that_are_no_text_makes_the_exports_copy_stand_in(cli, httpserver, tmp_path):
    """The binary check of a download runs where the item is loaded when it has a copy, so
    the copy still stands in for such a page."""
    for path, body in (("/world/belgrade-rally", ARTICLE), ("/2024/05/06/georgia-protests", TBILISI)):
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/2019/ferry").respond_with_data(b"\xff\xfe\x00garbage", content_type="text/html")
    code, out, _ = cli("import", str(local(httpserver, tmp_path, "wallabag.json")))
    assert code == 0 and "saved 2 The ferry that stopped running" in out.splitlines()
    shown = json.loads(cli("show", "2", "--json")[1])
    assert shown["provenance"] == ("Kept from the Wallabag export's copy: no article text found: "
                                   "the page holds binary data, not text.")


def test_an_archive_away_past_the_waits_stops_the_import_with_the_resume_hint(cli, tmp_path, monkeypatch):
    from desktop.core.batch import runner
    from desktop.core.errors import ArchiveUnreachable

    def away(*_args, **_kwargs):
        raise ArchiveUnreachable("Cannot reach the archive's server for postgresql://ann@db/news: is it running?")

    monkeypatch.setattr(runner, "run_batch", away)
    links = tmp_path / "links.txt"
    links.write_text("https://news.example/a\n")
    code, _, err = cli("import", "--from-file", str(links))
    assert code == 1 and "Traceback" not in err
    assert err.strip().startswith("error: Cannot reach the archive's server")
    assert "`cuttings import --resume` goes on from here once it is back" in err


def test_a_tag_the_archive_does_not_have_is_a_sentence_not_an_empty_list(cli):
    code, out, err = cli("list", "--tag", "nosuchtag")
    assert code == 1 and out == ""
    assert "There is no tag named 'nosuchtag' in the archive" in err
