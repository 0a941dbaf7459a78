"""The window while it imports: how long the GUI thread is ever held up.

    python benchmarks/bench_import_gui.py [--pages 50]

Serves N pages (the saved pages of ../shared/corpus/readability, made unique, in turn) on
127.0.0.1 from another process, drops their links on the window (offscreen) at once, and ticks a 5 ms timer on the
GUI thread until every import is done. Prints one JSON line: pages, seconds, saved, the
longest gap between two ticks and how many gaps were over 100 ms. Goal: none over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "readability"
PREPARE_S = 8  # time for the prepared worker to load its models before the links are dropped
# A page's own address would make every copy of it one article.
_OWN_URL = re.compile(rb"<link[^>]+rel=[\"']?canonical[^>]*>|<meta[^>]+(?:og:url|twitter:url)[^>]*>", re.I)


class StallMeter:
    """A 5 ms timer on the GUI thread from now on: a long gap between two of its ticks is
    a time the window could not answer."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.gaps, self._last = [], time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def stop(self) -> dict:
        """Stop ticking; the longest gap (ms) and how many gaps were over 100 ms."""
        self._timer.stop()
        return {"max_stall_ms": round(max(self.gaps, default=0) * 1000, 1),
                "stalls_over_100ms": sum(g > 0.1 for g in self.gaps)}


def serve(pages: list[bytes], count: int, folder: Path) -> tuple[subprocess.Popen, str]:
    """/page/0.html .. /page/COUNT-1.html, the corpus pages in turn, served by another process
    (a server thread in this one would compete with the window for the GIL, as the web does
    not); the process and the address of /page."""
    (folder / "page").mkdir()
    for n in range(count):
        (folder / "page" / f"{n}.html").write_bytes(pages[n % len(pages)])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/page"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.core.dropped import Dropped
    from desktop.core.store.db import Archive
    from desktop.gui.app import application
    from desktop.gui.window import MainWindow

    sources = [_OWN_URL.sub(b"", p.read_bytes()) for p in sorted(CORPUS.glob("*/source.html"))]
    folder = Path(tempfile.mkdtemp())
    server, base = serve(sources, args.pages, folder)
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
    stalls = StallMeter()
    start = time.perf_counter()
    window.import_inputs([Dropped(f"{base}/{n}.html", f"Page {n}") for n in range(args.pages)])
    while window.imports.is_active() or time.perf_counter() - start < 1:
        app.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    for _ in range(50):  # the last refresh and sidebar recount
        app.processEvents()
        time.sleep(0.005)
    print(json.dumps({
        "pages": args.pages,
        "seconds": round(elapsed, 1),
        "saved": window.imports.counts()["saved"],
        **stalls.stop(),
    }))
    window.close()
    server.terminate()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
