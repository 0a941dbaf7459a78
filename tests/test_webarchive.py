"""Web-archive export: WARC read back with warcio, WACZ checked by py-wacz's validator."""

from __future__ import annotations

import gzip
import json
import zipfile

from warcio.archiveiterator import ArchiveIterator

from tests.db_rows import Connection
from tests.test_versions import V1, V2, imported, serve


def _records(path):
    with open(path, "rb") as stream:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.http_headers, r.content_stream().read())
                for r in ArchiveIterator(stream)]


def test_warc_holds_request_response_and_metadata_of_every_version(archive, cli, httpserver, tmp_path):
    article = imported(cli, httpserver)
    serve(httpserver, V2)
    cli("recheck", str(article), "--no-entities")
    page = tmp_path / "story.html"
    page.write_text(V1.replace("harbour", "bridge"), encoding="utf-8")
    cli("import", str(page))
    out = tmp_path / "out.warc.gz"
    assert cli("export", "--format", "warc", "--out", str(out)) == (0, "", "")
    records = _records(out)
    kinds = [kind for kind, *_ in records]
    assert kinds[0] == "warcinfo"
    assert kinds.count("response") == 2 and kinds.count("request") == 2  # both versions of the download
    assert kinds.count("resource") == 1 and kinds.count("metadata") == 3  # the file
    responses = [(http, body) for kind, _, http, body in records if kind == "response"]
    assert [body for _, body in responses] == [V1.encode(), V2.encode()]
    assert responses[0][0].get_statuscode() == "200"
    assert responses[0][0].get_header("Content-Type") == "text/html; charset=utf-8"
    metadata = [body.decode() for kind, _, _, body in records if kind == "metadata"]
    assert "cuttings-method: download" in metadata[0] and "cuttings-sha256: " in metadata[0]
    assert "cuttings-method: file" in metadata[2]


def test_warc_needs_a_file(cli, archive):
    code, _, err = cli("export", "--format", "warc")
    assert code == 1 and "--out" in err


def test_wacz_validates_and_lists_each_version_as_a_page(archive, cli, httpserver, tmp_path):
    from wacz.main import main as wacz_main

    article = imported(cli, httpserver)
    serve(httpserver, V2)
    cli("recheck", str(article), "--no-entities")
    with Connection(archive) as con:  # a day apart, as edits come: one page per capture time
        con.execute("UPDATE capture SET captured = '2026-11-29 10:00:00.000000' WHERE version = 1")
    out = tmp_path / "out.wacz"
    assert cli("export", "--format", "wacz", "--ids", str(article), "--out", str(out)) == (0, "", "")
    assert wacz_main(["validate", "-f", str(out)]) == 0
    with zipfile.ZipFile(out) as wacz:
        names = set(wacz.namelist())
        pages = [json.loads(line) for line in wacz.read("pages/pages.jsonl").splitlines()]
        index = gzip.decompress(wacz.read("indexes/index.cdx.gz")).decode()
    assert {"datapackage.json", "indexes/index.cdx.gz", "archive/cuttings.warc.gz"} <= names
    assert [p["title"] for p in pages[1:]] == ["Minister resigns over harbour deal", "Minister quits over harbour deal"]
    # the replay index finds both captures of the page: 20261129100000 and today's
    assert index.count('"url": "' + httpserver.url_for("/story") + '"') == 2 and "20261129100000" in index
