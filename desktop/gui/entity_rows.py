"""A table model of entity listings (kind, name, aliases, articles, mentions), filtered by
kind and typed text and sorted in Python lists, for the Entities window and the picker.

Filtering and sorting here rather than in a QSortFilterProxyModel: a proxy asks `data()`
once per comparison, which at 50,000 entities is over a million Python calls (seconds on
the GUI thread); a list comprehension and `list.sort` take milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop.gui import markup

COLUMNS = ("Kind", "Name", "Also written", "Articles", "Mentions")
KIND, NAME, ALIASES, ARTICLES, MENTIONS = range(len(COLUMNS))
ALL_KINDS = ""


def label(row) -> str:
    """A city's name with its country, as the sidebar and reading pane show places."""
    if row.country and row.kind == "city":
        return f"{row.name} ({markup.country_name(row.country)})"
    return row.name


def _sort_key(column: int):
    if column in (ARTICLES, MENTIONS):
        field = "articles" if column == ARTICLES else "mentions"
        return lambda row: getattr(row, field)
    if column == KIND:
        return lambda row: markup.KIND_NAMES.get(row.kind, row.kind)
    if column == ALIASES:
        return lambda row: ", ".join(row.aliases).casefold()
    return lambda row: row.name.casefold()


def _word_starts(row, text: str) -> bool:
    """Whether a word of `row`'s name or aliases starts with `text` (casefolded)."""
    return any(word.startswith(text) for form in (row.name, *row.aliases) for word in form.casefold().split())


def sort_rows(rows: list, column: int, order: Qt.SortOrder) -> None:
    """Sort `rows` in place by `column`; ties always by name A-Z (two stable sorts)."""
    rows.sort(key=lambda row: row.name.casefold())
    if column != NAME:
        rows.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
    elif order == Qt.SortOrder.DescendingOrder:
        rows.reverse()


class EntityRowsModel(QAbstractTableModel):
    """EntityListing rows (id, kind, name, aliases, articles, mentions, country); `rows` are
    the ones shown, of one kind (or all) whose name or an alias contains the filter text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list = []
        self.rows: list = []
        self.kind, self.text = ALL_KINDS, ""
        self._sort = (ARTICLES, Qt.SortOrder.DescendingOrder)
        # A picker's order: names with a word starting with the typed text before the others.
        self.words_first = False

    @property
    def total(self) -> int:
        """Entities loaded, before the kind and text filter."""
        return len(self._all)

    def view(self) -> tuple:
        """What decides the rows shown: kind, filter text, sort and the picker's order."""
        return self.kind, self.text, self._sort, self.words_first

    def arrange(self, rows: Sequence, view: tuple) -> list:
        """`rows` filtered and sorted as `view` (from `view()`) shows them. Touches nothing of
        the model, so the task runner's worker can do it: sorting 25,000 listings by two keys
        on the GUI thread held the window for tens of milliseconds."""
        kind, text, order, words_first = view
        shown = [row for row in rows if (not kind or row.kind == kind) and (
            not text or text in row.name.casefold() or any(text in a.casefold() for a in row.aliases))]
        sort_rows(shown, *order)
        if words_first and text:
            shown.sort(key=lambda row: not _word_starts(row, text))
        return shown

    def set_rows(self, rows: Sequence, arranged: tuple[tuple, list] | None = None) -> None:
        """Show these listings (filtered and sorted as before). `arranged`: (view, rows) that
        `arrange` made of them, used as they are if the view is still that one."""
        self._all = list(rows)
        if arranged is not None and arranged[0] == self.view():
            self._show(arranged[1])
        else:
            self._refresh()

    def set_filter(self, kind: str | None = None, text: str | None = None) -> None:
        """Only entities of `kind` (ALL_KINDS: any) naming `text`; None keeps the current one."""
        self.kind = self.kind if kind is None else kind
        self.text = self.text if text is None else text.strip().casefold()
        self._refresh()

    def _refresh(self) -> None:
        self._show(self.arrange(self._all, self.view()))

    def _show(self, shown: list) -> None:
        self.beginResetModel()
        self.rows = shown
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        sort_rows(self.rows, column, order)
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND:
                return markup.KIND_NAMES.get(row.kind, row.kind)
            if column == NAME:
                return label(row)
            if column == ALIASES:
                return ", ".join(row.aliases)
            return f"{row.articles if column == ARTICLES else row.mentions:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ARTICLES, MENTIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, entity_id: int) -> int | None:
        """The row showing `entity_id`; None if it is filtered out or gone."""
        return next((i for i, row in enumerate(self.rows) if row.id == entity_id), None)
