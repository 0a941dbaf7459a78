"""A rule's immediate change of the stored rows, set-based (whole UPDATE and DELETE
statements by entity id, never a loop over articles), and the before-image of what it changed.

Every function here runs inside the caller's transaction and returns the before-image: a JSON
value with the entity rows (`entities`), mention rows (`mentions`) and quotation speakers
(`quotations`) the change touched as they were, the entity ids it created (`created`) and
deleted (`deleted`), and the articles whose mentions of those entities it covers (`articles`).
`history.restore` puts exactly that back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import and_, case, func, or_, select, update
from sqlmodel import Session, col, delete

from desktop.core.article import PERSON
from desktop.core.corrections.rules import added_entity, key_of
from desktop.core.store import batches
from desktop.core.store.models import ArticleRow, EntityRow, Mention, Quotation

MENTION = Mention.__table__
# How many ids go in one `IN (...)`: SQLite allows 32,766 variables a statement, older ones 999.
CHUNK = 900
ENTITY_COLUMNS = tuple(c.name for c in EntityRow.__table__.columns)
MENTION_COLUMNS = tuple(c.name for c in MENTION.columns)


def chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """`ids` in lists of at most CHUNK."""
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def rows_of(session: Session, match: list[dict]) -> list[EntityRow]:
    """The stored entity rows a rule's `match` names, in its order (those not stored left out)."""
    if not match:
        return []
    wanted = or_(*(and_(EntityRow.kind == m["kind"], EntityRow.key == m["key"]) for m in match))
    found = {(r.kind, r.key): r for r in session.exec(select(EntityRow).where(wanted)).scalars()}
    return [found[m["kind"], m["key"]] for m in match if (m["kind"], m["key"]) in found]


def row_with_key(session: Session, kind: str, key: str) -> EntityRow | None:
    return session.exec(select(EntityRow).where(EntityRow.kind == kind, EntityRow.key == key)).scalars().first()


def values_of(row: EntityRow) -> dict:
    """An entity row's columns, as a before-image keeps them."""
    return {c: getattr(row, c) for c in ENTITY_COLUMNS}


def new_image() -> dict:
    return {"entities": [], "mentions": [], "quotations": [], "created": [], "deleted": [], "articles": [],
            "recount": []}


def capture(session: Session, image: dict, moved: list[EntityRow], articles: list[int] | None,
            kept: EntityRow | None = None) -> None:
    """Add to `image` the rows `moved` (whose mentions in `articles`, or all, and quotations the
    change moves or deletes) with those mentions and quotations, and the row `kept` (which takes
    them in) with its mentions in the same articles, the only ones of it the change touches.
    Its `articles` are those articles; `recount` those where `kept` meets a moved row."""
    ids = [r.id for r in moved]
    scope = [] if articles is None else [MENTION.c.article_id.in_(articles)]
    conn = session.connection()
    # Tens of thousands of mentions for a big merge: read in batches (see batches.py).
    found = [list(m) for m in batches.rows(conn, select(*MENTION.c).where(MENTION.c.entity_id.in_(ids), *scope))]
    shared = []
    if kept is not None:
        theirs = select(MENTION.c.article_id).where(MENTION.c.entity_id.in_(ids), *scope)
        shared = [list(m) for m in batches.rows(
            conn, select(*MENTION.c).where(MENTION.c.entity_id == kept.id, MENTION.c.article_id.in_(theirs)))]
    quoted = [] if articles is None else [col(Quotation.article_id).in_(articles)]
    image["entities"] += [values_of(r) for r in [*moved, *([kept] if kept else [])]]
    image["mentions"] += found + shared
    image["quotations"] += [list(q) for q in batches.rows(
        conn, select(Quotation.id, Quotation.entity_id).where(col(Quotation.entity_id).in_(ids), *quoted))]
    at = MENTION_COLUMNS.index("article_id")
    image["articles"] = sorted({m[at] for m in found})
    image["recount"] = sorted({m[at] for m in shared})


def add_aliases(row: EntityRow, names: Iterable[str]) -> None:
    """Add `names` to the row's aliases (not its own name, nor twice). An alias that has become
    the row's name (a place renamed to its GeoNames name) is no alias any more."""
    known = [a for a in row.aliases.split("\n") if a and a != row.name]
    new = [n for n in dict.fromkeys(names) if n and n != row.name and n not in known]
    row.aliases = "\n".join(known + new)


def _set_identity(row: EntityRow, to: dict, scope: int | None, key: str) -> None:
    """Make `row` the entity `to` (in the article `scope` if it is an entity of one article)."""
    old = row.name
    row.kind, row.key, row.name = to["kind"], key, to["name"]
    add_aliases(row, [old])
    row.geonameid, row.country, row.lat, row.lon = to["geonameid"], to["country"], to["lat"], to["lon"]
    row.scope_article_id = scope if to["local"] else None


def _new_row(to: dict, scope: int | None, key: str) -> EntityRow:
    return EntityRow(kind=to["kind"], key=key, name=to["name"], geonameid=to["geonameid"], country=to["country"],
                     lat=to["lat"], lon=to["lon"], scope_article_id=scope if to["local"] else None)


def recast(session: Session, rule: dict) -> tuple[dict, int | None]:
    """Make the stored entities of the rule's `match` the entity `to` (in its `articles`, or
    everywhere): the row already stored under `to`'s key takes them in, else the first matched
    row becomes `to` (everywhere, or it is of one article in scope) or a new row is made (some
    articles of an entity named in others too: a split). Returns the before-image and the id
    of the entity that now holds the mentions (None if none matched)."""
    rows, to, articles = rows_of(session, rule["match"]), rule["to"], rule.get("articles")
    scope = articles[0] if to["local"] and articles else None
    key = key_of(to, scope)
    target = row_with_key(session, to["kind"], key)
    in_place = target is None and bool(rows) and (
        # An entity of one article in scope changes in place, keeping its id, as one of everywhere.
        articles is None or all(r.scope_article_id in articles for r in rows))
    target = rows[0] if in_place else target
    image = new_image()
    capture(session, image, [r for r in rows if r is not target], articles, target)
    if target is None and not rows:
        return image, None
    if in_place:
        _set_identity(target, to, scope, key)
        if target.kind != image["entities"][-1]["kind"] and PERSON in (target.kind, image["entities"][-1]["kind"]):
            image["recount"] = _articles_of(session, target.id)
    elif target is None:
        target = _new_row(to, scope, key)
        session.add(target)
        session.flush()
        image["created"].append(target.id)
    elif target.name != to["name"]:  # renamed onto a stored name in other letter case
        old, target.name = target.name, to["name"]
        add_aliases(target, [old])
    for row in rows:
        if row is not target:
            add_aliases(target, [row.name, *row.aliases.split("\n")])
            move_mentions(session, row.id, target.id, articles)
    session.add(target)
    session.flush()
    image["deleted"] = drop_unmentioned(session, [r.id for r in rows if r is not target])
    if PERSON in {to["kind"], *(r["kind"] for r in image["entities"])}:
        if any(r.kind != target.kind for r in rows):  # people became others, or others people
            image["recount"] = sorted({*image["recount"], *image["articles"]})
        recount_people(session, image["recount"])
    return image, target.id


def _articles_of(session: Session, entity_id: int) -> list[int]:
    return list(session.connection().execute(select(MENTION.c.article_id).where(MENTION.c.entity_id == entity_id))
                .scalars())


def move_mentions(session: Session, source: int, target: int, articles: list[int] | None) -> None:
    """Move the mentions (in `articles`, or all) and quotations of entity `source` to `target`.
    In an article naming both, the counts add up and the earlier first mention is kept."""
    other = MENTION.alias("other")
    scope = [] if articles is None else [MENTION.c.article_id.in_(articles)]
    earlier = other.c.first_pos < MENTION.c.first_pos
    conn = session.connection()
    conn.execute(
        update(MENTION)
        .where(MENTION.c.entity_id == target, other.c.entity_id == source,
               other.c.article_id == MENTION.c.article_id, *scope)
        .values(count=MENTION.c.count + other.c.count,
                first_pos=case((earlier, other.c.first_pos), else_=MENTION.c.first_pos),
                context=case((earlier, other.c.context), else_=MENTION.c.context))
    )
    both = select(MENTION.c.article_id).where(MENTION.c.entity_id == target).scalar_subquery()
    conn.execute(MENTION.delete().where(MENTION.c.entity_id == source, MENTION.c.article_id.in_(both), *scope))
    conn.execute(update(MENTION).where(MENTION.c.entity_id == source, *scope).values(entity_id=target))
    quoted = [] if articles is None else [col(Quotation.article_id).in_(articles)]
    conn.execute(update(Quotation).where(Quotation.entity_id == source, *quoted).values(entity_id=target))


def drop(session: Session, rule: dict) -> dict:
    """Remove the mentions of the rule's `match` (in its `articles`, or everywhere); their
    quotations lose their speaker and entities left without mentions go. The before-image."""
    rows, articles = rows_of(session, rule["match"]), rule.get("articles")
    image = new_image()
    capture(session, image, rows, articles)
    image["recount"] = image["articles"] if any(r.kind == PERSON for r in rows) else []
    ids = [r.id for r in rows]
    scope = [] if articles is None else [col(Mention.article_id).in_(articles)]
    session.exec(delete(Mention).where(col(Mention.entity_id).in_(ids), *scope))
    quoted = [] if articles is None else [col(Quotation.article_id).in_(articles)]
    session.connection().execute(update(Quotation).where(col(Quotation.entity_id).in_(ids), *quoted)
                                 .values(entity_id=None))
    image["deleted"] = drop_unmentioned(session, ids)
    recount_people(session, image["recount"])
    return image


def edit_aliases(session: Session, rule: dict) -> dict:
    """Add or remove an alias of the entities of the rule's `match`. The before-image."""
    rows = rows_of(session, rule["match"])
    image = new_image()
    image["entities"] = [values_of(r) for r in rows]
    for row in rows:
        if "add" in rule["alias"]:
            add_aliases(row, [rule["alias"]["add"]])
        else:
            row.aliases = "\n".join(a for a in row.aliases.split("\n") if a and a != rule["alias"]["remove"])
        session.add(row)
    return image


def add(session: Session, rule: dict) -> tuple[dict, int | None]:
    """Make every whole-word occurrence of the rule's text a mention of its entity `to`, in its
    `articles` (or every article whose title or text holds it). Returns the before-image and
    the entity's id (None if no article holds the text)."""
    text, to, articles = rule["add"]["text"], rule["to"], rule.get("articles")
    holding = or_(col(ArticleRow.text).contains(text, autoescape=True),
                  col(ArticleRow.title).contains(text, autoescape=True))
    where = col(ArticleRow.id).in_(articles) if articles is not None else holding
    found = {}
    for article_id, title, body in session.connection().execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.text).where(where)):
        if (entity := added_entity(rule, title, body)) is not None:
            found[article_id] = entity
    image = new_image()
    scope = articles[0] if to["local"] and articles else None
    target = row_with_key(session, to["kind"], key_of(to, scope))
    if not found:
        return image, target.id if target else None
    if target is not None:
        image["entities"].append(values_of(target))
        image["mentions"] = [list(m) for m in session.connection().execute(
            select(*MENTION.c).where(MENTION.c.entity_id == target.id, MENTION.c.article_id.in_(sorted(found))))]
    else:
        target = _new_row(to, scope, key_of(to, scope))
        session.add(target)
        session.flush()
        image["created"].append(target.id)
    image["articles"] = sorted(found)
    image["recount"] = image["articles"] if to["kind"] == PERSON else []
    add_aliases(target, [text])
    for article_id, entity in found.items():
        _add_mention(session, article_id, target.id, entity)
    recount_people(session, image["recount"])
    return image, target.id


def _add_mention(session: Session, article_id: int, entity_id: int, entity) -> None:
    """Link the article to the entity with the found mentions. A link it has already counts
    the same words (every whole-word occurrence), so the larger count stays."""
    mention = session.get(Mention, (article_id, entity_id))
    if mention is None:
        mention = Mention(article_id=article_id, entity_id=entity_id, count=0, first_pos=entity.first_pos,
                          context=entity.context)
    if entity.first_pos < mention.first_pos:
        mention.first_pos, mention.context = entity.first_pos, entity.context
    mention.count = max(mention.count, entity.mentions)
    session.add(mention)


def drop_unmentioned(session: Session, ids: list[int]) -> list[int]:
    """Delete those of the entities `ids` no article mentions any more; return their ids."""
    if not ids:
        return []
    session.flush()
    kept = set(session.connection().execute(
        select(MENTION.c.entity_id).where(MENTION.c.entity_id.in_(ids)).distinct()).scalars())
    gone = [i for i in ids if i not in kept]
    if gone:
        session.exec(delete(EntityRow).where(col(EntityRow.id).in_(gone)))
    return gone


def recount_people(session: Session, articles: Sequence[int]) -> None:
    """Set the person count of `articles` from their stored mentions (one stored person entity
    each: the count the list's People column shows). Only counts that differ are written: an
    article row is wide (its text), and rewriting thousands of them was most of a merge's time."""
    people = (
        select(func.count()).select_from(MENTION)
        .join(EntityRow.__table__, EntityRow.__table__.c.id == MENTION.c.entity_id)
        .where(MENTION.c.article_id == ArticleRow.__table__.c.id, EntityRow.__table__.c.kind == PERSON)
        .scalar_subquery()
    )
    conn = session.connection()
    for part in chunks(articles):
        table = ArticleRow.__table__
        conn.execute(update(table).where(table.c.id.in_(part), table.c.person_count != people)
                     .values(person_count=people))
