"""Reading and writing many rows without holding the GIL for long.

A worker thread that converts 20,000 rows in one `fetchall()`, inserts them in one
`executemany` or encodes or decodes them in one `json` call stays inside a single C call for a tenth
of a second or more, and the GUI thread cannot run Python (a slot, a paint handler) until it
returns. Doing the same work a few hundred rows at a time, with Python between the pieces,
lets the interpreter hand the GIL over after each piece.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

# Rows a piece: a few milliseconds of C work on a loaded machine.
BATCH = 500


def rows(db: Connection | Session, statement: Executable) -> Iterator[Row]:
    """The rows `statement` selects, fetched and converted BATCH at a time. (`yield_per`:
    without it a session's ORM loading reads every row at once.)"""
    for part in db.execute(statement.execution_options(yield_per=BATCH)).partitions(BATCH):
        yield from part


def insert_many(conn: Connection, statement, values: Sequence[dict]) -> None:
    """Execute `statement` once per dict of `values`, BATCH at a time."""
    for start in range(0, len(values), BATCH):
        conn.execute(statement, list(values[start:start + BATCH]))


def dumps(value, **options) -> str:
    """`json.dumps(value, **options)` (default separators), with long lists inside a dict
    (a before-image's mentions) encoded BATCH items at a time."""
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        inner = (f"{json.dumps(key, **options)}: {dumps(item, **options)}" for key, item in value.items())
        return "{" + ", ".join(inner) + "}"
    if isinstance(value, list) and len(value) > BATCH:
        pieces = (json.dumps(value[start:start + BATCH], **options)[1:-1] for start in range(0, len(value), BATCH))
        return "[" + ", ".join(pieces) + "]"
    return json.dumps(value, **options)


_SPACE = re.compile(r"[ \t\n\r]*")


def loads(text: str):
    """`json.loads(text)`, with the lists of a top-level object (a before-image's mentions)
    decoded an item at a time."""
    decoder, at = json.JSONDecoder(), _skip(text, 0)
    if not text.startswith("{", at):
        return json.loads(text)
    value, at = {}, _skip(text, at + 1)
    while not text.startswith("}", at):
        key, at = decoder.raw_decode(text, at)
        at = _skip(text, _expect(text, _skip(text, at), ":") + 1)
        if text.startswith("[", at):
            value[key], at = _items(decoder, text, at)
        else:
            value[key], at = decoder.raw_decode(text, at)
        at = _next(text, _skip(text, at), "}")
    if text[at + 1:].strip(" \t\n\r"):
        raise json.JSONDecodeError("Extra data", text, at + 1)
    return value


def _items(decoder: json.JSONDecoder, text: str, at: int) -> tuple[list, int]:
    """The list starting at `at`, and where it ends."""
    items, at = [], _skip(text, at + 1)
    while not text.startswith("]", at):
        item, at = decoder.raw_decode(text, at)
        items.append(item)
        at = _next(text, _skip(text, at), "]")
    return items, at + 1


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def _expect(text: str, at: int, mark: str) -> int:
    if not text.startswith(mark, at):
        raise json.JSONDecodeError(f"Expecting {mark!r}", text, at)
    return at


def _next(text: str, at: int, end: str) -> int:
    """Past a "," to the next item, or at `end`."""
    if text.startswith(",", at):
        return _skip(text, at + 1)
    return _expect(text, at, end)
