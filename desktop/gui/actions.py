"""Every window action declared once: its menu, text, keys and what it needs.

The window supplies a handler per action name; menus, the keyboard-shortcuts list and the
context menus are all built from `ACTIONS`, so an action's key is written in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

SEPARATOR = "-"
# What an action needs to be enabled: nothing, a selected article, an article in the
# Trash view, or one outside it.
ALWAYS, SELECTED, IN_TRASH, NOT_IN_TRASH = "always", "selected", "in-trash", "not-in-trash"


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the handler's key
    text: str
    menu: str
    keys: tuple[str | QKeySequence.StandardKey, ...] = ()
    needs: tuple[str, ...] = (ALWAYS,)
    tip: str = ""
    # Keys that only act while the article list has the focus (Delete, F2, Enter): elsewhere
    # the same keys belong to text fields.
    list_only: bool = False


ACTIONS: tuple[ActionSpec | str, ...] = (
    ActionSpec("import", "&Import…", "&File", ("Ctrl+I",), tip="Add links or files to the archive"),
    ActionSpec("import_from", "Import &from…", "&File",
               tip="Bookmarks, Pocket, Omnivore, Wallabag or Karakeep exports, feeds, OPML, lists of links"),
    ActionSpec("connect_browser", "&Connect your browser…", "&File",
               tip="Pair the Save to Cuttings browser extension: the token and how to install it"),
    ActionSpec("paste", "&Paste links", "&File", (QKeySequence.StandardKey.Paste,),
               tip="Import the links or files on the clipboard"),
    ActionSpec("export", "E&xport…", "&File", ("Ctrl+Shift+E",),
               tip="Save articles as JSON, CSV, Markdown, citations (CSL-JSON, RIS, BibTeX) or web archives (WARC, WACZ)"),
    SEPARATOR,
    ActionSpec("connect_team", "Connect to a team &archive…", "&File",
               tip="Open an archive shared on a PostgreSQL server"),
    ActionSpec("backup", "&Back up…", "&File", tip="A copy of the whole archive, taken while you work"),
    ActionSpec("restore_backup", "Res&tore from backup…", "&File",
               tip="Replace the archive with a backup; the current one is kept beside it"),
    SEPARATOR,
    ActionSpec("preferences", "Pr&eferences…", "&File", ("Ctrl+,",)),
    SEPARATOR,
    ActionSpec("quit", "&Quit", "&File", (QKeySequence.StandardKey.Quit,)),
    ActionSpec("undo", "&Undo", "&Edit", (QKeySequence.StandardKey.Undo,),
               tip="Take back the last correction, or bring back what was last moved to the Trash"),
    ActionSpec("redo", "&Redo", "&Edit", ("Ctrl+Shift+Z",), tip="Make the correction last undone again"),
    ActionSpec("history", "Correction &history…", "&Edit", (), tip="Every correction; undo back to any of them"),
    SEPARATOR,
    ActionSpec("open_original", "&Open original", "&Edit", ("Return", "Enter"), (SELECTED,), list_only=True,
               tip="Open the article's web page in your browser"),
    ActionSpec("open_saved_copy", "Open &saved copy", "&Edit", ("Ctrl+Shift+O",), (SELECTED,),
               tip="The page as it was saved, offline: no scripts, nothing loaded"),
    ActionSpec("copy_link", "&Copy link", "&Edit", ("Ctrl+Shift+C",), (SELECTED,)),
    ActionSpec("copy_citation_apa", "Copy citation (&APA)", "&Edit", (), (SELECTED,),
               tip="The selected articles as APA references"),
    ActionSpec("copy_citation_chicago", "Copy citation (Ch&icago)", "&Edit", (), (SELECTED,),
               tip="The selected articles as Chicago references"),
    ActionSpec("edit", "&Edit details…", "&Edit", ("F2",), (SELECTED, NOT_IN_TRASH), list_only=True,
               tip="Correct the title, authors, date or source"),
    ActionSpec("tags", "Ta&gs…", "&Edit", ("Ctrl+T",), (SELECTED,), tip="Add or remove tags on the selected articles"),
    ActionSpec("recheck", "Chec&k for changes", "&Edit", (), (SELECTED, NOT_IN_TRASH),
               tip="Download the selected articles again; a changed title or text is kept as a new version"),
    ActionSpec("recheck_recent", "Check rece&nt articles for changes…", "&Edit",
               tip="Download again every article added in the last few days"),
    SEPARATOR,
    ActionSpec("trash", "Mo&ve to Trash", "&Edit", (QKeySequence.StandardKey.Delete,), (SELECTED, NOT_IN_TRASH),
               list_only=True),
    ActionSpec("restore", "Res&tore", "&Edit", ("Ctrl+Shift+R",), (SELECTED, IN_TRASH), tip="Put back into the archive"),
    ActionSpec("delete_forever", "&Delete permanently…", "&Edit", ("Shift+Del",), (SELECTED,), list_only=True),
    ActionSpec("empty_trash", "E&mpty Trash…", "&Edit"),
    ActionSpec("search", "&Search", "&View", (QKeySequence.StandardKey.Find,)),
    ActionSpec("clear_filters", "&Clear filters", "&View", ("Esc",)),
    ActionSpec("show_trash", "Show &Trash", "&View", (), tip="The articles moved to the Trash"),
    ActionSpec("refresh", "&Refresh", "&View", (QKeySequence.StandardKey.Refresh,)),
    ActionSpec("entities", "&Entities", "&View", ("Ctrl+E",),
               tip="Every person, place and organisation: correct them, and review likely duplicates"),
    SEPARATOR,
    ActionSpec("focus_sidebar", "Go to si&debar", "&View", ("Ctrl+1",)),
    ActionSpec("focus_list", "Go to &list", "&View", ("Ctrl+2",)),
    ActionSpec("focus_reader", "Go to reading &pane", "&View", ("Ctrl+3",)),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "&Help", ("F1",)),
    ActionSpec("about", "&About Cuttings", "&Help"),
)


def specs() -> list[ActionSpec]:
    return [a for a in ACTIONS if isinstance(a, ActionSpec)]


class Actions(QObject):
    """The window's QActions, by name, and the menus built from them."""

    def __init__(self, window: QWidget, handlers: dict[str, Callable[[], None]], list_widget: QWidget):
        super().__init__(window)
        self.by_name: dict[str, QAction] = {}
        self.specs = {s.name: s for s in specs()}
        for spec in self.specs.values():
            owner = list_widget if spec.list_only else window
            action = QAction(spec.text, owner)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if spec.list_only
                                      else Qt.ShortcutContext.WindowShortcut)
            if spec.tip:
                action.setStatusTip(spec.tip)
            action.triggered.connect(lambda _checked=False, f=handlers[spec.name]: f())
            owner.addAction(action)
            self.by_name[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def build_menus(self, bar: QMenuBar, extra: dict[str, list[QAction]] | None = None) -> dict[str, QMenu]:
        """Menus in ACTIONS order; `extra` appends actions to a menu (e.g. a dock's toggle)."""
        menus: dict[str, QMenu] = {}
        current: QMenu | None = None
        for item in ACTIONS:
            if item == SEPARATOR:
                if current is not None:
                    current.addSeparator()
                continue
            if item.menu not in menus:
                menus[item.menu] = bar.addMenu(item.menu)
            current = menus[item.menu]
            current.addAction(self.by_name[item.name])
        for menu, actions in (extra or {}).items():
            menus[menu].addSeparator()
            menus[menu].addActions(actions)
        return menus

    def update_enabled(self, selected: bool, in_trash: bool) -> None:
        """Enable each action whose needs are met (what is selected, which view)."""
        met = {ALWAYS: True, SELECTED: selected, IN_TRASH: in_trash, NOT_IN_TRASH: not in_trash}
        for name, spec in self.specs.items():
            self.by_name[name].setEnabled(all(met[n] for n in spec.needs))
        self.by_name["trash"].setVisible(not in_trash)
        self.by_name["restore"].setVisible(in_trash)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action text, its keys) for the keyboard-shortcuts list, in menu order."""
        rows = []
        for spec in specs():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.by_name[spec.name].shortcuts())
            if keys:
                rows.append((spec.text.replace("&", "").rstrip("…"), keys + (" (in the list)" if spec.list_only else "")))
        return rows
