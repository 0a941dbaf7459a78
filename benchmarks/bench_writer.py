"""The batch importer's one writer alone: what storing an analysed page costs (issue 15).

    .venv/bin/python benchmarks/bench_writer.py [--pages 300] [--group 16] [--runs 3]

bench_batch's pages (the same corpus editions, 5% of the addresses left out as its dead
ones) are analysed once, in this process, then stored into a new archive as the CLI's
writer stores them: work.store_jobs, `--group` finished jobs to a transaction (1: store_job,
one transaction each). Printed per stored article: CPU milliseconds (the best of `--runs`
archives; the machine's other work only adds to it), SQL statements, and Python function
calls (cProfile, one more run): the last two do not depend on how busy the machine is, so
they compare versions of the writer on a shared machine. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from bench_batch import DEAD_EVERY, HOSTS, corpus_pages, edition, halves
from desktop.core.article import Original
from desktop.core.batch import enqueue, start_jobs, store_job
from desktop.core.batch.runner import GROUP
from desktop.core.batch.work import Analysed, Fetched, analyse_fetched, store_jobs
from desktop.core.imports.items import ImportItem
from desktop.core.pipeline import Loaded
from desktop.core.store.db import Archive


def analysed_pages(count: int) -> list[tuple[str, Analysed]]:
    """(address, analysis) of bench_batch's live pages among the first `count`."""
    pages, done = [halves(page) for page in corpus_pages()], []
    for n in range(count):
        if n % DEAD_EVERY == 7:
            continue
        url = f"http://{HOSTS[n % len(HOSTS)]}/p/{n}"
        item = ImportItem(url, f"Page {n}", added=datetime.fromtimestamp(1_700_000_000 + n, timezone.utc),
                          tags=["bench"])
        original = Original(edition(pages[n % len(pages)], n), "text/html", None, final_url=url, status=200,
                            headers=[("Content-Type", "text/html")], captured=datetime.now(timezone.utc))
        done.append((url, analyse_fetched(Fetched(Loaded(None, True, url, original), item, "Pocket CSV"))))
    return done


def store_all(analysed: list[tuple[str, Analysed]], group: int, profile: cProfile.Profile | None = None) -> dict:
    """Store `analysed` into a new archive, `group` jobs to a transaction; CPU ms, statements
    and (with `profile`) function calls per article."""
    with tempfile.TemporaryDirectory(prefix="bench-writer-") as folder:
        links = Path(folder, "links.txt")
        links.write_text("".join(f"{url}\n" for url, _ in analysed), encoding="utf-8")
        archive = Archive(Path(folder, "archive.sqlite3"))
        jobs = start_jobs(archive, enqueue(archive, [str(links)]))
        finished = list(zip(jobs, (result for _, result in analysed)))
        statements = []

        def count(*_args) -> None:
            statements.append(1)

        event.listen(Engine, "before_cursor_execute", count)  # every engine: only the writer's runs meanwhile
        started = time.process_time()
        if profile is not None:
            profile.enable()
        for start in range(0, len(finished), group):
            if group == 1:
                store_job(archive, *finished[start])
            else:
                store_jobs(archive, finished[start:start + group])
        if profile is not None:
            profile.disable()
        seconds = time.process_time() - started
        event.remove(Engine, "before_cursor_execute", count)
    per = len(finished)
    measured = {"cpu_ms": round(seconds / per * 1000, 2), "statements": round(len(statements) / per, 1)}
    if profile is not None:
        measured["calls"] = round(pstats.Stats(profile).total_calls / per)
    return measured


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--group", type=int, default=GROUP, help="jobs to a transaction (runner.GROUP; 1: store_job)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    analysed = analysed_pages(args.pages)
    runs = [store_all(analysed, args.group) for _ in range(args.runs)]
    profiled = store_all(analysed, args.group, cProfile.Profile())
    result = {"articles": len(analysed), "group": args.group, "cpu_ms_per_article": min(r["cpu_ms"] for r in runs),
              "statements_per_article": profiled["statements"], "calls_per_article": profiled["calls"]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
