"""Copying a whole archive between engines (SQLite file ↔ PostgreSQL database), verified.

Every table the models declare is copied row by row with its ids, in the order its foreign
keys need, into an empty archive, in one transaction; the engine-only parts (full-text
indexes) follow by themselves (SQLite's triggers, PostgreSQL's generated columns). Then each
table is read back from both sides, in key order, and compared by row count and a SHA-256
of its rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, func, select
from sqlmodel import SQLModel

from desktop.core.errors import CuttingsError
from desktop.core.store import models
from desktop.core.store.db import Archive

BATCH = 500  # rows per INSERT ... VALUES list: bounded memory for 100k articles
# Tables whose content the copy checks first: any row there means the destination is in use.
_CONTENT = (models.ArticleRow, models.EntityRow, models.Tag, models.Correction, models.DuplicateVerdict)


def tables() -> list[Table]:
    """The archive's tables in an order that inserts each row after the rows it refers to
    (the `meta` table left out: each archive keeps its own schema version)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name != models.Meta.__tablename__]


@dataclass
class Copied:
    """One table's rows in the source and the destination after the copy, and whether their
    content hashes agree."""

    table: str
    source: int
    copied: int
    same: bool

    @property
    def ok(self) -> bool:
        return self.same and self.source == self.copied


def copy_archive(source: Archive, dest: Archive, progress: Callable[[str, int], None] | None = None) -> list[Copied]:
    """Copy everything in `source` into the empty archive `dest`, then verify it; one Copied
    per table. `progress(table, rows so far)` after each batch.

    Raises CuttingsError, changing nothing, if `dest` is `source` or already holds articles,
    entities, tags or corrections; a failed copy leaves `dest` as empty as it was.
    """
    if source.location == dest.location:
        raise CuttingsError("The source and the destination are the same archive: nothing was copied.")
    held = _held(dest)
    if held:
        raise CuttingsError(f"The destination archive {dest} is not empty ({held}): copy into a new, empty one.")
    with dest.transaction() as session:
        conn = session.connection()
        for table in tables():
            done = 0
            for batch in _rows(source, table):
                conn.execute(table.insert(), batch)
                done += len(batch)
                if progress is not None:
                    progress(table.name, done)
        dest.backend.fix_id_sequences(conn, [t.name for t in tables() if "id" in t.c and t.c.id.primary_key])
    return [_verify(source, dest, table) for table in tables()]


def _held(archive: Archive) -> str:
    """What makes `archive` not empty, as "12 article rows", or ""."""
    with archive.engine.connect() as conn:
        for model in _CONTENT:
            table = model.__table__
            n = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if n:
                return f"{n:,} {table.name} rows"
    return ""


def _rows(archive: Archive, table: Table) -> Iterator[list[dict]]:
    """The rows of `table` in `archive` as dicts, BATCH at a time, in primary-key order."""
    query = select(*table.c).order_by(*table.primary_key.columns)
    with archive.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for part in result.partitions(BATCH):
            yield [row._asdict() for row in part]


def content_hash(archive: Archive, table: Table) -> tuple[int, str]:
    """(rows, SHA-256 hex of every row in primary-key order) of `table` in `archive`, the
    values written alike on both engines (times as ISO text, bytes as they are)."""
    digest, count = hashlib.sha256(), 0
    for batch in _rows(archive, table):
        for row in batch:
            digest.update(repr(tuple(_plain(v) for v in row.values())).encode())
            count += 1
    return count, digest.hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _verify(source: Archive, dest: Archive, table: Table) -> Copied:
    rows, digest = content_hash(source, table)
    copied, copied_digest = content_hash(dest, table)
    return Copied(table.name, rows, copied, digest == copied_digest)
