"""Screenshots of the window's parts, to look at after GUI work: a small window, a context
menu, the Trash, the saved copy, and a search with its hits. Needs a real display (menus pop
up as their own windows):

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python scripts/window_screenshots.py [resources/screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from screenshots import wait_until  # this folder
from theme_screenshots import fill, open_window  # this folder

from desktop.core.article import Article, Original
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.core.store.trash import trash_articles
from desktop.gui import context_menus
from desktop.gui.app import application
from desktop.gui.article_table import SNIPPET, TITLE

SAVED_PAGE = b"""<html><head><title>Talks resume</title><script>alert(1)</script>
<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><h1>Talks resume in Belgrade</h1>
<p>By Ann Writer</p><img src="http://127.0.0.1:9/photo.jpg" alt="Delegates at the table">
<p>Pyotr Nikitin arrived in Belgrade on Monday for talks with United Nations envoys.</p>
<p><a href="https://news.example/more">More on the talks</a></p></body></html>"""


def screen(path: Path) -> None:
    """The whole screen, popups included."""
    wait_until(lambda: False, 0.4)
    QApplication.primaryScreen().grabWindow(0).save(str(path))


def small(window, out: Path) -> None:
    window.resize(1024, 640)
    wait_until(lambda: False, 0.5)
    window.grab().save(str(out / "small-1024x640.png"))
    window.resize(1280, 800)


def context_menu(window, out: Path) -> None:
    window.move(0, 0)
    pos = window.list.visualRect(window.model.index(1, TITLE)).center()
    menu = context_menus.row_menu(window, pos)
    menu.popup(window.list.viewport().mapToGlobal(pos))
    screen(out / "context-menu.png")
    menu.close()


def saved_copy(window, archive: Archive, out: Path) -> None:
    article = store_article(archive, Article(url="https://news.example/talks-resume", title="Talks resume in Belgrade",
                                             authors=["Ann Writer"], published="2024-03-09", text="Talks resumed."),
                            Original(SAVED_PAGE, "text/html", "utf-8"))
    window.clear_filters()
    wait_until(lambda: window.list.select_article(article.id))
    window.reading.open_saved_copy()
    view = window.reading.saved_copy
    wait_until(lambda: view.loaded)
    view.resize(900, 600)
    wait_until(lambda: False, 0.5)
    view.grab().save(str(out / "saved-copy.png"))
    view.close()


def trash(window, archive: Archive, out: Path) -> None:
    window.clear_filters()
    wait_until(lambda: window.model.rowCount() > 2)
    trash_articles(archive, [window.model.id_at(0), window.model.id_at(1)])
    window.trash.recount()
    window.show_trash()
    wait_until(lambda: window.model.rowCount() == 2)
    window.list.select_rows([0])
    wait_until(lambda: window.detail.article is not None)
    wait_until(lambda: False, 0.5)
    window.grab().save(str(out / "trash.png"))
    window.show_trash()


def search(window, out: Path) -> None:
    window.search.field.setText("delegation OR envoys")
    window.search.search_now()
    wait_until(lambda: not window.list.isColumnHidden(SNIPPET) and window.model.rowCount() > 0)
    window.list.select_rows([0])
    wait_until(lambda: window.detail.article is not None and "hit" in window.detail.html)
    wait_until(lambda: False, 0.5)
    window.grab().save(str(out / "search.png"))


def main(folder: str) -> None:
    out = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive.sqlite3")
        fill(archive)
        application()
        window = open_window(archive, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        for shoot in (lambda: small(window, out), lambda: context_menu(window, out),
                      lambda: saved_copy(window, archive, out), lambda: trash(window, archive, out),
                      lambda: search(window, out)):
            shoot()
        window.imports.shutdown()
        window.close()
    print(f"saved in {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")
