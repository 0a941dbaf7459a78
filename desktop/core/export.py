"""Articles as JSON, CSV and Markdown: `extract --json`, `export`, and re-importing an export."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

from sqlmodel import func, select

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, Article, Entity, Original
from desktop.core.errors import CuttingsError, DamagedArchive
from desktop.core.query import Detail, article_ids, detail
from desktop.core.store.archive import Outcome, original_of, store_articles
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow

FORMATS = ("json", "csv", "md")
CSV_FIELDS = ("id", "url", "title", "authors", "published", "publisher", "language", "text")


def extraction_json(article: Article) -> dict:
    """The `extract --json` object: metadata, text and the four entity lists."""
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
        "cities": [
            {"name": e.name, "geonameid": e.geonameid, "country": e.country, "lat": e.lat, "lon": e.lon,
             "mentions": e.mentions}
            for e in of(CITY)
        ],
        "countries": [{"name": e.name, "code": e.country} for e in of(COUNTRY)],
        "organizations": [{"name": e.name} for e in of(ORG)],
    }


def _record(item: Detail, original: Original | None) -> dict:
    return {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "authors": item.authors,
        "published": item.published,
        "publisher": item.publisher,
        "language": item.language,
        "image": item.image,
        "text": item.text,
        "entities": [
            {k: v for k, v in vars(e).items() if k != "id"} for e in item.entities
        ],
        "original": None if original is None else {
            "content_type": original.content_type,
            "charset": original.charset,
            "data": base64.b64encode(original.data).decode("ascii"),
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
    return "\n".join(lines) + item.text.strip() + "\n"


def export(archive: Archive, fmt: str) -> str:
    """The whole archive but the trash, oldest first, in `fmt` (json, csv or md)."""
    items = [d for d in (detail(archive, i) for i in reversed(article_ids(archive))) if d is not None]
    if fmt == "json":
        return _json([_record(d, original_of(archive, d.id)) for d in items])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, CSV_FIELDS)
        writer.writeheader()
        for d in items:
            writer.writerow({k: ("; ".join(d.authors) if k == "authors" else getattr(d, k)) for k in CSV_FIELDS})
        return out.getvalue()
    if fmt == "md":
        return "\n---\n\n".join(_markdown(d) for d in items)
    raise CuttingsError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def rescue(archive: Archive) -> tuple[str, int, int]:
    """What a damaged archive still holds: (a JSON export of every readable article but
    the trash, the number of articles in it, the number that could not be read).

    Each article is read alone, by id from 1 to the highest, because the list of ids may be
    what is damaged; an article whose offline copy is unreadable is kept without it.
    Raises DamagedArchive if not even the highest id can be read.
    """
    records, lost = [], 0
    with archive.session() as session:
        highest = session.exec(select(func.max(ArticleRow.id))).one() or 0
    for article_id in range(1, highest + 1):
        try:
            item = detail(archive, article_id)
        except DamagedArchive:
            lost += 1
            continue
        if item is not None and item.trashed is None:
            records.append(_record(item, _readable_original(archive, article_id)))
    return _json(records), len(records), lost


def _readable_original(archive: Archive, article_id: int) -> Original | None:
    try:
        return original_of(archive, article_id)
    except CuttingsError:  # DamagedArchive or DamagedCopy: the text is saved all the same
        return None


def is_export_file(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def import_export(archive: Archive, path: Path) -> list[Outcome]:
    """Store every article of a JSON export (entities and offline copies included), all or none."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        articles = [(_article(r), _original(r.get("original"))) for r in records]
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise CuttingsError(f"Not a Cuttings export file ({exc.__class__.__name__})") from exc
    return store_articles(archive, articles)


def _article(record: dict) -> Article:
    fields = ("url", "title", "authors", "published", "publisher", "language", "image", "text")
    entity_fields = Entity.__dataclass_fields__
    return Article(
        **{k: record[k] for k in fields if record.get(k) is not None},  # a missing field: its default
        entities=[Entity(**{k: v for k, v in e.items() if k in entity_fields}) for e in record.get("entities", [])],
    )


def _original(data: dict | None) -> Original | None:
    if not data:
        return None
    return Original(base64.b64decode(data["data"]), data["content_type"], data.get("charset"))
