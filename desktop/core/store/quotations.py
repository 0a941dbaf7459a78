"""Writing an article's quotations, inside the transaction that writes its entities."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam
from sqlmodel import Session, delete, select

from desktop.core.article import PERSON, Quote
from desktop.core.store.models import EntityRow, Mention, Quotation, insert_rows


def write_quotations(session: Session, article_id: int, quotes: Sequence[Quote], new: bool = False) -> None:
    """Replace the stored quotations of one article by `quotes` (`new`: an article created
    in this transaction, which has none to replace), each speaker linked to the article's
    stored person entity of that name (NULL if it has none).

    Call it after the article's entities are written: speakers are found among them, by
    name first, then by alias (a person the user renamed keeps its old name as an alias).
    """
    if not new:
        session.exec(delete(Quotation).where(Quotation.article_id == article_id))
    speakers = _speaker_ids(session, article_id) if any(q.speaker for q in quotes) else {}
    insert_rows(session, Quotation, [
        {"article_id": article_id, "entity_id": speakers.get(_folded(quote.speaker)) if quote.speaker else None,
         "text": quote.quote, "start": quote.start, "end": quote.end}
        for quote in quotes
    ])


# The article's stored people, as plain rows; built once, as it is read for most articles stored.
_PEOPLE = (select(EntityRow.id, EntityRow.name, EntityRow.aliases).join(Mention, Mention.entity_id == EntityRow.id)
           .where(Mention.article_id == bindparam("article_id"), EntityRow.kind == PERSON))


def _speaker_ids(session: Session, article_id: int) -> dict[str, int]:
    """{folded name or alias: entity id} of the article's stored people; a name wins over
    another person's alias."""
    session.flush()  # an alias given through the session (store.people_join) counts
    people = session.connection().execute(_PEOPLE, {"article_id": article_id}).all()
    by_alias = {_folded(alias): i for i, _, aliases in people for alias in aliases.split("\n") if alias}
    return by_alias | {_folded(name): i for i, name, _ in people}


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())
