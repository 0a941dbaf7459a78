"""The README's screenshots, made by driving the real window like a user.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python scripts/screenshots.py ARCHIVE.sqlite3 resources/screenshots

main-window.png: the most mentioned person clicked in the sidebar, the newest matching article
open. entity-view.png: that person's entity view. import.png: five links (three good pages from
../shared/corpus, one slow, one that answers 404 until it is "fixed") and two saved files dropped
at once, caught mid-batch; then the slow one is cancelled and the failed one retried (the
archive keeps what was imported).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytest_httpserver import HTTPServer
from werkzeug import Response

from desktop.core import query
from desktop.core.dropped import Dropped
from desktop.core.store.db import Archive
from desktop.gui.app import application
from desktop.gui.window import MainWindow

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "readability"
PAGES = {"/telegraph": "telegraph", "/cnn": "cnn", "/verge": "theverge"}
release_slow = threading.Event()
site_fixed = threading.Event()


def serve() -> HTTPServer:
    """Three good pages, /slow (answers once `release_slow` is set) and /missing (404 until
    `site_fixed` is set)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)

    def page(name: str) -> Response:
        return Response((CORPUS / name / "source.html").read_bytes(), content_type="text/html; charset=utf-8")

    for path, name in PAGES.items():
        server.expect_request(path).respond_with_response(page(name))
    server.expect_request("/slow").respond_with_handler(lambda _r: release_slow.wait(60) and page("yahoo-3"))
    server.expect_request("/missing").respond_with_handler(
        lambda _r: page("yahoo-3") if site_fixed.is_set() else Response("Not found", status=404))
    server.start()
    return server


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def browse(window: MainWindow, out: Path) -> None:
    wait_until(lambda: window.facets.loaded)
    top = query.facet(window.archive, "person")[0]
    window.add_term(top.term)
    wait_until(lambda: window.model.rowCount() == top.count)
    window.list.select_rows([0])
    wait_until(lambda: window.detail.article is not None and window.detail.article.id == window.current_id())
    wait_until(lambda: False, 0.5)
    window.grab().save(str(out / "main-window.png"))
    window.reading.open_entity_term(top.term)
    wait_until(lambda: window.reading.entity_view is not None and window.reading.entity_view.profile is not None)
    wait_until(lambda: False, 0.5)
    window.reading.entity_view.grab().save(str(out / "entity-view.png"))
    window.reading.entity_view.close()
    window.clear_filters()
    print(f"browse: {top.term.label} in {top.count} articles")


def import_batch(window: MainWindow, out: Path) -> None:
    server = serve()
    base = server.url_for("").rstrip("/")
    files = Path(tempfile.mkdtemp())
    for name in ("webmd-1", "yahoo-2"):
        shutil.copy(CORPUS / name / "source.html", files / f"{name}.html")
    before = query.total(window.archive)
    window.import_inputs(
        [Dropped(f"{base}{path}", f"Link: {name}") for path, name in PAGES.items()]
        + [Dropped(f"{base}/slow", "A very slow site"), Dropped(f"{base}/missing", "A page that is not there yet")]
        + [Dropped(str(p)) for p in sorted(files.iterdir())]
    )
    queue = window.imports
    wait_until(lambda: queue.counts()["saved"] + queue.counts()["failed"] >= 6)
    wait_until(lambda: False, 1.0)  # let the list refresh show the new rows
    window.import_dock.panel.table.selectRow(3)
    window.grab().save(str(out / "import.png"))
    print(f"mid-batch: {dict(queue.counts())}")
    queue.cancel([3])  # the slow one
    release_slow.set()  # its page now arrives, and must not be saved
    site_fixed.set()
    queue.retry([4])
    wait_until(lambda: not queue.is_active())
    print(f"finished: {dict(queue.counts())}; archive {before} -> {query.total(window.archive)} articles")
    server.stop()


def main(db: str, folder: str) -> None:
    out = Path(folder)
    application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "screenshots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Archive(db), settings=settings)
    window.resize(1280, 780)
    window.show()
    window.wait_loaded()
    browse(window, out)
    import_batch(window, out)
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
