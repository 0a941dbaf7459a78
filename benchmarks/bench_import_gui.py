"""The window while it imports: how long the GUI thread is ever held up.

    python benchmarks/bench_import_gui.py [--pages 50]

Serves N pages (the saved pages of ../shared/corpus/readability, made unique, in turn) on
127.0.0.1, drops their links on the window (offscreen) at once, and ticks a 5 ms timer on the
GUI thread until every import is done. Prints one JSON line: pages, seconds, saved, the
longest gap between two ticks and how many gaps were over 100 ms. Goal: none over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "readability"
PREPARE_S = 8  # time for the prepared worker to load its models before the links are dropped
# A page's own address would make every copy of it one article.
_OWN_URL = re.compile(rb"<link[^>]+rel=[\"']?canonical[^>]*>|<meta[^>]+(?:og:url|twitter:url)[^>]*>", re.I)


def serve(pages: list[bytes], count: int) -> HTTPServer:
    """A local server with /page/0 .. /page/COUNT-1, the corpus pages in turn."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    for n in range(count):
        server.expect_request(f"/page/{n}").respond_with_data(
            pages[n % len(pages)], content_type="text/html; charset=utf-8")
    server.start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.dropped import Dropped
    from desktop.core.store.db import Archive
    from desktop.gui.app import MainWindow, application

    sources = [_OWN_URL.sub(b"", p.read_bytes()) for p in sorted(CORPUS.glob("*/source.html"))]
    server = serve(sources, args.pages)
    folder = Path(tempfile.mkdtemp())
    app = application()
    window = MainWindow(Archive(folder / "bench.sqlite3"),
                        settings=QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.show()
    window.wait_loaded()
    # As in the app (run_window), the import worker starts and loads its models first.
    window.imports.prepare()
    ready = time.perf_counter() + PREPARE_S
    while time.perf_counter() < ready:
        app.processEvents()
        time.sleep(0.01)
    gaps, last = [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    base = server.url_for("/page")
    start = time.perf_counter()
    window.import_inputs([Dropped(f"{base}/{n}", f"Page {n}") for n in range(args.pages)])
    while window.imports.is_active() or time.perf_counter() - start < 1:
        app.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    for _ in range(50):  # the last refresh and sidebar recount
        app.processEvents()
        time.sleep(0.005)
    timer.stop()
    print(json.dumps({
        "pages": args.pages,
        "seconds": round(elapsed, 1),
        "saved": window.imports.counts()["saved"],
        "max_stall_ms": round(max(gaps) * 1000, 1),
        "stalls_over_100ms": sum(g > 0.1 for g in gaps),
    }))
    window.close()
    server.stop()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
