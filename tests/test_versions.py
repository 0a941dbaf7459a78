"""Versions of a story: re-checking a page that changed on a local server, the CLI's lines,
word diffs, search over every version."""

from __future__ import annotations

import json

from desktop.core.query import Filter, article_ids
from desktop.core.search import HIT_END, HIT_START
from desktop.core.search_results import Hits, highlight_spans, snippets
from desktop.core.store.versions import copies_of, versions_of
from desktop.core.versions import CHANGED, DELETED, EQUAL, INSERTED, SAME, recheck, word_diff
from tests.db_rows import Connection


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{body} Paragraph {n} tells more of the story of the harbour.</p>" for n in range(6))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}"
            "</article></body></html>")


V1 = page("Minister resigns over harbour deal", "The minister resigned on Monday, officials said.")
V2 = page("Minister quits over harbour deal", "The minister resigned on Tuesday after a vote, officials said.")


def serve(httpserver, html: str, path: str = "/story") -> str:
    httpserver.clear()
    httpserver.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")
    return httpserver.url_for(path)


def imported(cli, httpserver, html: str = V1) -> int:
    code, out, _ = cli("import", serve(httpserver, html))
    assert code == 0, out
    return int(out.split()[1])


def test_recheck_stores_a_second_version_when_the_page_changed(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    code, out, _ = cli("recheck", str(article))
    assert (code, out) == (0, f"changed {article}\n")
    versions = versions_of(archive, article)
    assert [v.number for v in versions] == [1, 2] and versions[-1].newest
    assert versions[0].title == "Minister resigns over harbour deal"
    assert versions[1].title == "Minister quits over harbour deal"
    assert [copy.data for _, copy in copies_of(archive, article)[1]] == [V1.encode(), V2.encode()]  # never replaced
    assert versions[1].capture.status == 200 and versions[0].capture.sha256 != versions[1].capture.sha256


def test_cli_diff_marks_words_deleted_and_inserted(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    cli("recheck", str(article))
    code, out, _ = cli("versions", str(article), "--diff", "1", "2")
    assert code == 0
    assert "Title: Minister [-resigns-]{+quits+} over harbour deal" in out
    assert "on [-Monday-]{+Tuesday after a vote+}, officials said" in out
    code, out, _ = cli("versions", str(article), "--json")
    assert [v["version"] for v in json.loads(out)] == [1, 2]
    assert json.loads(cli("list", "--json")[1])[0]["changed"] is True
    code, out, _ = cli("show", str(article), "--json")
    shown = json.loads(out)
    assert shown["capture"]["method"] == "download" and shown["capture"]["status"] == 200
    assert [v["version"] for v in shown["versions"]] == [1, 2]


def test_unchanged_page_is_same_and_stores_nothing(archive, cli, httpserver):
    article = imported(cli, httpserver)
    code, out, _ = cli("recheck", str(article))
    assert (code, out) == (0, f"same {article}\n")
    assert len(versions_of(archive, article)) == 1


def test_dead_page_is_an_error_and_stores_nothing(archive, cli, httpserver):
    article = imported(cli, httpserver)
    httpserver.clear()
    httpserver.expect_request("/story").respond_with_data("gone", status=404)
    code, out, _ = cli("recheck", str(article))
    assert code == 1 and out == f"error {article}: The site answered 404 Not Found\n"
    assert len(versions_of(archive, article)) == 1
    assert recheck(archive, 999).status == "error"


def test_search_finds_the_words_of_every_version(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    assert recheck(archive, article, entities=False).status == CHANGED
    assert recheck(archive, article, entities=False).status == SAME
    for words in ("Monday", "Tuesday", "resigns"):
        assert article_ids(archive, Filter(text=words)) == [article], words


def test_word_diff_keeps_spaces_and_punctuation():
    assert word_diff("a b, c", "a x, c") == [(EQUAL, "a "), (DELETED, "b"), (INSERTED, "x"), (EQUAL, ", c")]


def test_recheck_cli_needs_ids_or_since(cli):
    assert cli("recheck")[0] == 2
    assert cli("recheck", "--since", "soon")[0] == 2
    assert cli("recheck", "--since", "7d") == (0, "", "")


def test_json_export_carries_capture_and_versions_and_imports_them_losslessly(archive, cli, httpserver, tmp_path):
    from desktop.core.store.db import Archive
    from desktop.core.store.versions import versions_of as versions

    article = imported(cli, httpserver)
    serve(httpserver, V2)
    cli("recheck", str(article), "--no-entities")
    out = tmp_path / "export.json"
    assert cli("export", "--out", str(out))[0] == 0
    [record] = [json.loads(line) for line in out.read_text().splitlines() if line.startswith("{")]
    assert record["capture"]["status"] == 200 and len(record["versions"]) == 2
    other = tmp_path / "other.sqlite3"
    assert cli("import", str(out), "--db", str(other), db=False)[0] == 0
    copy = Archive(other)
    before, after = versions(archive, article), versions(copy, article)
    assert [(v.number, v.title, v.text, v.capture) for v in after] == [
        (v.number, v.title, v.text, v.capture) for v in before]
    assert copies_of(copy, article)[1][0][1].data == V1.encode()


def test_changes_separated_only_by_spaces_read_as_one():
    from desktop.core.versions import plain_diff

    assert plain_diff(word_diff("he had done nothing wrong but", "he had acted within the rules but")) == (
        "he had [-done nothing wrong-]{+acted within the rules+} but")


def test_deleting_an_article_deletes_its_versions_and_their_words(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    recheck(archive, article, entities=False)
    assert cli("delete", str(article), "--permanently")[0] == 0
    with Connection(archive) as con:
        assert [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("capture", "article_version")] == [0, 0]
        if archive.is_file:  # SQLite's index of old words is a table of its own; PostgreSQL's is a column
            assert con.execute("SELECT count(*) FROM article_version_fts WHERE article_version_fts MATCH 'Monday'"
                               ).fetchone()[0] == 0


def test_a_title_the_user_edited_is_not_a_change(archive, cli, httpserver):
    article = imported(cli, httpserver)
    assert cli("edit", str(article), "--title", "Harbour deal: minister goes")[0] == 0
    serve(httpserver, V1.replace("resigns over", "quits over"))  # only the page's title changed
    assert recheck(archive, article, entities=False).status == SAME
    serve(httpserver, V2)
    assert recheck(archive, article, entities=False).status == CHANGED
    assert [v.title for v in versions_of(archive, article)] == ["Harbour deal: minister goes"] * 2


def test_recheck_since_passes_over_articles_from_files(archive, cli, httpserver, tmp_path):
    article = imported(cli, httpserver)
    page = tmp_path / "saved.html"
    page.write_text(V1.replace("Harbour", "Quay"), encoding="utf-8")
    assert cli("import", str(page))[0] == 0
    code, out, _ = cli("recheck", "--since", "1d", "--no-entities")
    assert (code, out.split()) == (0, ["same", str(article)])


def test_a_hit_only_in_an_earlier_version_shows_that_versions_words(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    assert recheck(archive, article, entities=False).status == CHANGED
    found = snippets(archive, [article], "Monday")[article]
    assert found.startswith("in version 1: ") and f"{HIT_START}Monday{HIT_END}" in found
    assert not snippets(archive, [article], "Tuesday")[article].startswith("in version")  # the newest's own
    hits = highlight_spans(archive, article, "Monday")
    assert hits.text == [] and hits.earlier.version == 1 and f"{HIT_START}Monday{HIT_END}" in hits.earlier.text
    assert highlight_spans(archive, article, "Tuesday").earlier is None
    assert highlight_spans(archive, article, "Wednesday") == Hits()
    assert "in version 1: " in cli("list", "--search", "Monday")[1]


def test_the_newest_earlier_version_that_matches_is_the_one_quoted(archive, cli, httpserver):
    article = imported(cli, httpserver)
    serve(httpserver, V1.replace("Monday", "Monday morning"))
    assert recheck(archive, article, entities=False).status == CHANGED
    serve(httpserver, V2)
    assert recheck(archive, article, entities=False).status == CHANGED
    assert snippets(archive, [article], "Monday")[article].startswith("in version 2: ")
    assert snippets(archive, [article], "morning")[article].startswith("in version 2: ")
