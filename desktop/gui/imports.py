"""The import panel: the live list of the import queue, its batch counter and its actions.

The list follows its tail (new rows scroll into view) unless the user has scrolled up to
look at something. A failed row's reason is in its tooltip, in full and wrapped under the
list for the current row, and copyable; Copy reason, Copy link, Retry and Remove are in
the list's context menu (the Menu key opens it) and have keys of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.import_queue import CANCELLED, FAILED, FINAL, ImportQueue
from desktop.gui.import_rows import progress

__all__ = ["ImportPanel", "ImportQueue"]  # the window takes both from here


class ImportPanel(QWidget):
    """The live list of imports with the current batch's progress, cancel and retry."""

    def __init__(self, queue: ImportQueue, parent=None):
        super().__init__(parent)
        self.queue = queue
        self.table = self._make_table(queue)
        self.reason = QLabel(wordWrap=True, visible=False)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_all_button = QPushButton("Cancel all")
        self.retry_button = QPushButton("Retry failed")
        self.cancel_button.clicked.connect(lambda: queue.cancel(self._selected_rows()))
        self.cancel_all_button.clicked.connect(lambda: queue.cancel())
        self.retry_button.clicked.connect(lambda: queue.retry(self._selected_rows() or None))
        self._add_actions()
        self._describe()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.cancel_button, self.cancel_all_button, self.retry_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._at_tail = True
        queue.rowsAboutToBeInserted.connect(self._note_tail)
        queue.rowsInserted.connect(self._follow_tail)
        for signal in (queue.dataChanged, queue.rowsInserted, queue.rowsRemoved):
            signal.connect(self._update)
        self.table.selectionModel().currentRowChanged.connect(self._show_reason)
        self._update()

    def _make_table(self, queue: ImportQueue) -> QTableView:
        table = QTableView()
        table.setModel(queue)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.verticalHeader().hide()
        # One line per row, a set height: rows measured to wrap their text would be
        # re-measured at every state change (see the State column below). Long reasons are
        # elided here and shown in full in the tooltip and under the list.
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # A set width, not ResizeToContents: that re-measured every row at each state change,
        # many calls into Python while import threads hold the GIL (stalls of 300 ms and more).
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("The site answered 404 Not Found") + 24)
        return table

    def _add_actions(self) -> None:
        """The list's context menu; the keys work while the list has the focus."""
        def action(text: str, key, slot) -> QAction:
            made = QAction(text, self.table, shortcut=QKeySequence(key))
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            made.triggered.connect(slot)
            self.table.addAction(made)
            return made

        self.copy_reason_action = action("Copy reason", QKeySequence.StandardKey.Copy,
                                         lambda: self._copy(lambda item: item.message))
        self.copy_link_action = action("Copy link", "Ctrl+Shift+C", lambda: self._copy(lambda item: item.source))
        self.retry_action = action("Retry", "Ctrl+Return", lambda: self.queue.retry(self._selected_rows()))
        self.remove_action = action("Remove", QKeySequence.StandardKey.Delete,
                                    lambda: self.queue.remove(self._selected_rows()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _describe(self) -> None:
        """Names and descriptions for screen readers."""
        self.table.setAccessibleName("Imports")
        self.table.setAccessibleDescription(
            "Each dropped, pasted or chosen link or file with its state or the reason it failed. "
            "The Menu key offers Copy reason, Copy link, Retry and Remove.")
        self.reason.setAccessibleName("Reason the selected import failed")
        self.progress.setAccessibleName("Progress of the current import batch")
        self.status.setAccessibleName("Current import batch")
        self.cancel_button.setAccessibleName("Cancel the selected imports")
        self.cancel_all_button.setAccessibleName("Cancel all imports")
        self.retry_button.setAccessibleName("Retry failed imports")
        self.retry_button.setAccessibleDescription("The selected ones, or all failed and cancelled ones")

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _copy(self, field) -> None:
        """The field of the selected rows, one line each, to the clipboard."""
        lines = [field(self.queue.item(row)) for row in self._selected_rows()]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))

    def _note_tail(self, *_args) -> None:
        bar = self.table.verticalScrollBar()
        self._at_tail = bar.value() >= bar.maximum()

    def _follow_tail(self, *_args) -> None:
        # Only when the user was at the bottom: a row they scrolled up to read stays put.
        if self._at_tail:
            self.table.scrollToBottom()

    def _show_reason(self, current, _previous=None) -> None:
        item = self.queue.item(current.row()) if current.isValid() else None
        failed = item is not None and item.state == FAILED
        self.reason.setText(item.message if failed else "")
        self.reason.setVisible(failed)

    def _update(self, *_args) -> None:
        counts = self.queue.batch_counts()
        total = counts.total()
        done = sum(n for state, n in counts.items() if state in FINAL)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} done" if total else "Nothing to import")
        self.status.setText(progress(counts) if total else "")
        self.cancel_all_button.setEnabled(self.queue.is_active())
        listed = self.queue.counts()
        self.retry_button.setEnabled(bool(listed[FAILED] or listed[CANCELLED]))
        self._show_reason(self.table.currentIndex())
