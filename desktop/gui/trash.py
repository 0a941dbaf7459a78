"""The Trash in the window: move articles there, restore them, undo, delete for good.

Every change runs the core call (`desktop.core.store.trash`) in the task runner and then
emits `changed`, on which the window refreshes the list. Confirmations name the articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core import query
from desktop.core.store.archive import delete_articles
from desktop.core.preferences import Preferences
from desktop.core.store.db import Archive
from desktop.core.store.trash import empty_trash, restore_articles, trash_articles
from desktop.gui import dialogs
from desktop.gui.dialogs import failure_sentence

NAMED = 3  # titles named in a confirmation before "and N more"


def named(titles: Sequence[str]) -> str:
    """“A”, “A” and “B”, or “A”, “B”, “C” and 4 more."""
    quoted = [f"“{t or '(untitled)'}”" for t in titles[:NAMED]]
    rest = len(titles) - len(quoted)
    if rest:
        return f"{', '.join(quoted)} and {rest} more"
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def plural(n: int, noun: str = "article") -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class TrashDesk(QObject):
    changed = Signal(list)  # articles left or came back: refresh the list, selecting these ids
    counted = Signal(int)  # articles in the Trash

    def __init__(self, window, archive: Archive, runner, title_of: Callable[[int], str]):
        super().__init__(window)
        self._window, self._archive, self._runner, self._title_of = window, archive, runner, title_of
        self.count = 0
        self.keep_days = Preferences().trash_days  # until the window applies the user's
        self._last_moved: list[int] = []
        # When and what the last move was: the window's one Undo compares it with corrections.
        self.last_move_time: datetime | None = None
        self.last_move_text = ""
        self.bar = QWidget()
        self.bar.setObjectName("trashBar")
        self._bar_label = QLabel()
        self._bar_label.setWordWrap(True)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setAccessibleDescription("Put the selected articles back into the archive")
        self.restore_button.clicked.connect(lambda: self.restore(window.list.selected_ids()))
        self.empty_button = QPushButton("Empty Trash…")
        self.empty_button.setAccessibleName("Empty Trash")
        self.empty_button.clicked.connect(self.empty)
        back = QPushButton("Back to the archive")
        back.clicked.connect(window.show_trash)
        layout = QHBoxLayout(self.bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar_label, 1)
        for button in (self.restore_button, self.empty_button, back):
            layout.addWidget(button)
        self.bar.hide()

    def show_bar(self, shown: bool) -> None:
        after = f"deleted for good after {plural(self.keep_days, 'day')}" if self.keep_days else "kept until you empty it"
        self._bar_label.setText(f"The Trash: select articles to restore them. Articles here are {after}.")
        self.bar.setVisible(shown)

    def set_selected(self, selected: bool) -> None:
        self.restore_button.setEnabled(selected)

    def recount(self) -> None:
        archive = self._archive
        self._runner.run("trash-count", lambda: query.trash_count(archive), self._counted, self._failed)

    def _counted(self, n: int) -> None:
        self.count = n
        self.empty_button.setEnabled(n > 0)
        self.counted.emit(n)

    def _names(self, ids: Sequence[int]) -> str:
        return named([self._title_of(i) for i in ids])

    def _run(self, key: str, work: Callable[[], int], message: Callable[[int], str],
             select: list[int] | None = None) -> None:
        def done(n: int) -> None:
            self._window.statusBar().showMessage(message(n), 8000)
            self.recount()
            self.changed.emit(select or [])

        self._runner.run(key, work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._window.statusBar().showMessage(failure_sentence(exc, self._archive), 10_000)

    def move_to_trash(self, ids: list[int]) -> None:
        """Ask (naming the articles), then move them to the Trash; Undo brings them back."""
        if not ids or not dialogs.ask(
                self._window, "Move to Trash", f"Move {self._names(ids)} to the Trash?\n\nYou can restore "
                "from the Trash, or press Ctrl+Z right away.", "Move to Trash"):
            return
        archive, what = self._archive, self._names(ids)
        self._last_moved = list(ids)
        self.last_move_time, self.last_move_text = datetime.now(timezone.utc), f"Move {what} to the Trash"
        self._window.list.select_after_removal(ids[0])
        self._run("trash", lambda: trash_articles(archive, ids),
                  lambda n: f"Moved {what if n == len(ids) else plural(n)} to the Trash (Ctrl+Z to undo).")

    def undo(self) -> None:
        """Restore what was last moved to the Trash."""
        ids, self._last_moved, self.last_move_time = self._last_moved, [], None
        if not ids:
            self._window.statusBar().showMessage("Nothing to undo.", 4000)
            return
        self._restore(ids, select=ids)

    def restore(self, ids: list[int]) -> None:
        if ids:
            self._window.list.select_after_removal(ids[0])
            self._restore(ids)

    def _restore(self, ids: list[int], select: list[int] | None = None) -> None:
        archive = self._archive
        self._run("restore", lambda: restore_articles(archive, ids),
                  lambda n: f"Restored {plural(n)} from the Trash.", select)

    def delete_forever(self, ids: list[int]) -> None:
        if not ids or not dialogs.ask(
                self._window, "Delete permanently", f"Delete {self._names(ids)} for good?\n\nThe saved copy and its "
                "links go too. This cannot be undone.", "Delete permanently", undoable=False):
            return
        archive = self._archive
        self._last_moved = [i for i in self._last_moved if i not in ids]
        if not self._last_moved:
            self.last_move_time = None
        self._window.list.select_after_removal(ids[0])
        self._run("delete", lambda: delete_articles(archive, ids), lambda n: f"Deleted {plural(n)} for good.")

    def empty(self) -> None:
        if not self.count:
            self._window.statusBar().showMessage("The Trash is already empty.", 4000)
            return
        if not dialogs.ask(self._window, "Empty Trash", f"Delete the {plural(self.count)} in the Trash for good?\n\n"
                                "This cannot be undone.", "Empty Trash", undoable=False):
            return
        archive, self._last_moved, self.last_move_time = self._archive, [], None
        self._run("empty", lambda: empty_trash(archive), lambda n: f"Deleted {plural(n)} for good.")

    def purge_expired(self) -> None:
        """Delete what has been in the Trash longer than `keep_days` (0: keep until emptied)."""
        if self.keep_days:
            archive, days = self._archive, self.keep_days
            self._runner.run("purge", lambda: empty_trash(archive, older_than_days=days),
                             lambda n: n and self.changed.emit([]), self._failed)
