"""The entity desk's controller: runs every correction of the window, and its Undo / Redo.

Menus, pickers, the entity list and the reading pane ask the desk; it calls
`desktop.core.corrections` in the task runner (the window never waits on a write), says
what changed in the status bar, points filter chips and the entity view at what their
entity became (a merged-away entity's filter follows it into the entity kept), and asks the
window to show the archive again: list, sidebar counts and reading pane, selection kept.

One Undo undoes the newest of a Trash move (this session) and a correction (stored in the
archive, so after a restart too); its menu text says which.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from PySide6.QtCore import QObject, Signal

from desktop.core import corrections
from desktop.core.article import ENTITY_KINDS
from desktop.core.query import Term
from desktop.gui import article_fields, context_menus, entity_list, entity_menu, history
from desktop.gui.dialogs import failure_sentence
from desktop.gui.entity_menu import EntityRef
from desktop.gui.history import next_steps, plain

HISTORY_PEEK = 200  # corrections read to find the next undo and redo (a redo run longer than this is rare)
STATUS_MS = 8000
MENU_SUMMARY = 70  # characters of a summary in the Undo and Redo menu texts


@dataclass(frozen=True)
class Outcome:
    """What a correction task returns to the GUI thread: its changes, and what the window
    shows re-pointed at the entities as they are now."""

    changes: list
    terms: tuple[Term, ...] | None  # the filter's terms, when one of them changed
    viewed: int | None  # the entity the entity view should show now


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def menu_text(verb: str, what: str | None) -> str:
    """ "&Undo: Merged 'Obama' into 'Barack Obama'" for a menu (long ones cut short); & in a
    summary is shown, not taken as a mnemonic."""
    if not what:
        return f"&{verb}"
    what = plain(what)
    what = what if len(what) <= MENU_SUMMARY else what[:MENU_SUMMARY - 1] + "…"
    return f"&{verb}: {what.replace('&', '&&')}"


def _retarget(archive, terms: tuple[Term, ...], viewed: int | None, changes: list) -> tuple:
    """The filter's terms over entities (those with ids) and the viewed entity as they are
    after `changes`: renamed terms get the new name; a term (or view) of an entity that is
    gone follows it into the entity that now holds its mentions, or is dropped."""
    holder = next((c.entity_id for c in reversed(changes) if c.entity_id is not None), None)
    cards: dict[int, object] = {}

    def card(entity_id: int | None):
        if entity_id is not None and entity_id not in cards:
            cards[entity_id] = corrections.entity_card(archive, entity_id)
        return cards.get(entity_id)

    new_terms = []
    for term in terms:
        if not term.ids:  # a source, author or year
            new_terms.append(term)
            continue
        now = card(term.ids[0]) or card(holder)
        if now is not None:  # a term of another kind over an entity (say, "quoted") keeps its kind
            new_terms.append(Term(now.kind if term.kind in ENTITY_KINDS else term.kind, now.name, (now.id,)))
    if viewed is not None and card(viewed) is None:
        viewed = holder if card(holder) is not None else None
    changed_terms = tuple(dict.fromkeys(new_terms))
    return (changed_terms if changed_terms != terms else None), viewed


class Desk(QObject):
    """The window's corrections: run in the task runner, shown when done, undone and redone."""

    changed = Signal()  # a correction, undo or redo was applied: views of entities reload

    def __init__(self, window, archive, runner):
        super().__init__(window)
        self._window, self._archive, self._runner = window, archive, runner
        self._jobs = itertools.count(1)
        self.next_undo = self.next_redo = None  # CorrectionInfo of the archive
        self.entity_list = None  # the Entities window, made when first shown
        self.history_dialog = None  # the Correction history dialog, made when first shown
        window.trash.changed.connect(self.update_undo)
        window.reading.entityViewMade.connect(self._wire_entity_view)
        article_fields.attach(self)

    def _wire_entity_view(self, view) -> None:
        """The entity view's menus: its entity's corrections off the links, a companion's on it."""
        def viewed_menu(menu, _selected: str) -> None:
            if view.profile is not None:
                e = view.profile.entity
                menu.addSeparator()
                entity_menu.add_entries(menu, self, [EntityRef(e.id, e.kind, e.name, geonameid=e.geonameid)])

        def link_menu(kind: str, ident: int, pos) -> None:
            companions = view.profile.companions if view.profile is not None and kind == "entity" else []
            entry = next((c for c in companions if c.term.ids and c.term.ids[0] == ident), None)
            if entry is not None:
                context_menus.for_term(self._window, entry.term, pos)

        view.browser.textMenuShown.connect(viewed_menu)
        view.browser.linkMenuRequested.connect(link_menu)

    def handlers(self) -> dict[str, Callable[[], None]]:
        """The window's actions the desk answers (actions.py declares them)."""
        return {"undo": self.undo, "redo": self.redo,
                "history": lambda: history.show(self),
                "entities": lambda: entity_list.show(self),
                "edit": lambda: article_fields.edit_current(self)}

    @property
    def window(self):
        return self._window

    @property
    def archive(self):
        return self._archive

    @property
    def runner(self):
        return self._runner

    def status(self, text: str, ms: int = STATUS_MS) -> None:
        """Say `text` in the status bar for `ms` milliseconds."""
        self._window.statusBar().showMessage(text, ms)

    def failed(self, exc: BaseException) -> None:
        """A refused or failed task's one sentence, in the status bar (never a traceback)."""
        self.status(failure_sentence(exc, self._archive), 10_000)

    # -- corrections ----------------------------------------------------------------------
    def apply(self, work: Callable[[], object], done: Callable[[list], None] | None = None,
              nothing: str = "Nothing changed.", on_error: Callable[[BaseException], None] | None = None,
              hint: str = "Ctrl+Z to undo") -> None:
        """Run `work` (a corrections call: a Change or a list of them) in the runner, then
        show its summary (with `hint`) and the archive as it is now; `done(changes)` after that."""
        archive, terms, viewed = self._archive, self._window.filter.terms, self._viewed_entity()

        def task() -> Outcome:
            result = work()
            changes = list(result) if isinstance(result, (list, tuple)) else [result]
            new_terms, now_viewed = _retarget(archive, terms, viewed, changes)
            return Outcome(changes, new_terms, now_viewed)

        def applied(outcome: Outcome) -> None:
            summaries = [plain(c.summary) for c in outcome.changes if c.summary]
            self.status(f"{'; '.join(summaries)} ({hint})." if summaries else nothing)
            self._show(outcome)
            if done is not None:
                done(outcome.changes)

        def refused(exc: BaseException) -> None:
            (on_error or self.failed)(exc)
            # A bulk correction may have made some of its changes before one was refused.
            self._show(Outcome([], None, None))

        # A key per task: corrections are never dropped as stale (the archive serialises them).
        self._runner.run(("correction", next(self._jobs)), task, applied, refused)

    def _viewed_entity(self) -> int | None:
        view = self._window.reading.entity_view
        if view is None or not view.isVisible() or view.profile is None:
            return None
        return view.profile.entity.id

    def _show(self, outcome: Outcome) -> None:
        window = self._window
        if outcome.terms is not None:  # corrections never add or remove articles: the total holds
            window.set_filter(replace(window.filter, terms=outcome.terms), select=window.list.selected_ids())
        else:
            window.refresh()
        if outcome.viewed is not None:
            window.reading.open_entity(outcome.viewed)
        self.changed.emit()
        self.update_undo()

    # -- undo and redo --------------------------------------------------------------------
    def _trash_first(self) -> bool:
        """Whether Undo means the last Trash move: it is newer than the newest correction."""
        moved = self._window.trash.last_move_time
        if moved is None:
            return False
        return self.next_undo is None or _utc(self.next_undo.made) <= moved

    def undo(self) -> None:
        """Ctrl+Z: take back the newest of the last Trash move and the last correction in force."""
        if self._trash_first():
            self._window.trash.undo()
            return
        if self.next_undo is None:
            self.status("Nothing to undo.", 4000)
            self.update_undo()
            return
        archive = self._archive
        self.apply(lambda: corrections.undo(archive), nothing="Nothing to undo.", hint="Ctrl+Shift+Z to redo")

    def redo(self) -> None:
        """Ctrl+Shift+Z: apply again the correction undone last (while nothing was done since)."""
        if self.next_redo is None:
            self.status("Nothing to redo.", 4000)
            return
        archive = self._archive
        self.apply(lambda: corrections.redo(archive), nothing="Nothing to redo.")

    def undo_to(self, steps: int) -> None:
        """Undo the newest `steps` corrections (the history's "undo back to here")."""
        archive = self._archive
        if steps > 0:
            self.apply(lambda: corrections.undo(archive, steps=steps), hint="Ctrl+Shift+Z to redo")

    def update_undo(self, *_args) -> None:
        """Read what Undo and Redo would do now and say it in their menu texts."""
        archive = self._archive
        self._runner.run("undo-state", lambda: next_steps(corrections.history(archive, limit=HISTORY_PEEK)),
                         self._steps_known, self.failed)

    def _steps_known(self, steps: tuple) -> None:
        self.next_undo, self.next_redo = steps
        actions = self._window.actions
        trash = self._window.trash
        undo_what = trash.last_move_text if self._trash_first() else (
            self.next_undo.summary if self.next_undo is not None else None)
        actions["undo"].setText(menu_text("Undo", undo_what))
        actions["redo"].setText(menu_text("Redo", self.next_redo.summary if self.next_redo is not None else None))
