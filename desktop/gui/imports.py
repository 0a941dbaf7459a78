"""The import panel: the live list of the import queue, its batch counter and its actions.

Above the list, the progress of the rows it lists ("1,240 of 10,000 · 37 failed · about 9 min
left": two captures one after the other are "2 of 2", as the list shows two rows) and,
after a restart, what the panel is continuing with a way to cancel the rest; below it, the
failures by reason ("12 page not found (404) · 3 timed out"), Retry failed (all, or one
reason's) and Export failed list… (CSV). The list follows the work (the rows being imported stay in view, then the last row) unless
the user has scrolled away to look at something. A failed row's reason is in its tooltip, in full and wrapped under the
list for the current row, and copyable; Copy reason, Copy link, Retry and Remove are in
the list's context menu (the Menu key opens it) and have keys of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.import_queue import CANCELLED, FAILED, FINAL, ImportQueue, summary

__all__ = ["ImportPanel", "ImportQueue"]  # the window takes both from here
TICK_MS = 5000  # how often the time left is recomputed while nothing changes

class ImportPanel(QWidget):
    """The live list of imports with their progress, cancel and retry."""

    told = Signal(str)  # one sentence for the status bar: what an export of the failed list did

    def __init__(self, queue: ImportQueue, parent=None):
        super().__init__(parent)
        self.queue = queue
        self.table = self._make_table(queue)
        self.reason = QLabel(wordWrap=True, visible=False)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.continuing = QLabel(wordWrap=True, visible=False)  # what a restart continues
        self.cancel_rest_button = QPushButton("Cancel the rest", visible=False)
        self.failures = QLabel(wordWrap=True, visible=False)  # the failures by reason
        self.cancel_button = QPushButton("Cancel selected")
        self.cancel_all_button = QPushButton("Cancel all")
        self.retry_button = self._make_retry_button()
        self.export_button = QPushButton("Export failed list…")
        self.cancel_button.clicked.connect(lambda: queue.cancel(self._selected_rows()))
        self.cancel_all_button.clicked.connect(lambda: queue.cancel())
        self.cancel_rest_button.clicked.connect(lambda: queue.cancel())
        self.export_button.clicked.connect(self.export_failed)
        self._add_actions()
        self._describe()
        self._lay_out()
        self._following, self._scrolling = True, False
        self.table.verticalScrollBar().valueChanged.connect(self._user_scrolled)
        queue.rowsInserted.connect(self._follow_work)
        queue.dataChanged.connect(self._follow_work)
        for signal in (queue.dataChanged, queue.rowsInserted, queue.rowsRemoved):
            signal.connect(self._update)
        queue.resumed.connect(self._show_continuing)
        self.table.selectionModel().currentRowChanged.connect(self._show_reason)
        self.table.selectionModel().selectionChanged.connect(self._enable_cancel)
        self._ticker = QTimer(self, interval=TICK_MS)  # the time left moves on between changes
        self._ticker.timeout.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        banner = QHBoxLayout()
        banner.addWidget(self.continuing, 1)
        banner.addWidget(self.cancel_rest_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.cancel_button, self.cancel_all_button, self.retry_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(banner)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.failures)
        layout.addLayout(buttons)

    def _make_retry_button(self) -> QToolButton:
        """Retry failed: a click retries the selected rows, or every failed and cancelled
        one; its menu retries all failures or those of one reason."""
        button = QToolButton(text="Retry failed", popupMode=QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda: self.queue.retry(self._selected_rows() or None))
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_retry_menu(menu))
        button.setMenu(menu)
        return button

    def _fill_retry_menu(self, menu: QMenu) -> None:
        menu.clear()
        groups = self.queue.failure_groups()
        menu.addAction(f"All failed ({groups.total():,})", lambda: self.queue.retry_failed())
        for group, count in groups.most_common():
            menu.addAction(f"{count:,} {group}", lambda group=group: self.queue.retry_failed(group))

    def export_failed(self) -> None:
        """Ask where, then write the failed rows (link, title, reason) as CSV."""
        path, _ = QFileDialog.getSaveFileName(self, "Export the failed imports", "failed imports.csv",
                                              "CSV files (*.csv)")
        if path:
            self.queue.export_failed(path, self.told.emit)

    def _show_continuing(self, text: str) -> None:
        self.continuing.setText(text)
        self.continuing.setVisible(True)
        self.cancel_rest_button.setVisible(True)

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
        # Both columns share the width: a failure's reason needs it as much as a title does. Not
        # ResizeToContents: that re-measured every row at each state change, many calls into
        # Python while import threads hold the GIL (stalls of 300 ms and more).
        table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
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
        self.progress.setAccessibleName("Progress of the imports listed")
        self.status.setAccessibleName("Imports done of those listed")
        self.cancel_button.setAccessibleName("Cancel the selected imports")
        self.cancel_all_button.setAccessibleName("Cancel all imports")
        self.retry_button.setAccessibleName("Retry failed imports")
        self.retry_button.setAccessibleDescription(
            "The selected ones, or all failed and cancelled ones; its menu retries the failures of one reason")
        self.export_button.setAccessibleName("Export the list of failed imports as CSV")
        self.failures.setAccessibleName("Failed imports by reason")
        self.continuing.setAccessibleName("The interrupted import being continued")
        self.cancel_rest_button.setAccessibleName("Cancel the rest of the interrupted import")

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _copy(self, field) -> None:
        """The field of the selected rows, one line each, to the clipboard."""
        lines = [field(self.queue.item(row)) for row in self._selected_rows()]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))

    def _user_scrolled(self, value: int) -> None:
        """A scroll of the user's own stops the list following the work, until they scroll
        back to the bottom."""
        if not self._scrolling:
            self._following = value >= self.table.verticalScrollBar().maximum()

    def _follow_work(self, *_args) -> None:
        """Keep the rows being worked on in view (the first unfinished one in the middle),
        or the last row once all are done; a row the user scrolled to read stays put."""
        if not self._following or not self.queue.rowCount():
            return
        row = self.queue.first_unfinished()
        hint = QAbstractItemView.ScrollHint
        self._scrolling = True
        if row is None:
            self.table.scrollToBottom()
        else:
            self.table.scrollTo(self.queue.index(row, 0), hint.PositionAtCenter)
        self._scrolling = False

    def _show_reason(self, current, _previous=None) -> None:
        item = self.queue.item(current.row()) if current.isValid() else None
        failed = item is not None and item.state == FAILED
        self.reason.setText(item.message if failed else "")
        self.reason.setVisible(failed)

    def _enable_cancel(self, *_args) -> None:
        """Cancel only when a selected row is still to be done."""
        self.cancel_button.setEnabled(any(self.queue.item(row).state not in FINAL for row in self._selected_rows()))

    def _update(self, *_args) -> None:
        counts = self.queue.counts()
        total = counts.total()
        done = sum(n for state, n in counts.items() if state in FINAL)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(summary(counts) if done else "Nothing imported yet" if total else "Nothing to import")
        self.status.setText(self.queue.progress_line() if total else "")
        active = self.queue.is_active()
        self.cancel_all_button.setEnabled(active)
        self._enable_cancel()
        if active != self._ticker.isActive():
            self._ticker.start() if active else self._ticker.stop()
        if not active:
            self.continuing.setVisible(False)
            self.cancel_rest_button.setVisible(False)
        self.retry_button.setEnabled(bool(counts[FAILED] or counts[CANCELLED]))
        self.export_button.setEnabled(bool(counts[FAILED]))
        groups = self.queue.failure_groups() if counts[FAILED] else None
        self.failures.setText(" · ".join(f"{n:,} {group}" for group, n in groups.most_common()) if groups else "")
        self.failures.setVisible(bool(groups))
        self._show_reason(self.table.currentIndex())
