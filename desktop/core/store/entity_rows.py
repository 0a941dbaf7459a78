"""The archive-wide entity rows that the mentions of an article being stored link to: found
by their keys, their aliases merged with the article's, created when new. As plain rows and
statements built once: ORM objects of them were a good part of the one writer's time."""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from desktop.core.article import Entity
from desktop.core.store.models import EntityRow, insert_rows

Ident = tuple[str, str]  # (kind, key): one stored entity (store.archive.entity_key)

_KNOWN = select(EntityRow.id, EntityRow.kind, EntityRow.key, EntityRow.name, EntityRow.aliases).where(
    col(EntityRow.key).in_(bindparam("keys", expanding=True)))
_ALIASES = (update(EntityRow.__table__).where(EntityRow.__table__.c.id == bindparam("entity_id"))
            .values(aliases=bindparam("new_aliases")))


def entity_ids(session: Session, article_id: int, keyed: list[tuple[Ident, Entity]]) -> dict[Ident, int]:
    """The id of the stored entity of each (kind, key) of `keyed` (the article `article_id`'s
    entities, by their identity): a stored one gains the entity's aliases it lacks, a new one
    is created (scoped to the article when the entity is local). An identity may come twice
    (two forms that resolve to one stored entity): its aliases are merged."""
    rows = {(kind, key): {"entity_id": i, "name": name, "aliases": aliases, "was": aliases}
            for i, kind, key, name, aliases in _known(session, {key for (_, key), _ in keyed})}
    fresh: dict[Ident, dict] = {}  # the entity rows to create, as plain rows
    for ident, entity in keyed:
        if (row := rows.get(ident) or fresh.get(ident)) is not None:
            row["aliases"] = merged_aliases(row["aliases"], row["name"], entity.aliases)
        else:
            fresh[ident] = {"kind": entity.kind, "key": ident[1], "name": entity.name,
                            "aliases": merged_aliases("", entity.name, entity.aliases),
                            "scope_article_id": article_id if entity.local else None, "geonameid": entity.geonameid,
                            "country": entity.country, "lat": entity.lat, "lon": entity.lon}
    _update_aliases(session, [row for row in rows.values() if row["aliases"] != row["was"]])
    return {ident: row["entity_id"] for ident, row in rows.items()} | _insert(session, list(fresh.values()))


def merged_aliases(aliases: str, name: str, more: list[str]) -> str:
    """An entity row's newline-separated `aliases` with `more` added, never its own `name`."""
    known = [a for a in aliases.split("\n") if a and a != name]
    return "\n".join(known + [a for a in more if a not in known and a != name])


def _known(session: Session, keys: set[str]) -> list:
    """(id, kind, key, name, aliases) of the stored entities of `keys`, any kind."""
    return session.connection().execute(_KNOWN, {"keys": list(keys)}).all() if keys else []


def _update_aliases(session: Session, rows: list[dict]) -> None:
    """Store the new aliases of entity rows (dicts of entity_id and aliases) in one
    executemany; an object of such a row the session holds reads them again."""
    if not rows:
        return
    session.connection().execute(_ALIASES, [{"entity_id": r["entity_id"], "new_aliases": r["aliases"]} for r in rows])
    for row in rows:
        held = session.identity_map.get(session.identity_key(EntityRow, row["entity_id"]))
        if held is not None:
            session.expire(held, ["aliases"])


def _insert(session: Session, rows: list[dict]) -> dict[Ident, int]:
    """Create entity rows (column: value dicts) in one executemany and read their ids back
    in one query (an INSERT … RETURNING of many rows in order is one statement per row on
    SQLite); {(kind, key): new id}."""
    if not rows:
        return {}
    insert_rows(session, EntityRow, rows)
    wanted = {(row["kind"], row["key"]) for row in rows}
    return {(kind, key): i for i, kind, key, _, _ in _known(session, {key for _, key in wanted})
            if (kind, key) in wanted}
