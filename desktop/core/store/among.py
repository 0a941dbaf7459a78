"""`NotAmong`: a value is none of the ids a SELECT gives, written by each engine its own way.

SQL's `NOT IN (SELECT ...)` is the default. PostgreSQL's planner cannot turn NOT IN into an
anti-join and guesses it keeps half the rows; postgres.py writes it as `<> ALL (ARRAY(...))`,
which it estimates from the (few) ids, so a filter driven by 2,000 mentions probes the article
index 2,000 times instead of merging all of it.
"""

from __future__ import annotations

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class NotAmong(ColumnElement):
    """The condition that `column` is not among the ids the SELECT `ids` gives (none NULL)."""

    # No Boolean type: SQLite's compiler would add "= 1", and the planner lose the NOT IN.
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("ids", InternalTraversal.dp_clauseelement)]

    def __init__(self, column, ids):
        self.column, self.ids = column, ids


@compiles(NotAmong)
def _not_in(element: NotAmong, compiler, **kw) -> str:
    return compiler.process(element.column.not_in(element.ids), **kw)
