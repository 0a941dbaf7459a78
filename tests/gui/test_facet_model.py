"""The sidebar's model after a recount: rows updated in place, the same as a fresh build."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.article import ORG, PERSON
from desktop.core.query import FACET_KINDS, FacetEntry, Term
from desktop.gui.facet_model import KIND_ROLE, MORE_ROLE, QUOTED_ROLE, SHOWN, TERM_ROLE, FacetModel


def people(*counts: tuple[str, int, int]) -> dict[str, list[FacetEntry]]:
    return {PERSON: [FacetEntry(Term(PERSON, name, (i,)), n, q) for i, (name, n, q) in enumerate(counts)],
            ORG: [FacetEntry(Term(ORG, "UN", (99,)), 3)]}


def shown(model: FacetModel) -> list:
    """Every row as the view sees it: texts, roles, bold, tooltip; and its term."""
    rows = []
    for kind in FACET_KINDS:
        head = model.section(kind)
        rows.append((kind, model.item(head.row(), 1).text()))
        for row in range(head.rowCount()):
            name = head.child(row, 0)
            items = [head.child(row, c) for c in range(3) if head.child(row, c) is not None]
            rows.append((name.text(), name.data(KIND_ROLE), bool(name.data(MORE_ROLE)), name.font().bold(),
                         model.term(name.index()), [(i.text(), i.toolTip(), i.data(TERM_ROLE), i.data(QUOTED_ROLE),
                                                     i.icon().isNull()) for i in items]))
    return rows


def test_a_recount_updates_rows_in_place_as_a_fresh_build_shows_them(qtbot):
    many = [(f"Person {i}", 20 - i, i % 3) for i in range(SHOWN + 3)]
    model = FacetModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_facets(people(*many))
    head = model.section(PERSON)
    changed = [("Person 0", 20, 0), ("Renamed", 19, 2), *many[2:-2]]  # fewer rows: "Show all" goes
    active = (Term(PERSON, "Renamed", (1,)),)
    for facets, bold in [(people(*changed), active), (people(*many), ()), (people(("Solo", 1, 1)), active)]:
        model.set_facets(facets, bold)
        fresh = FacetModel()
        fresh.set_facets(facets, bold)
        assert shown(model) == shown(fresh)
    model.set_facets(people(*many))
    assert head.child(head.rowCount() - 1, 0).data(MORE_ROLE) and head.child(1, 0).font().bold() is False
    assert head.child(1, 0).data(Qt.ItemDataRole.FontRole) is None


def test_unchanged_rows_keep_their_items(qtbot):
    model = FacetModel()
    model.set_facets(people(("A", 3, 0), ("B", 2, 0)))
    first = model.section(PERSON).child(0, 0)
    model.set_facets(people(("A", 3, 0), ("C", 1, 0)))
    assert model.section(PERSON).child(0, 0) is first
    assert model.section(PERSON).child(1, 0).text() == "C"
    assert [t.label for t in model.terms] == ["A", "C", "UN"]
