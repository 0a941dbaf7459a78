"""The corrections as a history: recording one, undoing and redoing them (also after a
restart: the state is the `correction` table), and the list the history window shows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlmodel import Session, col, delete

from desktop.core.corrections import stored
from desktop.core.corrections.rules import ADD, ALIAS, DROP, EDIT, RECAST
from desktop.core.store import batches
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, Correction, EntityRow, Mention, Quotation


@dataclass
class Change:
    """What one correction (or its undoing or redoing) did: its row in the history, one line
    saying what changed, and the entity that now holds the mentions (the new one after a split;
    None when none does, as after a removal)."""

    correction_id: int
    summary: str
    entity_id: int | None


@dataclass
class CorrectionInfo:
    """One line of the history: when (UTC), what kind of correction, what it did, whether it
    is undone, and the article it was limited to (None: every article)."""

    id: int
    made: datetime
    action: str
    summary: str
    undone: bool
    article_id: int | None


def apply_rule(session: Session, rule: dict) -> tuple[dict, int | None]:
    """Change the stored rows as a rule says (stored.*, or an article's details); the
    before-image and the entity that holds the mentions now (None for none)."""
    if rule["op"] == EDIT:
        from desktop.core.corrections.articles import apply_edit

        return apply_edit(session, rule)
    if rule["op"] == RECAST:
        return stored.recast(session, rule)
    if rule["op"] == DROP:
        return stored.drop(session, rule), None
    if rule["op"] == ALIAS:
        image = stored.edit_aliases(session, rule)
        return image, image["entities"][0]["id"] if image["entities"] else None
    if rule["op"] == ADD:
        return stored.add(session, rule)
    raise ValueError(f"A correction of kind {rule['op']!r} cannot be applied here.")


def record(session: Session, action: str, rule: dict, before: dict, summary: str, entity_id: int | None) -> Change:
    """Write the correction (and forget the undone ones: a new change ends what redo could
    bring back, as in an editor). Its scope column is the article when it names exactly one."""
    session.exec(delete(Correction).where(col(Correction.undone).is_not(None)))
    articles = rule.get("articles")
    row = Correction(action=action, scope_article_id=articles[0] if articles and len(articles) == 1 else None,
                     rule=json.dumps(rule, ensure_ascii=False), before=dump_image(before),
                     summary=summary)
    session.add(row)
    session.flush()
    return Change(row.id, summary, entity_id)


def dump_image(before: dict) -> str:
    """A before-image as stored: JSON, its long lists encoded in pieces (batches.dumps)."""
    return batches.dumps(before, ensure_ascii=False, default=str)


def history(archive: Archive, limit: int | None = None) -> list[CorrectionInfo]:
    """The corrections, newest first (at most `limit`)."""
    with archive.session() as session:
        rows = session.exec(select(Correction).order_by(col(Correction.id).desc()).limit(limit)).scalars().all()
    return [CorrectionInfo(r.id, r.made.replace(tzinfo=timezone.utc), r.action, r.summary, r.undone is not None,
                           r.scope_article_id) for r in rows]


def undo(archive: Archive, steps: int = 1) -> list[Change]:
    """Undo the newest `steps` corrections not undone, newest first, in one transaction:
    exactly the rows each changed are put back as they were (mentions a later import added
    stay). [] when there is nothing to undo; ValueError for steps below 1."""
    _check_steps(steps)
    with archive.transaction() as session:
        rows = session.exec(select(Correction).where(col(Correction.undone).is_(None))
                            .order_by(col(Correction.id).desc()).limit(steps)).scalars().all()
        changes = []
        for row in rows:
            entity_id = restore(session, json.loads(row.rule), batches.loads(row.before))
            row.undone = datetime.now(timezone.utc)
            session.add(row)
            session.flush()
            changes.append(Change(row.id, f"Undid: {row.summary}", entity_id))
        return changes


def redo(archive: Archive, steps: int = 1) -> list[Change]:
    """Apply again the `steps` corrections undone last, in the order they were made, each
    recording a new before-image. [] when there is nothing to redo."""
    _check_steps(steps)
    with archive.transaction() as session:
        rows = session.exec(select(Correction).where(col(Correction.undone).is_not(None))
                            .order_by(Correction.id).limit(steps)).scalars().all()
        changes = []
        for row in rows:
            rule = json.loads(row.rule)
            before, entity_id = apply_rule(session, rule)
            row.before = dump_image(before)
            row.undone = None
            session.add(row)
            session.flush()
            changes.append(Change(row.id, f"Redid: {row.summary}", entity_id))
        return changes


def _check_steps(steps: int) -> None:
    if steps < 1:
        raise ValueError(f"Give a number of steps of 1 or more, not {steps}.")


def restore(session: Session, rule: dict, before: dict) -> int | None:
    """Put back the rows of a before-image; return the first entity it restores (None if none)."""
    if rule["op"] == EDIT:
        from desktop.core.corrections.articles import restore_details

        restore_details(session, before)
        return None
    touched = [e["id"] for e in before["entities"]] + before["created"]
    conn = session.connection()
    for part in stored.chunks(before["articles"]):
        conn.execute(Mention.__table__.delete().where(col(Mention.entity_id).in_(touched),
                                                      col(Mention.article_id).in_(part)))
    ids = _restore_entities(session, before["entities"], set(before["deleted"]))
    _restore_mentions(session, before["mentions"], ids)
    for quotation_id, entity_id in before["quotations"]:
        conn.execute(update(Quotation).where(Quotation.id == quotation_id).values(entity_id=ids.get(entity_id)))
    stored.drop_unmentioned(session, before["created"])
    stored.recount_people(session, before["recount"])
    return ids.get(before["entities"][0]["id"]) if before["entities"] else None


def _restore_entities(session: Session, rows: list[dict], deleted: set[int]) -> dict[int, int]:
    """Put back entity rows as they were; {id in the image: id now}. A deleted row whose id
    was taken meanwhile comes back under a new id, or joins the row now holding its key."""
    ids = {}
    for values in rows:
        current = session.get(EntityRow, values["id"])
        if current is not None and values["id"] not in deleted:
            for name, value in values.items():
                setattr(current, name, value)
            session.add(current)
            session.flush()
            ids[values["id"]] = current.id
            continue
        holder = stored.row_with_key(session, values["kind"], values["key"])
        if holder is not None:
            ids[values["id"]] = holder.id
            continue
        row = EntityRow(**{k: v for k, v in values.items() if k != "id" or current is None})
        session.add(row)
        session.flush()
        ids[values["id"]] = row.id
    return ids


def _restore_mentions(session: Session, mentions: list[list], ids: dict[int, int]) -> None:
    """Insert the image's mention rows (entity ids mapped by `ids`) of articles still stored."""
    columns = stored.MENTION_COLUMNS
    article_at, entity_at = columns.index("article_id"), columns.index("entity_id")
    conn = session.connection()
    wanted = sorted({m[article_at] for m in mentions})
    alive = set()
    for part in stored.chunks(wanted):
        alive |= set(conn.execute(select(ArticleRow.id).where(col(ArticleRow.id).in_(part))).scalars())
    plain = [dict(zip(columns, m)) for m in mentions if m[article_at] in alive and ids.get(m[entity_at]) in
             (None, m[entity_at])]
    batches.insert_many(conn, insert(Mention.__table__), plain)
    for m in mentions:  # of an entity that came back under another id: join what that row has
        if m[article_at] in alive and ids.get(m[entity_at]) not in (None, m[entity_at]):
            _join_mention(session, dict(zip(columns, m)) | {"entity_id": ids[m[entity_at]]})


def _join_mention(session: Session, values: dict) -> None:
    """Store a mention, adding it to the one the article has of that entity if any."""
    mention = session.get(Mention, (values["article_id"], values["entity_id"]))
    if mention is None:
        session.add(Mention(**values))
        return
    if values["first_pos"] < mention.first_pos:
        mention.first_pos, mention.context = values["first_pos"], values["context"]
    mention.count += values["count"]
    session.add(mention)
