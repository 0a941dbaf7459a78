"""The entity desk's small dialogs: pick an entity to merge into, choose the articles of a
split, and edit an entity's aliases.

They only collect a choice; the desk (`gui/desk.py`) runs the correction. Each is handed
plain values (entity listings, article summaries), never the archive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.core.list_rows import Summary
from desktop.gui.article_table import source_label
from desktop.gui.entity_rows import ALIASES, ARTICLES, KIND, MENTIONS, NAME, EntityRowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class EntityPicker(QDialog):
    """Choose one entity from `listings` (EntityListing: id, name, aliases, articles...):
    type to filter by name or alias, most articles first. `chosen()` is its id."""

    def __init__(self, title: str, prompt: str, listings: Sequence, parent=None, ok_text: str = "Merge"):
        super().__init__(parent)
        self.setObjectName("entityPicker")
        self.setWindowTitle(title)
        self.resize(560, 480)
        self.model = EntityRowsModel(self)
        self.model.words_first = True
        self.model.set_rows(listings)
        self.filter_box = QLineEdit(placeholderText="Type to find a name…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Find a name")
        self.filter_box.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setAccessibleName("Entities to choose from")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        for column in (KIND, MENTIONS):
            self.table.hideColumn(column)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARTICLES, QHeaderView.ResizeMode.Fixed)  # not ResizeToContents: 50k rows
        header.resizeSection(ARTICLES, 80)
        self.table.doubleClicked.connect(self.accept)
        self.buttons = _buttons(self, ok_text)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, wordWrap=True))
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.filter_box.installEventFilter(self)
        self._filter("")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Up and Down in the filter box move through the matches: type, arrow, Enter."""
        if watched is self.filter_box and event.type() == event.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = max(0, min(self.model.rowCount() - 1, self.table.currentIndex().row()
                             + (1 if event.key() == Qt.Key.Key_Down else -1)))
            self.table.selectRow(row)
            return True
        return False

    def _filter(self, text: str) -> None:
        """Show the matches; the best one is selected once something is typed (never a
        guess before: Enter must not merge into whatever sorts first)."""
        self.model.set_filter(text=text)
        if self.model.rowCount() and text.strip():
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def choose(self, name: str) -> None:
        """Select the entity called `name` (scripts and tests: what typing and a click do)."""
        self.filter_box.setText(name)
        row = next((i for i, e in enumerate(self.model.rows) if e.name == name), None)
        if row is not None:
            self.table.selectRow(row)

    def chosen(self) -> int | None:
        """The id of the selected entity; None while nothing is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None


class ArticleChooser(QDialog):
    """Tick articles (date, title, source) of `articles`; `chosen()` gives their ids."""

    def __init__(self, title: str, prompt: str, articles: Sequence[Summary], parent=None, ok_text: str = "Split"):
        super().__init__(parent)
        self.setObjectName("articleChooser")
        self.setWindowTitle(title)
        self.resize(620, 440)
        self.list = QListWidget()
        self.list.setAccessibleName("Articles")
        for summary in articles:
            item = QListWidgetItem(f"{(summary.published or '')[:10] or '—'}   {summary.title or '(untitled)'}"
                                   f"   · {source_label(summary)}")
            item.setData(ID_ROLE, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.buttons = _buttons(self, ok_text)
        self.list.itemChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, wordWrap=True))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self._enable()

    def _enable(self) -> None:
        # Moving every article would leave the old entity empty: that is a rename, not a split.
        n = len(self.chosen())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(0 < n < self.list.count())

    def check(self, article_ids: Sequence[int]) -> None:
        """Tick exactly the articles `article_ids` (scripts and tests: what clicks do)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in article_ids else Qt.CheckState.Unchecked)

    def chosen(self) -> list[int]:
        """The ids of the ticked articles, in the listed order."""
        return [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]


class AliasEditor(QDialog):
    """An entity's other names: add one, remove the selected. Each change is asked of
    `request(action, text)` ("add" | "remove"); the caller shows the result with `show_aliases`."""

    def __init__(self, name: str, aliases: Sequence[str], request: Callable[[str, str], None], parent=None):
        super().__init__(parent)
        self.setObjectName("aliasEditor")
        self.setWindowTitle(f"Names of {name}")
        self.resize(420, 360)
        self._request = request
        self.list = QListWidget()
        self.list.setAccessibleName("Other names")
        self.new = QLineEdit(placeholderText="Another name it is written as")
        self.new.setAccessibleName("New name")
        add = QPushButton("&Add")
        self.remove = QPushButton("&Remove")
        add.clicked.connect(self._add)
        self.new.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda row: self.remove.setEnabled(row >= 0))
        row = QHBoxLayout()
        row.addWidget(self.new, 1)
        row.addWidget(add)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Mentions of these names in articles count as {name}.", wordWrap=True))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        layout.addWidget(close)
        self.show_aliases(aliases)

    def show_aliases(self, aliases: Sequence[str]) -> None:
        """List `aliases` (the entity's other names as the archive now has them)."""
        self.list.clear()
        self.list.addItems(list(aliases))
        self.remove.setEnabled(False)

    def _add(self) -> None:
        text = self.new.text().strip()
        if text:
            self.new.clear()
            self._request("add", text)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._request("remove", item.text())
