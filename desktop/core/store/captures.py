"""The evidence of capture of every version of an article's offline copy (models.Capture)."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select as sa_select
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from desktop.core.article import DOWNLOAD, FILE, SERVICE, Headers, Original
from desktop.core.store.group import later
from desktop.core.store.models import ArticleRow, ArticleVersion, Capture, Snapshot, insert_of

_BATCH = 500  # snapshots hashed per read while migrating


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 (FIPS 180-4) of `data`: a copy's bytes as received."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Evidence:
    """One version's evidence of capture, as the layers above read it (times are UTC)."""

    version: int
    method: str
    captured: datetime
    final_url: str | None
    status: int | None
    headers: Headers | None
    sha256: str

    def as_json(self) -> dict:
        """The `capture` object of `show --json` and the JSON export."""
        return {"method": self.method, "captured": self.captured.isoformat(), "final_url": self.final_url,
                "status": self.status, "headers": None if self.headers is None else [list(h) for h in self.headers],
                "sha256": self.sha256}


def current_version(session: Session, article_id: int) -> int:
    """The number of an article's newest version: 1 plus the earlier versions kept."""
    earlier = session.exec(select(func.max(ArticleVersion.version)).where(ArticleVersion.article_id == article_id))
    return (earlier.one() or 0) + 1


def write_capture(session: Session, article_id: int, original: Original, version: int | None = None,
                  new: bool = False) -> None:
    """Record `original`'s evidence as the capture of `version` (default: the article's newest),
    replacing what that version had; `new`: the article was created in this transaction, so
    this is version 1 and there is nothing to replace (or to look up)."""
    if new:
        version = 1
    else:
        version = version or current_version(session, article_id)
        old = session.get(Capture, (article_id, version))
        if old is not None:
            session.delete(old)
            session.flush()
    later(session, insert_of(Capture), [{
        "article_id": article_id, "version": version, "method": original.method,
        "captured": original.captured or datetime.now(timezone.utc), "final_url": original.final_url,
        "status": original.status, "headers": None if original.headers is None else json.dumps(original.headers),
        "sha256": sha256_hex(original.data),
    }])


def _evidence(row: Capture) -> Evidence:
    headers = None if row.headers is None else [tuple(h) for h in json.loads(row.headers)]
    return Evidence(row.version, row.method, row.captured.replace(tzinfo=timezone.utc), row.final_url, row.status,
                    headers, row.sha256)


def evidence_of(session: Session, article_id: int) -> list[Evidence]:
    """Every version's evidence of capture of an article, oldest first (empty: no copy kept)."""
    rows = session.exec(select(Capture).where(Capture.article_id == article_id).order_by(Capture.version))
    return [_evidence(r) for r in rows]


def method_of(source_url: str | None, provenance: str | None) -> str:
    """The capture method an archive made before schema 8 implies: a copy kept from an
    export's (provenance says so), a download (the article has a web address) or a file."""
    if provenance:
        return SERVICE
    return DOWNLOAD if source_url and source_url.startswith(("http://", "https://")) else FILE


def fill_captures(conn: Connection) -> None:
    """Migration 8's data step: the evidence an older archive can give for each stored copy
    (method from its address, time = the copy's `fetched`, the hash of its bytes; status,
    headers and final URL unknown)."""
    snapshots, articles = Snapshot.__table__, ArticleRow.__table__
    query = (sa_select(snapshots.c.article_id, snapshots.c.data, snapshots.c.fetched, articles.c.source_url,
                       articles.c.provenance)
             .join(articles, articles.c.id == snapshots.c.article_id)
             .where(snapshots.c.article_id > 0).order_by(snapshots.c.article_id))
    last = 0
    while True:
        rows = conn.execute(query.where(snapshots.c.article_id > last).limit(_BATCH)).all()
        if not rows:
            return
        conn.execute(Capture.__table__.insert(), [
            {"article_id": r.article_id, "version": 1, "method": method_of(r.source_url, r.provenance),
             "captured": r.fetched, "final_url": None, "status": None, "headers": None,
             "sha256": sha256_hex(_inflated(r.data))}
            for r in rows
        ])
        last = rows[-1].article_id


def _inflated(data: bytes) -> bytes:
    """A stored copy's bytes; a damaged one is hashed as stored, so the migration goes on
    (its hash then never matches, which is what it should tell)."""
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data
