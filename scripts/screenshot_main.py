"""Screenshots of the archive window and an entity view, driven like a user.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python scripts/screenshot_main.py ARCHIVE.sqlite3 resources/screenshots

Clicks a person in the sidebar, opens the newest matching article, then double-clicks the
person for the entity view; saves main-window.png and entity-view.png into the folder.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.core import query
from desktop.core.store.db import Archive
from desktop.gui.app import MainWindow, application


def wait_until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def main(db: str, folder: str) -> None:
    out = Path(folder)
    application()
    archive = Archive(db)
    window = MainWindow(archive, settings=QSettings(str(out / ".screenshot.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 780)
    window.show()
    window.wait_loaded()
    wait_until(lambda: window.facets.loaded)
    top = query.facet(archive, "person")[0]
    person = top.term
    window.add_term(person)
    wait_until(lambda: window.matching == top.count and window.model.rowCount() == top.count)
    window.select_rows([0])
    wait_until(lambda: window.detail.article is not None and window.detail.article.id == window.current_id())
    wait_until(lambda: False, 0.5)
    window.grab().save(str(out / "main-window.png"))
    window.open_entity_term(person)
    wait_until(lambda: window.entity_view is not None and window.entity_view.profile is not None)
    wait_until(lambda: False, 0.5)
    window.entity_view.grab().save(str(out / "entity-view.png"))
    (out / ".screenshot.ini").unlink(missing_ok=True)
    print(f"{person.label}: {window.matching} articles; screenshots in {out}")
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
