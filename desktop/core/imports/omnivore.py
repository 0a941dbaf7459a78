"""Omnivore's export (the service closed in November 2024): a .zip, or the folder it unpacks
to, holding `metadata_<from>_to_<to>.json` files (a JSON list of saved items each) and the
saved articles as `content/<slug>.html` (or `.md`).

An item: {id, slug, title, description, author, url, state ("Active", "Archived"...),
readingProgress (0-100), labels [names], savedAt, updatedAt, publishedAt}.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import CuttingsError
from desktop.core.fetch import MAX_BYTES
from desktop.core.imports.items import (ARCHIVED, READ, UNREAD, ImportItem, clean_tags, from_iso, listed, not_json,
                                        web_link)

METADATA_NAME = re.compile(r"(?:^|/)metadata_\d+_to_\d+\.json$")
# A saved copy: in a folder `content`, at any depth (a zip made of the unpacked folder has one more).
CONTENT_NAME = re.compile(r"(?:^|/)content/[^/]+\.(?:html|md)$")


def is_omnivore_names(names) -> bool:
    """True if file names (of a zip or a folder, relative) include Omnivore's metadata files."""
    return any(METADATA_NAME.search(name) for name in names)


class _Files:
    """Reads the export's files by relative name from a zip or a folder, each at most MAX_BYTES;
    `names`: the folder's files to know (default: all of them)."""

    def __init__(self, path: Path, names: list[str] | None = None):
        self.path = path
        self.zip = zipfile.ZipFile(path) if path.is_file() else None
        self.names = (self.zip.namelist() if self.zip else names if names is not None
                      else [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()])

    def read(self, name: str) -> str:
        size = self.zip.getinfo(name).file_size if self.zip else (self.path / name).stat().st_size
        if size > MAX_BYTES:
            raise CuttingsError(f"{name} in the Omnivore export is larger than {MAX_BYTES // 2**20} MB")
        data = self.zip.read(name) if self.zip else (self.path / name).read_bytes()
        return data.decode("utf-8", errors="replace")

    def contents(self) -> dict[str, str]:
        """The saved copies' names by their slug."""
        return {_slug(n): n for n in self.names if CONTENT_NAME.search(n)}


def read_omnivore(path: Path) -> list[ImportItem]:
    """The saved items of an Omnivore export (a .zip or a folder, or one metadata file, with
    the `content` folder beside it if there is one) with their saved copy, metadata files in
    name order. Raises CuttingsError for an unreadable zip or a metadata file that is not a
    JSON list."""
    if path.is_file() and not zipfile.is_zipfile(path):  # one metadata file, chosen in a file dialog
        beside = path.parent / "content"
        names = [f"content/{p.name}" for p in beside.iterdir() if p.is_file()] if beside.is_dir() else []
        files = _Files(path.parent, names)
        records = _records_of(path.name, path.read_text("utf-8", "replace"))
    else:
        try:
            files = _Files(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise CuttingsError(f"Cannot read the Omnivore export: {exc}") from exc
        records = list(_records(files))
    contents = files.contents()
    return [_item(files, record, contents) for record in records]


def _slug(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _records(files: _Files) -> Iterator[dict]:
    for name in sorted(n for n in files.names if METADATA_NAME.search(n)):
        yield from _records_of(name, files.read(name))


def _records_of(name: str, content: str) -> list[dict]:
    """The saved items of one metadata file; CuttingsError if it is not a JSON list."""
    try:
        records = json.loads(content)
    except ValueError as exc:
        raise CuttingsError(f"{name} of the Omnivore export {not_json(exc)}") from exc
    if not isinstance(records, list):
        raise CuttingsError(f"{name} of the Omnivore export is not a list of saved items")
    return [r for r in records if isinstance(r, dict)]


def _item(files: _Files, record: dict, contents: dict[str, str]) -> ImportItem:
    copy_name = contents.get(str(record.get("slug") or ""))
    copy = files.read(copy_name) if copy_name else None
    labels = [label.get("name", "") if isinstance(label, dict) else label for label in listed(record.get("labels"))]
    progress = record.get("readingProgress")
    state = (ARCHIVED if str(record.get("state", "")).lower() == "archived"
             else READ if isinstance(progress, (int, float)) and progress >= 100 else UNREAD)
    author = record.get("author")
    return ImportItem(
        url=web_link(record.get("url")),
        title=str(record.get("title") or "").strip(),
        added=from_iso(record.get("savedAt")),
        tags=clean_tags(str(label) for label in labels),
        state=state,
        html=copy if copy_name and copy_name.endswith(".html") else None,
        text=copy if copy_name and copy_name.endswith(".md") else None,
        authors=[author.strip()] if isinstance(author, str) and author.strip() else [],
        published=_date(record.get("publishedAt")),
    )


def _date(value) -> str | None:
    moment = from_iso(value)
    return moment.isoformat() if moment else None
