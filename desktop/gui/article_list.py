"""The article list: the table view, its columns and header state, selection and position.

The window hands it query results (`show_result`) and asks it what is selected; the
list keeps the selected articles and the scroll position across a refresh by id, not row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from desktop.core.list_rows import Summary
from desktop.gui.article_table import (
    COLUMNS,
    HIDDEN_AT_FIRST,
    SEARCH_ONLY,
    TITLE,
    ArticleTableModel,
    CellDelegate,
    column_of_sort,
)

READABLE = 64  # narrower than this, a column of names shows two letters: hide it for now
# Which of the longer columns give way first when even READABLE does not fit.
GIVE_WAY = ("places", "authors", "publisher")
TITLE_SHARE = 0.45  # of the list's width the title keeps before other columns shrink
TITLE_SHARE_SEARCHING = 0.3  # while searching, the Found column needs room too
MIN_COLUMN = 48
FIXED = frozenset({"published", "people", "added"})  # short values: shrinking them only hides them
# Then, on a half screen, the short columns a title needs the room of more (the date stays: the list's order).
FIXED_GIVE_WAY = ("added", "people")
TITLE_AT_LEAST = 2 * READABLE  # px: a title narrower than this shows a word or two


class ArticleList(QTableView):
    """The list of articles. Tab leaves the list (a table would otherwise move from cell to
    cell and, past the last column, to the next row); a double-click asks to open the original."""

    openRequested = Signal()
    selectionMoved = Signal()  # the selected articles changed

    def __init__(self, model: ArticleTableModel, parent=None):
        super().__init__(parent)
        self.setObjectName("articleTable")
        self.setAccessibleName("Articles")
        self.setAccessibleDescription("The articles that match the search and filters. Enter opens the "
                                      "original, F2 edits, Delete moves to the Trash, the Menu key shows more.")
        self.setModel(model)
        self.setItemDelegate(CellDelegate(model, self))
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(max(24, self.fontMetrics().height() + 10))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._preferred: dict[int, int] = {}  # widths the user chose (or ours), before shrinking
        self._fitting = False
        self._pending_select: list[int] = []
        self._pending_otherwise: list[int] = []
        self._pending_top: int | None = None
        self._after_removal_row: int | None = None
        self._build_header()
        self.selectionModel().selectionChanged.connect(lambda *_: self.selectionMoved.emit())
        self.doubleClicked.connect(lambda _i: self.openRequested.emit())

    @property
    def table_model(self) -> ArticleTableModel:
        return self.model()

    # -- columns ---------------------------------------------------------------------
    def _build_header(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._section_resized)
        fm = self.fontMetrics()
        samples = {"published": "2024-12-31", "publisher": "Seattle Times", "authors": "Anna Petrova",
                   "people": "People", "added": "2024-12-31", "places": "Belgrade, Kyiv",
                   "snippet": "… the pipeline deal was signed in Serbia on …"}
        for column, (label, key, _desc) in enumerate(COLUMNS):
            if column != TITLE:
                # The sort arrow and the cell padding beside the longest usual value or the header.
                sample = max(samples.get(key, "Column"), label, key=fm.horizontalAdvance)
                self._preferred[column] = fm.horizontalAdvance(sample) + 30
                header.resizeSection(column, self._preferred[column])
        self._wanted = {c for c in range(len(COLUMNS)) if c != TITLE and c not in HIDDEN_AT_FIRST}
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)

    def _header_menu(self, pos: QPoint) -> None:
        self.header_menu().exec(self.horizontalHeader().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """Show or hide each column but the title (which always shows)."""
        menu = QMenu(self)
        menu.setAccessibleName("Columns")
        for column, (label, _key, _desc) in enumerate(COLUMNS):
            if column == TITLE or column in SEARCH_ONLY:
                continue
            action = QAction(label, menu, checkable=True, checked=column in self._wanted)
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
            menu.addAction(action)
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        """The user's choice for `column` (shown when there is room for it)."""
        if shown:
            self._wanted.add(column)
        else:
            self._wanted.discard(column)
        self.fit_columns()

    def set_searching(self, searching: bool) -> None:
        """Show the columns that only mean something while searching (the snippet)."""
        for column in SEARCH_ONLY:
            if (column in self._wanted) != searching:
                self.set_column_shown(column, searching)

    def wanted_columns(self) -> list[int]:
        """The columns the user chose (and the search's), whether or not there is room now."""
        return sorted(self._wanted)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != TITLE and new > 0:
            self._preferred[column] = new  # the user dragged it: remember what they want

    def fit_columns(self) -> None:
        """Give the title the slack: other columns keep their preferred widths while the
        title gets TITLE_SHARE of the width; when it would not, the columns of longer values
        (source, authors, places) shrink together, to MIN_COLUMN at least, and then the
        search snippet; one that would be narrower than READABLE is left out for now
        (places first, then authors, then source), and comes back when there is room; then,
        while the title would be narrower than TITLE_AT_LEAST, the added time and the people."""
        shown = self.wanted_columns()
        while True:
            fixed = [c for c in shown if COLUMNS[c][1] in FIXED]
            others = [c for c in shown if c not in fixed]
            width = self.viewport().width()
            searching = any(c in SEARCH_ONLY for c in shown)
            room = width - int(width * (TITLE_SHARE_SEARCHING if searching else TITLE_SHARE))
            room -= sum(self._preferred.get(c, MIN_COLUMN) for c in fixed)
            widths = _shrunk([self._preferred.get(c, MIN_COLUMN) for c in others], max(0, room),
                             last=[c in SEARCH_ONLY for c in others])
            squeezed = [c for c, w in zip(others, widths) if w < READABLE and COLUMNS[c][1] in GIVE_WAY]
            title = width - sum(self._preferred.get(c, MIN_COLUMN) for c in fixed) - sum(widths)
            if not squeezed and title < TITLE_AT_LEAST:
                squeezed = [c for c in fixed if COLUMNS[c][1] in FIXED_GIVE_WAY]
            if not squeezed:
                break
            shown.remove(min(squeezed, key=lambda c: (GIVE_WAY + FIXED_GIVE_WAY).index(COLUMNS[c][1])))
        self._fitting = True
        try:
            header = self.horizontalHeader()
            for c in range(len(COLUMNS)):
                if c != TITLE:
                    header.setSectionHidden(c, c not in shown)
            for c in fixed:
                header.resizeSection(c, self._preferred.get(c, MIN_COLUMN))
            for c, w in zip(others, widths):
                header.resizeSection(c, w)
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def apply_sort(self, sort: str, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        column = column_of_sort(sort)
        header = self.horizontalHeader()
        header.setSortIndicatorShown(column is not None)
        if column is not None:
            header.setSortIndicator(column, order)

    # -- settings --------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("table/columns", [COLUMNS[c][1] for c in self.wanted_columns() if c not in SEARCH_ONLY])
        settings.setValue("table/widths", {COLUMNS[c][1]: w for c, w in self._preferred.items()})

    def restore_state(self, settings: QSettings) -> None:
        shown = settings.value("table/columns")
        if shown:
            keys = set(shown if isinstance(shown, list) else [shown])
            self._wanted = {c for c, (_label, key, _desc) in enumerate(COLUMNS)
                            if c != TITLE and key in keys and c not in SEARCH_ONLY}
        widths = settings.value("table/widths")
        if isinstance(widths, dict):
            for column, (_label, key, _desc) in enumerate(COLUMNS):
                if column != TITLE and str(widths.get(key, "")).isdigit() and int(widths[key]) > 0:
                    self._preferred[column] = int(widths[key])
        self.fit_columns()

    # -- selection and position ------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [a for a in (self.table_model.id_at(r) for r in rows) if a is not None]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.table_model.id_at(index.row()) if index.isValid() else None

    def summary_of(self, article_id: int) -> Summary | None:
        row = self.table_model.row_of(article_id)
        return self.table_model.summary_at(row) if row is not None else None

    def title_of(self, article_id: int) -> str:
        """The title of a listed article whose row was fetched, else ""."""
        summary = self.summary_of(article_id)
        return summary.title if summary is not None else ""

    def select_rows(self, rows: Sequence[int], scroll: bool = True) -> None:
        model = self.table_model
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, len(COLUMNS) - 1))
        sm = self.selectionModel()
        sm.setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll:
            self.scrollTo(model.index(rows[0], 0))

    def select_article(self, article_id: int) -> bool:
        row = self.table_model.row_of(article_id)
        if row is None:
            return False
        self.select_rows([row])
        return True

    def remember_position(self, select: Sequence[int] | None = None, keep_top: bool = False,
                          otherwise: Sequence[int] = ()) -> None:
        """Before a new result: what to select in it (the selection now, or `select`; when
        none of `select` is in it, `otherwise`) and, with `keep_top`, which article to keep
        at the top of the view."""
        self._pending_select = list(select) if select is not None else self.selected_ids()
        self._pending_otherwise = list(otherwise)
        top = self.rowAt(0) if keep_top else -1
        self._pending_top = self.table_model.id_at(top) if top >= 0 else None

    def select_after_removal(self, article_id: int) -> None:
        """When `article_id` leaves the list, select the row that takes its place."""
        self._after_removal_row = self.table_model.row_of(article_id) or 0

    def show_result(self, ids: Sequence[int], first_rows: Sequence[Summary],
                    snippets: dict[int, str] | None = None, search: str = "", complete: bool = True) -> bool:
        """Show a new result (with the first rows' snippets for the search text `search`) and
        restore the remembered position; True if a row is selected. Not `complete`: the first
        ids alone; what is remembered and not among them waits for show_rest."""
        model = self.table_model
        model.set_result(ids, first_rows, snippets, search, complete)
        self.set_searching(bool(search.strip()))
        return self._restore_position()

    def show_rest(self, ids: Sequence[int]) -> bool:
        """All the ids of the result shown incomplete, which grows to them; the remembered
        position is restored if it was not yet. False if they do not begin with those shown."""
        if not self.table_model.add_rest(ids):
            return False
        self.updateGeometries()  # now, not at the next layout: the scroll bar must reach the new rows
        self._restore_position()
        return True

    def _restore_position(self) -> bool:
        """Select the remembered rows, or after a removal the row in its place, and bring the
        remembered top row to the top; kept for the rest of an incomplete result if none is
        in the list yet. True if a row is selected."""
        model = self.table_model
        rows = [r for r in (model.row_of(i) for i in self._pending_select) if r is not None]
        if not rows and model.complete:  # the rows to keep selected when the wanted ones are not shown
            rows = [r for r in (model.row_of(i) for i in self._pending_otherwise) if r is not None]
        top = model.row_of(self._pending_top) if self._pending_top is not None else None
        if top is not None:
            self.scrollTo(model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        after, count = self._after_removal_row, model.rowCount()
        if not rows and after is not None and count and (model.complete or after < count):
            rows = [min(after, count - 1)]
        scroll = self._pending_top is None
        if rows or model.complete:
            self._after_removal_row, self._pending_select, self._pending_otherwise = None, [], []
        if top is not None or model.complete:
            self._pending_top = None
        if rows:
            self.select_rows(rows, scroll=scroll)
        return bool(rows)


def _shrunk(widths: list[int], room: int, last: list[bool]) -> list[int]:
    """`widths` fitted into `room` pixels: unchanged if they fit; else the columns not marked
    `last` shrink together first (to MIN_COLUMN), then the `last` ones (the search snippet)."""
    if sum(widths) <= room:
        return widths
    first = [w for w, keep in zip(widths, last) if not keep]
    kept = sum(w for w, keep in zip(widths, last) if keep)
    spare = room - kept  # what the first group may take while the last keep their widths
    if spare >= len(first) * MIN_COLUMN:
        scale = spare / sum(first) if first else 1.0
        return [w if keep else max(MIN_COLUMN, int(w * scale)) for w, keep in zip(widths, last)]
    scale = max(0, room - len(first) * MIN_COLUMN) / kept if kept else 0
    return [max(MIN_COLUMN, int(w * scale)) if keep else MIN_COLUMN for w, keep in zip(widths, last)]
