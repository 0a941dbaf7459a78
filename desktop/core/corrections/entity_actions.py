"""The corrections of entities a user makes: rename, merge, split, change of kind, another
GeoNames place, not an entity, aliases, and a missed entity added.

Each is one transaction that checks its input first (ValueError, one sentence, nothing
changed), changes the stored rows at once (stored.*), and records the rule so that reindex
and every later import apply it too (rules.apply_corrections).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE, Entity
from desktop.core.corrections.history import Change, apply_rule, record
from desktop.core.corrections.rules import ADD, ALIAS, DROP, RECAST, added_entity, identity, matcher, row_identity
from desktop.core.corrections.places import likely_place, place_identity, place_label
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, EntityRow, Mention

# The kinds a user chooses among; a place is a city, country or other place by its GeoNames entry.
USER_KINDS = (PERSON, ORG, PLACE)
PLACE_KINDS = (CITY, COUNTRY, PLACE)
KIND_LABELS = {PERSON: "a person", ORG: "an organisation", CITY: "a city", COUNTRY: "a country", PLACE: "a place"}


def family(kind: str) -> str:
    """person, org or place: the kinds that may merge (a city and a country are both places)."""
    return PLACE if kind in PLACE_KINDS else kind


def entity_row(session: Session, entity_id: int) -> EntityRow:
    """The stored entity `entity_id`; ValueError if there is none."""
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise ValueError(f"There is no entity {entity_id} in the archive.")
    return row


def _clean(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValueError(f"{what} cannot be empty.")
    return text


def _rule(op: str, row: EntityRow, **fields) -> dict:
    """A rule about the entity `row`; one of a single article is limited to that article."""
    rule = {"op": op, "match": [matcher(row)], **fields}
    if row.scope_article_id is not None:
        rule["articles"] = [row.scope_article_id]
    return rule


def _applied(session: Session, action: str, rule: dict, summary: str, then=None) -> Change:
    """Apply `rule` to the stored rows and record it; `then(entity_id)`, if given, is the end
    of the summary (which depends on the entity now holding the mentions)."""
    before, entity_id = apply_rule(session, rule)
    return record(session, action, rule, before, summary + (then(entity_id) if then else ""), entity_id)


def rename_entity(archive: Archive, entity_id: int, new_name: str) -> Change:
    """Give the entity the canonical name `new_name`; the old name stays an alias. Onto the name
    of another stored entity of the same kind it is a merge into that entity. A first-name-only
    entity renamed becomes an entity of the whole archive."""
    name = _clean(new_name, "A new name")
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        if name == row.name:
            raise ValueError(f"Entity {entity_id} is already called '{name}'.")
        old = row.name
        to = row_identity(row) | {"name": name, "key": None, "local": False}
        joined = lambda holder: f" (now one with entity {holder})" if holder != entity_id else ""
        return _applied(session, "rename", _rule(RECAST, row, to=to), f"Renamed {entity_id} '{old}' to '{name}'", joined)


def merge_entities(archive: Archive, entity_ids: list[int], into: int) -> Change:
    """Merge the entities `entity_ids` into the entity `into` (all of one kind: person,
    organisation or place): their mentions, aliases, contexts and quotations move to it."""
    ids = [i for i in dict.fromkeys(entity_ids) if i != into]
    if not ids:
        raise ValueError(f"Name at least one entity other than {into} to merge into it.")
    with archive.transaction() as session:
        target = entity_row(session, into)
        if target.scope_article_id is not None:
            raise ValueError(f"Entity {into} is a first name known in one article only; merge it into a full name instead.")
        others = [entity_row(session, i) for i in ids]
        for other in others:
            if family(other.kind) != family(target.kind):
                raise ValueError(f"Entity {other.id} is {KIND_LABELS[other.kind]} and {into} {KIND_LABELS[target.kind]}: "
                                 "only entities of one kind merge (change the kind first).")
        rule = {"op": RECAST, "match": [matcher(o) for o in others], "to": row_identity(target)}
        names = ", ".join(f"{o.id} '{o.name}'" for o in others)
        return _applied(session, "merge", rule, f"Merged {names} into {into} '{target.name}'")


def split_entity(archive: Archive, entity_id: int, article_ids: list[int]) -> Change:
    """Move the entity's mentions in `article_ids` to a new entity of the same name and kind
    (two people of one name); the Change names the new entity."""
    wanted = sorted(set(article_ids))
    if not wanted:
        raise ValueError("Choose the articles whose mentions go to the new entity.")
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        if row.scope_article_id is not None:
            raise ValueError(f"Entity {entity_id} is named in one article only: there is nothing to split.")
        named = set(session.exec(select(Mention.article_id).where(Mention.entity_id == entity_id)).all())
        missing = [a for a in wanted if a not in named]
        if missing:
            raise ValueError(f"Entity {entity_id} is not named in article {missing[0]}.")
        if set(wanted) == named:
            raise ValueError(f"Those are all the articles of entity {entity_id}: choose some of them to split off.")
        to = row_identity(row) | {"key": _free_key(session, row)}
        rule = _rule(RECAST, row, to=to, articles=wanted)
        count = f"{len(wanted)} article{'s' if len(wanted) > 1 else ''}"
        return _applied(session, "split", rule, f"Split {count} of {entity_id} '{row.name}' off",
                        lambda new: f" as entity {new}")


def _free_key(session: Session, row: EntityRow) -> str:
    """A key for a namesake of `row`: its key with "~2", "~3"... (the first not stored)."""
    taken = set(session.exec(select(EntityRow.key).where(EntityRow.kind == row.kind,
                                                         col(EntityRow.key).startswith(f"{row.key}~"))).all())
    return next(f"{row.key}~{n}" for n in range(2, len(taken) + 3) if f"{row.key}~{n}" not in taken)


def change_kind(archive: Archive, entity_id: int, kind: str, geonameid: int | None = None) -> Change:
    """Make the entity a person, an organisation or a place: with `geonameid`, that GeoNames
    city, country or region; a place without one is a place GeoNames does not have."""
    if kind not in USER_KINDS:
        raise ValueError(f"'{kind}' is not a kind of entity: use person, org or place.")
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        if kind == PLACE:
            to = place_identity(row, geonameid)
        else:
            to = row_identity(row) | {"kind": kind, "key": None, "geonameid": None, "country": None,
                                      "lat": None, "lon": None}
        if family(row.kind) == kind and (kind != PLACE or (to["kind"], to["geonameid"]) == (row.kind, row.geonameid)):
            raise ValueError(f"Entity {entity_id} is {KIND_LABELS[row.kind]} already.")
        summary = (f"Made {entity_id} '{row.name}' {KIND_LABELS[to['kind']]}" + place_label(to, " at ")
                   + _renamed(row, to))
        return _applied(session, "kind", _rule(RECAST, row, to=to), summary)


def resolve_place(archive: Archive, entity_id: int, geonameid: int | None) -> Change:
    """Make the place the GeoNames place `geonameid` (Paris, Texas rather than Paris, France),
    or (None) a place GeoNames does not have."""
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        if family(row.kind) != PLACE:
            raise ValueError(f"Entity {entity_id} is {KIND_LABELS[row.kind]}, not a place: change its kind first.")
        to = place_identity(row, geonameid)
        if (to["kind"], to["geonameid"]) == (row.kind, row.geonameid):
            raise ValueError(f"Entity {entity_id} is that place already.")
        summary = (f"Placed {entity_id} '{row.name}' at" + place_label(to, " ") + _renamed(row, to)
                   if geonameid is not None else f"Marked {entity_id} '{row.name}' as a place GeoNames does not have")
        return _applied(session, "place", _rule(RECAST, row, to=to), summary)


def _renamed(row: EntityRow, to: dict) -> str:
    """", now named 'X' (its old name an alias)" when a GeoNames place gives the entity its name."""
    return f", now named '{to['name']}' ('{row.name}' kept as an alias)" if to["name"] != row.name else ""


def remove_entity(archive: Archive, entity_id: int, article_id: int | None = None) -> Change:
    """Not an entity: remove it from the article `article_id`, or (None) from every article.
    Its quotations there lose their speaker."""
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        fields = {}
        if article_id is not None:
            if session.get(Mention, (article_id, entity_id)) is None:
                raise ValueError(f"Entity {entity_id} is not named in article {article_id}.")
            fields["articles"] = [article_id]
        where = f"article {article_id}" if article_id is not None else "every article"
        return _applied(session, "remove", _rule(DROP, row, **fields), f"Removed {entity_id} '{row.name}' from {where}")


def edit_alias(archive: Archive, entity_id: int, action: str, text: str) -> Change:
    """Add ("add") or remove ("remove") another name of the entity."""
    if action not in ("add", "remove"):
        raise ValueError(f"'{action}' is no change of an alias: use add or remove.")
    alias = _clean(text, "An alias")
    with archive.transaction() as session:
        row = entity_row(session, entity_id)
        aliases = [a for a in row.aliases.split("\n") if a]
        if action == "add" and (alias == row.name or alias in aliases):
            raise ValueError(f"'{alias}' is a name of entity {entity_id} already.")
        if action == "remove" and alias not in aliases:
            raise ValueError(f"'{alias}' is not an alias of entity {entity_id}.")
        summary = (f"Added alias '{alias}' to" if action == "add" else f"Removed alias '{alias}' from")
        return _applied(session, "alias", _rule(ALIAS, row, alias={action: alias}),
                        f"{summary} {entity_id} '{row.name}'")


def add_entity(archive: Archive, article_id: int, text: str, kind: str, everywhere: bool = False) -> Change:
    """Mark what the entity stage missed: every whole-word occurrence of `text` in the article
    (or, `everywhere`, in every article, now and later) is a mention of the person,
    organisation or place of that name (a place: its most likely GeoNames entry, if any)."""
    name = _clean(text, "The text to mark")
    if kind not in USER_KINDS:
        raise ValueError(f"'{kind}' is not a kind of entity: use person, org or place.")
    with archive.transaction() as session:
        article = session.get(ArticleRow, article_id)
        if article is None:
            raise ValueError(f"There is no article {article_id} in the archive.")
        to = likely_place(name) if kind == PLACE else identity(Entity(kind, name))
        rule = {"op": ADD, "add": {"text": name, "kind": kind}, "to": to}
        if not everywhere:
            rule["articles"] = [article_id]
        found = added_entity(rule, article.title, article.text)
        if found is None:
            raise ValueError(f"'{name}' does not occur as whole words in article {article_id}.")
        where = "every article" if everywhere else f"article {article_id}"
        return _applied(session, "add", rule, f"Marked '{name}' as {KIND_LABELS[to['kind']]} in {where}")
