"""What a PostgreSQL server's errors mean, for the Archive and a user: the postgres backend's
is_*_error and explain (core/store/postgres.py offers them as its own)."""

from __future__ import annotations


def _state(exc: Exception) -> str:
    """The SQLSTATE of a server error (https://www.postgresql.org/docs/15/errcodes-appendix.html)."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None) or ""


def is_locked_error(exc: Exception) -> bool:
    """True if `exc` means another writer held the writers' lock past LOCK_TIMEOUT."""
    return _state(exc) == "55P03"


def is_search_error(exc: Exception) -> bool:
    """True if `exc` is the server refusing a text search query (ts_query never makes one)."""
    return _state(exc) == "42601" and "tsquery" in str(exc)


def is_readonly_error(exc: Exception) -> bool:
    """True if `exc` means the user may not write (insufficient privilege, a read-only server)."""
    return _state(exc) in ("42501", "25006")


def is_connection_error(exc: Exception) -> bool:
    """True if `exc` means the server is away or the connection to it was lost (SQLSTATE
    class 08, or what explain calls a lost connection or an unreachable server)."""
    message, state = str(getattr(exc, "orig", exc)), _state(exc)
    return state.startswith("08") or _lost(message, state) or _unreachable(message)


def _lost(message: str, state: str) -> bool:
    """An operator intervention (57P: the server shut down or ended this session) or the
    connection dropped under a statement."""
    return state.startswith("57P") or "server closed the connection" in message or "consuming input failed" in message


def _unreachable(message: str) -> bool:
    """libpq's words for a connection that could not be made (it has no SQLSTATE)."""
    return ("connection" in message and any(m in message for m in ("refused", "timeout", "could not", "translate host"))
            or "failed to resolve host" in message)


def explain(exc: Exception, name: str) -> str | None:
    """One sentence for a connection or permission problem with the archive `name`, or None.

    libpq reports a failed connection only in words (no SQLSTATE), hence the text tests.
    """
    message, state = str(getattr(exc, "orig", exc)), _state(exc)
    if state == "3D000" or "does not exist" in message and "database" in message:
        return f"The database of the archive {name} does not exist: ask its administrator to create it."
    if (state in ("28P01", "28000") or "password authentication failed" in message
            or "role" in message and "does not exist" in message):
        return (f"The server refused the user name or password for {name}: check them "
                "(~/.pgpass or PGPASSWORD hold the password).")
    if "no password supplied" in message:
        return f"The server asks for a password for {name}: put it in ~/.pgpass or PGPASSWORD."
    if state == "42501":  # the server's words name what was refused: "permission denied for table tag"
        refused = getattr(getattr(getattr(exc, "orig", exc), "diag", None), "message_primary", None)
        return f"The user has no permission for this in the archive {name}{f' ({refused})' if refused else ''}: " \
               "ask its administrator."
    if _lost(message, state):
        return f"The connection to the archive {name} was lost: nothing of the last change was saved. Try again."
    if _unreachable(message):
        return f"Cannot reach the archive's server for {name}: is it running, and is the address right?"
    return None


def is_damage_error(exc: Exception) -> bool:
    """True if `exc` is the server reporting damaged data (SQLSTATE class XX: data_corrupted
    or index_corrupted)."""
    return _state(exc) in ("XX001", "XX002")


def is_not_database_error(exc: Exception) -> bool:
    """False: a server database is always a database (its tables say whether an archive)."""
    return False
