"""Likely duplicates: entities that may be one person, organisation or place, proposed for review.

    likely_duplicates(archive, kind=None, limit=None) -> [Proposal]   # best first
    reject_duplicate(archive, id_a, id_b)                              # never proposed again

Accepting a proposal is `corrections.merge_entities(archive, [p.other.id], into=p.keep.id)`.
The rules (which pairs, how sure) are in rules.py, the name forms in entities/name_forms.py.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE
from desktop.core.corrections.entity_actions import family
from desktop.core.corrections.listing import EntityListing
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, DuplicateVerdict, EntityRow, Mention

from . import rules
from desktop.core.entities.name_forms import fullness
from .rules import Candidate, Match

# The kinds a user asks for -> the entity kinds they cover ("place": every kind of place).
KIND_GROUPS = {PERSON: (PERSON,), ORG: (ORG,), PLACE: (CITY, COUNTRY, PLACE)}
_SPLIT_SUFFIX = re.compile(r"~\d+$")  # the end of a split-off namesake's key
_CHUNK = 500  # ids per IN (...) list: far below SQLite's limit on bound parameters


@dataclass
class Proposal:
    """Merge `other` into `keep`: how sure the rule is (0-1) and why, in a short phrase. `kind`
    is the kept entity's (a city and an unresolved place of its name may be proposed as one)."""

    kind: str
    keep: EntityListing
    other: EntityListing
    score: float
    reason: str


def likely_duplicates(archive: Archive, kind: str | None = None, limit: int | None = None) -> list[Proposal]:
    """Pairs of entities of one kind that may be one, surest first (then those with the most
    articles, then by entity ids).

    `kind` is "person", "org" or "place" (cities, countries and other places), None for all;
    `limit` keeps the first N. A pair the user rejected (reject_duplicate) never comes back,
    nor does an entity whose every article is in the Trash. Raises ValueError for another kind.
    """
    kinds = _kinds(kind)
    with archive.session() as session:
        found = _candidates(session, kinds)
        refused = {(v.kind, v.key_a, v.key_b) for v in session.exec(
            select(DuplicateVerdict).where(col(DuplicateVerdict.kind).in_({family(k) for k in kinds})))}
        matches = [m for m in _matches(session, found) if _keys(m.a, m.b) not in refused and not _split_apart(m.a, m.b)]
        articles = _articles(session)
        best: dict[tuple[int, int], Match] = {}
        for m in matches:
            pair = (min(m.a.id, m.b.id), max(m.a.id, m.b.id))
            if articles.get(m.a.id) and articles.get(m.b.id) and (pair not in best or best[pair].score < m.score):
                best[pair] = m
        order = lambda item: (-item[1].score, -(articles[item[1].a.id] + articles[item[1].b.id]), item[0])
        ranked = heapq.nsmallest(limit, best.items(), order) if limit is not None else sorted(best.items(), key=order)
        pairs = [_kept_first(m, articles) for _, m in ranked]
        details = _details(session, {c.id for keep, other, _ in pairs for c in (keep, other)})
    return [Proposal(keep.kind, _listing(keep, articles, details), _listing(other, articles, details), m.score,
                     m.reason) for keep, other, m in pairs]


def reject_duplicate(archive: Archive, entity_id_a: int, entity_id_b: int) -> None:
    """Remember that two entities are not one: the pair is never proposed again (by their
    keys, so it holds through reindexing). Rejecting a pair twice is no error.

    Raises ValueError (nothing changed) for an unknown id, one id twice, or two kinds that
    never merge (a person and an organisation; a city and a country may).
    """
    if entity_id_a == entity_id_b:
        raise ValueError("An entity cannot be a duplicate of itself.")
    with archive.transaction() as session:
        a, b = (session.get(EntityRow, i) for i in (entity_id_a, entity_id_b))
        for row, wanted in ((a, entity_id_a), (b, entity_id_b)):
            if row is None:
                raise ValueError(f"There is no entity {wanted} in the archive.")
        if family(a.kind) != family(b.kind):
            raise ValueError(f"{a.name} is a {a.kind} and {b.name} a {b.kind}: they are not proposed as one.")
        kind, key_a, key_b = _keys(a, b)
        if session.get(DuplicateVerdict, (kind, key_a, key_b)) is None:
            session.add(DuplicateVerdict(kind=kind, key_a=key_a, key_b=key_b))


def _kinds(kind: str | None) -> tuple[str, ...]:
    if kind is None:
        return tuple(k for group in KIND_GROUPS.values() for k in group)
    if kind not in KIND_GROUPS:
        raise ValueError(f"'{kind}' is not a kind of entity: use person, org or place.")
    return KIND_GROUPS[kind]


def _keys(a, b) -> tuple[str, str, str]:
    """A pair as DuplicateVerdict stores it: the kind (a city's is "place", as merges see it)
    and the two keys, the smaller first."""
    return (family(a.kind), *sorted((a.key, b.key)))


def _split_apart(a, b) -> bool:
    """Whether the user split one of `a`, `b` off the other (a namesake's key is the other's
    with "~2", "~3"...: corrections.entity_actions.split_entity): a verdict already given."""
    return a.key != b.key and _SPLIT_SUFFIX.sub("", a.key) == _SPLIT_SUFFIX.sub("", b.key)


def _candidates(session, kinds: Iterable[str]) -> dict[str, list[Candidate]]:
    """The archive's entities of `kinds`, by kind (plain rows: no ORM objects for 50,000)."""
    rows = session.exec(select(EntityRow.id, EntityRow.kind, EntityRow.key, EntityRow.name, EntityRow.aliases,
                               EntityRow.scope_article_id, EntityRow.geonameid)
                        .where(col(EntityRow.kind).in_(kinds)))
    found: dict[str, list[Candidate]] = {k: [] for k in kinds}
    for id_, kind, key, name, aliases, scope, geonameid in rows:
        found[kind].append(Candidate(id_, kind, key, name, tuple(a for a in aliases.split("\n") if a),
                                     scope is not None, geonameid))
    return found


def _matches(session, found: dict[str, list[Candidate]]) -> list[Match]:
    matches = list(rules.people(found.get(PERSON, ())))
    if orgs := found.get(ORG):
        pairs = rules.acronym_pairs(orgs)
        matches += rules.organisations(orgs, _together(session, pairs))
    matches += rules.places([c for kind in (CITY, COUNTRY, PLACE) for c in found.get(kind, ())])
    return matches


def _together(session, pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs of entity ids that some article names both."""
    if not pairs:
        return set()
    first, second = {a for a, _ in pairs}, {b for _, b in pairs}
    one, two = Mention.__table__.alias(), Mention.__table__.alias()
    shared = set(session.exec(
        select(one.c.entity_id, two.c.entity_id).distinct()
        .join(two, one.c.article_id == two.c.article_id)
        .where(one.c.entity_id.in_(first), two.c.entity_id.in_(second))))
    return {p for p in pairs if p in shared}


def _articles(session) -> dict[int, int]:
    """Entity id -> the number of its articles not in the Trash: one pass over the covering
    index of mentions (0.14-0.27 s for 780,000 mentions; chunks of ids took twice as long),
    then the trashed articles' mentions taken off."""
    counts = dict(session.exec(select(Mention.entity_id, func.count()).group_by(Mention.entity_id)).all())
    for entity_id, trashed in session.exec(select(Mention.entity_id, func.count())
                                           .where(col(Mention.article_id).in_(_trashed()))
                                           .group_by(Mention.entity_id)):
        counts[entity_id] -= trashed
    return counts


def _details(session, ids: set[int]) -> dict[int, tuple[int, str | None]]:
    """Entity id -> (mentions in articles not in the Trash, country) for the entities shown."""
    details: dict[int, tuple[int, str | None]] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        details.update((i, (m, country)) for i, m, country in session.exec(
            select(Mention.entity_id, func.sum(Mention.count), EntityRow.country)
            .join(EntityRow, EntityRow.id == Mention.entity_id)
            .where(col(Mention.entity_id).in_(ordered[start:start + _CHUNK]),
                   col(Mention.article_id).not_in(_trashed()))
            .group_by(Mention.entity_id, EntityRow.country)))
    return details


def _trashed():
    """The ids of the articles in the Trash, as a subquery: SQLite builds their set once
    instead of reading each mention's article row."""
    return select(ArticleRow.id).where(col(ArticleRow.trashed).is_not(None))


def _kept_first(match: Match, articles: dict[int, int]):
    """(keep, other, match): keep the entity that is not scoped to one article, then the fuller
    name, then the one in more articles (then the older)."""
    keep, other = sorted((match.a, match.b), key=lambda c: (not c.local, fullness(c.name), articles[c.id], -c.id),
                         reverse=True)
    return keep, other, match


def _listing(c: Candidate, articles: dict[int, int], details: dict[int, tuple[int, str | None]]) -> EntityListing:
    mentions, country = details[c.id]
    return EntityListing(c.id, c.kind, c.name, list(c.aliases), articles[c.id], mentions, c.geonameid, country)
