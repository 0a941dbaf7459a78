"""The article list: a table model over the ids of one query, rows fetched on demand.

The model holds only the id list from `query.article_ids` (a long one in two steps: its
first page, then all of it, see browsing.BrowsingState.run_query). Rows are fetched in pages
(`list_rows.summaries`) by the task runner when the view first asks for them, and kept in a
small cache of recent pages — never all rows as objects. Sorting is a new query: the
model asks for it (`sortRequested`) and never sorts rows in Python.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from desktop.core import query
from desktop.core.list_rows import Summary
from desktop.core.search import ELLIPSIS, HIT_END, HIT_START
from desktop.core.search_results import version_label
from desktop.core.store.db import Archive
from desktop.gui import markup, style
from desktop.gui.browsing import page_rows

PAGE_SIZE = 50  # a screenful of rows, fetched at once
# The words before a snippet's first hit take at most this share of the cell, so that the hit
# shows in a narrow Found column instead of being cut off at the right.
LEAD_SHARE = 1 / 3
MAX_PAGES = 80  # rows kept: MAX_PAGES * PAGE_SIZE

# (header, key: a sort of query.SORT_COLUMNS where the column can be sorted, default descending)
COLUMNS = (
    ("Date", "published", True),
    ("Title", "title", False),
    ("Source", "publisher", False),
    ("Authors", "authors", False),
    ("People", "people", True),
    ("Places", "places", False),
    ("Added", "added", True),
    ("Found", "snippet", False),
)
DATE, TITLE, SOURCE, AUTHORS, PEOPLE, PLACES, ADDED, SNIPPET = range(len(COLUMNS))
HIDDEN_AT_FIRST = frozenset({PLACES, ADDED, SNIPPET})  # offered in the header's context menu
SEARCH_ONLY = frozenset({SNIPPET})  # shown while searching, and only then
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Before the title of an article a re-check found changed (it has earlier versions).
CHANGED_MARK = "✎ changed · "


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, ID_ROLE,
})
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN = [int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if c == PEOPLE else int(_LEFT)
          for c in range(len(COLUMNS))]
CELL_PADDING = 6


class _Row(NamedTuple):
    summary: Summary
    cells: tuple[str, ...]


def column_of_sort(sort: str) -> int | None:
    """The column showing the sort order `sort`; None for an order no column shows (relevance)."""
    return next((i for i, c in enumerate(COLUMNS) if c[1] == sort and c[1] in query.SORT_COLUMNS), None)


class ArticleTableModel(QAbstractTableModel):
    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, archive: Archive, runner, parent=None):
        super().__init__(parent)
        self._archive = archive
        self._runner = runner
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[_Row | None]] = OrderedDict()
        self._loading: set[int] = set()
        self._epoch = 0
        self._search = ""
        self.complete = True  # the ids are all the result's (see set_result)

    # -- content --------------------------------------------------------------------
    def set_result(self, ids: Sequence[int], first_rows: Sequence[Summary] = (),
                   snippets: dict[int, str] | None = None, search: str = "", complete: bool = True) -> None:
        """Show a new query result: its ids, the rows already fetched for page 0 and their
        snippets (search_results.snippets) for the search text `search`; not `complete`:
        the first ids alone, the rest to come (add_rest)."""
        self.beginResetModel()
        self._epoch += 1
        self._search = search
        self.complete = complete
        self._ids = list(ids)
        self._row_of = None
        self._pages.clear()
        self._loading.clear()
        if first_rows:
            self._store_page(0, list(first_rows), snippets or {})
        self.endResetModel()

    def add_rest(self, ids: Sequence[int]) -> bool:
        """Complete a result shown incomplete with all its `ids`, which begin with those shown:
        the rows after them are added. False (nothing changed) if they do not begin so."""
        shown = len(self._ids)
        if self.complete or list(ids[:shown]) != self._ids:
            return False
        self.complete = True
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids.extend(ids[shown:])
            self._row_of = None
            self.endInsertRows()
        return True

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {a: i for i, a in enumerate(self._ids)}
        return self._row_of.get(article_id)

    def summary_at(self, row: int) -> Summary | None:
        page = self._pages.get(row // PAGE_SIZE)
        entry = page[row % PAGE_SIZE] if page is not None and row >= 0 else None
        return entry.summary if entry is not None else None

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # -- paging ---------------------------------------------------------------------
    def _store_page(self, page_no: int, rows: list[Summary], snippets: dict[int, str]) -> None:
        start = page_no * PAGE_SIZE
        wanted = self._ids[start : start + PAGE_SIZE]
        by_id = {s.id: s for s in rows}
        # Each row with its cells already formatted: the view asks for them on every paint.
        self._pages[page_no] = [
            _Row(by_id[i], (*(_cell(by_id[i], c) for c in range(SNIPPET)), snippets.get(i, "")))
            if i in by_id else None
            for i in wanted
        ]
        self._pages.move_to_end(page_no)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _request_page(self, page_no: int) -> None:
        if page_no in self._loading:
            return
        self._loading.add(page_no)
        epoch, archive, search = self._epoch, self._archive, self._search
        wanted = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]

        def done(page: tuple[list[Summary], dict[int, str]]) -> None:
            if epoch != self._epoch:
                return  # a newer query replaced the ids meanwhile
            self._loading.discard(page_no)
            self._store_page(page_no, *page)
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

        def failed(_exc: BaseException) -> None:
            if epoch == self._epoch:
                self._loading.discard(page_no)

        self._runner.run(("page", page_no), lambda: page_rows(archive, wanted, search), done, failed)

    # -- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == PEOPLE:
                return _ALIGN[PEOPLE]
        return None

    def cell(self, row: int, column: int) -> tuple[str, QColor | None]:
        """The text of one cell and its colour (None: the normal text colour). A page not
        fetched yet is fetched in the background and shows "…" meanwhile."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request_page(page_no)
            page = self._pages.get(page_no)  # there already if the runner is synchronous
        if page is None:
            return ("…" if column == TITLE else ""), style.theme().qcolor("faint")
        entry = page[row % PAGE_SIZE]
        if entry is None:
            return ("(deleted)" if column == TITLE else ""), style.theme().qcolor("muted")
        return entry.cells[column], (style.theme().qcolor("muted") if column in (DATE, PEOPLE, ADDED) else None)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None  # the view asks ~12 roles per cell on every paint: answer the rest at once
        row, column = index.row(), index.column()
        if role == ID_ROLE:
            return self.id_at(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN[column]
        text, colour = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return plain(text) if column == SNIPPET else text
        if role == Qt.ItemDataRole.ForegroundRole:
            return colour
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, AUTHORS, PLACES, SNIPPET) and text:
            return markup.literal(plain(text))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sortRequested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)


class CellDelegate(QStyledItemDelegate):
    """Paints a cell's text straight from the model's formatted row. The stock delegate asks
    the model for a dozen roles per cell and lays each cell out through the style sheet,
    which made repainting a full-screen list after every filter click several times slower."""

    def __init__(self, model: ArticleTableModel, parent=None):
        super().__init__(parent)
        self._model = model

    def paint(self, painter, option, index) -> None:
        column = index.column()
        text, colour = self._model.cell(index.row(), column)
        if option.state & QStyle.StateFlag.State_Selected:  # the view has painted the highlight
            colour = option.palette.highlightedText().color()
        painter.setPen(colour or option.palette.text().color())
        rect = option.rect.adjusted(CELL_PADDING, 0, -CELL_PADDING, 0)
        if column == SNIPPET:
            _paint_marked(painter, rect, text, option)
            return
        painter.drawText(rect, _ALIGN[column],
                         option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))


def plain(marked: str) -> str:
    """A snippet without its hit markers."""
    return marked.replace(HIT_START, "").replace(HIT_END, "")


def _paint_marked(painter, rect, marked: str, option) -> None:
    """A snippet on one line, its hits bold on the theme's hit colour, its first hit in view
    (lead_cut), elided at the right."""
    bold = QFont(option.font)
    bold.setBold(True)
    x, right = rect.left(), rect.right()
    marked = lead_cut(marked, option.fontMetrics, rect.width())
    for n, part in enumerate(marked.replace(HIT_END, HIT_START).split(HIT_START)):
        if not part or x >= right:
            continue
        hit = n % 2 == 1  # parts alternate: text, hit, text...
        metrics = QFontMetrics(bold if hit else option.font)
        shown = metrics.elidedText(part, Qt.TextElideMode.ElideRight, right - x)
        width = metrics.horizontalAdvance(shown)
        box = QRect(x, rect.top(), width, rect.height())
        if hit:
            painter.fillRect(box.adjusted(-1, 3, 1, -3), style.theme().qcolor("hit"))
        painter.setFont(bold if hit else option.font)
        painter.drawText(box, int(_LEFT), shown)
        x += width
    painter.setFont(option.font)


def lead_cut(marked: str, metrics: QFontMetrics, width: int) -> str:
    """`marked` with the words before its first hit cut from the left (to an ellipsis, at a
    word's start) when they are wider than LEAD_SHARE of `width` pixels; an earlier version's
    "in version N: " label stays whole."""
    label = version_label(marked)
    lead, hit, rest = marked[len(label):].partition(HIT_START)
    room = int(width * LEAD_SHARE)
    if not hit or metrics.horizontalAdvance(lead) <= room:
        return marked
    tail = metrics.elidedText(lead, Qt.TextElideMode.ElideLeft, room)[1:]  # after Qt's "…"
    if not lead[:-len(tail) or None].endswith(" ") and " " in tail.strip():  # a word cut: drop it
        tail = tail.split(" ", 1)[1]
    return f"{label}{ELLIPSIS}{tail}{hit}{rest}"


def _cell(item: Summary, column: int) -> str:
    if column == DATE:
        return (item.published or "")[:10]
    if column == TITLE:
        return (CHANGED_MARK if item.changed else "") + (item.title or "(untitled)")
    if column == SOURCE:
        return source_label(item)
    if column == AUTHORS:
        return ", ".join(item.authors)
    if column == PEOPLE:
        return str(item.person_count) if item.person_count else ""
    if column == PLACES:
        return ", ".join(item.places)
    if column == ADDED:
        return item.added.strftime("%Y-%m-%d") if item.added else ""
    return ""


def source_label(item: Summary) -> str:
    """Where an article is from: its publisher, else its web site."""
    if item.publisher or not item.url:
        return item.publisher or ""
    return (urlsplit(item.url).hostname or "").removeprefix("www.")
