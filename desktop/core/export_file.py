"""Reading a JSON export back: `cuttings import export.json`.

The file is read one record at a time (memory does not grow with the file) and each record
is checked before it is stored: a record with a wrong type, a missing text or a link that is
not http(s) is refused alone, with its number and the reason, and nothing of it is stored.
Both the streamed export (one record a line) and the older indented one are read.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from desktop.core.capture_json import earlier_versions, with_capture
from desktop.core.article import ENTITY_KINDS, Article, Entity, Original, Quote
from desktop.core.corrections.portable import apply_document, check_document
from desktop.core.errors import CuttingsError
from desktop.core.store.archive import Exported, Kept, Outcome, store_articles
from desktop.core.store.db import Archive

CHUNK = 1 << 16  # characters read at a time


def is_export_file(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def import_export(archive: Archive, path: Path) -> list[Outcome | ValueError]:
    """Store every valid article of the export file at `path` in one transaction.

    One entry per record, in order: its Outcome, or a ValueError saying why it was refused
    (a file that stops being JSON part-way ends with one such entry). Raises CuttingsError if
    the file cannot be read or is not a JSON array.
    """
    documents: list[object] = []  # the corrections a record carries, applied once all are stored
    try:
        with path.open(encoding="utf-8") as stream:
            outcomes = store_articles(archive, (_checked(r, documents) for r in _records(stream)))
    except OSError as exc:
        raise CuttingsError(f"Cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:  # the whole file is rolled back: it is not an export
        raise CuttingsError("Not a Cuttings export file (not UTF-8 text)") from exc
    for document in documents:
        apply_document(archive, document, path.name)
    return outcomes


class _Reader:
    """A text stream read a chunk at a time; `buf[pos:]` is what is read but not yet parsed."""

    def __init__(self, stream: TextIO):
        self.stream, self.buf, self.pos = stream, "", 0

    def peek(self) -> str:
        """The next character that is not a space, not consumed; "" at the end of the file."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos].isspace():
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            self.buf, self.pos = self.stream.read(CHUNK), 0
            if not self.buf:
                return ""

    def more(self) -> bool:
        """Read as much again as is unparsed (at least a chunk), so a large record is parsed a
        few times, not once per chunk; False at the end of the file."""
        more = self.stream.read(max(CHUNK, len(self.buf) - self.pos))
        self.buf, self.pos = self.buf[self.pos:] + more, 0
        return bool(more)


def _records(stream: TextIO) -> Iterator[object]:
    """Each element of the JSON array in `stream`, parsed as soon as it is read; a ValueError
    as the last element if the file stops being JSON. CuttingsError if it is no JSON array."""
    reader, decoder = _Reader(stream), json.JSONDecoder()
    if reader.peek() != "[":
        raise CuttingsError("Not a Cuttings export file (not a JSON array)")
    reader.pos += 1
    if reader.peek() == "]":
        return
    while True:
        reader.peek()
        try:
            value, reader.pos = decoder.raw_decode(reader.buf, reader.pos)
        except ValueError as exc:
            if reader.more():  # most often the record is only partly read yet
                continue
            yield ValueError(f"Not JSON from here on ({exc.msg}); nothing after this was read")
            return
        yield value
        char = reader.peek()
        if char == "]":
            return
        if char != ",":
            yield ValueError("A ',' or ']' was expected after this record; nothing after it was read"
                             if char else "The file ends before its closing ']': it was cut short")
            return
        reader.pos += 1


NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
         list: "a list", dict: "an object", type(None): "null"}
MAX_INT = 2**63  # SQLite's integers


def _field(obj: dict, key: str, types: tuple[type, ...], default=None):
    """`obj[key]` if it is one of `types`, `default` if it is absent or null; else ValueError."""
    value = obj.get(key)
    if value is None:
        return default
    # bool is an int to Python, not to JSON; a float field takes whole numbers too.
    wrong = isinstance(value, bool) != (bool in types) or not isinstance(value, types)
    if wrong or (isinstance(value, int) and not -MAX_INT < value < MAX_INT):
        raise ValueError(f"'{key}' should be {' or '.join(NAMES[t] for t in types)}, "
                         f"not {NAMES.get(type(value), type(value).__name__)}")
    return value


def _texts(obj: dict, key: str) -> list[str]:
    value = obj.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{key}' should be a list of text")
    return value


def _link(obj: dict, key: str) -> str | None:
    value = _field(obj, key, (str,))
    try:
        parts = urlsplit(value) if value else None
    except ValueError:
        parts = None
    if value and (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc):
        raise ValueError(f"'{key}' is not an http or https link: {value[:80]!r}")
    return value


def _moment(obj: dict, key: str) -> datetime | None:
    value = _field(obj, key, (str,))
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"'{key}' is not an ISO 8601 date and time: {value[:40]!r}") from None
    if moment is not None and moment.tzinfo is None:  # written without a zone: UTC, as stored
        moment = moment.replace(tzinfo=timezone.utc)
    return moment and moment.astimezone(timezone.utc)


def _checked(record: object, documents: list[object]) -> Exported | ValueError:
    """The article, offline copy and kept facts of one record, or a ValueError saying what
    is wrong with it (or the reader's ValueError, passed on). The corrections a record
    carries, checked, go to `documents`."""
    if isinstance(record, ValueError):
        return record
    try:
        if not isinstance(record, dict):
            raise ValueError(f"A record should be an object, not {NAMES.get(type(record), 'that')}")
        if record.get("corrections") is not None:
            check_document(record["corrections"], "the record")
            documents.append(record["corrections"])
        original = _field(record, "original", (dict,))
        copy = with_capture(_original(original), record.get("capture"))
        return _article(record), copy, _kept(record, original or {})
    except ValueError as exc:
        return exc


def _article(record: dict) -> Article:
    text = _field(record, "text", (str,), "")
    if not text.strip():
        raise ValueError("The record has no 'text'")
    return Article(
        url=_link(record, "url"),
        # as the pipeline does for a page without a title
        title=_field(record, "title", (str,), "").strip() or text.strip().splitlines()[0][:200],
        authors=_texts(record, "authors"),
        published=_field(record, "published", (str,)),
        publisher=_field(record, "publisher", (str,)),
        language=_field(record, "language", (str,)),
        image=_link(record, "image"),
        text=text,
        canonical_url=_link(record, "canonical_url"),
        entities=[_entity(e) for e in _field(record, "entities", (list,), [])],
        quotes=[_quote(q, len(text)) for q in _field(record, "quotes", (list,), [])],
    )


def _entity(data: object) -> Entity:
    if not isinstance(data, dict):
        raise ValueError("Each of 'entities' should be an object")
    kind, name = _field(data, "kind", (str,)), _field(data, "name", (str,), "")
    if kind not in ENTITY_KINDS or not name.strip():
        raise ValueError(f"An entity needs a name and a 'kind' of {', '.join(ENTITY_KINDS)}")
    mentions = _field(data, "mentions", (int,), 1)
    if mentions < 1:
        raise ValueError("An entity's 'mentions' should be 1 or more")
    return Entity(
        kind=kind, name=name, aliases=_texts(data, "aliases"), mentions=mentions,
        first_pos=_field(data, "first_pos", (int,), 0), context=_field(data, "context", (str,), ""),
        local=_field(data, "local", (bool,), False), geonameid=_field(data, "geonameid", (int,)),
        country=_field(data, "country", (str,)), lat=_field(data, "lat", (int, float)),
        lon=_field(data, "lon", (int, float)),
    )


def _quote(data: object, text_length: int) -> Quote:
    """One of a record's 'quotes': its words, offsets into the text (an absent 'end' is
    'start' plus the words' length) and speaker (null: unnamed)."""
    if not isinstance(data, dict):
        raise ValueError("Each of 'quotes' should be an object")
    words = _field(data, "quote", (str,), "")
    start = _field(data, "start", (int,), 0)
    end = _field(data, "end", (int,), start + len(words))
    if not words.strip() or not 0 <= start <= end <= text_length:
        raise ValueError("A quotation needs its 'quote' and a 'start' and 'end' inside the text")
    return Quote(words, start, end, _field(data, "speaker", (str,)))


def _original(data: dict | None) -> Original | None:
    if data is None:
        return None
    try:
        raw = base64.b64decode(_field(data, "data", (str,), ""), validate=True)
    except binascii.Error:
        raise ValueError("The 'original' copy's 'data' is not base64") from None
    return Original(raw, _field(data, "content_type", (str,), "text/html"), _field(data, "charset", (str,)))


def _kept(record: dict, original: dict) -> Kept:
    article_id = _field(record, "id", (int,))
    return Kept(
        id=article_id if article_id and article_id > 0 else None,
        added=_moment(record, "added"),
        updated=_moment(record, "updated"),
        edited=_moment(record, "edited"),
        fetched=_moment(original, "fetched"),
        tags=_texts(record, "tags"),
        provenance=_field(record, "provenance", (str,)),
        versions=earlier_versions(record),
    )
