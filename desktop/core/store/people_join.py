"""One person across articles: a surname alone joins the archive's one person of that surname.

The entity stage sees one article at a time, so "Navalny" in an article that never gives his
first name is a person of that article alone (a one-word person is scoped to its article:
it may be anyone's first name or surname). Once the article is stored, the archive can say
more: when it knows exactly one person whose name ends with that word, and none whose name
starts with it, the word is that person. This runs in the transaction that stores the
article, both ways: the new article's surnames join known people, and a new full name takes
in the surnames that earlier articles left alone. Anything less sure stays apart and is
among the likely duplicates (desktop.core.duplicates).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, update
from sqlmodel import Session, col, delete, select

from desktop.core.article import PERSON
from desktop.core.duplicates.names import fold
from desktop.core.entities.name_parts import is_suffix
from desktop.core.store.models import EntityRow, Mention, Quotation


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    article: int | None  # the article a one-word person belongs to; None for a full name


def join_people(session: Session, article_id: int) -> int:
    """Join the surnames alone of article `article_id` (stored, flushed) to the one full name
    the archive knows for each, and earlier articles' surnames alone to a full name this
    article brings that is the only one of its surname. Returns how many one-word people
    were joined. Needs no model: a few queries over the person entities."""
    mine = session.exec(select(EntityRow.id, EntityRow.name, EntityRow.scope_article_id)
                        .join(Mention, Mention.entity_id == EntityRow.id)
                        .where(Mention.article_id == article_id, EntityRow.kind == PERSON)).all()
    mine = [_Person(*row) for row in mine]
    alone_here = [p for p in mine if p.article is not None and " " not in p.name.strip()]
    full_here = [p for p in mine if p.article is None]
    if not alone_here and not full_here:
        return 0
    known = _people_named(session, {p.name.strip() for p in alone_here} | {_last(p.name, folded=False) for p in full_here})
    surnames = {_last(p.name) for p in full_here}
    ends, starts = defaultdict(set), defaultdict(set)
    for p in known:
        if p.article is None:
            ends[_last(p.name)].add(p)
            starts[fold(p.name.split()[0])].add(p)
    joined = 0
    for p in alone_here:  # this article's surnames alone; not one a full name here shares
        word = fold(p.name)
        if word not in surnames and len(ends[word]) == 1 and not starts[word]:
            joined += _join(session, [p], next(iter(ends[word])))
    for full in full_here:  # earlier articles' surnames alone
        word = _last(full.name)
        if ends[word] == {full} and not starts[word]:
            alone = [p for p in known if p.article not in (None, article_id) and fold(p.name) == word]
            joined += _join(session, alone, full)
    return joined


def _last(name: str, folded: bool = True) -> str:
    """The last word of a full name (folded unless asked not to), a generational suffix left out."""
    words = [w for w in name.split() if not is_suffix(w.rstrip(","))] or name.split()
    return fold(words[-1]) if folded else words[-1]


def _people_named(session: Session, words: set[str]) -> list[_Person]:
    """Every person whose name contains one of `words` (as written, any case), as a first
    filter: one scan of the person entities however many words."""
    likes = [col(EntityRow.name).icontains(w, autoescape=True) for w in words]
    rows = session.exec(select(EntityRow.id, EntityRow.name, EntityRow.scope_article_id)
                        .where(EntityRow.kind == PERSON, or_(*likes))).all()
    return [_Person(*row) for row in rows]


def _join(session: Session, alone: list[_Person], full: _Person) -> int:
    """Make the one-word people `alone` the person `full`: their mentions and quotations move
    (set-based), their word becomes one of its aliases, their rows go. An article that
    already names `full` keeps its one-word person apart."""
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
