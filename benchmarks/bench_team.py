"""Many writers: several `cuttings import` processes into one PostgreSQL archive at once.

    python benchmarks/bench_team.py --db postgresql://user@host/empty_db [--processes 4] [--pages 500]

Serves made-up article pages from 127.0.0.1; process i imports its own PAGES pages and half
of process i+1's (overlapping addresses, imported twice at about the same time), through the
whole pipeline (fetch, extract, entities, store). Prints one JSON line: articles stored,
distinct addresses, duplicates (articles sharing an address: must be 0), failed imports
(must be 0), wall time and throughput in imported pages per second.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PEOPLE = ["Pyotr Nikitin", "Anna Petrova", "Dragan Jovanovic", "Maria Schmidt", "Ivan Kowalski", "Elena Novak"]
CITIES = ["Belgrade", "Kyiv", "Warsaw", "Berlin", "Paris", "Vienna"]


def page(n: int) -> bytes:
    """Article n: a headline, a byline, a date and four paragraphs naming people and places."""
    who, where = PEOPLE[n % len(PEOPLE)], CITIES[n % len(CITIES)]
    paragraphs = "".join(
        f"<p>{who} met officials in {where} on Monday to discuss the pipeline agreement, story {n}, "
        f"part {k}. The talks were described as constructive by a spokesman for the ministry, "
        f"who said further meetings would follow in {CITIES[(n + k) % len(CITIES)]} next week.</p>"
        for k in range(4))
    return (f"<html><head><title>Story {n}: talks in {where}</title>"
            f'<meta name="author" content="Reporter {n % 40}">'
            f'<meta property="article:published_time" content="2024-05-{n % 28 + 1:02d}"></head>'
            f"<body><article><h1>Story {n}: talks in {where}</h1>{paragraphs}</article></body></html>").encode()


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = page(int(self.path.strip("/").split("/")[-1]))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, metavar="URL", help="an empty PostgreSQL database")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--pages", type=int, default=500, help="each process's own pages")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/story"
    total = args.processes * args.pages
    with tempfile.TemporaryDirectory() as tmp:
        lists = []
        for i in range(args.processes):
            own = range(i * args.pages, (i + 1) * args.pages)
            neighbour = [(n + args.pages) % total for n in own][: args.pages // 2]
            path = Path(tmp) / f"urls-{i}.txt"
            path.write_text("\n".join(f"{base}/{n}" for n in [*own, *neighbour]) + "\n")
            lists.append(path)
        started = time.perf_counter()
        runs = [subprocess.Popen([sys.executable, "-m", "desktop", "import", "--from-file", str(p), "--db", args.db],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in lists]
        outputs = [r.communicate() for r in runs]
        wall = time.perf_counter() - started
    server.shutdown()
    imports = args.processes * (args.pages + args.pages // 2)
    failed = sum(line.startswith("error") for out, err in outputs for line in (out + err).splitlines())
    print(json.dumps({**_counts(args.db), "failed": failed, "exit_codes": [r.returncode for r in runs],
                      "imports": imports, "wall_s": round(wall, 1), "pages_per_s": round(imports / wall, 1)}))
    return 0


def _counts(location: str) -> dict:
    from sqlalchemy import text

    from desktop.core.store.db import Archive

    with Archive(location).engine.connect() as conn:
        stored, distinct = conn.execute(text("SELECT count(*), count(DISTINCT url) FROM article")).one()
        mentions = conn.execute(text("SELECT count(*) FROM mention")).scalar_one()
    return {"articles": stored, "distinct_urls": distinct, "duplicates": stored - distinct, "mentions": mentions}


if __name__ == "__main__":
    sys.exit(main())
