"""What the `cuttings` sub-commands print: JSON, list rows and whole articles."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime, timezone

from desktop.core.article import CITY, ENTITY_KINDS


def print_json(value) -> None:
    """`value` as indented JSON on standard output (datetimes as iso_utc's text)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1, default=_plain)
    sys.stdout.write("\n")


def _plain(value) -> str:
    """A value JSON has no type for: a time as iso_utc ("2023-01-21T09:55:58Z", as every
    command's JSON writes it), anything else as its text."""
    return iso_utc(value) if isinstance(value, datetime) else str(value)


def iso_utc(moment: datetime | None) -> str | None:
    """`moment` as ISO 8601 UTC ("2023-01-21T09:55:58Z"); the archive keeps naive UTC times."""
    if moment is None:
        return None
    moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def with_country(entity) -> str:
    """An entity's name, a city's with its country code: "Paris (FR)"."""
    return f"{entity.name} ({entity.country})" if entity.kind == CITY and entity.country else entity.name


def print_rows(rows, as_json: bool, found: dict[int, str] | None = None) -> None:
    """List rows (Summary values) as JSON or one line each; a trashed one with its trashing
    time, a search hit with its snippet (`found`: id -> snippet)."""
    found = found or {}
    if as_json:
        print_json([
            {k: v for k, v in asdict(r).items()
             if k in ("id", "url", "title", "authors", "published", "publisher", "trashed", "tags", "changed")}
            | {"added": iso_utc(r.added)}
            | ({"snippet": found.get(r.id, "")} if found else {})
            for r in rows
        ])
    else:
        for r in rows:
            when = f"{r.trashed.astimezone():%Y-%m-%d %H:%M}  " if r.trashed else ""
            print(f"{r.id:>6}  {when}{(r.published or '')[:10]:<10}  {r.title}  — {r.publisher or r.url or ''}")
            if r.id in found:
                print(f"{'':>20}{found[r.id]}")


def print_readable(item) -> None:
    """An article (stored Detail or extracted Article) as text: metadata, entities, body."""
    print(item.title)
    for label, value in (("By", ", ".join(item.authors)), ("Date", item.published),
                         ("Source", item.publisher), ("URL", item.url),
                         ("Tags", ", ".join(getattr(item, "tags", []))),
                         ("Note", getattr(item, "provenance", None))):
        if value:
            print(f"{label}: {value}")
    for kind, label in zip(ENTITY_KINDS, ("People", "Cities", "Countries", "Organisations", "Other places")):
        names = [with_country(e) for e in item.entities if e.kind == kind]
        if names:
            print(f"{label}: {', '.join(names)}")
    print()
    print(item.text)
