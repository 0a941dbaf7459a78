"""Names the archive has confirmed feed the recognition of each new article.

The model reads one article at a time and may miss a name it found in other articles, or call
it something else ("Alexei Navalny" an organisation in a headline). Confirmed names are full
names (two words or more) that the model called a person in CONFIRMING_ARTICLES articles or
more, and the names the user gave entities in corrections that hold everywhere (a rename, a
merge, a change of kind). Each is looked up in every article as it is stored (whole words,
case as written); where the model missed it, it is added, and where the model gave that very
name another kind, it is relabelled, so that one name has one label across the archive. The
user's corrections are applied after this (corrections.rules) and win.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.core.article import PERSON, Entity
from desktop.core.entities.ner import occurrences
from desktop.core.store.group import once
from desktop.core.store.models import Correction, EntityRow, Mention

# How many articles a full name must be a person in to count as confirmed: two could be one
# outlet's syndicated copy; three independent articles are this project's choice.
CONFIRMING_ARTICLES = 3
# The model-confirmed names are read again after this many stores (the query took 40-55 ms at
# 100,000 articles, bench_browse's archive): a name confirmed by its third article is used
# from at most this many articles later, at ~2 ms an article. A new correction reads them at once.
REUSE_STORES = 25

_WORD = re.compile(r"\w+")
Names = dict[tuple[str, ...], list[Entity]]  # first two words -> the confirmed entities named so

_SEEN = select(func.max(Correction.id), func.count(Correction.undone))  # built once: it is read for every article


@dataclass
class Corrections:
    """What the archive's corrections say to an article being stored, as last read: the
    entity `rules` (corrections.rules.active_rules, oldest first; shared, not to be changed)
    and, through `names`, the confirmed names. Read again only when `seen`, the newest
    correction's id and the number undone, changes: corrections are only added (after the
    undone ones are dropped), undone newest first and redone oldest first, so these two
    numbers tell every change."""

    seen: tuple
    rules: list[dict]
    _names: Names = field(default_factory=dict)
    _uses: int = 0  # stores left before the model-confirmed names are read again

    def names(self, session: Session) -> Names:
        """The archive's confirmed names by their first two words (see the module's
        docstring): the model's read again every REUSE_STORES calls."""
        if self._uses <= 0:
            self._names = defaultdict(list)
            for entity in [*_model_confirmed(session), *_user_confirmed(self.rules)]:
                self._names[_first_two(entity.name)].append(entity)
            self._uses = REUSE_STORES
        self._uses -= 1
        return self._names


_cache: dict[str, Corrections] = {}  # archive URL -> its corrections as last read


def corrections(session: Session) -> Corrections:
    """The archive's Corrections, read in `session`'s transaction: one query of two numbers
    when they have not changed since the last call (the rules' query and JSON are then
    skipped; they were read for every article stored)."""
    from desktop.core.corrections.rules import active_rules

    where = str(session.get_bind().url)
    # Plain row: no ORM work for two numbers; once a group (nothing it stores makes corrections).
    seen = once(session, "corrections", lambda: tuple(session.connection().execute(_SEEN).one()))
    known = _cache.get(where)
    if known is None or known.seen != seen:
        known = _cache[where] = Corrections(seen, active_rules(session))
    return known


def _model_confirmed(session: Session) -> list[Entity]:
    rows = session.exec(select(EntityRow.name).join(Mention, Mention.entity_id == EntityRow.id)
                        .where(EntityRow.kind == PERSON, col(EntityRow.scope_article_id).is_(None),
                               col(EntityRow.name).contains(" "))
                        .group_by(EntityRow.id).having(func.count() >= CONFIRMING_ARTICLES))
    return [Entity(PERSON, name) for name in rows]


def _user_confirmed(rules: list[dict]) -> list[Entity]:
    """The entities the user's corrections (`rules`, active_rules) make everywhere (recast
    rules without articles)."""
    from desktop.core.corrections.rules import RECAST, entity_of

    made = [entity_of(rule["to"]) for rule in rules if rule["op"] == RECAST and rule.get("articles") is None]
    return [e for e in made if not e.local and len(e.name.split()) > 1]


def with_confirmed(session: Session, known: Corrections, title: str, text: str,
                   entities: list[Entity]) -> list[Entity]:
    """`entities` of the article `title` + `text`, with every confirmed name (`known.names`)
    it has as whole
    words made an entity of its confirmed kind: relabelled where the model gave that name
    another kind, added where no entity covers it (with its mentions, first position and
    sentence). A one-word person of the article that is the added name's surname joins it.
    An article without entities (another language, or entities turned off) stays so."""
    by_start = known.names(session) if entities else {}
    whole = f"{title}\n\n{text}"
    words = _WORD.findall(whole) if by_start else []
    # One entity per name; the user's (read last) over the model's.
    present = {c.name: c for pair in set(zip(words, words[1:])) for c in by_start.get(pair, ())}
    if not present:
        return entities
    from desktop.core.corrections.rules import sentence_around

    entities = list(entities)
    named = {e.name: i for i, e in enumerate(entities)}
    spans = None  # where the article's own entities are: only needed for a name to add
    for name, c in present.items():
        if name in named:
            e = entities[named[name]]
            if e.kind != c.kind:
                entities[named[name]] = replace(c, aliases=e.aliases, mentions=e.mentions, first_pos=e.first_pos,
                                                context=e.context)
            continue
        if spans is None:  # a relabelling above keeps the name and aliases: the same spans
            spans = _spans(whole, entities)
        starts = [s for s in occurrences(whole, name) if not _taken(s, s + len(name), spans)]
        if starts:
            spans += [(s, s + len(name)) for s in starts]
            added = replace(c, mentions=len(starts), first_pos=starts[0], context=sentence_around(whole, starts[0]))
            entities = _with_surname_joined(entities, added)
    return entities


def _first_two(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(name)[:2])


def _spans(whole: str, entities: list[Entity]) -> list[tuple[int, int]]:
    """Where the names and aliases of `entities` occur in `whole`, as (start, end)."""
    return [(start, start + len(form)) for e in entities for form in {e.name, *e.aliases}
            for start in occurrences(whole, form)]


def _taken(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the text from `start` to `end` is already another entity's: it overlaps a span
    that reaches beyond it ("Alexei Navalny" in "Alexei Navalny Foundation") or is exactly one
    (an alias); a shorter form inside it ("Navalny") does not count."""
    return any(a < end and start < b and (a < start or b > end or (a, b) == (start, end)) for a, b in spans)


def _with_surname_joined(entities: list[Entity], added: Entity) -> list[Entity]:
    """`entities` and `added`, a one-word person of the article that is its surname made part
    of it (as the entity stage joins "Navalny" to "Alexei Navalny" within one article)."""
    surname = added.name.split()[-1]
    alone = [e for e in entities if e.kind == PERSON and e.local and e.name == surname]
    if added.kind != PERSON or not alone:
        return [*entities, added]
    first = min(added.first_pos, alone[0].first_pos)
    context = added.context if first == added.first_pos else alone[0].context
    joined = replace(added, aliases=[surname], mentions=added.mentions + alone[0].mentions, first_pos=first,
                     context=context)
    return [e for e in entities if e is not alone[0]] + [joined]
