"""Plain SQL on a test archive of either engine, the way tests read rows behind the app's back."""

from __future__ import annotations


class Connection:
    """A DB-API connection to `archive` (SQLite file or PostgreSQL database) taking SQL with
    sqlite3's `?` placeholders; as a `with` block it commits at the end and closes."""

    def __init__(self, archive):
        self.raw = archive.engine.raw_connection()
        self.server = not archive.is_file

    def execute(self, sql: str, params: tuple | list = ()):
        cursor = self.raw.cursor()
        if self.server:
            cursor.execute(sql.replace("?", "%s"), tuple(params) or None)
        else:
            cursor.execute(sql, tuple(params))
        return cursor

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, kind, *_) -> None:
        try:
            self.commit() if kind is None else self.raw.rollback()
        finally:
            self.close()


def connect(archive) -> Connection:
    """A Connection to `archive`."""
    return Connection(archive)


def count(archive, table: str) -> int:
    """How many rows `table` holds."""
    with connect(archive) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def indexed(archive) -> int:
    """How many articles the full-text index holds."""
    table = "article_search" if not archive.is_file else "article_fts"
    with connect(archive) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
