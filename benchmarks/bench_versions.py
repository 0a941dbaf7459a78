"""Evidence of capture and web-archive export at scale: migration 8 on an archive of stored
copies, and writing them as WARC.

    python benchmarks/bench_versions.py --articles 20000

Builds an archive of `--articles` articles each with a stored copy (a page of about 60 KB,
zlib-compressed as the archive keeps it), turns it back into schema 6 (no evidence tables)
and prints one JSON line:

    migrate_s: opening it, i.e. migration 8 hashing every copy (SHA-256 of the inflated bytes);
    per_1000_ms: the same per 1,000 copies;
    warc_s, warc_mb: exporting the first 1,000 articles as WARC (request/response or resource
        records plus a metadata record each), and the file's size.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
import zlib
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORDS = ("harbour minister contract tender council audit statement company shares inquiry ministry "
         "commission works award report dispute authority dredging opposition").split()


def page(rng: random.Random, n: int) -> bytes:
    """About 60 KB of HTML: a real page's size with its markup, scripts and text."""
    paragraphs = "".join(f"<p>{' '.join(rng.choices(WORDS, k=80))}</p>" for _ in range(40))
    script = "<script>" + "var x=1;" * 2500 + "</script>"
    return f"<html><head><title>Story {n}</title>{script}</head><body>{paragraphs}</body></html>".encode()


def build(path: Path, n: int) -> None:
    from desktop.core.store.db import Archive
    from desktop.core.store.models import ArticleRow, Snapshot

    rng, archive, now = random.Random(7), Archive(path), datetime.now(timezone.utc)
    with archive._write_engine.begin() as conn:
        for start in range(1, n + 1, 1000):
            ids = range(start, min(start + 1000, n + 1))
            conn.execute(ArticleRow.__table__.insert(), [dict(
                id=a, url=f"https://outlet.example/{a}", source_url=f"https://outlet.example/{a}", title=f"Story {a}",
                text=f"Story {a}", text_hash=f"{a:064x}", added=now, updated=now) for a in ids])
            pages = {a: page(rng, a) for a in ids}
            conn.execute(Snapshot.__table__.insert(), [dict(
                article_id=a, content_type="text/html", charset="utf-8", data=zlib.compress(data, 6),
                size=len(data), fetched=now) for a, data in pages.items()])
    con = sqlite3.connect(path)
    with con:
        con.execute("DROP TABLE capture")
        con.execute("DROP TABLE article_version")
        con.execute("DROP TABLE article_version_fts")
        con.execute("UPDATE meta SET value='6' WHERE key='schema_version'")
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    from desktop.core.store.db import Archive
    from desktop.core.webarchive import export_web_archive

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        build(path, args.articles)
        start = time.perf_counter()
        archive = Archive(path)
        migrate = time.perf_counter() - start
        out = Path(tmp) / "out.warc.gz"
        start = time.perf_counter()
        export_web_archive(archive, "warc", out, list(range(1, min(args.articles, 1000) + 1)))
        warc = time.perf_counter() - start
        print(json.dumps({"articles": args.articles, "migrate_s": round(migrate, 2),
                          "per_1000_ms": round(migrate / args.articles * 1e6, 1),
                          "warc_s": round(warc, 2), "warc_mb": round(out.stat().st_size / 2**20, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
