"""Articles as JSON, CSV and Markdown: `extract --json`, `export`, and re-importing an export."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, Article, Entity, Original
from desktop.core.errors import CuttingsError
from desktop.core.query import Detail, article_ids, detail
from desktop.core.store.archive import Outcome, original_of, store_articles
from desktop.core.store.db import Archive

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


def _record(archive: Archive, item: Detail) -> dict:
    original = original_of(archive, item.id)
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
        return json.dumps([_record(archive, d) for d in items], ensure_ascii=False, indent=1) + "\n"
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
