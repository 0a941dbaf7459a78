"""Driving the window like a user: click a sidebar entry, a row, a link; wait for the rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from desktop.gui.article_table import TITLE


def titles(window) -> list[str]:
    return [window.model.summary_at(r).title for r in range(window.model.rowCount())]


def click_facet(qtbot, window, kind: str, label: str, double: bool = False) -> None:
    index = window.facets.term_index(kind, label)
    assert index.isValid(), f"{kind} {label} not in the sidebar"
    tree = window.facets.tree
    tree.scrollTo(index)
    point = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # what a double-click delivers: a click, then a double-click event
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def wait_rows(qtbot, window, n: int) -> None:
    qtbot.waitUntil(lambda: window.model.rowCount() == n and not window.runner.busy(), timeout=5000)


def select_title(qtbot, window, title: str) -> None:
    row = titles(window).index(title)
    rect = window.list.visualRect(window.model.index(row, TITLE))
    with qtbot.waitSignal(window.detailShown, timeout=5000):
        qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail.article.title == title


def click_text(qtbot, browser, text: str, occurrence: int = 0) -> None:
    """Click the `occurrence`-th place `text` is shown in a QTextBrowser (a link, say)."""
    cursor = QTextCursor(browser.document())
    for _ in range(occurrence + 1):
        cursor = browser.document().find(text, cursor)
        assert not cursor.isNull(), f"{text!r} not shown"
    cursor.setPosition(cursor.selectionStart() + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
