"""File ▸ Import from…: bookmarks files, read-later exports, feeds, OPML and link lists.

The chosen files go to the same core call as `cuttings import FILE` (imports.run.import_source)
in the task runner, item by item, keeping each item's tags, added time, reading state and the
service's copy; the status line follows the progress and ends with the summary line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core import preferences
from desktop.core.dropped import Dropped
from desktop.core.errors import describe
from desktop.core.store.db import Archive

FILE_FILTER = ("Bookmarks, exports, feeds and link lists "
               "(*.html *.htm *.csv *.json *.zip *.xml *.rss *.atom *.opml *.txt);;All files (*)")


class ImportFrom(QObject):
    """The Import from… action of one window: handed the parent for the file dialog, the
    archive, the task runner, a status line and `done`, called with the ids saved."""

    progressed = Signal(str)  # one line for the status bar (emitted from the worker thread)

    def __init__(self, parent: QWidget, archive: Archive, runner, status: Callable[[str, int], None],
                 done: Callable[[list[int]], None]):
        super().__init__(parent)
        self._parent, self._archive, self._runner = parent, archive, runner
        self._status, self._done = status, done
        self.progressed.connect(lambda line: self._status(line, 0))

    def choose(self) -> None:
        """Ask for files, then import them in the task runner."""
        paths, _ = QFileDialog.getOpenFileNames(self._parent, "Import from bookmarks, exports or feeds", "",
                                                FILE_FILTER)
        if paths:
            self.start(paths)

    def take_collections(self, inputs: list[Dropped]) -> list[Dropped]:
        """Start importing the dropped or chosen files that are files of links (a bookmarks
        file, a list of addresses, an Omnivore folder…); return the other inputs, for the
        import panel."""
        from desktop.core.imports.detect import CUTTINGS, detect
        from desktop.core.pipeline import is_file_input

        def is_collection(source: str) -> bool:
            try:
                return is_file_input(source) and detect(Path(source).expanduser()) not in (None, CUTTINGS)
            except OSError:  # unreadable: the import panel says why
                return False

        collections = [d.source for d in inputs if is_collection(d.source)]
        if collections:
            self.start(collections)
        return [d for d in inputs if d.source not in collections]

    def start(self, paths: list[str]) -> None:
        """Import every item of the files `paths` (in the task runner)."""
        entities = preferences.load().entities
        self._status(f"Reading {len(paths)} file{'s' if len(paths) != 1 else ''}…", 0)
        self._runner.run(("import-from", tuple(paths)), lambda: self.import_files(paths, entities),
                         self._finished, lambda exc: self._status(describe(exc), 10_000))

    def import_files(self, paths: list[str], entities: bool) -> tuple[str, list[int]]:
        """(summary line, ids saved) of importing `paths`; worker thread: no widgets here."""
        from desktop.core.imports.run import FAILED, counted, import_source, summary_line

        counts: Counter[str] = Counter()
        saved: list[int] = []
        for path in paths:
            try:
                results, _ = import_source(self._archive, path, entities=entities)
                for name, outcome in results:
                    counts[counted(outcome)] += 1
                    if not isinstance(outcome, Exception):
                        saved.append(outcome.id)
                    self.progressed.emit(f"Importing: {sum(counts.values())} done, {counts[FAILED]} failed · {name}")
            except Exception:  # a file that cannot be read counts as one failure, the others go on
                counts[FAILED] += 1
        return summary_line(counts), saved

    def _finished(self, result: tuple[str, list[int]]) -> None:
        line, saved = result
        self._status(f"Import from files: {line}", 15_000)
        self._done(saved)
