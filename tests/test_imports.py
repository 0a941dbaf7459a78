"""Reading the import formats (bookmarks, Pocket, Omnivore, Wallabag, Karakeep, feeds, OPML,
URL lists) from realistic samples, and telling them apart by content. No network."""

from __future__ import annotations

import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from desktop.core.errors import CuttingsError
from desktop.core.imports import detect
from desktop.core.imports.collection import read_items
from desktop.core.imports.detect import (BOOKMARKS, CUTTINGS, FEED, KARAKEEP, OMNIVORE, OPML, POCKET, URL_LIST,
                                         WALLABAG, detect_bytes)
from desktop.core.imports.feeds import read_feed, read_opml
from desktop.core.imports.items import from_iso, from_unix

DATA = Path(__file__).parent / "data" / "imports"


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def read(name: str, kind: str):
    path = DATA / name
    assert detect(path) == kind
    return read_items(path, kind)


def test_chrome_bookmarks_folders_become_tags_but_not_the_bar():
    items = read("bookmarks-chrome.html", BOOKMARKS)
    assert [i.url for i in items] == [
        "https://news.example/world/belgrade-rally", "https://news.example/russia/exiles",
        "https://news.example/economy/sanctions-oil", "https://blog.example/2023/01/notes"]
    assert [i.tags for i in items] == [[], ["Russia"], ["Russia", "Sanctions"], []]
    assert items[1].title == "Russia's exiles & their new lives"
    assert items[0].added == utc(2023, 1, 21, 10)


def test_firefox_bookmarks_saved_as_txt_keep_their_tags_and_skip_place_links():
    items = read("bookmarks-firefox.txt", BOOKMARKS)
    assert [i.title for i in items] == ["Thousands march in Tbilisi", "Georgia votes", "About the wire",
                                        "The long read"]
    assert [i.tags for i in items] == [["georgia", "protests"], ["Elections", "Georgia"], [], ["Read later"]]


def test_pocket_csv_tags_states_and_times():
    items = read("pocket.csv", POCKET)
    assert [(i.line, i.problem) for i in items if i.url is None] == [(6, "no web address in this row")]  # reported
    items = [i for i in items if i.url]
    assert len(items) == 4
    assert items[0].all_tags() == ["russia", "exiles", "archived"]
    assert items[0].added == utc(2023, 1, 21, 10)
    assert [i.state for i in items] == ["archived", "unread", "unread", "unread"]
    assert items[2].title == ""  # Pocket wrote the address as the title
    assert items[3].tags == ["georgia", "protests", "to read"]


def test_a_pocket_export_of_ten_thousand_rows(tmp_path):
    rows = [f"Story {n},https://news.example/{n},{1_600_000_000 + n},a|b,unread" for n in range(10_000)]
    path = tmp_path / "part_000000.csv"
    path.write_text("title,url,time_added,tags,status\n" + "\n".join(rows) + "\n")
    items = read_items(path, detect(path))
    assert len(items) == 10_000 and items[-1].url == "https://news.example/9999"


@pytest.mark.parametrize("zipped, top", [(False, ""), (True, ""), (True, "omnivore-export/")])
def test_omnivore_export_folder_or_zip_with_saved_copies(tmp_path, zipped, top):
    """A zip of the export's files, or of the folder they were unpacked to (`top`)."""
    path = DATA / "omnivore"
    if zipped:
        path = tmp_path / "omnivore-export.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for file in (DATA / "omnivore").rglob("*"):
                archive.write(file, top + file.relative_to(DATA / "omnivore").as_posix())
    assert detect(path) == OMNIVORE
    items = read_items(path, OMNIVORE)
    assert [i.title for i in items] == ["Emigres rally in Belgrade for Navalny", "The ferry that stopped running",
                                        "Thousands march in Tbilisi"]
    assert [i.state for i in items] == ["archived", "unread", "unread"]
    assert items[0].tags == ["Russia", "exiles"] and items[1].tags == ["Bulgaria"]
    assert items[0].added == utc(2023, 1, 21, 9, 55, 58)
    assert "Several hundred Russian emigres" in items[0].html and items[1].text.startswith("# The ferry")
    assert not items[2].has_copy and items[0].authors == ["Jane Doe"]


def test_omnivore_metadata_file_alone(tmp_path):
    path = tmp_path / "metadata_0_to_3.json"
    shutil.copy(DATA / "omnivore" / "metadata_0_to_3.json", path)
    assert detect(path) == OMNIVORE
    assert [i.has_copy for i in read_items(path, OMNIVORE)] == [False, False, False]
    assert [i.has_copy for i in read_items(DATA / "omnivore" / "metadata_0_to_3.json", OMNIVORE)] == [
        True, True, False]  # chosen in its export's folder: the saved copies beside it are read


def test_a_json_export_cut_short_says_where_not_what_the_parser_expected(tmp_path):
    from desktop.core.errors import CuttingsError

    path = tmp_path / "wallabag.json"
    path.write_text('[{"is_archived": 1, "domain_name": "a.example", "url": "https://a.example/1",\n  "tit')
    with pytest.raises(CuttingsError, match=r"^The file is not valid JSON \(it is cut short or damaged at line 2, "
                                            r"column 3\)$"):
        read_items(path, WALLABAG)


def test_wallabag_json():
    items = read("wallabag.json", WALLABAG)
    assert len(items) == 3
    assert items[0].all_tags() == ["russia", "exiles", "starred", "archived"]
    assert items[0].added == utc(2023, 1, 21, 9, 55, 58)  # +0200
    assert items[1].authors == ["Maria Ivanova"] and "Vidin" in items[1].html
    assert not items[2].has_copy  # an empty content is no copy


def test_karakeep_json_links_and_texts():
    items = read("karakeep.json", KARAKEEP)
    assert [i.url for i in items] == ["https://news.example/world/belgrade-rally",
                                      "https://wire.example/2024/05/06/georgia-protests", None]
    assert items[0].state == "archived" and items[0].tags == ["russia", "exiles"]
    assert items[2].title == "Call with the Tbilisi fixer" and "Rustaveli" in items[2].text
    assert items[1].added == utc(2024, 5, 6, 12, 53, 20)


def test_atom_and_rss_feeds_every_entry():
    atom = read("feed-atom.xml", FEED)
    assert [i.title for i in atom] == ["Thousands march in Tbilisi", "Georgia votes"]
    assert atom[0].tags == ["georgia", "protests"] and atom[0].authors == ["Nino Beridze"]
    assert atom[0].published == "2024-05-06T15:00:00+00:00" and "Rustaveli" in atom[0].html
    rss = read("feed-rss.rss", FEED)
    assert [i.url for i in rss] == ["https://news.example/world/belgrade-rally", "https://gone.example/2019/ferry"]
    assert "Vidin" in rss[1].html and rss[1].tags == ["Bulgaria"]  # content:encoded over the summary


def test_opml_lists_feeds_with_their_folders():
    assert detect(DATA / "subscriptions.opml") == OPML
    feeds = read_opml((DATA / "subscriptions.opml").read_bytes())
    assert [(f.url, f.tags) for f in feeds] == [("https://wire.example/georgia/atom.xml", ["Eastern Europe"]),
                                                ("https://news.example/world/rss", []),
                                                ("https://gone.example/feed.xml", [])]


def test_url_lists_text_and_csv():
    assert [i.url for i in read("urls.txt", URL_LIST)] == [
        "https://news.example/world/belgrade-rally", "https://news.example/russia/exiles",
        "https://wire.example/2024/05/06/georgia-protests"]  # each once, comments skipped
    csv_items = read("urls.csv", URL_LIST)
    assert [(i.title, i.tags) for i in csv_items] == [("Emigres rally in Belgrade for Navalny", ["russia", "exiles"]),
                                                      ("Thousands march in Tbilisi", ["georgia"])]


def test_a_csv_of_one_link_column_and_its_rows_without_a_link(tmp_path):
    path = tmp_path / "links.csv"
    path.write_text("url\nhttps://a.example/1\nhttps://a.example/2\n")
    assert detect(path) == URL_LIST
    assert [i.url for i in read_items(path, URL_LIST)] == ["https://a.example/1", "https://a.example/2"]
    path.write_text('title,url\nOne,https://a.example/1\nTwo,not-a-link\n"Three, cut",https://a.example/3\n')
    assert [(i.url, i.line, i.problem) for i in read_items(path, URL_LIST)] == [
        ("https://a.example/1", None, None), (None, 3, "no web address in this row"),
        ("https://a.example/3", None, None)]
    note = tmp_path / "note.txt"
    note.write_text("Link\nA note whose first line is a word, then prose.\n")
    assert detect(note) is None  # a lone "Link" over prose is no header


@pytest.mark.parametrize("content, kind", [
    (b"<?xml version='1.0'?>\n<!-- a comment -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", FEED),
    (b"\xef\xbb\xbf<rss version='2.0'><channel>", FEED),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", FEED),
    (b"<opml version='1.0'><body>", OPML),
    (b"<!DOCTYPE html><html><head><title>A page</title>", None),
    (b"# A story\n\nIts first paragraph names https://example.com in passing.\n", None),
    (b"[Updated] A story that opens with a bracket\n\nText.\n", None),
    (b'[\n{"id": 1, "url": "https://a.example/", "canonical_url": null, "title": "T"', CUTTINGS),
    (b'[{"is_archived": 1, "is_starred": 0, "tags": [], "domain_name": "a.example"', WALLABAG),
    (b'{"bookmarks": [{"createdAt": 1715000000', KARAKEEP),
    (b"https://a.example/1\nhttps://a.example/2\n", URL_LIST),
    (b"title,url,time_added,tags,status\n", POCKET),
    (b"\x00\x01\x02garbage", None),
])
def test_detection_by_content(content, kind):
    assert detect_bytes(content) == kind


def test_a_xml_file_that_is_atom_and_a_json_that_is_nothing_known(tmp_path):
    atom = tmp_path / "export.xml"
    atom.write_bytes((DATA / "feed-atom.xml").read_bytes())
    assert detect(atom) == FEED
    odd = tmp_path / "odd.json"
    odd.write_text('"just a string"')
    assert detect(odd) == CUTTINGS  # its reader refuses it in one sentence
    page = tmp_path / "story.md"
    page.write_text("# A story\n\nA paragraph.\n")
    assert detect(page) is None


def test_not_a_feed_is_refused_in_one_sentence():
    with pytest.raises(CuttingsError, match="Not an RSS or Atom feed"):
        read_feed(b"plain words")


def test_times():
    assert from_unix("1674295200") == utc(2023, 1, 21, 10)
    assert from_unix(1674295200000) == utc(2023, 1, 21, 10)  # milliseconds
    assert from_unix("") is None and from_unix("soon") is None
    assert from_iso("2016-09-08T11:55:58+0200") == utc(2016, 9, 8, 9, 55, 58)
    assert from_iso("2024-10-29T16:30:11.000Z") == utc(2024, 10, 29, 16, 30, 11)
    assert from_iso("yesterday") is None


def test_a_hand_edited_wallabag_file_gives_no_letter_tags(tmp_path):
    path = tmp_path / "wallabag.json"
    path.write_text('[{"is_archived": 0, "is_starred": 0, "domain_name": "a.example", "url": 7,'
                    ' "tags": "climate", "published_by": "Jane", "title": ["odd"]}]')
    [item] = read_items(path, detect(path))
    assert (item.url, item.tags, item.authors, item.has_copy) == (None, [], [], False)
    broken = tmp_path / "cut.json"
    broken.write_text('[{"is_archived": 1, "domain_name": "a.example", "url": "https://a.example/"')
    assert detect(broken) == WALLABAG
    with pytest.raises(CuttingsError, match="not valid JSON"):
        read_items(broken, WALLABAG)


def test_a_bookmarks_file_without_its_doctype():
    body = b'<HTML><TITLE>Bookmarks</TITLE><DL><p>\n<DT><A HREF="https://a.example/" ADD_DATE="1700000000">A</A>\n'
    assert detect_bytes(body) == BOOKMARKS
    assert detect_bytes(b"<html><body><dl><dt><a href='https://a.example/'>A</a></dl></body></html>") is None
