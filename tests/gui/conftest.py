"""GUI fixtures: a small hand-made archive, a window on it, settings in a temp file."""

from __future__ import annotations

import pytest

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, Article, Entity
from desktop.core.store.archive import store_article

NIKITIN = Entity(PERSON, "Pyotr Nikitin", ["Nikitin"], mentions=2, context="Pyotr Nikitin arrived in Belgrade.")
PETROVA = Entity(PERSON, "Anna Petrova", ["Petrova"], context="Anna Petrova declined to comment.")
BELGRADE = Entity(CITY, "Belgrade", geonameid=792680, country="RS", lat=44.8, lon=20.46,
                  context="Talks resumed in Belgrade.")
KYIV = Entity(CITY, "Kyiv", geonameid=703448, country="UA", context="Sirens sounded in Kyiv.")
SERBIA = Entity(COUNTRY, "Serbia", geonameid=6290252, country="RS")
UN = Entity(ORG, "United Nations", ["UN"])


def make_article(n: int, entities=(), **overrides) -> Article:
    fields = dict(
        url=f"https://news.example/story-{n}",
        title=f"Story {n}",
        authors=["Ann Writer"],
        published=f"2024-03-{n:02d}",
        publisher="Example News",
        text=f"Paragraph one of story {n}.\n\nParagraph two.",
        entities=list(entities),
    )
    fields.update(overrides)
    return Article(**fields)


# Five articles: Nikitin in 1, 2, 4; Belgrade in 2, 3, 4; "pipeline" in the text of 2 and 5.
ARTICLES = [
    make_article(1, [NIKITIN, KYIV], title="Nikitin visits Kyiv", publisher="Daily Planet",
                 text="Pyotr Nikitin spoke in Kyiv on Monday."),
    make_article(2, [NIKITIN, BELGRADE, SERBIA], title="Nikitin in Belgrade",
                 authors=["Ann Writer", "Bob Reporter"],
                 text="Pyotr Nikitin arrived in Belgrade. The pipeline deal was signed in Serbia."),
    make_article(3, [BELGRADE, PETROVA], title="Belgrade protests", publisher="Daily Planet",
                 text="Anna Petrova watched the protests in Belgrade."),
    make_article(4, [NIKITIN, PETROVA, BELGRADE, UN], title="UN talks in Belgrade",
                 text="Nikitin and Petrova met UN envoys in Belgrade."),
    make_article(5, [UN], title="Energy markets", published="2023-11-20", publisher="Market Watch",
                 authors=["Carla Numbers"], text="The pipeline raised prices, the UN said."),
]


@pytest.fixture
def filled(archive):
    """The archive fixture with ARTICLES stored; returns it with a {title: id} map."""
    archive.ids = {a.title: store_article(archive, a).id for a in ARTICLES}
    return archive


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings" / "cuttings.ini"


@pytest.fixture
def make_window(qtbot, settings_path):
    """make_window(archive) -> a shown MainWindow whose first query has finished."""
    from PySide6.QtCore import QSettings

    from desktop.gui.app import application
    from desktop.gui.window import MainWindow

    application()
    windows = []

    def make(archive, **kwargs):
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(archive, settings=settings, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.loaded and window.facets.loaded, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.wait(5000)


@pytest.fixture
def make_queue(archive, qapp):
    """ImportQueue(archive, **options) for a test without a window, stopped when the test ends
    (before its archive goes) and owned by the application, as a window's is: left to the
    garbage collector while its threads still ran, a queue crashed Qt in a later test."""
    from desktop.gui.import_queue import ImportQueue

    made = []

    def make(**options):
        made.append(ImportQueue(archive, qapp, **options))
        return made[-1]

    yield make
    for queue in made:
        queue.stop(10_000)
