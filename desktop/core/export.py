"""Articles as JSON, CSV and Markdown: `extract --json` and `export` (`export_file` reads one back);
the citation formats (CSL-JSON, RIS, BibTeX) are written by `citations`."""

from __future__ import annotations

import base64
import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from sqlmodel import func, select

from desktop.core import citations, webarchive
from desktop.core.capture_json import versions_json
from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE, Article, Entity, Quote
from desktop.core.errors import CuttingsError, DamagedArchive, DamagedCopy
from desktop.core.query import Detail, Filter, QuoteInfo, article_ids, detail
from desktop.core.store.archive import inflate
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, Snapshot

# A spreadsheet user filters by who is quoted (speakers, like authors: "A; B") and reads
# what they said in one cell, a quotation a line ("Ben Noble: “…”"); the text stays last.
CSV_FIELDS = ("id", "url", "title", "authors", "published", "publisher", "language", "tags", "speakers", "quotes",
              "text")
UNNAMED = "(unnamed)"  # the speaker of a quotation no named person said, in CSV and Markdown


def extraction_json(article: Article) -> dict:
    """The `extract --json` object: metadata, text, the entity lists and the quotations (speaker
    or None, words, offsets into `text`). Every entity lists in
    `aliases` the other forms the text used ("US", "U.S." for United States); cities and other
    places (states, regions, continents, airports) share one shape."""
    def of(kind: str) -> list[Entity]:
        return article.entities_of(kind)

    return {
        "url": article.url,
        "title": article.title,
        "authors": article.authors,
        "published": article.published,
        "publisher": article.publisher,
        "language": article.language,
        "text": article.text,
        "persons": [{"name": e.name, "aliases": e.aliases, "mentions": e.mentions} for e in of(PERSON)],
        "cities": [_place_json(e) for e in of(CITY)],
        "countries": [{"name": e.name, "code": e.country, "aliases": e.aliases, "geonameid": e.geonameid,
                       "mentions": e.mentions} for e in of(COUNTRY)],
        "places": [_place_json(e) for e in of(PLACE)],
        "organizations": [{"name": e.name, "aliases": e.aliases, "mentions": e.mentions} for e in of(ORG)],
        "quotes": [quote_json(q) for q in article.quotes],
    }


def quote_json(q: Quote | QuoteInfo) -> dict:
    """One quotation in `extract --json` and the export: its speaker's name (None: unnamed),
    its words, and their character offsets in the article's text."""
    return {"speaker": q.speaker, "quote": q.quote, "start": q.start, "end": q.end}


def _place_json(e: Entity) -> dict:
    """A city or other place in `extract --json`: a place the gazetteer does not know has no id
    or coordinates (None)."""
    return {"name": e.name, "aliases": e.aliases, "geonameid": e.geonameid, "country": e.country,
            "lat": e.lat, "lon": e.lon, "mentions": e.mentions}


def _iso(moment: datetime | None) -> str | None:
    """A stored UTC time (SQLite gives it back without its zone) as ISO 8601 with +00:00."""
    return None if moment is None else moment.replace(tzinfo=timezone.utc).isoformat()


def _record(archive: Archive, item: Detail) -> dict:
    """One article as an export record: what `import` needs to store it again as it was."""
    with archive.session() as session:
        row = session.get(ArticleRow, item.id)
        snap = session.get(Snapshot, item.id)
        versions = versions_json(session, item.id, row.title)
    return {**_fields(item, row, snap), **versions}


def _rescued_record(archive: Archive, item: Detail) -> dict:
    """An export record from a damaged archive: without its offline copy if that cannot be read."""
    try:
        return _record(archive, item)
    except (DamagedArchive, DamagedCopy):
        with archive.session() as session:
            row = session.get(ArticleRow, item.id)
        return _fields(item, row, None)


def _fields(item: Detail, row: ArticleRow, snap: Snapshot | None) -> dict:
    return {
        "id": item.id,
        "url": item.url,
        "canonical_url": row.canonical_url,
        "title": item.title,
        "authors": item.authors,
        "published": item.published,
        "publisher": item.publisher,
        "language": item.language,
        "image": item.image,
        "text": item.text,
        "added": _iso(row.added),
        "updated": _iso(row.updated),
        "edited": _iso(row.edited),
        "tags": item.tags,
        "provenance": row.provenance,
        "entities": [
            {k: v for k, v in vars(e).items() if k != "id"} for e in item.entities
        ],
        "quotes": [quote_json(q) for q in item.quotes],
        "original": None if snap is None else {
            "content_type": snap.content_type,
            "charset": snap.charset,
            "fetched": _iso(snap.fetched),
            "data": base64.b64encode(inflate(snap)).decode("ascii"),
        },
    }


def _markdown(item: Detail) -> str:
    lines = [f"# {item.title}", ""]
    if item.authors:
        lines += ["By " + ", ".join(item.authors), ""]
    meta = " · ".join(filter(None, [item.published, item.publisher]))
    if meta:
        lines += [meta, ""]
    if item.url:
        lines += [f"Original url: <{item.url}>", ""]
    if item.tags:
        lines += ["Tags: " + ", ".join(item.tags), ""]
    quoted = ["", "## Quoted", ""] + [f"- **{q.speaker or UNNAMED}:** “{q.quote}”" for q in item.quotes]
    return "\n".join(lines) + item.text.strip() + "\n" + ("\n".join(quoted) + "\n" if item.quotes else "")


def _write_json(archive: Archive, items: Iterable[Detail], out: TextIO, record=_record,
                extra: dict | None = None) -> None:
    """A JSON array with one record a line: json.load reads it whole, `import` one record at
    a time. `extra`: fields of the first record beyond the article's (the corrections)."""
    out.write("[")
    first = True
    for item in items:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(record(archive, item) | (extra if first and extra else {}), ensure_ascii=False))
        first = False
    out.write("]\n" if first else "\n]\n")


def _write_csv(_archive: Archive, items: Iterable[Detail], out: TextIO) -> None:
    writer = csv.DictWriter(out, CSV_FIELDS)
    writer.writeheader()
    for d in items:
        cells = {
            "authors": "; ".join(d.authors),
            "tags": "; ".join(d.tags),
            "speakers": "; ".join(dict.fromkeys(q.speaker for q in d.quotes if q.speaker)),
            "quotes": "\n".join(f"{q.speaker or UNNAMED}: “{q.quote}”" for q in d.quotes),
        }
        writer.writerow({k: cells[k] if k in cells else getattr(d, k) for k in CSV_FIELDS})


def _write_md(_archive: Archive, items: Iterable[Detail], out: TextIO) -> None:
    for i, item in enumerate(items):
        out.write(("\n---\n\n" if i else "") + _markdown(item))


WRITERS = {"json": _write_json, "csv": _write_csv, "md": _write_md}
FORMATS = tuple(WRITERS) + tuple(citations.WRITERS) + webarchive.FORMATS


def export_ids(archive: Archive, flt: Filter | None = None) -> list[int]:
    """The ids an export of `flt` holds, oldest first; None: the whole archive but the trash
    (an export is the archive as the user sees it). SearchSyntaxError for unreadable search text."""
    return list(reversed(article_ids(archive, flt or Filter())))


def write_export(archive: Archive, fmt: str, out: TextIO, ids: list[int] | None = None) -> None:
    """Write the articles of `ids` (default: `export_ids(archive)`) to `out` in `fmt`, one of
    FORMATS: json, csv, md, or a citation format (csl-json, ris, bibtex); a web archive
    (warc, wacz) is binary and goes to a file through `export_to`.

    Articles are read and written one at a time, so memory does not grow with the archive.
    Raises CuttingsError for an unknown format, DamagedCopy for an offline copy that does not
    decompress.
    """
    if fmt not in FORMATS:
        raise CuttingsError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in webarchive.FORMATS:
        raise CuttingsError(f"A {fmt.upper()} export is a binary file: give the file to write (--out PATH)")
    ids = export_ids(archive) if ids is None else ids
    if fmt in citations.WRITERS:
        citations.WRITERS[fmt](citations.cited(archive, ids), out)
        return
    items = (d for d in (detail(archive, i) for i in ids) if d is not None)
    if fmt == "json":
        _write_json(archive, items, out, extra=_corrections_field(archive, ids))
    else:
        WRITERS[fmt](archive, items, out)


def _corrections_field(archive: Archive, ids: list[int]) -> dict:
    """{"corrections": the archive's corrections file} for a JSON export's first record, when
    it has corrections of every article or of the exported ones; importing the export applies
    them again (export_file), so later imports there meet the same fixes."""
    from desktop.core.corrections.portable import corrections_document

    document = corrections_document(archive, set(ids))
    return {"corrections": document} if document["corrections"] else {}


@contextmanager
def whole_file(path: str | Path) -> Iterator[TextIO]:
    """A text stream into the file `path`, written beside it first (PATH.part) and put in its
    place only when complete: a failed export never clobbers the last good one. Raises
    CuttingsError if the file cannot be written."""
    part = Path(f"{path}.part")
    try:
        with part.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        part.replace(path)
    except OSError as exc:
        raise CuttingsError(f"Cannot write {path}: {exc.strerror}") from exc
    finally:
        part.unlink(missing_ok=True)


def export_to(archive: Archive, fmt: str, path: str | Path, ids: list[int] | None = None) -> int:
    """`write_export` into the file `path` (see whole_file); return the number of articles
    asked for (`ids`, else the whole archive)."""
    ids = export_ids(archive) if ids is None else ids
    if fmt in webarchive.FORMATS:
        webarchive.export_web_archive(archive, fmt, path, ids)
        return len(ids)
    with whole_file(path) as stream:
        write_export(archive, fmt, stream, ids)
    return len(ids)


def rescue(archive: Archive, out: TextIO) -> tuple[int, int]:
    """Write what a damaged archive still holds to `out` as a JSON export (every readable
    article but the trash); return (articles written, articles that could not be read).

    Each article is read alone, by id from 1 to the highest, because the list of ids may be
    what is damaged; an article whose offline copy is unreadable is kept without it.
    Raises DamagedArchive if not even the highest id can be read.
    """
    with archive.session() as session:
        highest = session.exec(select(func.max(ArticleRow.id))).one() or 0
    counts = {"kept": 0, "lost": 0}

    def readable() -> Iterable[Detail]:
        for article_id in range(1, highest + 1):
            try:
                item = detail(archive, article_id)
            except DamagedArchive:
                counts["lost"] += 1
                continue
            if item is not None and item.trashed is None:
                counts["kept"] += 1
                yield item

    _write_json(archive, readable(), out, _rescued_record)
    return counts["kept"], counts["lost"]
