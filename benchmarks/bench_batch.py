"""Batch import numbers (issue 15): a Pocket-style CSV of N pages imported by the CLI.

    .venv/bin/python benchmarks/bench_batch.py [--pages 2000] [--runs single,pool,resume]
        [--workers N] [--slow-s 3]      (CUTTINGS_SHARED: ../shared elsewhere)

The pages are the corpus's (../shared/corpus/readability's 36 real pages and TR-News's 118
texts set as plain article pages), each served under many addresses by a web server in
another process, spread over 200 loopback hosts (127.0.0.2-201), 10 pages each: a reading
list gathers pages from hundreds of sites, and at one page a second from a site
(polite.PAUSE_S) fewer hosts would make the sites' pace, not the importer's, the measure (40
hosts put a 50 s floor under any run); every address gets its own "Edition N" line so no two
are the same article. 5% of the addresses are dead (404) and 1% slow
(the server waits --slow-s seconds before answering).

Runs, each into a new archive:
- single: `cuttings import CSV --workers 1` (one analysis process);
- pool: `cuttings import CSV` (worker_count: one per core);
- resume: the pool run killed (SIGKILL) once half the jobs are done, then
  `cuttings import --resume`; then counted: every live page stored exactly once (no
  duplicate address, no loss), every dead one failed, no job left queued or running.

Per run: pages per minute, wall seconds, peak RSS of the whole process tree (the CLI and its
workers, polled every 0.2 s with psutil), and CPU seconds per page of the CSV by process
(Peak): `cli` the importing process (its main thread, the one writer, as `writer_thread`;
its download threads and the pool's pickling as `cli_other_threads`), `workers` the
analysis processes. On a busy machine the CPU seconds are the honest numbers: one worker
runs at 1/max(a, w) pages a second and the pool at cores/(a + w), with a the workers' and w
the CLI's CPU per page, so the speedup a quiet machine gives follows from them
(`speedup_from_cpu`, beside the measured `speedup`). `server` is the page server's CPU per
page, apart: it stands for the sites, which cost the user's machine nothing, yet here it
runs on the same cores. Goals on this 2-core machine: pool >= 1.7x single, 2,000 pages
<= 5 min, RSS <= 1.2 GB, resume exact. The last line on stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import html
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CUTTINGS_SHARED", ROOT.parent / "shared"))  # the corpus's folder
HOSTS = [f"127.0.0.{n}" for n in range(2, 202)]
DEAD_EVERY, SLOW_EVERY = 20, 100  # 5% dead, 1% slow


def corpus_pages() -> list[str]:
    """The base pages: the readability corpus's HTML and TR-News's texts as article pages."""
    pages = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((SHARED / "corpus" / "readability").glob("*/source.html"))]
    with open(SHARED / "corpus" / "geoparsing" / "TR-News" / "tr-news.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            body = "".join(f"<p>{html.escape(p)}</p>" for p in story["text"].split("\n") if p.strip())
            title = html.escape(story["title"])
            pages.append(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
                         f"<body><article><h1>{title}</h1>{body}</article></body></html>")
    return pages


def edition(cut: tuple[bytes, bytes], n: int) -> bytes:
    """A page (`cut` by halves) made address `n`'s own: an edition line opens its first paragraph."""
    head, tail = cut
    return head + f"Edition {n} of this story. ".encode("utf-8") + tail


def halves(page: str) -> tuple[bytes, bytes]:
    """`page` as UTF-8 cut where its edition line goes: inside its first paragraph."""
    at = page.find("<p")
    at = page.find(">", at) + 1 if at >= 0 else 0
    return page[:at].encode("utf-8"), page[at:].encode("utf-8")


def serve(port_file: Path, slow_s: float) -> None:
    """The web server process: /p/N on every host of HOSTS, on one port, HTTP/1.1 with
    keep-alive as the sites a real import reads. The sites it stands for cost the importing
    machine nothing, so it takes as little of the bench machine's CPU as it can: one asyncio
    loop (a slow page waits without a thread), pages cut once (halves), no header parsing
    beyond the request line."""
    pages = [halves(page) for page in corpus_pages()]

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode("latin-1")
                n = int(path.rsplit("/", 1)[1]) if path.rsplit("/", 1)[-1].isdigit() else -1
                if n < 0 or n % DEAD_EVERY == 7:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                else:
                    if n % SLOW_EVERY == 3:
                        await asyncio.sleep(slow_s)
                    body = edition(pages[n % len(pages)], n)
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                 b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):  # closed, or the importer was killed
            writer.close()

    async def main() -> None:
        first = await asyncio.start_server(answer, HOSTS[0], 0)
        port = first.sockets[0].getsockname()[1]
        for host in HOSTS[1:]:
            await asyncio.start_server(answer, host, port)
        port_file.write_text(str(port))
        await first.serve_forever()

    asyncio.run(main())


def write_csv(path: Path, port: int, pages: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "url", "time_added", "tags", "status"])
        for n in range(pages):
            writer.writerow([f"Page {n}", f"http://{HOSTS[n % len(HOSTS)]}:{port}/p/{n}",
                             str(1_700_000_000 + n), "bench", "unread"])


class Peak:
    """The largest resident set of a process and its children, and the CPU seconds (user +
    system) each of them used, polled on a thread: `cli` the process itself (its main
    thread, the writer, as `writer`; the download threads and the pool's result handling as
    the rest), `workers` its children (the analysis processes), summed over every one seen.
    A process's last 0.2 s before it ends may go uncounted."""

    def __init__(self, pid: int):
        self.pid, self.mb, self._stop = pid, 0.0, threading.Event()
        self.cli = self.writer = 0.0
        self.children: dict[tuple[int, float], float] = {}  # (pid, start time): CPU seconds
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self):
        while not self._stop.wait(0.2):
            try:
                root = psutil.Process(self.pid)
                tree = [root, *root.children(recursive=True)]
                self.mb = max(self.mb, sum(p.memory_info().rss for p in tree) / 2**20)
                self.cli = cpu_seconds(root)
                self.writer = next((t.user_time + t.system_time for t in root.threads() if t.id == self.pid),
                                   self.writer)
                for child in tree[1:]:
                    self.children[(child.pid, child.create_time())] = cpu_seconds(child)
            except psutil.Error:
                pass

    def stop(self, pages: int) -> dict:
        """Peak MB, and CPU seconds per page of the CSV (`pages`) by process."""
        self._stop.set()
        self._thread.join()
        per_page = {"cli": self.cli, "writer_thread": self.writer, "cli_other_threads": self.cli - self.writer,
                    "workers": sum(self.children.values())}
        return {"peak_mb": round(self.mb), "cpu_s_per_page": {k: round(v / pages, 4) for k, v in per_page.items()}}


def cpu_seconds(process: psutil.Process) -> float:
    """User + system CPU seconds `process` has used so far."""
    times = process.cpu_times()
    return times.user + times.system


def cuttings(db: Path, pages: int, server: psutil.Process, *args: str, kill_at: int | None = None) -> dict:
    """Run `cuttings ARGS --db DB`; with `kill_at`, SIGKILL it once that many jobs are done.
    Returns its wall seconds, peak MB, CPU seconds per page of the `pages` (Peak.stop, and
    `server`'s: the page server's, which stands for the sites a real import downloads from and
    costs the user's machine nothing) and exit code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    served = cpu_seconds(server)
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "desktop", *args, "--db", str(db)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = Peak(process.pid)
    while kill_at is not None and process.poll() is None:
        time.sleep(0.2)
        if db.exists() and count(db, "SELECT count(*) FROM import_job WHERE state = 'done'") >= kill_at:
            process.send_signal(signal.SIGKILL)
    _, err = process.communicate()
    if process.returncode not in (0, 1, -signal.SIGKILL):
        print(err, file=sys.stderr)
    seconds, measured = round(time.monotonic() - started, 1), peak.stop(pages)
    measured["cpu_s_per_page"]["server"] = round((cpu_seconds(server) - served) / pages, 4)
    return {"seconds": seconds, **measured, "code": process.returncode}


def count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not there yet
        return 0
    finally:
        con.close()


def tally(db: Path, pages: int) -> dict:
    """What a run left. `duplicates`: articles stored twice (two rows of one text); `lost`:
    live pages whose job is not done with an article, for any reason but the analysis budget
    (a page the machine was too loaded to analyse in 60 s fails honestly, as `over_budget`);
    `unfinished`: jobs still queued or running. Some corpus pages carry a canonical link and an
    edition line the extractor drops, so later editions are found as the same article
    (`exists`): `articles` counts rows, `found_again` those jobs."""
    live = pages - len([n for n in range(pages) if n % DEAD_EVERY == 7])
    over_budget = count(db, "SELECT count(*) FROM import_job WHERE reason LIKE 'Analysing this page%'")
    done = count(db, "SELECT count(*) FROM import_job WHERE state = 'done' AND article_id IS NOT NULL")
    return {"articles": count(db, "SELECT count(*) FROM article"), "live_pages": live,
            "found_again": count(db, "SELECT count(*) FROM import_job WHERE status = 'exists'"),
            "duplicates": count(db, "SELECT count(*) - count(DISTINCT text_hash) FROM article"),
            "lost": live - done - over_budget, "over_budget": over_budget,
            "failed": count(db, "SELECT count(*) FROM import_job WHERE state = 'failed'"),
            "unfinished": count(db, "SELECT count(*) FROM import_job WHERE state IN ('queued', 'running')")}


def cpu_speedup(per_page: dict, cores: int) -> float:
    """The pool's speedup over one worker that the CPU seconds per page (of the pool run,
    Peak.stop's) give on an idle machine of `cores` whose pages come from elsewhere (the
    page server's CPU left out): one worker runs at 1/max(a, w) pages a second, the pool at
    cores/(a + w), a being the workers' CPU a page and w the importing process's. A number
    derived from CPU time, for a machine busy with other work, where the wall times are not
    the program's."""
    a, w = per_page["workers"], per_page["cli"]
    return round(cores * max(a, w) / (a + w), 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--runs", default="single,pool,resume")
    ap.add_argument("--workers", type=int, help="the pool's size (default: the CLI's, one per core)")
    ap.add_argument("--slow-s", type=float, default=3.0)
    ap.add_argument("--keep", metavar="FOLDER", help="keep the runs' archives in FOLDER")
    ap.add_argument("--serve", metavar="PORT_FILE", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(Path(args.serve), args.slow_s)
        return
    results: dict = {"pages": args.pages, "cores": psutil.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        port_file = folder / "port"
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port_file), "--slow-s", str(args.slow_s)])
        page_server = psutil.Process(server.pid)
        try:
            while not port_file.exists():
                time.sleep(0.1)
            links = folder / "pocket.csv"
            write_csv(links, int(port_file.read_text()), args.pages)
            pool = [] if args.workers is None else ["--workers", str(args.workers)]
            for run in args.runs.split(","):
                db = folder / f"{run}.sqlite3"
                if run == "resume":
                    first = cuttings(db, args.pages, page_server, "import", str(links), *pool, kill_at=args.pages // 2)
                    killed_done = count(db, "SELECT count(*) FROM import_job WHERE state = 'done'")
                    second = cuttings(db, args.pages, page_server, "import", "--resume", *pool)
                    results[run] = {"killed_at_done": killed_done, "first": first, "second": second,
                                    **tally(db, args.pages)}
                else:
                    workers = ["--workers", "1"] if run == "single" else pool
                    measured = cuttings(db, args.pages, page_server, "import", str(links), *workers)
                    measured["pages_per_min"] = round(args.pages / measured["seconds"] * 60)
                    results[run] = {**measured, **tally(db, args.pages)}
                print(run, json.dumps(results[run]), flush=True)
        finally:
            server.terminate()
            server.wait()
    if "single" in results and "pool" in results:
        results["speedup"] = round(results["pool"]["pages_per_min"] / results["single"]["pages_per_min"], 2)
        results["speedup_from_cpu"] = cpu_speedup(results["pool"]["cpu_s_per_page"], results["cores"])
    print(json.dumps(results))


if __name__ == "__main__":
    main()
