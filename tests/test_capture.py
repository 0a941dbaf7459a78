"""Evidence of capture: how, when and from where each offline copy was captured, and its hash."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from datetime import datetime, timezone

from werkzeug import Response

from desktop.core.article import DOWNLOAD, FILE, SERVICE, Original
from desktop.core.pipeline import import_one, load
from desktop.core.store.archive import store_article
from desktop.core.store.captures import evidence_of
from desktop.core.store.db import Archive
from tests.test_store import make_article

PAGE = ("<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        + "<p>The harbour of Split reopened on Monday after the storm, officials said.</p>" * 6
        + "</article></body></html>")


def _evidence(archive: Archive, article_id: int):
    with archive.session() as session:
        return evidence_of(session, article_id)


def test_a_download_records_status_headers_final_address_and_hash(archive, httpserver):
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/story")}))
    httpserver.expect_request("/story").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8", headers={"X-Served-By": "cache-7"})
    outcome = import_one(archive, httpserver.url_for("/old"), entities=False)
    [capture] = _evidence(archive, outcome.id)
    assert capture.method == DOWNLOAD and capture.version == 1
    assert capture.final_url == httpserver.url_for("/story") and capture.status == 200
    assert ("X-Served-By", "cache-7") in capture.headers
    assert capture.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()
    assert capture.captured.tzinfo is not None


def test_a_file_is_captured_as_a_file_without_http_evidence(archive, tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    outcome = import_one(archive, str(path), entities=False)
    [capture] = _evidence(archive, outcome.id)
    assert (capture.method, capture.status, capture.headers, capture.final_url) == (FILE, None, None, None)
    assert capture.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_service_copy_says_so(archive):
    from desktop.core.imports.items import ImportItem
    from desktop.core.imports.run import from_copy

    article, original = from_copy(ImportItem(url="https://gone.example/a", title="Gone", html="<p>" + "Words. " * 40))
    assert original.method == SERVICE
    outcome = store_article(archive, article, original)
    assert _evidence(archive, outcome.id)[0].method == SERVICE


def test_migration_8_fills_what_an_old_archive_knows(tmp_path):
    path = tmp_path / "old.sqlite3"
    archive = Archive(path)
    web = store_article(archive, make_article(1), Original(b"<html>one</html>")).id
    local = store_article(archive, make_article(2, url=None), Original(b"two", "text/plain")).id
    con = sqlite3.connect(path)
    with con:  # as schema 6 left it: no evidence tables
        con.execute("DROP TABLE capture")
        con.execute("DROP TABLE article_version")
        con.execute("UPDATE meta SET value='6' WHERE key='schema_version'")
        con.execute("UPDATE snapshot SET fetched='2024-05-01 10:00:00.000000' WHERE article_id=?", (web,))
    con.close()
    upgraded = Archive(path)
    [first] = _evidence(upgraded, web)
    assert (first.method, first.status, first.headers) == (DOWNLOAD, None, None)
    assert first.captured.isoformat() == "2024-05-01T10:00:00+00:00"
    assert first.sha256 == hashlib.sha256(b"<html>one</html>").hexdigest()
    assert _evidence(upgraded, local)[0].method == FILE
    stored = sqlite3.connect(path).execute("SELECT data FROM snapshot WHERE article_id=?", (web,)).fetchone()[0]
    assert zlib.decompress(stored) == b"<html>one</html>"  # the copy itself is untouched


def test_a_download_is_captured_when_its_response_arrives_not_when_it_is_stored(httpserver):
    httpserver.expect_request("/timed").respond_with_data("<html><body><p>Words.</p></body></html>",
                                                          content_type="text/html")
    before = datetime.now(timezone.utc)
    loaded = load(httpserver.url_for("/timed"))
    assert loaded.original.captured is not None and before <= loaded.original.captured <= datetime.now(timezone.utc)
