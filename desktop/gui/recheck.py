"""Check for changes: download articles again, one at a time in the task runner, with a
progress dialog that can be cancelled; a changed title or text becomes a new version
(core.versions.recheck). The window is told when it is over, to mark the changed rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog, QWidget

from desktop.core.store.db import Archive
from desktop.core.versions import CHANGED, ERROR, Recheck, added_since, recheck
from desktop.gui.dialogs import failure_sentence

DEFAULT_DAYS = 7  # "articles added in the last N days" asks with this


def summary(results: list[Recheck], total: int) -> str:
    """ "Checked 40 articles: 2 changed, 37 the same, 1 could not be checked." """
    changed = sum(r.status == CHANGED for r in results)
    failed = sum(r.status == ERROR for r in results)
    checked = f"Checked {len(results)} of {total}" if len(results) < total else f"Checked {total}"
    noun = "article" if total == 1 else "articles"
    return (f"{checked} {noun}: {changed} changed, {len(results) - changed - failed} the same"
            + (f", {failed} could not be checked." if failed else "."))


class Rechecker(QObject):
    """Re-checks articles (the `selected()` ones, or recent ones) in the runner, one after the other; `finished(text)`
    is called with a sentence saying what was found. `entities()` says whether a new
    version gets its entities found (the user's preference)."""

    def __init__(self, parent: QWidget, archive: Archive, runner, selected: Callable[[], list[int]],
                 entities: Callable[[], bool], finished: Callable[[str], None]):
        super().__init__(parent)
        self._parent, self._archive, self._runner, self._selected = parent, archive, runner, selected
        self._entities, self._finished = entities, finished
        self._ids: list[int] = []
        self.results: list[Recheck] = []
        self.progress: QProgressDialog | None = None

    def handlers(self) -> dict[str, Callable[[], None]]:
        """The window's actions this part carries out, by name (gui.actions)."""
        return {"recheck": lambda: self.check(self._selected()), "recheck_recent": self.check_recent}

    def check(self, ids: list[int]) -> None:
        """Check `ids` for changes (nothing while a check runs)."""
        if not ids or self.progress is not None:
            return
        self._ids, self.results = list(ids), []
        self.progress = QProgressDialog("Checking for changes…", "Stop", 0, len(ids), self._parent)
        self.progress.setWindowTitle("Check for changes")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self._next()

    def check_recent(self) -> None:
        """Ask for a number of days, then check every article added in them."""
        days, ok = QInputDialog.getInt(self._parent, "Check recent articles for changes",
                                       "Download again every article added in the last … days:",
                                       DEFAULT_DAYS, 1, 3650)
        if ok:
            archive = self._archive
            self._runner.run("recheck-ids", lambda: added_since(archive, days), self._recent_found, self._failed)

    def _recent_found(self, ids: list[int]) -> None:
        if not ids:
            self._finished("No article was added in those days.")
            return
        self.check(ids)

    def _next(self) -> None:
        done = len(self.results)
        if done == len(self._ids) or self.progress.wasCanceled():
            self._end()
            return
        self.progress.setValue(done)
        self.progress.setLabelText(f"Checking {done + 1:,} of {len(self._ids):,} for changes…\n"
                                   f"{sum(r.status == CHANGED for r in self.results)} changed so far")
        archive, article_id, entities = self._archive, self._ids[done], self._entities()
        self._runner.run("recheck", lambda: recheck(archive, article_id, entities), self._checked, self._failed)

    def _checked(self, result: Recheck) -> None:
        self.results.append(result)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        QMessageBox.warning(self._parent, "Check for changes", failure_sentence(exc))

    def _end(self) -> None:
        self.progress.close()
        self.progress = None
        errors = [r for r in self.results if r.status == ERROR]
        text = summary(self.results, len(self._ids))
        if errors:
            first = errors[0]
            text += f" Article {first.id}: {first.reason}." + (" (and others)" if len(errors) > 1 else "")
        self._finished(text)
