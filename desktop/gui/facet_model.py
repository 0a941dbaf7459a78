"""The sidebar's tree model: one section per facet kind, its entries with article counts
(most first) and, for quoted people, quotation counts. A recount updates the rows in place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QStandardItem, QStandardItemModel

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


class FacetModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(0, 3, parent)  # name, articles, quotations (people only)
        self._sections: dict[str, QStandardItem] = {}
        # Python objects stay on the Python side; items hold an index into this list.
        self.terms: list[Term] = []
        # What each section's entry rows show, (key, label, count, quoted, bold) a row, and its
        # "Show all" row's text (None: none): set_facets compares with these, not with the items.
        self._shown: dict[str, list[tuple]] = {kind: [] for kind in FACET_KINDS}
        self._more: dict[str, str | None] = dict.fromkeys(FACET_KINDS)
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
        """Fill every section; entries of the `active` filter terms are shown in bold. Rows
        that show the same entry as before are left alone and changed ones are updated in
        place: rebuilding all ~1,400 rows after every recount held the window 76 ms and more,
        and kept neither scroll position nor selection."""
        self.terms = []
        for kind, head in self._sections.items():
            entries = facets.get(kind, [])
            more_than = len(entries) > FACET_LIMIT
            entries = entries[:FACET_LIMIT]
            more = f"Show {'top' if more_than else 'all'} {len(entries):,}…" if len(entries) > SHOWN else None
            shown = self._shown[kind]
            if self._more[kind] is not None and (more != self._more[kind] or len(entries) != len(shown)):
                head.removeRow(len(shown))  # the "Show all" row, added again below with its new text
                self._more[kind] = None
            self._sync_rows(kind, head, entries, active)
            if more is not None and self._more[kind] is None:
                self._more[kind] = more
                item = QStandardItem(more)
                item.setData(True, MORE_ROLE)
                item.setData(kind, KIND_ROLE)
                item.setEditable(False)
                self._colour(item, None)
                head.appendRow([item, QStandardItem("")])
            total = self.item(head.row(), 1)
            text = f"{len(entries):,}{'+' if more_than else ''}" if entries else ""
            if total.text() != text:
                total.setText(text)

    def _sync_rows(self, kind: str, head: QStandardItem, entries: list[FacetEntry], active: tuple[Term, ...]) -> None:
        """Make the section's entry rows show `entries`: rows past the new end go, rows whose
        entry differs are updated, new ones are appended (before any "Show all" row, which
        the caller has removed when the number of entries changes)."""
        shown = self._shown[kind]
        wanted = []
        for entry in entries:
            wanted.append((len(self.terms), entry.term.label, entry.count, entry.quoted, entry.term in active))
            self.terms.append(entry.term)
        if len(shown) > len(wanted):
            head.removeRows(len(wanted), len(shown) - len(wanted))
        for row, (was, now) in enumerate(zip(shown, wanted)):
            if was != now:
                self._update_row([head.child(row, column) for column in range(3)], was, now, entries[row])
        for now, entry in zip(wanted[len(shown):], entries[len(shown):]):
            items = self._entry_row(entry, kind, now[4], now[0])
            self._colour(*items)
            head.appendRow(items)
        self._shown[kind] = wanted

    def _update_row(self, items: list[QStandardItem], was: tuple, now: tuple, entry: FacetEntry) -> None:
        """Change only what differs between the shown entry `was` and `now` (key, label,
        article count, quotation count, bold): each change is a signal the view and the
        filter proxy answer."""
        name, count, quoted = items
        if now[0] != was[0]:
            for item in items:
                item.setData(now[0], TERM_ROLE)
        if now[1] != was[1]:
            name.setText(now[1])
        if now[2] != was[2]:
            count.setText(f"{entry.count:,}")
        if now[3] != was[3]:
            quoted.setText(f"{entry.quoted:,}" if entry.quoted else "")
            quoted.setData(bool(entry.quoted), QUOTED_ROLE)
            quoted.setData(None, Qt.ItemDataRole.DecorationRole)
            self._colour(name, count, quoted)
        if now[4] != was[4]:
            name.setData(_bold() if now[4] else None, Qt.ItemDataRole.FontRole)
        if now[1:4] != was[1:4]:
            tip = markup.literal(_described(entry))
            for item in items:
                item.setToolTip(tip)

    def _entry_row(self, entry: FacetEntry, kind: str, active: bool, key: int) -> list[QStandardItem]:
        """The items of one entry (`key`: its index in `terms`): its name (bold when `active`),
        its article count and, for a quoted person, a speech bubble with their quotation count."""
        name = QStandardItem(entry.term.label)
        name.setData(kind, KIND_ROLE)
        if active:
            name.setFont(_bold())
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
        """The heading item of the section of `kind`; its children are the entries."""
        return self._sections[kind]

    def term(self, index: QModelIndex) -> Term | None:
        """The Term of the entry at model `index` (any column); None for a heading or "Show all"."""
        key = index.data(TERM_ROLE)
        return self.terms[key] if isinstance(key, int) and 0 <= key < len(self.terms) else None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


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
