"""The article in the reading pane, corrected: its details and the entities missed in it.

F2 (in the list or the reading pane) or a double-click on the title, the byline line's
authors, date or source, or the address opens Edit details with that field's text
selected: a dialog rather than in-place editing, because the pane is one rich-text
document and a line edit over a wrapped title would hide the text around it. Saving is
`corrections.edit_article` (undoable, kept through reindex and refresh); "Use the page's
values" is `take_page_values`. Words selected in the text can be marked as a person,
organisation or place (`corrections.add_entity`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMenu

from desktop.core import corrections, query
from desktop.core.article import ORG, PERSON, PLACE
from desktop.gui import entity_menu
from desktop.gui.detail import TITLE
from desktop.gui.dialogs import failure_sentence
from desktop.gui.edit_dialog import EditDialog

MARK_KINDS = ((PERSON, "a person"), (ORG, "an organisation"), (PLACE, "a place"))
LONGEST_MARK = 80  # characters: longer selections are passages, not names
SHOWN_IN_MENU = 30  # characters of the selection quoted in the menu


def attach(desk) -> None:
    """Wire the reading pane of `desk`'s window: double-click and F2 edit, menu entries."""
    detail = desk.window.detail
    detail.fieldDoubleClicked.connect(lambda field: edit_shown(desk, field))
    detail.textMenuShown.connect(lambda menu, text: add_entries(desk, menu, text))
    f2 = QShortcut(QKeySequence("F2"), detail, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    f2.activated.connect(lambda: edit_shown(desk, TITLE))


def edit_current(desk) -> None:
    """The list's F2: edit the current article's details (not in the Trash)."""
    window = desk.window
    article_id = window.list.current_id()
    if article_id is not None and not window.filter.trash:
        open_editor(desk, article_id, TITLE)


def edit_shown(desk, field: str) -> None:
    """Edit `field` of the article in the reading pane."""
    window = desk.window
    if window.detail.article is not None and not window.filter.trash:
        open_editor(desk, window.detail.article.id, field)


def open_editor(desk, article_id: int, field: str) -> None:
    """Read the article in the task runner, then open Edit details on `field`."""
    archive = desk.archive
    desk.runner.run("edit", lambda: query.detail(archive, article_id),
                    lambda item: item is not None and _dialog(desk, item, field), desk.failed)


def _dialog(desk, item, field: str) -> None:
    dialog = EditDialog(item, desk.window)
    archive = desk.archive

    def closed(_changes) -> None:
        dialog.done(QDialog.DialogCode.Accepted)

    def refused(exc: BaseException) -> None:
        dialog.show_problem(failure_sentence(exc))

    def submit() -> None:
        values = dialog.values()
        if not values:  # nothing changed: nothing to write
            dialog.done(QDialog.DialogCode.Rejected)
            return
        desk.apply(lambda: corrections.edit_article(archive, item.id, **values), closed, on_error=refused)

    dialog.submitted.connect(submit)
    dialog.pageValuesRequested.connect(
        lambda: desk.apply(lambda: corrections.take_page_values(archive, item.id), closed, on_error=refused))
    dialog.open()
    dialog.focus(field)


def add_entries(desk, menu: QMenu, selected: str) -> None:
    """The reading pane's menu off links: mark the selected words, edit the details."""
    article = desk.window.detail.article
    if article is None or desk.window.filter.trash:
        return
    menu.addSeparator()
    if selected and len(selected) <= LONGEST_MARK:
        shown = selected if len(selected) <= SHOWN_IN_MENU else selected[:SHOWN_IN_MENU - 1] + "…"
        for kind, noun in MARK_KINDS:
            menu.addAction(f"Mark “{shown}” as {noun}".replace("&", "&&"),
                           lambda k=kind: entity_menu.mark(desk, article.id, selected, k))
        menu.addSeparator()
    menu.addAction("&Edit details…", lambda: open_editor(desk, article.id, TITLE))
    archive = desk.archive
    menu.addAction("Use the &page's values",
                   lambda: desk.apply(lambda: corrections.take_page_values(archive, article.id)))
