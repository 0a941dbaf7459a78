"""Several articles stored in one transaction (the batch runner's group, work.store_jobs)
run the statements that only write, and nothing later in the group reads, once for the group.

Each statement costs the one writer SQLAlchemy's work on it (~60 µs, more than SQLite's own
on a row) besides SQLite's, and storing a new article ran a dozen of them. Inside `grouping`,
`later` keeps the rows of such statements (the new article's snapshot, capture, tag links and
person count, the job's end) and the group writes each statement's rows in one executemany
before its commit; `once` reads what the group's transaction cannot change (the corrections'
two numbers, the tag names the group keeps up to date) once. Outside a group both act at once,
as before. The rows kept are written early (`write_pending`) when a job of the group may touch
an article stored before it: the reads of that path then find them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Executable
from sqlmodel import Session

from desktop.core.errors import CuttingsError

_GROUP = "cuttings.group"  # the key of a grouping session's _Group in Session.info
T = TypeVar("T")


class _Group:
    """The statements waiting for the group's end, with their rows, in the order first met
    (a table's rows after the rows they refer to), and what the group has read once."""

    def __init__(self) -> None:
        self.pending: dict[Executable, tuple[list[dict], str | None]] = {}
        self.read: dict[str, object] = {}


@contextmanager
def grouping(session: Session) -> Iterator[None]:
    """Make `session`'s transaction a group's until the block ends; write what waits at the
    end (when the block raises, nothing: the caller rolls the transaction back)."""
    session.info[_GROUP] = _Group()
    try:
        yield
        write_pending(session)
    finally:
        session.info.pop(_GROUP, None)


def later(session: Session, statement: Executable, rows: list[dict], missing: str | None = None) -> None:
    """Run `statement` (an INSERT or UPDATE built once) for each of `rows` (its parameters)
    at the group's end, or now outside a group. `missing`: each row must change one row of
    the archive, or CuttingsError(`missing`) is raised (then, or at the group's end: the
    whole group fails, and the caller stores each job alone to find the one)."""
    group = session.info.get(_GROUP)
    if group is None:
        _run(session, statement, rows, missing)
    elif rows:
        group.pending.setdefault(statement, ([], missing))[0].extend(rows)


def write_pending(session: Session) -> None:
    """Write the rows `later` keeps for the group of `session` now (nothing outside a group)."""
    group = session.info.get(_GROUP)
    if group is None or not group.pending:
        return
    pending, group.pending = group.pending, {}
    for statement, (rows, missing) in pending.items():
        _run(session, statement, rows, missing)


def once(session: Session, key: str, read: Callable[[], T]) -> T:
    """`read()` once for `session`'s group (kept under `key`, for the caller to keep up to
    date when it writes what it read), or at every call outside a group."""
    group = session.info.get(_GROUP)
    if group is None:
        return read()
    if key not in group.read:
        group.read[key] = read()
    return group.read[key]


def _run(session: Session, statement: Executable, rows: list[dict], missing: str | None) -> None:
    if not rows:  # an executemany of no rows would be one statement of the defaults
        return
    done = session.connection().execute(statement, rows)
    if missing is not None and done.rowcount != len(rows):
        raise CuttingsError(missing)
