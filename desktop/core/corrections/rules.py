"""Corrections as rules over what the entity stage produces: which entities a rule matches
(by kind and archive key, as `store.archive.entity_key` computes it), what it makes of them,
and applying every active rule to one article's extracted entities as it is stored.

A rule is a JSON object with an `op`:
- "recast": the entities of `match` become the entity `to` (rename, merge, split, change of
  kind, another GeoNames place);
- "drop": the entities of `match` are no entities;
- "alias": `alias` {"add": text} or {"remove": text} on the entities of `match`;
- "add": the whole-word occurrences of `add`["text"] are mentions of the entity `to`;
- "edit": an article's details (kept by the article's `edited` mark, not applied here).
`articles` (a list of article ids), when present, limits a rule to those articles.
`match` is a list of {"kind", "key", "name"}; `to` an identity (see `identity`).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from sqlmodel import Session, col, select

from desktop.core.article import Entity
from desktop.core.store.archive import entity_key
from desktop.core.store.models import Correction, EntityRow

RECAST, DROP, ALIAS, ADD, EDIT = "recast", "drop", "alias", "add", "edit"
ENTITY_OPS = (RECAST, DROP, ALIAS, ADD)

# The end of a sentence, or a paragraph break: where an added mention's context stops.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n+")


def identity(entity: Entity) -> dict:
    """What a rule keeps of an entity to make it again: kind, name, explicit key, whether it
    belongs to one article, and its place (GeoNames id, ISO2 country, coordinates)."""
    return {"kind": str(entity.kind), "name": entity.name, "key": entity.key, "local": entity.local,
            "geonameid": entity.geonameid, "country": entity.country, "lat": entity.lat, "lon": entity.lon}


def entity_of(ident: dict, **extra) -> Entity:
    """The Entity an identity describes; `extra`: its per-article fields (aliases, mentions...)."""
    return Entity(**ident, **extra)


def row_identity(row: EntityRow) -> dict:
    """The identity of a stored entity row; its key is explicit only when it is not the one
    its kind, name and place give (a namesake split off)."""
    plain = Entity(row.kind, row.name, local=row.scope_article_id is not None, geonameid=row.geonameid,
                   country=row.country, lat=row.lat, lon=row.lon)
    natural = entity_key(plain, row.scope_article_id or 0)
    return identity(replace(plain, key=None if row.key == natural else row.key))


def key_of(ident: dict, article_id: int | None) -> str:
    """The archive key of an identity, in `article_id` (for an entity of one article)."""
    return entity_key(entity_of(ident), article_id or 0)


def matcher(row: EntityRow) -> dict:
    """How a rule names a stored entity: its kind and key, its name for people to read, and
    for an entity of one article that article (its key ends in "#" and the article's id)."""
    found = {"kind": row.kind, "key": row.key, "name": row.name}
    return found | ({"article": row.scope_article_id} if row.scope_article_id is not None else {})


def in_scope(rule: dict, article_id: int) -> bool:
    """Whether `rule` applies to the article `article_id`."""
    articles = rule.get("articles")
    return articles is None or article_id in articles


def active_rules(session: Session) -> list[dict]:
    """The entity rules of every correction not undone, oldest first (the order they were made,
    so that a rule about a renamed entity meets it under its new name)."""
    found = session.exec(
        select(Correction.rule).where(col(Correction.undone).is_(None)).order_by(Correction.id)
    ).all()
    rules = [json.loads(text) for text in found]
    return [rule for rule in rules if rule.get("op") in ENTITY_OPS]


def apply_corrections(active: list[dict], article_id: int, title: str, text: str,
                      entities: list[Entity]) -> list[Entity]:
    """`entities` (extracted from the article `article_id`, its `title` and `text`) as the
    archive's corrections (`active`: active_rules, read in the transaction that stores
    them) make them."""
    rules = [rule for rule in active if in_scope(rule, article_id)]
    return apply_rules(rules, article_id, title, text, entities) if rules else entities


def apply_rules(rules: list[dict], article_id: int, title: str, text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` of one article after each of `rules` in turn (all of them in scope), with
    entities that came to share a key made one (mentions added, the earliest first)."""
    for rule in rules:
        matched = {(m["kind"], m["key"]) for m in rule.get("match", ())}
        hit = lambda e: (str(e.kind), entity_key(e, article_id)) in matched
        if rule["op"] == RECAST:
            entities = [_recast(e, rule["to"]) if hit(e) else e for e in entities]
        elif rule["op"] == DROP:
            entities = [e for e in entities if not hit(e)]
        elif rule["op"] == ALIAS:
            entities = [_with_alias(e, rule["alias"]) if hit(e) else e for e in entities]
        elif rule["op"] == ADD and (added := added_entity(rule, title, text)) is not None:
            # Found by the entity stage already: its count holds these occurrences.
            known = {(str(e.kind), entity_key(e, article_id)) for e in entities}
            if (str(added.kind), entity_key(added, article_id)) not in known:
                entities = [*entities, added]
    return combined(entities, article_id)


def _recast(entity: Entity, to: dict) -> Entity:
    """`entity` as the entity `to`, its name kept among the aliases."""
    aliases = sorted({*entity.aliases, entity.name} - {to["name"]})
    return entity_of(to, aliases=aliases, mentions=entity.mentions, first_pos=entity.first_pos,
                     context=entity.context)


def _with_alias(entity: Entity, change: dict) -> Entity:
    if "add" in change:
        aliases = [*entity.aliases, change["add"]] if change["add"] not in entity.aliases else entity.aliases
    else:
        aliases = [a for a in entity.aliases if a != change["remove"]]
    return replace(entity, aliases=aliases)


def added_entity(rule: dict, title: str, text: str) -> Entity | None:
    """The entity an "add" rule finds in an article: every whole-word occurrence of its text
    in title + "\\n\\n" + text (the offsets the entity stage uses) is a mention; None if none."""
    from desktop.core.entities.ner import occurrences

    whole = f"{title}\n\n{text}"
    starts = list(occurrences(whole, rule["add"]["text"]))
    if not starts:
        return None
    to = rule["to"]
    aliases = [rule["add"]["text"]] if rule["add"]["text"] != to["name"] else []
    return entity_of(to, aliases=aliases, mentions=len(starts), first_pos=starts[0],
                     context=sentence_around(whole, starts[0]))


def sentence_around(text: str, pos: int) -> str:
    """The sentence (or line) of `text` that the character `pos` falls in, stripped."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, pos):
        start = end.end()
    after = _SENTENCE_END.search(text, pos)
    stop = after.start() + 1 if after and text[after.start()] in ".!?" else after.start() if after else len(text)
    return text[start:stop].strip()


def combined(entities: list[Entity], article_id: int) -> list[Entity]:
    """`entities` with those sharing a kind and key made one: mentions added, the earliest
    mention's position and context kept, every other name an alias; in their order."""
    by_key: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        ident = (str(entity.kind), entity_key(entity, article_id))
        kept = by_key.get(ident)
        if kept is None:
            by_key[ident] = entity
            continue
        first = entity if entity.first_pos < kept.first_pos else kept
        names = {*kept.aliases, *entity.aliases, entity.name} - {kept.name}
        by_key[ident] = replace(kept, aliases=sorted(names), mentions=kept.mentions + entity.mentions,
                                first_pos=first.first_pos, context=first.context)
    return list(by_key.values())
