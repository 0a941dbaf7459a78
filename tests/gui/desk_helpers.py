"""Driving the entity desk like a user: right-click menus, picking in its dialogs."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.gui import context_menus


def menu_action(menu: QMenu, *path: str):
    """The action at `path` of menu texts (mnemonics ignored): ("Change kind", "Person")."""
    first, rest = path[0], path[1:]
    for action in menu.actions():
        if action.text().replace("&", "").startswith(first):
            return menu_action(action.menu(), *rest) if rest else action
    raise AssertionError(f"{first!r} not in {[a.text() for a in menu.actions()]}")


def pick(menu: QMenu, *path: str) -> None:
    action = menu_action(menu, *path)
    assert action.isEnabled(), f"{path} is disabled"
    action.trigger()


def sidebar_menu(window, kind: str, label: str) -> QMenu:
    """The right-click menu of a sidebar entry."""
    index = window.facets.term_index(kind, label)
    assert index.isValid(), f"{kind} {label} not in the sidebar"
    return context_menus.term_menu(window, window.facets.model.term(window.facets.proxy.mapToSource(index)))


def link_menu(window, name: str) -> QMenu:
    """The right-click menu of an entity linked in the reading pane."""
    entity = next(e for e in window.detail.article.entities if e.name == name)
    return context_menus.link_menu(window, "entity", entity.id)


def shown_dialog(qtbot, parent: QWidget, cls):
    """The visible dialog of `cls` that `parent` opened (waits for it)."""
    found = []

    def visible() -> bool:
        found[:] = [d for d in parent.findChildren(cls) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[-1]


def sidebar_labels(window, kind: str) -> list[str]:
    head = window.facets.model.section(kind)
    return [head.child(r).text() for r in range(head.rowCount())]


def sidebar_count(window, kind: str, label: str) -> int | None:
    head = window.facets.model.section(kind)
    for row in range(head.rowCount()):
        if head.child(row).text() == label:
            return int(head.child(row, 1).text().replace(",", ""))
    return None


def settle(qtbot, window) -> None:
    """Wait until every task is done and the sidebar shows the recount."""
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)
    qtbot.wait(60)  # the recount starts a frame after the rows
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)


def activate(qtbot, window) -> None:
    """Make the window active again (a closed dialog may leave it inactive): keys reach it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def right_click_pick(qtbot, widget: QWidget, pos, *path: str) -> None:
    """Right-click `widget` at `pos` (its coordinates) as the mouse does, and pick `path` in
    the menu that pops up (menus run their own event loop: the pick is queued first)."""
    picked = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        action = menu_action(menu, *path)
        picked.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(20, choose)
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: bool(picked), timeout=5000)
