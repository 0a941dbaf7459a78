"""The sidebar: People, Cities, Countries, Organisations, Sources, Authors, Years, Tags.

A tree model (one section per facet kind, entries with article counts, most first) and a
view with a filter box. Each section shows its top entries and a "Show all" row; typing in
the filter box searches every loaded entry. Clicking an entry asks for a Term to be added
to the Filter (`termClicked`); double-clicking an entity opens its profile (`termActivated`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
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
from desktop.core.query import FACET_KINDS, FacetEntry, Term
from desktop.gui.facet_model import KIND_ROLE, MORE_ROLE, SHOWN, FacetModel

SEARCH_DELAY_MS = 250


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
