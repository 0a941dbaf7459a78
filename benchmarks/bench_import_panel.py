"""The import panel with a big batch: a list of N links, every one answered 404, imported
from the window (offscreen), so N rows appear and change state as fast as the queue can go.

    python benchmarks/bench_import_panel.py [--rows 10000]

The pages come from another process (http.server over an empty folder), with no pause
between requests to the host (CUTTINGS_HOST_PAUSE=0: a server of one's own). A 5 ms timer
ticks on the GUI thread throughout. Prints one JSON line: rows, seconds until every row was
listed, seconds until all were done, the panel's repaints (dataChanged) against the rows'
state changes, the longest gap between two ticks and how many gaps were over 100 ms.
Goal: rows listed within a few seconds, no gap over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import_gui import StallMeter, serve  # noqa: E402  (the same server in another process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CUTTINGS_HOST_PAUSE"] = "0"
    from PySide6.QtCore import QSettings

    from desktop.core.dropped import Dropped
    from desktop.core.store.db import Archive
    from desktop.gui.app import application
    from desktop.gui.window import MainWindow

    folder = Path(tempfile.mkdtemp())
    server, base = serve([], 0, folder)
    links = folder / "links.txt"
    links.write_text("".join(f"{base}/gone-{n}.html\n" for n in range(args.rows)))
    app = application()
    window = MainWindow(Archive(folder / "bench.sqlite3"),
                        settings=QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.show()
    window.wait_loaded()
    queue = window.imports
    repaints, changes = [0], [0]
    queue.dataChanged.connect(lambda *_: repaints.__setitem__(0, repaints[0] + 1))
    real_set = queue.set_state
    queue.set_state = lambda *a, **k: (changes.__setitem__(0, changes[0] + 1), real_set(*a, **k))[1]
    stalls = StallMeter()
    start = time.perf_counter()
    listed = None
    window.import_inputs([Dropped(str(links))])
    while queue.is_active() or listed is None:
        app.processEvents()
        if listed is None and queue.rowCount() == args.rows:
            listed = time.perf_counter() - start
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "rows": args.rows,
        "listed_s": round(listed, 2),
        "done_s": round(elapsed, 1),
        "failed": queue.counts()["failed"],
        "state_changes": changes[0],
        "repaints": repaints[0],
        **stalls.stop(),
    }))
    window.close()
    server.terminate()


if __name__ == "__main__":
    main()
