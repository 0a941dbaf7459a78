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

from PySide6.QtCore import QModelIndex, QPoint, Qt
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
from desktop.gui import entity_menu, markup, style
from desktop.gui.duplicates_view import DuplicatesView
from desktop.gui.entity_menu import EntityRef
from desktop.gui.entity_rows import ALIASES, ALL_KINDS, ARTICLES, KIND, MENTIONS, NAME, EntityRowsModel

NARROW_COLUMNS = {KIND: 110, ARTICLES: 80, MENTIONS: 90}  # pixels

def show(desk) -> None:
    """Open (or raise) the Entities window of `desk`'s archive."""
    if desk.entity_list is None:
        desk.entity_list = EntityListWindow(desk)
    desk.entity_list.show()
    desk.entity_list.raise_()
    desk.entity_list.activateWindow()
    desk.entity_list.reload()


class EntityListWindow(QDialog):
    """The Entities window: the entity table and the likely duplicates, in two tabs."""

    def __init__(self, desk):
        super().__init__(desk.window)
        self._desk = desk
        self.setObjectName("entityList")
        self.setWindowTitle("Cuttings — Entities")
        style.fit_to_screen(self, 900, 620)
        self.model = EntityRowsModel(self)
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
        self.duplicates.counted.connect(
            lambda n: self.tabs.setTabText(self.tabs.indexOf(self.duplicates), f"Likely &duplicates ({n:,})"))
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
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(ARTICLES, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        # Fixed widths, not ResizeToContents: that reads a thousand rows' text on every reset.
        for column, width in NARROW_COLUMNS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_requested)
        table.doubleClicked.connect(
            lambda index: self._desk.window.reading.open_entity(self.model.rows[index.row()].id))
        return table

    def _refilter(self, kind: str | None = None, text: str | None = None) -> None:
        keep = {e.id for e in self.selected()}
        self.model.set_filter(kind, text)
        self._select_ids(keep)
        self._count()

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,} entities")

    def _reload_if_shown(self) -> None:
        if self.isVisible():
            self.reload()
            if self.tabs.currentWidget() is self.duplicates:
                self.duplicates.reload()

    def reload(self) -> None:
        """Read every entity again (in the task runner); `show_rows` shows them."""
        archive, model, view = self._desk.archive, self.model, self.model.view()

        def read() -> tuple[list, tuple[tuple, list]]:  # worker thread: filtered and sorted there too
            rows = corrections.entity_table(archive)
            return rows, (view, model.arrange(rows, view))

        self._desk.runner.run("entity-list", read, lambda found: self.show_rows(*found), self._desk.failed)

    def show_rows(self, rows: Sequence, arranged: tuple[tuple, list] | None = None) -> None:
        """Show `rows` (`arranged`: see EntityRowsModel.set_rows), keeping the selected
        entities (those still there) selected."""
        keep = {e.id for e in self.selected()}
        self.model.set_rows(rows, arranged)
        self._select_ids(keep)
        self._count()

    def _select_ids(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag
        selection.clearSelection()
        for row, entity in enumerate(self.model.rows):
            if entity.id in ids:
                selection.select(self.model.index(row, 0), flags.Select | flags.Rows)

    def selected(self) -> list:
        """The EntityListing of each selected row."""
        return [self.model.rows[index.row()] for index in self.table.selectionModel().selectedRows()]

    def select_names(self, names: Sequence[str]) -> None:
        """Select the rows of these names (scripts and tests: what Ctrl+click does)."""
        self._select_ids({e.id for e in self.model.rows if e.name in names})

    def menu(self) -> QMenu:
        """The entity desk's menu for the selected rows."""
        menu = QMenu(self)
        menu.setAccessibleName("Entities")
        refs = [EntityRef(e.id, e.kind, e.name, geonameid=e.geonameid) for e in self.selected()]
        entity_menu.add_entries(menu, self._desk, refs)
        return menu

    def _menu_requested(self, pos: QPoint) -> None:
        """The menu of the rows at `pos`, or of the selection (the Menu key's position may
        fall off the rows)."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        if self.selected():
            self.menu().exec(self.table.viewport().mapToGlobal(pos))
