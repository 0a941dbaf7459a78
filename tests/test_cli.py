"""The `cuttings` command line end to end, against pages served on 127.0.0.1.

Every bad input must give one clear line, the documented exit code, no traceback, and
leave the archive exactly as it was.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from werkzeug import Response

from desktop.cli import run
from desktop.core import fetch as fetch_module
from desktop.core import pipeline, polite
from desktop.core.extract import extract_html
from tests.db_rows import count, indexed

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Emigres rally in Belgrade for Navalny | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2023-01-21T10:00:00Z">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Emigres rally in Belgrade for Navalny</h1>
<p class="byline">By Jane Doe</p>
<p>Several hundred Russian emigres gathered in Belgrade on Saturday in support of the jailed
opposition politician Alexei Navalny, chanting slogans against the war in Ukraine.</p>
<p>"I came here because I want the war to end," said Pyotr Nikitin, a programmer who moved to
the Serbian capital from Moscow last year. Navalny's supporters held similar rallies in
Yerevan, Vilnius and London.</p>
<p>Organisers said the protests were the largest gathering of Russians abroad since the
invasion began, and promised to meet again next month in the same square.</p>
</article>
<footer>Copyright The Daily Example</footer>
</body></html>"""


def serve(httpserver, path: str, body: str | bytes = ARTICLE, **kwargs) -> str:
    kwargs.setdefault("content_type", "text/html; charset=utf-8")
    httpserver.expect_request(path).respond_with_data(body, **kwargs)
    return httpserver.url_for(path)


def db_rows(archive) -> tuple:
    return (*(count(archive, t) for t in ("article", "snapshot", "mention")), indexed(archive))


def test_import_list_show_and_duplicate(cli, httpserver):
    url = serve(httpserver, "/world/rally")
    code, out, err = cli("import", url)
    assert (code, err) == (0, "")
    assert out == "saved 1 Emigres rally in Belgrade for Navalny\n"

    code, out, _ = cli("import", url + "?utm_source=feed#top")
    assert (code, out) == (0, "exists 1 Emigres rally in Belgrade for Navalny\n")
    assert len(httpserver.log) == 1  # a known page is not downloaded again

    code, out, _ = cli("list", "--json")
    [row] = json.loads(out)
    assert {"id", "url", "title", "authors", "published", "publisher"} <= set(row)
    assert row["url"] == url and row["authors"] == ["Jane Doe"]
    assert row["published"].startswith("2023-01-21") and row["publisher"] == "The Daily Example"

    code, out, _ = cli("show", "1", "--json")
    shown = json.loads(out)
    assert "Pyotr Nikitin" in shown["text"] and "Home" not in shown["text"]


def test_filters_by_person_city_and_text(cli, httpserver, archive):
    cli("import", serve(httpserver, "/a"))
    other = ARTICLE.replace("Belgrade", "Tbilisi").replace("Serbian", "Georgian").replace(
        "Pyotr Nikitin", "Ivan Petrov").replace("rally in", "gather in")
    cli("import", serve(httpserver, "/b", other))
    from desktop.core.entities import ner

    if ner.model_package() is None:  # installed but broken fails below, as it should
        pytest.skip("no spaCy English model installed")
    ids = lambda out: [r["id"] for r in json.loads(out)]  # noqa: E731
    assert ids(cli("list", "--city", "belgrade", "--json")[1]) == [1]
    assert ids(cli("list", "--city", "792680", "--json")[1]) == [1]  # Belgrade's GeoNames id
    assert ids(cli("list", "--person", "Pyotr Nikitin", "--json")[1]) == [1]
    assert sorted(ids(cli("list", "--person", "navalny", "--json")[1])) == [1, 2]
    assert ids(cli("list", "--person", "Navalny", "--city", "Tbilisi", "--json")[1]) == [2]
    assert ids(cli("list", "--person", "Navalny", "--search", "georgian", "--json")[1]) == [2]
    assert cli("list", "--person", "Nobody Atall", "--json")[:2] == (1, "")  # an unknown name is an error
    code, out, _ = cli("entities", "--kind", "city", "--json")
    cities = {e["name"]: e["articles"] for e in json.loads(out)}
    assert cities["Belgrade"] == 1 and cities["Tbilisi"] == 1


def test_extract_json_contract(cli, httpserver):
    url = serve(httpserver, "/x")
    code, out, _ = cli("extract", url, "--json", "--no-entities", db=False)
    data = json.loads(out)
    assert code == 0
    assert list(data) == ["url", "title", "authors", "published", "publisher", "language", "text",
                          "persons", "cities", "countries", "places", "organizations", "quotes"]
    assert data["title"] == "Emigres rally in Belgrade for Navalny"
    assert data["persons"] == data["cities"] == data["quotes"] == []


def test_extract_finds_no_entities_in_a_foreign_article(cli, tmp_path):
    from tests.test_entities import GERMAN

    page = tmp_path / "sicherheit.txt"
    page.write_text(f"Sicherheit im Netz\n\n{GERMAN}", encoding="utf-8")
    code, out, _ = cli("extract", str(page), "--json", db=False)
    data = json.loads(out)
    assert code == 0
    assert data["language"] == "de"
    assert data["persons"] == data["cities"] == data["organizations"] == []


def test_export_and_reimport_give_the_same_archive(cli, httpserver, tmp_path, capsys):
    cli("import", serve(httpserver, "/a"))
    cli("import", serve(httpserver, "/b", ARTICLE.replace("Belgrade", "Tbilisi")))
    out_file = tmp_path / "export.json"
    assert cli("export", "--format", "json", "--out", str(out_file))[0] == 0
    before = cli("export", "--format", "json")[1]
    fresh = tmp_path / "fresh.sqlite3"
    assert run(["import", str(out_file), "--db", str(fresh)]) == 0
    assert capsys.readouterr().out.splitlines() == ["saved 1 Emigres rally in Belgrade for Navalny",
                                                    "saved 2 Emigres rally in Tbilisi for Navalny"]
    after = subprocess.run(
        [sys.executable, "-m", "desktop", "export", "--db", str(fresh)],
        capture_output=True, text=True, cwd=ROOT,
    ).stdout
    assert json.loads(after) == json.loads(before)
    for fmt, marker in (("csv", "id,url,title"), ("md", "# Emigres rally")):
        assert cli("export", "--format", fmt)[1].startswith(marker)


def test_delete_moves_to_the_trash_and_import_restores(cli, httpserver, archive):
    url = serve(httpserver, "/a")
    cli("import", url)
    trashed = "trashed 1 Emigres rally in Belgrade for Navalny\nerror 7: no such article\n"
    assert cli("delete", "1", "7")[:2] == (1, trashed)
    assert cli("delete", "1")[:2] == (1, "error 1: already in the trash\n")
    assert cli("list")[1] == "" and db_rows(archive)[0] == 1
    assert cli("export")[1] == "[]\n"  # the trash is not exported
    assert cli("import", url)[:2] == (0, "restored 1 Emigres rally in Belgrade for Navalny\n")
    assert len(httpserver.log) == 1  # restored without downloading again
    assert cli("list", "--json")[1].count('"id": 1') == 1
    assert cli("delete", "--permanently", "1")[:2] == (0, "deleted 1 Emigres rally in Belgrade for Navalny\n")
    assert db_rows(archive) == (0, 0, 0, 0)
    assert cli("delete", "--permanently", "1")[:2] == (1, "error 1: no such article\n")


def test_trash_list_restore_and_empty(cli, archive):
    from desktop.core.store.archive import store_article
    from tests.test_store import make_article

    for n in (1, 2, 3):
        store_article(archive, make_article(n))
    cli("delete", "1", "2", "3")
    code, out, _ = cli("trash")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["3", "2", "1"]
    assert "2023-01-02" in out.splitlines()[1] and "Story 2" in out
    assert [r["id"] for r in json.loads(cli("list", "--trash", "--json")[1])] == [3, 2, 1]
    assert json.loads(cli("show", "1", "--json")[1])["trashed"].startswith("20")  # a trashed one shows too
    assert cli("trash", "restore", "2", "9")[:2] == (1, "restored 2 Story 2\nerror 9: no such article\n")
    assert cli("trash", "restore", "2")[:2] == (1, "error 2: not in the trash\n")
    assert cli("trash", "empty", "--older-than", "30")[:2] == (0, "deleted 0 articles from the trash for good\n")
    code, _, err = cli("trash", "empty", "--older-than", "-1")
    assert code == 1 and err.startswith("error: The number of days") and "Traceback" not in err
    assert cli("trash", "empty")[:2] == (0, "deleted 2 articles from the trash for good\n")
    assert cli("trash")[1] == "" and [r["id"] for r in json.loads(cli("list", "--json")[1])] == [2]


def test_edit(cli, archive):
    from desktop.core.store.archive import store_article
    from tests.test_store import make_article

    store_article(archive, make_article(1))
    code, out, _ = cli("edit", "1", "--title", "Corrected", "--author", "Cy Editor", "--author", "Di Desk",
                       "--date", "2022-05-06", "--publisher", "The Daily")
    assert (code, out) == (0, "edited 1 Corrected\n")
    [row] = json.loads(cli("list", "--search", "corrected", "--json")[1])
    assert (row["authors"], row["published"], row["publisher"]) == (["Cy Editor", "Di Desk"], "2022-05-06", "The Daily")
    for bad, message in ((["--date", "May 6"], "YYYY-MM-DD"), (["--title", " "], "needs a title")):
        code, out, err = cli("edit", "1", *bad)
        assert (code, out) == (1, "") and message in err and len(err.splitlines()) == 1
    assert cli("edit", "9", "--title", "X")[2] == "error: There is no article 9 in the archive.\n"
    assert cli("edit", "1")[0] == 2
    assert json.loads(cli("show", "1", "--json")[1])["title"] == "Corrected"


def test_usage_errors_exit_2(cli):
    with pytest.raises(SystemExit) as caught:
        run(["list", "--limit", "many"])
    assert caught.value.code == 2
    assert cli("import")[0] == 2


def test_import_from_file_reports_junk_lines(cli, httpserver, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{serve(httpserver, '/a')}\n\n# a comment\nnot a url at all\n")
    code, out, _ = cli("import", "--from-file", str(listing))
    assert code == 1
    assert out.splitlines()[0].startswith("saved 1 ")
    assert out.splitlines()[1] == "error not a url at all: No such file, and not a web address"
    assert out.splitlines()[2] == "2 items: 1 saved, 1 failed"


def gzip_bomb() -> bytes:
    return gzip.compress(b"<html><body>" + b"a" * (30 * 2**20), 9)


BAD = {
    "404": (lambda s: serve(s, "/gone", "no", status=404), "The site answered 404 Not Found"),
    "500": (lambda s: serve(s, "/boom", "no", status=500), "The site answered 500 Internal Server Error"),
    "pdf": (lambda s: serve(s, "/doc.pdf", b"%PDF-1.4", content_type="application/pdf"),
            "Not a web page: application/pdf"),
    "25MB": (lambda s: serve(s, "/huge", "<p>" + "x" * (25 * 2**20)), "larger than 20 MB"),
    "gzip bomb": (lambda s: serve(s, "/bomb", gzip_bomb(), headers={"Content-Encoding": "gzip"}),
                  "larger than 20 MB"),
    "random bytes": (lambda s: serve(s, "/noise", os.urandom(5000), content_type="text/html"),
                     "No article text found"),
    "no body": (lambda s: serve(s, "/nobody", "<html><head><title>Empty</title></head></html>"),
                "No article text found"),
    "folder index": (lambda s: serve(s, "/files/", "<title>Index of /files</title><h1>Index of /files</h1>"
                                                  "<pre><a href='../'>../</a>\n<a href='a.html'>a.html</a> "
                                                  "12-Dec-2024 10:00 1234\n" * 20 + "</pre>"),
                     "list of files in a folder, not an article"),
    "javascript": (lambda s: "javascript:alert(1)", "Only http and https"),
    "file": (lambda s: "file:///etc/passwd", "Only http and https"),
    "ftp": (lambda s: "ftp://example.com/a.html", "Only http and https"),
    "data": (lambda s: "data:text/html,<p>hi</p>", "Only http and https"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_one_clear_line_and_archive_unchanged(cli, httpserver, archive, case):
    cli("import", serve(httpserver, "/good"))
    before = db_rows(archive)
    make, message = BAD[case]
    source = make(httpserver)
    code, out, err = cli("import", source)
    assert code == 1
    assert out.startswith(f"error {source}: ") and message in out
    assert "Traceback" not in out + err
    assert db_rows(archive) == before


def test_redirect_loop_and_timeout(cli, httpserver, archive, monkeypatch):
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": "/loop"}))
    code, out, _ = cli("import", httpserver.url_for("/loop"))
    assert code == 1 and "redirect" in out.lower()

    def slow(_request):
        import time
        time.sleep(3)
        return Response(ARTICLE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    monkeypatch.setattr(polite, "fetch", functools.partial(fetch_module.fetch, timeout=1.0))
    code, out, _ = cli("import", httpserver.url_for("/slow"))
    assert code == 1 and "did not answer" in out
    assert db_rows(archive)[0] == 0


def test_cp1251_page_without_charset_header(cli, httpserver):
    russian = ARTICLE.replace('<meta charset="utf-8">', "").replace(
        "Emigres rally in Belgrade for Navalny", "Эмигранты вышли на митинг в Белграде")
    url = serve(httpserver, "/ru", russian.encode("cp1251"), content_type="text/html")
    code, out, _ = cli("import", url)
    assert (code, out) == (0, "saved 1 Эмигранты вышли на митинг в Белграде\n")


def test_truncated_html_is_still_an_article(cli, httpserver):
    url = serve(httpserver, "/cut", ARTICLE[: ARTICLE.index("Organisers")])
    code, out, _ = cli("import", url)
    assert code == 0 and out.startswith("saved 1 Emigres rally")


@pytest.mark.sqlite_only("an sqlite3 connection holds the file's write lock")
def test_locked_archive_fails_cleanly(cli, httpserver, archive, monkeypatch):
    from desktop.core.store import sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT", 0.2)
    url = serve(httpserver, "/a")
    other = sqlite3.connect(archive.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = cli("import", url)
    finally:
        other.rollback()
        other.close()
    # nothing could be queued, so the whole command fails, on stderr
    assert code == 1 and "another program is writing" in err
    assert db_rows(archive)[0] == 0


def test_local_files_html_and_seed(cli, tmp_path, shared):
    page = tmp_path / "saved.html"
    page.write_text(ARTICLE.replace("</head>", '<link rel="canonical" href="https://daily.example/rally"></head>'))
    code, out, _ = cli("import", str(page))
    assert (code, out) == (0, "saved 1 Emigres rally in Belgrade for Navalny\n")
    assert json.loads(cli("list", "--json")[1])[0]["url"] == "https://daily.example/rally"

    seed = shared / "seed" / "000_80b6c875fc732354.txt"
    code, out, _ = cli("extract", str(seed), "--json", "--no-entities", db=False)
    data = json.loads(out)
    assert data["title"] == "Russian Emigres Rally Worldwide in Support of Jailed Navalny"
    assert data["authors"] == ["Leyla Latypova", "Anastasia Tenisheva", "Nurbek Savitahunov"]
    assert data["published"].startswith("2023-01-21")
    assert data["url"].endswith("russian-emigres-rally-worldwide-in-support-of-jailed-navalny-a80004")


@pytest.mark.parametrize("href", [
    "https://news.example:99999/tram", "https://news example.com/museum", "ftp://news.example/a", "http://",
])
def test_malformed_canonical_link_is_ignored(cli, tmp_path, href):
    # reliability/04: the page's broken link is its own mistake, never the user's error.
    page = tmp_path / "saved.html"
    page.write_text(ARTICLE.replace("</head>", f'<link rel="canonical" href="{href}"></head>'))
    code, out, _ = cli("import", str(page), "--url", "https://daily.example/rally")
    assert (code, out) == (0, "saved 1 Emigres rally in Belgrade for Navalny\n")
    assert json.loads(cli("list", "--json")[1])[0]["url"] == "https://daily.example/rally"


@pytest.mark.parametrize("given", [None, "https://daily.example/rally"])
def test_a_canonical_link_to_the_home_page_is_not_the_stories_address(cli, tmp_path, given):
    # reliability/03: a CMS points every story at its home page.
    page = tmp_path / "saved.html"
    page.write_text(ARTICLE.replace("</head>", '<link rel="canonical" href="https://daily.example/"></head>'))
    cli("import", str(page), *(["--url", given] if given else []))
    assert json.loads(cli("list", "--json")[1])[0]["url"] == given


def test_the_home_page_keeps_its_canonical_link():
    page = ARTICLE.replace("</head>", '<link rel="canonical" href="https://daily.example/"></head>')
    assert extract_html(page, "https://daily.example").url == "https://daily.example/"


def test_no_traceback_on_unexpected_errors(cli, monkeypatch):
    def broken(*_a, **_k):
        raise ValueError("something odd")

    monkeypatch.setattr(pipeline, "read", broken)
    code, out, err = cli("extract", "https://example.com/a", db=False)
    assert code == 1 and "unexpected ValueError" in err and "Traceback" not in err
    with pytest.raises(ValueError):
        run(["extract", "https://example.com/a", "--debug"])


def test_version_and_db_after_subcommand(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("cuttings ")
    db = tmp_path / "x.sqlite3"
    proc = subprocess.run([sys.executable, "-m", "desktop", "list", "--json", "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stdout.strip()) == (0, "[]") and db.exists()


def test_import_a_folder(cli, tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text(ARTICLE)
    (folder / "sub" / "b.md").write_text("# Second story\n\nIts only paragraph, about a rally.\n")
    (folder / "sub" / "c.png").write_bytes(b"\x89PNG")
    code, out, _ = cli("import", str(folder))
    assert code == 0
    assert out.splitlines() == ["saved 1 Emigres rally in Belgrade for Navalny", "saved 2 Second story"]


def test_a_refresh_says_what_it_overwrote(cli, tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("# First story\n\nA rally in Belgrade.\n")
    second.write_text("# Second story\n\nA march in Tbilisi.\n")
    assert cli("import", str(first), "--url", "https://example.org/a")[1] == "saved 1 First story\n"
    code, out, _ = cli("import", str(second), "--url", "https://example.org/a", "--refresh")
    assert code == 0 and out == 'refreshed 1 Second story (it was "First story")\n'
    code, out, _ = cli("versions", "1", "--json")  # the first story is kept as version 1
    assert [(v["version"], v["title"], v["newest"]) for v in json.loads(out)] == [
        (1, "First story", False), (2, "Second story", True)]
    assert "A rally in Belgrade." in json.loads(out)[0]["text"]
    cli("import", str(second), "--url", "https://example.org/a", "--refresh")  # the same again
    assert len(json.loads(cli("versions", "1", "--json")[1])) == 2  # no version for no change


def test_an_unexpected_error_fails_one_input_and_the_batch_goes_on(cli, tmp_path, monkeypatch):
    bad, good = tmp_path / "bad.html", tmp_path / "good.html"
    bad.write_text(ARTICLE.replace("Belgrade", "Tbilisi"))
    good.write_text(ARTICLE)
    real = pipeline.analyse

    def analyse(loaded, *args, **kwargs):
        if "Tbilisi" in loaded.content:
            raise ValueError("[E088] Text of length 1050069 exceeds maximum. The parser needs more.\nDetails.")
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    code, out, err = cli("import", str(bad), str(good))
    assert (code, err) == (1, "")
    assert out.splitlines() == [f"error {bad}: unexpected ValueError: [E088] Text of length 1050069 exceeds maximum.",
                                "saved 1 Emigres rally in Belgrade for Navalny"]


def test_json_ld_nested_thousands_deep_is_ignored(cli, tmp_path):
    deep = "[" * 5000 + "]" * 5000
    page = tmp_path / "deep.html"
    page.write_text(ARTICLE.replace("</head>", f'<script type="application/ld+json">{deep}</script>'
                                               f'<script type="application/ld+json">{{"@graph": {deep[4950:-4950]}}}'
                                               "</script></head>"))
    code, out, _ = cli("extract", str(page), "--no-entities", "--json", db=False)
    assert code == 0 and json.loads(out)["title"] == "Emigres rally in Belgrade for Navalny"


def test_a_bad_export_record_is_named_by_its_number_and_the_rest_import(cli, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"text": "x", "authors": "Ann Writer"}, {"title": "A", "text": "Its text."}]))
    page = tmp_path / "page.html"
    page.write_text(ARTICLE)
    code, out, _ = cli("import", str(export), str(page))
    assert code == 1
    assert out.splitlines() == [f"error {export}#1: 'authors' should be a list of text",
                                "saved 1 A", "saved 2 Emigres rally in Belgrade for Navalny"]


def test_extract_json_lists_other_places_and_every_form_the_text_used():
    from desktop.core.article import COUNTRY, PLACE, Article, Entity
    from desktop.core.export import extraction_json

    article = Article(text="x", entities=[
        Entity(COUNTRY, "United States", ["U.S.", "US"], mentions=3, geonameid=6252001, country="US"),
        Entity(PLACE, "Georgia", ["Ga."], mentions=2, geonameid=4197000, country="US"),
    ])
    data = extraction_json(article)
    assert data["countries"][0]["aliases"] == ["U.S.", "US"]
    assert data["places"] == [{"name": "Georgia", "aliases": ["Ga."], "geonameid": 4197000, "country": "US",
                               "lat": None, "lon": None, "mentions": 2}]


@pytest.mark.parametrize("args, message", [
    (("show", "99999999999999999999"), "is not an article number"),
    (("delete", "0"), "is not an article number"),
    (("entities", "--kind", "planet"), "choose from 'person', 'city'"),
    (("import", "a.html", "b.html", "--url", "https://daily.example/a"), "give one file with it"),
])
def test_usage_errors_are_one_plain_sentence(archive, capsys, args, message):
    try:
        code = run([*args, "--db", archive.location])
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err
