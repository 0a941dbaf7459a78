"""View ▸ Entities (Ctrl+E): every person, place and organisation of the archive, and the
likely duplicates among them.

The Entities tab is a table over `corrections.entity_table` (kind, name, aliases, articles,
mentions), sortable, with a filter box and a kind selector; rows multi-select, and the
right-click menu is the entity desk's (bulk Merge into…, Change kind, Not an entity for a
selection). The Likely duplicates tab is `duplicates_view.DuplicatesView`. Both reload after
every correction the desk applies, keeping what was selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import corrections
from desktop.gui import entity_menu, markup
from desktop.gui.duplicates_view import DuplicatesView
from desktop.gui.entity_menu import EntityRef

COLUMNS = ("Kind", "Name", "Also written", "Articles", "Mentions")
KIND, NAME, ALIASES, ARTICLES, MENTIONS = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_KINDS = ""


def show(desk) -> None:
    """Open (or raise) the Entities window of `desk`'s archive."""
    if desk.entity_list is None:
        desk.entity_list = EntityListWindow(desk)
    desk.entity_list.show()
    desk.entity_list.raise_()
    desk.entity_list.activateWindow()
    desk.entity_list.reload()


class EntityTableModel(QAbstractTableModel):
    """Rows of EntityListing (id, kind, name, aliases, articles, mentions)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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
            return _cell(row, column)
        if role == SORT_ROLE:
            return getattr(row, "articles" if column == ARTICLES else "mentions") if column in (
                ARTICLES, MENTIONS) else _cell(row, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ARTICLES, MENTIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cell(row, column: int) -> str:
    if column == KIND:
        return markup.KIND_NAMES.get(row.kind, row.kind)
    if column == NAME:
        return f"{row.name} ({markup.country_name(row.country)})" if row.country and row.kind == "city" else row.name
    if column == ALIASES:
        return ", ".join(row.aliases)
    return f"{row.articles if column == ARTICLES else row.mentions:,}"


class EntityFilter(QSortFilterProxyModel):
    """Rows of one kind (or all) whose name or aliases contain the typed text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind, self.text = ALL_KINDS, ""
        self.setSortRole(SORT_ROLE)

    def set(self, kind: str | None = None, text: str | None = None) -> None:
        self.kind = self.kind if kind is None else kind
        self.text = self.text if text is None else text.strip().casefold()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        row = self.sourceModel().rows[source_row]
        if self.kind and row.kind != self.kind:
            return False
        return not self.text or self.text in row.name.casefold() or any(self.text in a.casefold() for a in row.aliases)


class EntityListWindow(QDialog):
    def __init__(self, desk):
        super().__init__(desk.window)
        self._desk = desk
        self.setObjectName("entityList")
        self.setWindowTitle("Cuttings — Entities")
        self.resize(900, 620)
        self.model = EntityTableModel(self)
        self.proxy = EntityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(placeholderText="Filter by name or alias…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter entities")
        self.filter_box.textChanged.connect(lambda text: self._refilter(text=text))
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind")
        self.kind_box.addItem("All kinds", ALL_KINDS)
        for kind, label in markup.KIND_LABELS.items():
            self.kind_box.addItem(label, kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._refilter(kind=self.kind_box.currentData()))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = self._make_table()
        self.duplicates = DuplicatesView(desk)
        self.tabs = QTabWidget()
        entities = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.kind_box)
        top.addWidget(self.count_label)
        hint = QLabel("Right-click to correct an entity; select several to merge or change them at once; "
                      "double-click for all about one.", wordWrap=True)
        hint.setObjectName("chipHint")
        inner = QVBoxLayout(entities)
        inner.addLayout(top)
        inner.addWidget(self.table, 1)
        inner.addWidget(hint)
        self.tabs.addTab(entities, "&Entities")
        self.tabs.addTab(self.duplicates, "Likely &duplicates")
        self.tabs.currentChanged.connect(lambda i: self.tabs.widget(i) is self.duplicates and self.duplicates.reload())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        desk.changed.connect(self._reload_if_shown)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("entityTable")
        table.setAccessibleName("Entities")
        table.setAccessibleDescription("Right-click (or the Menu key) to rename, merge, split or remove; "
                                       "select several to merge them or change their kind. Double-click: all about it.")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(ARTICLES, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_requested)
        table.doubleClicked.connect(lambda index: self._desk.window.reading.open_entity(self._row(index).id))
        return table

    def _refilter(self, kind: str | None = None, text: str | None = None) -> None:
        self.proxy.set(kind, text)
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,} entities")

    def _reload_if_shown(self) -> None:
        if self.isVisible():
            self.reload()
            if self.tabs.currentWidget() is self.duplicates:
                self.duplicates.reload()

    def reload(self) -> None:
        archive = self._desk.archive
        self._desk.runner.run("entity-list", lambda: corrections.entity_table(archive), self.show_rows,
                              self._desk.failed)

    def show_rows(self, rows: Sequence) -> None:
        """Show `rows`, keeping the selected entities (those still there) selected."""
        keep = {e.id for e in self.selected()}
        self.model.set_rows(rows)
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            if self._row(self.proxy.index(row, 0)).id in keep:
                selection.select(self.proxy.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._count()

    def _row(self, index: QModelIndex):
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def selected(self) -> list:
        return [self._row(index) for index in self.table.selectionModel().selectedRows()]

    def select_names(self, names: Sequence[str]) -> None:
        """Select the rows of these names (scripts and tests: what Ctrl+click does)."""
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            if self._row(self.proxy.index(row, 0)).name in names:
                selection.select(self.proxy.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def menu(self) -> QMenu:
        """The entity desk's menu for the selected rows."""
        menu = QMenu(self)
        menu.setAccessibleName("Entities")
        refs = [EntityRef(e.id, e.kind, e.name, geonameid=e.geonameid) for e in self.selected()]
        entity_menu.add_entries(menu, self._desk, refs)
        return menu

    def _menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        self.menu().exec(self.table.viewport().mapToGlobal(pos))
