"""Right-click (and Menu key) menus: on list rows, sidebar entries and linked entities.

Row menus reuse the window's declared actions (`actions.py`), so their keys and enabled
states match the menu bar; entity menus offer what can be done with one Term, and the
entity desk's corrections (`entity_menu.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.core.article import ENTITY_KINDS, PERSON
from desktop.core.query import QUOTED, Term
from desktop.gui import entity_menu
from desktop.gui.entity_menu import EntityRef
from desktop.gui.markup import KIND_NAMES

ROW_ACTIONS = ("open_original", "open_saved_copy", "copy_link", "copy_citation_apa", "copy_citation_chicago",
               None, "edit", "tags", "recheck", None, "trash", "restore",
               "delete_forever")


def for_rows(window, pos: QPoint) -> None:
    """Pop up the menu of the row under `pos` in the article list."""
    menu = row_menu(window, pos)
    if menu is not None:
        menu.exec(window.list.viewport().mapToGlobal(pos))


def row_menu(window, pos: QPoint) -> QMenu | None:
    """The menu of the row under `pos` (selected first if it was not); None off the rows."""
    articles = window.list
    index = articles.indexAt(pos)
    if not index.isValid():
        return None
    if index.row() not in {i.row() for i in articles.selectionModel().selectedRows()}:
        articles.select_rows([index.row()], scroll=False)
    menu = QMenu(articles)
    menu.setAccessibleName("Article")
    for name in ROW_ACTIONS:
        if name is None:
            menu.addSeparator()
        elif window.actions[name].isVisible():
            menu.addAction(window.actions[name])
    return menu


def for_term(window, term: Term, global_pos: QPoint) -> None:
    term_menu(window, term).exec(global_pos)


def term_menu(window, term: Term, entity: EntityRef | None = None) -> QMenu:
    """Filter by a sidebar entry or linked entity, open its entity view, correct it, or copy
    its name; `entity` tells more about it than the Term (the article it is linked in)."""
    menu = QMenu(window)
    menu.setAccessibleName(term.label)
    kind = KIND_NAMES.get(term.kind, term.kind).lower()
    already = term in window.filter.terms
    show = menu.addAction(f"Show only articles with {term.label}")
    show.setEnabled(not already)
    show.triggered.connect(lambda: window.add_term(term))
    if already:
        remove = menu.addAction(f"Remove the filter on {term.label}")
        remove.triggered.connect(lambda: window.remove_term(term))
    if term.kind in ENTITY_KINDS and term.ids:
        profile = menu.addAction(f"Open this {kind}: all about {term.label}")
        profile.triggered.connect(lambda: window.reading.open_entity(term.ids[0]))
    if term.kind == PERSON and term.ids:
        quoted = Term(QUOTED, term.label, term.ids)
        where = menu.addAction("Articles where they are quoted")
        where.setEnabled(quoted not in window.filter.terms)
        where.triggered.connect(lambda: window.add_term(quoted))
    if term.kind in ENTITY_KINDS and term.ids:
        menu.addSeparator()
        entity_menu.add_entries(menu, window.desk, [entity or EntityRef(term.ids[0], term.kind, term.label)])
    menu.addSeparator()
    copy = menu.addAction("Copy name")
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(term.label))
    return menu


def for_link(window, kind: str, ident: int, global_pos: QPoint) -> None:
    menu = link_menu(window, kind, ident)
    if menu is not None:
        menu.exec(global_pos)


def link_menu(window, kind: str, ident: int) -> QMenu | None:
    """The menu of a link in the reading pane: an entity's, or the article's own."""
    if kind == "entity":
        entity = window.detail.entity(ident)
        if entity is None:
            return None
        here = window.detail.article.id if window.detail.article is not None else None
        return term_menu(window, Term(entity.kind, entity.name, (entity.id,)),
                         EntityRef(entity.id, entity.kind, entity.name, here, entity.geonameid))
    if kind == "open":
        menu = QMenu(window)
        for name in ("open_original", "open_saved_copy", "copy_link"):
            menu.addAction(window.actions[name])
        return menu
    return None
