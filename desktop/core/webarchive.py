"""Stored articles as a web archive: WARC (ISO 28500) through warcio, and WACZ (WARC, CDXJ
index and pages.jsonl in one zip) through py-wacz, so ReplayWeb.page and pywb open them.

Every version of every article with a kept copy becomes records: a download with its HTTP
status and headers a `request` (reconstructed: Cuttings keeps no request, so it is the GET
fetch.HEADERS sends) and a `response` with the headers as received; a browser capture, a
file or a service's copy (or a download from before evidence was kept) a `resource`. A
`metadata` record beside each says how it was captured and its SHA-256.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from desktop import __version__
from desktop.core.article import CAPTURE_METHODS, DOWNLOAD, Original
from desktop.core.errors import CuttingsError
from desktop.core.fetch import HEADERS
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow
from desktop.core.store.versions import Version, copy_of_version, versions_of

WARC, WACZ = "warc", "wacz"
FORMATS = (WARC, WACZ)
# Headers that describe the bytes on the wire, not the copy kept (decoded, whole): a replay
# tool would decode the payload twice or wait for chunks that are not there.
_WIRE_HEADERS = frozenset(("content-encoding", "transfer-encoding", "content-length"))


def _warc_date(version: Version) -> str:
    return version.capture.captured.strftime("%Y-%m-%dT%H:%M:%SZ")


def _target(row: ArticleRow, copy: Original, number: int) -> str:
    """The URI a version is recorded under: where it was downloaded from, else the article's
    address, else (a file without one) a URN naming the article and version."""
    return copy.final_url or row.source_url or f"urn:cuttings:article:{row.id}:version:{number}"


def _response(writer: WARCWriter, uri: str, copy: Original, fields: dict) -> list:
    """The request and response records of a download with its status and headers."""
    kept = [(k, v) for k, v in copy.headers if k.lower() not in _WIRE_HEADERS]
    kept.append(("Content-Length", str(len(copy.data))))
    http = StatusAndHeaders(str(copy.status), kept, protocol="HTTP/1.1")
    response = writer.create_warc_record(uri, "response", payload=io.BytesIO(copy.data), length=len(copy.data),
                                         http_headers=http, warc_headers_dict=fields)
    parts = urlsplit(uri)
    asked = StatusAndHeaders(f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
                             [("Host", parts.netloc), *HEADERS.items()], is_http_request=True)
    request = writer.create_warc_record(uri, "request", http_headers=asked, warc_headers_dict={
        "WARC-Date": fields["WARC-Date"], "WARC-Concurrent-To": response.rec_headers["WARC-Record-ID"]})
    return [response, request]


def _records(writer: WARCWriter, row: ArticleRow, version: Version, copy: Original) -> list:
    """The records of one version's copy, with a metadata record about its capture."""
    uri = _target(row, copy, version.number)
    fields = {"WARC-Date": _warc_date(version)}
    if copy.method == DOWNLOAD and copy.status is not None and copy.headers is not None:
        records = _response(writer, uri, copy, fields)
    else:
        content_type = copy.content_type + (f"; charset={copy.charset}" if copy.charset else "")
        records = [writer.create_warc_record(uri, "resource", payload=io.BytesIO(copy.data), length=len(copy.data),
                                             warc_content_type=content_type, warc_headers_dict=fields)]
    evidence = version.capture
    about = {"cuttings-article": row.id, "cuttings-version": version.number, "cuttings-title": version.title,
             "cuttings-method": f"{evidence.method} ({CAPTURE_METHODS.get(evidence.method, evidence.method)})",
             "cuttings-sha256": evidence.sha256, "cuttings-final-url": evidence.final_url,
             "cuttings-status": evidence.status}
    body = "".join(f"{k}: {' '.join(str(v).split())}\r\n" for k, v in about.items() if v is not None).encode()
    records.append(writer.create_warc_record(uri, "metadata", payload=io.BytesIO(body), length=len(body),
                                             warc_content_type="application/warc-fields", warc_headers_dict={
                                                 **fields, "WARC-Refers-To": records[0].rec_headers["WARC-Record-ID"]}))
    return records


def captured_versions(archive: Archive, ids: list[int]) -> Iterator[tuple[ArticleRow, Version, Original]]:
    """Each version of the articles `ids` that has a kept copy and evidence, in order."""
    for article_id in ids:
        with archive.session() as session:
            row = session.get(ArticleRow, article_id)
        if row is None:
            continue
        for version in versions_of(archive, article_id):
            copy = copy_of_version(archive, article_id, version.number)
            if copy is not None and version.capture is not None:
                yield row, version, copy


def write_warc(archive: Archive, ids: list[int], out: BinaryIO, filename: str = "cuttings.warc.gz") -> list[dict]:
    """Write the articles `ids` as gzipped WARC to `out`: a warcinfo record, then each version's
    records (see the module's docstring). Return the pages.jsonl entries of the versions with
    a web address ({"url", "ts", "title"}), for WACZ."""
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": f"Cuttings {__version__}", "format": "WARC File Format 1.1",
        "description": "Articles saved with Cuttings; request records are reconstructed",
    }))
    pages = []
    for row, version, copy in captured_versions(archive, ids):
        for record in _records(writer, row, version, copy):
            writer.write_record(record)
        uri = _target(row, copy, version.number)
        if uri.startswith(("http://", "https://")):
            pages.append({"url": uri, "ts": _warc_date(version), "title": version.title or uri})
    return pages


def write_wacz(archive: Archive, ids: list[int], path: Path) -> None:
    """Write the articles `ids` as a WACZ file at `path` (py-wacz: the WARC, its CDXJ index,
    pages.jsonl with a page per version and datapackage.json); CuttingsError if it fails."""
    from wacz.main import main as wacz_main

    with tempfile.TemporaryDirectory() as folder:
        warc = Path(folder) / "cuttings.warc.gz"
        with warc.open("wb") as stream:
            pages = write_warc(archive, ids, stream)
        listing = Path(folder) / "pages.jsonl"
        lines = [{"format": "json-pages-1.0", "id": "pages", "title": "Cuttings"}, *pages]
        listing.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in lines), encoding="utf-8")
        args = ["create", "-o", str(path), str(warc), "--title", "Cuttings"]
        if pages:  # py-wacz needs at least one page to match when given a list
            args += ["-p", str(listing)]
        with contextlib.redirect_stdout(io.StringIO()) as said:  # py-wacz reports every step
            failed = wacz_main(args)
        if failed:
            raise CuttingsError(f"The WACZ file could not be made: {said.getvalue().strip().splitlines()[-1]}")


def export_web_archive(archive: Archive, fmt: str, path: str | Path, ids: list[int]) -> None:
    """Write `ids` as `fmt` (WARC or WACZ) to the file `path`, written beside it first and put
    in place only when complete; CuttingsError if it cannot be written."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        if fmt == WACZ:
            write_wacz(archive, ids, part)
        else:
            with part.open("wb") as stream:
                write_warc(archive, ids, stream, path.name)
        part.replace(path)
    except OSError as exc:
        raise CuttingsError(f"Cannot write {path}: {exc.strerror}") from exc
    finally:
        part.unlink(missing_ok=True)
