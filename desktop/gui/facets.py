"""The sidebar: People, Cities, Countries, Organisations, Sources, Authors, Years, Tags.

A tree model (one section per facet kind, entries with article counts, most first) and a
view with a filter box. Each section shows its top entries and a "Show all" row; typing in
the filter box searches every loaded entry. Clicking an entry asks for a Term to be added
to the Filter (`termClicked`); double-clicking an entity opens its profile (`termActivated`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.article import ENTITY_KINDS
from desktop.core.query import AUTHOR, FACET_KINDS, PUBLISHER, TAG, YEAR, FacetEntry, Term
from desktop.gui import markup, style

SECTION_LABELS = {**markup.KIND_LABELS, PUBLISHER: "Sources", AUTHOR: "Authors", YEAR: "Years", TAG: "Tags"}
TERM_ROLE = Qt.ItemDataRole.UserRole + 1  # an int: the entry's index in FacetModel.terms
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
MORE_ROLE = Qt.ItemDataRole.UserRole + 3
QUOTED_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the quotation count of a quoted person
SHOWN = 8  # entries per section before "Show all"
# Entries per section loaded into the sidebar: thousands of rows would stall the window when
# it is rebuilt; typing in the filter box asks the archive for the matching ones instead.
FACET_LIMIT = 300
SEARCH_DELAY_MS = 250


class FacetModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(0, 3, parent)  # name, articles, quotations (people only)
        self._sections: dict[str, QStandardItem] = {}
        # Python objects stay on the Python side; items hold an index into this list.
        self.terms: list[Term] = []
        for kind in FACET_KINDS:
            head = QStandardItem(SECTION_LABELS.get(kind, kind.title()))
            head.setData(kind, KIND_ROLE)
            head.setEditable(False)
            head.setSelectable(False)
            font = QFont()
            font.setBold(True)
            head.setFont(font)
            count = QStandardItem("")
            count.setEditable(False)
            count.setSelectable(False)
            self.appendRow([head, count])
            self._sections[kind] = head
        style.theme().changed.connect(self._recolour)

    def set_facets(self, facets: dict[str, list[FacetEntry]], active: tuple[Term, ...] = ()) -> None:
        """Fill every section; entries of the `active` filter terms are shown in bold."""
        self.terms = []
        for kind, head in self._sections.items():
            entries = facets.get(kind, [])
            more_than = len(entries) > FACET_LIMIT
            entries = entries[:FACET_LIMIT]
            head.removeRows(0, head.rowCount())
            rows = []
            for entry in entries:
                rows.append(self._entry_row(entry, kind, entry.term in active))
            if len(entries) > SHOWN:
                more = QStandardItem(f"Show {'top' if more_than else 'all'} {len(entries):,}…")
                more.setData(True, MORE_ROLE)
                more.setData(kind, KIND_ROLE)
                more.setEditable(False)
                rows.append([more, QStandardItem("")])
            for row in rows:
                self._colour(*row)
                head.appendRow(row)
            self.item(head.row(), 1).setText(f"{len(entries):,}{'+' if more_than else ''}" if entries else "")

    def _entry_row(self, entry: FacetEntry, kind: str, active: bool) -> list[QStandardItem]:
        """The items of one entry: its name (bold when `active`), its article count and, for a
        quoted person, a speech bubble with their quotation count."""
        key = len(self.terms)
        self.terms.append(entry.term)
        name = QStandardItem(entry.term.label)
        name.setData(kind, KIND_ROLE)
        if active:
            bold = QFont()
            bold.setBold(True)
            name.setFont(bold)
        count = QStandardItem(f"{entry.count:,}")
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        quoted = QStandardItem(f"{entry.quoted:,}" if entry.quoted else "")
        quoted.setData(bool(entry.quoted), QUOTED_ROLE)
        for item in (name, count, quoted):
            item.setData(key, TERM_ROLE)
            item.setEditable(False)
            item.setToolTip(markup.literal(_described(entry)))
        return [name, count, quoted]

    def _recolour(self) -> None:
        """Counts, speech bubbles and "Show all" rows in the new theme's colours."""
        for head in self._sections.values():
            for row in range(head.rowCount()):
                self._colour(head.child(row, 0), head.child(row, 1), head.child(row, 2))

    @staticmethod
    def _colour(name: QStandardItem, count: QStandardItem, quoted: QStandardItem | None = None) -> None:
        """Counts in the muted colour, a quoted person's with a speech bubble; a "Show all" row as a link."""
        if name.data(MORE_ROLE):
            name.setForeground(style.theme().qcolor("link"))
            return
        muted = style.theme().qcolor("muted")
        for item in (count, quoted):
            if item is not None:
                item.setForeground(muted)
        if quoted is not None and quoted.data(QUOTED_ROLE):
            quoted.setIcon(speech_bubble(muted))

    def section(self, kind: str) -> QStandardItem:
        return self._sections[kind]

    def term(self, index: QModelIndex) -> Term | None:
        key = index.data(TERM_ROLE)
        return self.terms[key] if isinstance(key, int) and 0 <= key < len(self.terms) else None


def speech_bubble(colour: QColor, size: int = 12) -> QIcon:
    """A speech bubble outline in `colour`: beside a count, "quoted this many times"."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on high-DPI screens
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 2.4))
    bubble = QPainterPath()
    bubble.addRoundedRect(2, 3, size * 2 - 4, size * 2 - 10, 6, 6)
    tail = QPainterPath()
    tail.moveTo(7, size * 2 - 8)
    tail.lineTo(6, size * 2 - 2)
    tail.lineTo(13, size * 2 - 8)
    painter.drawPath(bubble.united(tail))
    painter.end()
    return QIcon(pixmap)


def _described(entry: FacetEntry) -> str:
    """An entry's hover text: "Ben Noble: 3 articles; quoted 5 times"."""
    text = f"{entry.term.label}: {entry.count:,} article{'s' if entry.count != 1 else ''}"
    return text + (f"; quoted {entry.quoted:,} time{'s' if entry.quoted != 1 else ''}" if entry.quoted else "")


class FacetFilterProxy(QSortFilterProxyModel):
    """Top entries per section without filter text; every match with it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self.expanded: set[str] = set()
        self.setRecursiveFilteringEnabled(False)

    def set_text(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.invalidate()

    def show_all(self, kind: str) -> None:
        self.expanded.add(kind)
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not parent.isValid():  # a section: shown if it has something to show
            head = model.index(row, 0)
            return any(self.filterAcceptsRow(r, head) for r in range(model.rowCount(head)))
        index = model.index(row, 0, parent)
        kind = index.data(KIND_ROLE)
        if index.data(MORE_ROLE):
            return not self._text and kind not in self.expanded
        if self._text:
            return self._text in (index.data() or "").casefold()
        return row < SHOWN or kind in self.expanded


class FacetTree(QTreeView):
    """Reports a double-click on the entry clicked just before, even if the sidebar was
    reloaded in between (the first click filters, which recounts every section).
    Enter or Space on an entry acts as a click; Ctrl+Enter as a double-click."""

    doubleClickedTerm = Signal(object)
    keyActivated = Signal(QModelIndex, bool)  # the entry, and whether to open its entity view

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_term: Term | None = None

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self.keyActivated.emit(self.currentIndex(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if self.last_term is not None:
            self.doubleClickedTerm.emit(self.last_term)
            return
        super().mouseDoubleClickEvent(event)


class FacetPanel(QWidget):
    termClicked = Signal(object)  # Term
    termActivated = Signal(object)  # Term of an entity, double-clicked: its profile
    termMenuRequested = Signal(object, QPoint)  # Term, global position for its context menu
    searchChanged = Signal(str)  # the filter box's text, once typing pauses
    trashClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self.loaded = False
        self.filter_box = QLineEdit(placeholderText="Filter people, places, sources…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter the sidebar")
        self.filter_box.setAccessibleDescription("Shows only the sidebar entries whose name contains this text. "
                                                 "Esc clears it.")
        self.filter_box.installEventFilter(self)
        self.trash_button = QToolButton(text="Trash")
        self.trash_button.setObjectName("trashButton")
        self.trash_button.setCheckable(True)
        self.trash_button.setAutoRaise(True)
        self.trash_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.trash_button.setAccessibleName("Trash")
        self.trash_button.setAccessibleDescription("Articles moved to the Trash: restore them or delete them for good")
        self.trash_button.clicked.connect(self.trashClicked)
        self.model = FacetModel(self)
        self.proxy = FacetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = FacetTree()
        self.tree.setObjectName("facetTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(12)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setMouseTracking(True)
        self.tree.setAccessibleName("Sidebar")
        self.tree.setAccessibleDescription("People, places, organisations, sources, authors and years with their "
                                           "article counts. Enter or Space filters by the entry, Ctrl+Enter opens it.")
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu_requested)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.trash_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.filter_box.textChanged.connect(self._filter_changed)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.searchChanged.emit(self.search_text()))
        self.tree.clicked.connect(self._clicked)
        self.tree.doubleClickedTerm.connect(self._double_clicked)
        self.tree.keyActivated.connect(self._key_activated)
        self.tree.expandAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Esc in the filter box clears it (and is not taken as "clear all filters")."""
        if (watched is self.filter_box and event.type() == QEvent.Type.ShortcutOverride
                and event.key() == Qt.Key.Key_Escape and self.filter_box.text()):
            self.filter_box.clear()
            event.accept()
            return True
        return False

    def set_trash(self, count: int, shown: bool) -> None:
        """The Trash entry: how many articles it holds, and whether the list shows it."""
        self.trash_button.setText(f"Trash ({count:,})" if count else "Trash")
        self.trash_button.setChecked(shown)

    def _term_at(self, index: QModelIndex) -> Term | None:
        """The Term of the sidebar row at view `index` (either column); None for a heading."""
        return self.model.term(self.proxy.mapToSource(index.siblingAtColumn(0)))

    def focus_entries(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.tree.currentIndex().isValid():
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def _key_activated(self, index: QModelIndex, open_view: bool) -> None:
        term = self._term_at(index)
        if open_view and term is not None:
            self._double_clicked(term)
        else:
            self._clicked(index)

    def _menu_requested(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        term = self._term_at(index) if index.isValid() else None
        if term is not None:
            self.termMenuRequested.emit(term, self.tree.viewport().mapToGlobal(pos))

    def set_facets(self, facets: dict[str, list[FacetEntry]], active: tuple[Term, ...] = ()) -> None:
        """Show the recounted sections (the `active` filter's entries in bold), keeping which
        sections are collapsed and where the keyboard was."""
        self.loaded = True
        collapsed = {
            kind for kind in FACET_KINDS
            if not self.tree.isExpanded(self.proxy.mapFromSource(self.model.section(kind).index()))
            and self.proxy.mapFromSource(self.model.section(kind).index()).isValid()
        }
        current = self._term_at(self.tree.currentIndex())
        self.model.set_facets(facets, active)
        self._expand(collapsed)
        if current is not None:  # a keyboard user keeps their place across the recount
            index = self.term_index(current.kind, current.label)
            self.tree.setCurrentIndex(index if index.isValid()
                                      else self.proxy.mapFromSource(self.model.section(current.kind).index()))

    def _expand(self, collapsed: set[str] = frozenset()) -> None:
        for kind in FACET_KINDS:
            index = self.proxy.mapFromSource(self.model.section(kind).index())
            if index.isValid():
                self.tree.setExpanded(index, kind not in collapsed)

    def _filter_changed(self, text: str) -> None:
        """Narrow what is loaded at once; then ask the archive for every match."""
        self.proxy.set_text(text)
        self._expand()
        self._search_timer.start()

    def search_text(self) -> str:
        return self.filter_box.text().strip()

    def term_index(self, kind: str, label: str) -> QModelIndex:
        """The view index of one entry (for tests and scripts)."""
        head = self.model.section(kind)
        for row in range(head.rowCount()):
            term = self.model.term(head.child(row).index())
            if term is not None and term.label == label:
                return self.proxy.mapFromSource(head.child(row).index())
        return QModelIndex()

    def _clicked(self, index: QModelIndex) -> None:
        self.tree.last_term = None
        if not index.parent().isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        source = self.proxy.mapToSource(index.siblingAtColumn(0))
        if source.data(MORE_ROLE):
            self.proxy.show_all(source.data(KIND_ROLE))
            return
        term = self.model.term(source)
        if term is not None:
            self.tree.last_term = term
            self.termClicked.emit(term)

    def _double_clicked(self, term: Term) -> None:
        if term.kind in ENTITY_KINDS:
            self.termActivated.emit(term)
