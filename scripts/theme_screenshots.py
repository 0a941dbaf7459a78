"""The window in the light and the dark theme, to check both are readable.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/theme_screenshots.py [resources/screenshots]

Fills a small archive in a temporary folder, opens the main window on it with a person
filter, an article open and a few import rows (one saved, one already there, one failed),
then the entity view and the Preferences dialog, and saves each theme as one picture:
light.png and dark.png. `render(window, theme, path)` is there for other screenshot scripts.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from screenshots import wait_until  # this folder

from desktop.core import query
from desktop.core.article import CITY, COUNTRY, ORG, PERSON, Article, Entity
from desktop.core.dropped import Dropped
from desktop.core.preferences import Preferences
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from desktop.gui import style
from desktop.gui.app import application
from desktop.gui.window import MainWindow
from desktop.gui.preferences import PreferencesDialog

NIKITIN = Entity(PERSON, "Pyotr Nikitin", ["Nikitin"], mentions=2, context="Pyotr Nikitin arrived in Belgrade.")
PETROVA = Entity(PERSON, "Anna Petrova", ["Petrova"], context="Anna Petrova declined to comment.")
BELGRADE = Entity(CITY, "Belgrade", geonameid=792680, country="RS", context="Talks resumed in Belgrade.")
SERBIA = Entity(COUNTRY, "Serbia", geonameid=6290252, country="RS")
UN = Entity(ORG, "United Nations", ["UN"])
TEXT = ("Pyotr Nikitin arrived in Belgrade on Monday for talks with United Nations envoys.\n\n"
        "Anna Petrova, who leads the delegation, said Serbia would host the next round. "
        "Nikitin declined to comment.")


def fill(archive: Archive) -> None:
    """Six articles naming the same few people, places and one organisation."""
    for n in range(1, 7):
        store_article(archive, Article(
            url=f"https://news.example/story-{n}", title=f"Talks in Belgrade, day {n}",
            authors=["Ann Writer"], published=f"2024-03-{n:02d}", publisher="Example News",
            text=TEXT, entities=[NIKITIN, PETROVA, BELGRADE, SERBIA, UN],
        ))


def render(window: MainWindow, theme: str, path: Path) -> None:
    """Save the window, its entity view and the Preferences dialog in `theme`, side by side."""
    style.theme().choose(QApplication.instance(), theme)
    wait_until(lambda: False, 0.3)
    top = query.facet(window.archive, PERSON)[0].term
    window.reading.open_entity_term(top)
    wait_until(lambda: window.reading.entity_view is not None and window.reading.entity_view.profile is not None)
    dialog = PreferencesDialog(Preferences(theme=theme), window)
    dialog.show()
    wait_until(lambda: False, 0.3)
    parts = [window.grab(), window.reading.entity_view.grab(), dialog.grab()]
    dialog.close()
    window.reading.entity_view.close()
    width = parts[0].width() + max(p.width() for p in parts[1:])
    image = QImage(width, max(parts[0].height(), sum(p.height() for p in parts[1:])), QImage.Format.Format_RGB32)
    image.fill(QColor(style.colours().rule))
    painter = QPainter(image)
    painter.drawPixmap(QPoint(0, 0), parts[0])
    painter.drawPixmap(QPoint(parts[0].width(), 0), parts[1])
    painter.drawPixmap(QPoint(parts[0].width(), parts[1].height()), parts[2])
    painter.end()
    image.save(str(path))


def open_window(archive: Archive, settings: QSettings) -> MainWindow:
    """The window on `archive`, filtered by its most mentioned person, the first article open,
    and the import panel showing a saved, an existing and a failed row."""
    window = MainWindow(archive, settings)
    window.resize(1280, 800)
    window.show()
    saved = Path(settings.fileName()).with_name("saved.txt")
    saved.write_text("A saved note\n\nNikitin spoke in Belgrade.", encoding="utf-8")
    window.import_dock.apply_preferences(Preferences(entities=False))  # no language model to load
    window.import_inputs([Dropped(str(saved)), Dropped("https://news.example/story-1"),
                          Dropped(str(saved.with_name("gone.html")))])
    wait_until(lambda: not window.imports.is_active())
    window.add_term(query.facet(archive, PERSON)[0].term)
    wait_until(lambda: window.model.rowCount() == 6)
    wait_until(lambda: False, 1)  # the refresh after the import lands before the selection
    window.list.select_rows([0])
    wait_until(lambda: window.detail.article is not None, 10)
    return window


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive.sqlite3")
        fill(archive)
        application()
        window = open_window(archive, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        for theme in ("light", "dark"):
            render(window, theme, out / f"{theme}.png")
            print(f"{theme}: {out / f'{theme}.png'}")
        window.imports.shutdown()
        window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")
