"""Fixes found by a new user: a list of links with a bad line, a binary file taken for an
article, and an export's older added time for an article already stored."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import ARTICLE
from tests.test_imports_cli import TBILISI
from tests import db_rows


def _serve(httpserver, count: int) -> list[str]:
    """`count` pages on the local server; their addresses."""
    urls = []
    for n in range(count):
        body = ARTICLE if n % 2 == 0 else TBILISI
        httpserver.expect_request(f"/page{n}").respond_with_data(body.replace("Navalny", f"Navalny {n}"),
                                                                 content_type="text/html; charset=utf-8")
        urls.append(httpserver.url_for(f"/page{n}"))
    return urls


def test_a_list_of_links_with_a_bad_line_imports_the_links_and_names_the_line(cli, httpserver, tmp_path,
                                                                               config_file):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('{"entities": false}')
    urls = _serve(httpserver, 6)
    links = tmp_path / "links.txt"
    links.write_text("\n".join([*urls[:3], "not a link at all", *urls[3:]]) + "\n")
    code, out, _ = cli("import", str(links))
    lines = out.splitlines()
    assert code == 1
    assert f"error {links}:4: not a web address" in lines
    assert sum(line.startswith("saved ") for line in lines) == 6
    assert lines[-1] == "7 items: 6 saved, 1 failed"


def test_prose_with_one_address_is_still_one_text_article(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("A note about the ferry.\nhttps://example.org/ferry\nMore words about it.\n")
    code, out, _ = cli("import", str(note))
    assert code == 0 and out.startswith("saved 1 ") and "items" not in out


@pytest.mark.parametrize("raw", [b"\xff\xfe\x00garbage", b"\xff\xfegarbage!", b"hello\x00world, some text",
                                 bytes(range(256)) * 4])
def test_a_binary_file_is_refused_in_one_sentence(cli, tmp_path, raw):
    page = tmp_path / "x.html"
    page.write_bytes(raw)
    code, out, _ = cli("import", str(page))
    assert (code, out) == (1, f"error {page}: The file holds binary data, not text\n")


def test_utf16_text_with_a_byte_order_mark_is_still_text(cli, tmp_path):
    page = tmp_path / "u16.html"
    page.write_bytes("\ufeff<html><body><p>Привет мир, это статья о пароме.</p></body></html>".encode("utf-16-le"))
    code, out, _ = cli("import", str(page))
    assert code == 0 and out.startswith("saved 1 Привет мир")


def test_a_binary_page_is_refused(cli, httpserver):
    httpserver.expect_request("/noise").respond_with_data(b"\xff\xfe\x00garbage", content_type="text/html")
    code, out, _ = cli("import", httpserver.url_for("/noise"))
    assert code == 1 and out.endswith("No article text found: the page holds binary data, not text\n")


def test_an_export_gives_a_stored_article_its_earlier_added_time_and_its_tags(cli, httpserver, tmp_path):
    [url] = _serve(httpserver, 1)
    assert cli("import", url)[0] == 0
    now = json.loads(cli("show", "1", "--json")[1])["added"]
    pocket = tmp_path / "pocket.csv"
    pocket.write_text(f"title,url,time_added,tags,status\nRally,{url},1674295200,russia|exiles,unread\n")
    code, out, _ = cli("import", str(pocket))
    assert (code, out.splitlines()[0]) == (0, "exists 1 Emigres rally in Belgrade for Navalny 0")
    shown = json.loads(cli("show", "1", "--json")[1])
    assert shown["added"].startswith("2023-01-21T10:00:00Z") and shown["tags"] == ["exiles", "russia"]
    later = tmp_path / "later.csv"
    later.write_text(f"title,url,time_added,tags,status\nRally,{url},1774295200,,unread\n")
    cli("import", str(later))  # a later saved time leaves Added as it was
    assert json.loads(cli("show", "1", "--json")[1])["added"].startswith("2023-01-21T10:00:00Z") and now


def test_a_link_found_the_same_only_after_its_download_gives_its_earlier_added_time(cli, httpserver, tmp_path):
    """A reading list's link often differs from the address stored (a share link, another
    path): the article is found the same after the download, and Added moves earlier then too."""
    canonical = httpserver.url_for("/rally")
    page = ARTICLE.replace("</head>", f'<link rel="canonical" href="{canonical}"></head>')
    for path in ("/rally", "/rally-shared"):
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html; charset=utf-8")
    assert cli("import", canonical)[0] == 0
    pocket = tmp_path / "pocket.csv"
    pocket.write_text(f"title,url,time_added,tags,status\nRally,{httpserver.url_for('/rally-shared')},1674295200,"
                      "later,unread\n")
    code, out, _ = cli("import", str(pocket))
    assert (code, out.splitlines()[0]) == (0, "exists 1 Emigres rally in Belgrade for Navalny")
    shown = json.loads(cli("show", "1", "--json")[1])
    assert shown["added"].startswith("2023-01-21T10:00:00Z") and shown["tags"] == ["later"]


def test_a_tag_name_is_one_tag_whatever_its_case(cli, archive):
    from desktop.core.store.archive import store_article
    from tests.test_quotations import quoting

    store_article(archive, quoting(1, [("We will win", "Ben Noble")]))
    for name in ("Russia", "russia", "Économie", "ÉCONOMIE", "économie"):
        assert cli("tag", "1", "--add", name)[0] == 0
    assert sorted(t["name"] for t in json.loads(cli("tags", "--json")[1])) == ["Russia", "Économie"]
    assert [r["id"] for r in json.loads(cli("list", "--tag", "ÉCONOMIE", "--json")[1])] == [1]
    assert cli("tag", "1", "--remove", "économie")[0] == 0
    assert [t["name"] for t in json.loads(cli("tags", "--json")[1])] == ["Russia"]


def test_removing_a_tag_takes_off_every_case_variant_an_older_archive_holds(cli, archive):

    from desktop.core.store.archive import store_article
    from tests.test_quotations import quoting

    store_article(archive, quoting(1, [("We will win", "Ben Noble")]))
    with db_rows.connect(archive) as con:
        for tag_id, name in [(1, "Mixed Case"), (2, "mixed case")]:
            con.execute("INSERT INTO tag(id, name) VALUES (?, ?)", (tag_id, name))
            con.execute("INSERT INTO article_tag(article_id, tag_id) VALUES (1, ?)", (tag_id,))
    assert cli("tag", "1", "--add", "MIXED CASE")[0] == 0  # the oldest variant is used, none made
    assert cli("tag", "1", "--remove", "mixed  CASE")[0] == 0
    assert json.loads(cli("tags", "--json")[1]) == []
