"""One person across articles: a surname alone joins the archive's one person of that surname.

The entity stage sees one article at a time, so "Navalny" in an article that never gives his
first name is a person of that article alone (a one-word person is scoped to its article:
it may be anyone's first name or surname). As the article is stored, the archive can say more:
when it knows exactly one person whose name ends with that word, and none whose name starts
with it, and the article names no one else of that surname, the word is that person. Both
ways, in the transaction that stores the article: the new article's surnames alone join known
people (before the user's corrections apply, so a correction made on the joined person holds
again), and a new full name that is the only one of its surname takes in the surnames that
earlier articles left alone. A one-word person a correction names is left to that correction.
Anything less sure stays apart and is among the likely duplicates (desktop.core.duplicates).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import NamedTuple

from sqlalchemy import bindparam, func, or_, update
from sqlmodel import Session, col, delete, select

from desktop.core.article import PERSON, Entity
from desktop.core.entities.name_forms import fold
from desktop.core.entities.name_parts import is_suffix
from desktop.core.store.db import backend_of
from desktop.core.store.models import EntityRow, Mention, Quotation


# The end of a split-off namesake's key (corrections.entity_actions._free_key).
_NAMESAKE = re.compile(r"~\d+$")


class _Person(NamedTuple):
    id: int
    name: str
    key: str
    article: int | None  # the article a one-word person belongs to; None for a full name


class _Known:
    """The archive's people whose names end or start with some words (folded): who they are."""

    def __init__(self, session: Session, words: set[str]):
        # Plain rows (the connection, not the ORM): a common surname matches thousands.
        backend = backend_of(session.connection())
        likes = [backend.contains_word(col(EntityRow.name), w) for w in words]
        rows = session.connection().execute(
            select(EntityRow.id, EntityRow.name, EntityRow.key, EntityRow.scope_article_id)
            .where(EntityRow.kind == PERSON, or_(*likes))).all() if words else []
        folded = {fold(w) for w in words}
        self.alone: dict[str, list[_Person]] = defaultdict(list)  # one-word people by their word
        self.ends, self.starts = defaultdict(set), defaultdict(set)
        for row in rows:
            p = _Person(*row)
            if p.article is not None:
                if (word := fold(p.name)) in folded:
                    self.alone[word].append(p)
                continue
            if (last := surname(p.name)) in folded:
                self.ends[last].add(p)
            if (first := fold(p.name.split()[0])) in folded:
                self.starts[first].add(p)

    def only_one(self, word: str) -> _Person | None:
        """The one full name ending with the folded `word`, if no other ends or starts so.

        Namesakes the user split off ("name~2") count as that one person: which of them an
        article means is the split's rule to say (applied after the join), and counting them
        apart would leave the surname alone on one reindex and join it on the next."""
        ends = {p.key: p for p in self.ends[word] if not _NAMESAKE.search(p.key)}
        split_off = {_NAMESAKE.sub("", p.key) for p in self.ends[word] if _NAMESAKE.search(p.key)}
        if len(ends) != 1 or not split_off <= set(ends) or self.starts[word]:
            return None
        return next(iter(ends.values()))


def surname(name: str, folded: bool = True) -> str:
    """The last word of a full name (folded unless asked not to), a generational suffix left out."""
    words = name.split()
    while len(words) > 1 and is_suffix(words[-1].rstrip(",")):
        words.pop()
    return fold(words[-1]) if folded else words[-1]


def with_known_people(session: Session, article_id: int, entities: list[Entity], rules: list[dict]) -> list[Entity]:
    """`entities` of the article `article_id`, each one-word person that is the surname of the
    archive's one known person of it (see the module) made that person, its word an alias;
    `rules`: the archive's active corrections (corrections.rules.active_rules)."""
    from desktop.core.store.archive import entity_key

    here = {surname(e.name) for e in entities if e.kind == PERSON and not e.local}
    alone = [e for e in entities if e.kind == PERSON and e.local and " " not in e.name.strip()
             and fold(e.name) not in here]
    if alone:
        ruled = _ruled_keys(rules)
        alone = [e for e in alone if (PERSON, entity_key(e, article_id)) not in ruled]
    if not alone:
        return entities
    known = _Known(session, {e.name.strip() for e in alone})
    joined = {}
    for e in alone:
        if (full := known.only_one(fold(e.name))) is not None:
            joined[id(e)] = replace(e, name=full.name, key=full.key, local=False,
                                    aliases=sorted({*e.aliases, e.name} - {full.name}))
    return [joined.get(id(e), e) for e in entities]


# The article's people with a full name no other article names; built once, as it is run for
# every article stored.
_NEW_FULL_NAMES = (select(EntityRow.id, EntityRow.name, EntityRow.key, EntityRow.scope_article_id)
                   .join(Mention, Mention.entity_id == EntityRow.id)
                   .where(col(EntityRow.id).in_(select(Mention.entity_id)
                                                .where(Mention.article_id == bindparam("article_id"))),
                          EntityRow.kind == PERSON, col(EntityRow.scope_article_id).is_(None),
                          col(EntityRow.name).contains(" "))
                   .group_by(EntityRow.id).having(func.count() == 1))


def join_earlier_surnames(session: Session, article_id: int, rules: list[dict]) -> int:
    """After the article `article_id` is written: each full name new to the archive (no other
    article names it) that is the archive's only one of its surname takes in the one-word
    people of that surname that earlier articles left alone (set-based: mentions and
    quotations move), unless a correction of `rules` (active_rules) names them. Returns how
    many were joined."""
    # Plain rows: the article's mentions and entities are written as plain rows, nothing to flush.
    full = session.connection().execute(_NEW_FULL_NAMES, {"article_id": article_id}).all()
    if not full:  # a name other articles have was there when their surnames were stored
        return 0
    full = [_Person(*row) for row in full]
    known = _Known(session, {surname(p.name, folded=False) for p in full})
    ruled = _ruled_keys(rules)
    joined = 0
    for person in full:
        word = surname(person.name)
        if known.only_one(word) == person:
            alone = [p for p in known.alone[word] if p.article != article_id and (PERSON, p.key) not in ruled]
            joined += _join(session, alone, person)
    return joined


def _ruled_keys(rules: list[dict]) -> set[tuple[str, str]]:
    """(kind, key) of every entity an active correction (of `rules`) names: those are the
    user's to decide."""
    return {(m["kind"], m["key"]) for rule in rules for m in rule.get("match", ())}


def _join(session: Session, alone: list[_Person], full: _Person) -> int:
    """Make the one-word people `alone` the person `full`: their mentions and quotations move,
    their word becomes one of its aliases, their rows go. An article that already names
    `full` keeps its one-word person apart."""
    ids = [p.id for p in alone]
    if not ids:
        return 0
    named_there = select(Mention.article_id).where(Mention.entity_id == full.id)
    moved = set(session.exec(select(Mention.entity_id).where(col(Mention.entity_id).in_(ids),
                                                             col(Mention.article_id).not_in(named_there))).all())
    if not moved:
        return 0
    session.exec(update(Mention).where(col(Mention.entity_id).in_(moved)).values(entity_id=full.id))
    session.exec(update(Quotation).where(col(Quotation.entity_id).in_(moved)).values(entity_id=full.id))
    row = session.get(EntityRow, full.id)
    aliases = [a for a in row.aliases.split("\n") if a]
    new = {p.name for p in alone if p.id in moved} - {*aliases, row.name}
    row.aliases = "\n".join([*aliases, *sorted(new)])
    session.add(row)
    session.exec(delete(EntityRow).where(col(EntityRow.id).in_(moved)))
    return len(moved)
