"""Writing to the archive. Each public function is one transaction: all of it lands or none."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from sqlalchemy import Row, bindparam, exists, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from desktop.core.article import CITY, COUNTRY, PERSON, Article, Entity, Original, Quote
from desktop.core.errors import DamagedCopy
from desktop.core.store.db import Archive
from desktop.core.store.models import (
    ArticleAuthor,
    ArticleRow,
    Author,
    EntityRow,
    Mention,
    Snapshot,
    insert_of,
    insert_rows,
)
from desktop.core.store.captures import write_capture
from desktop.core.store.confirmed import corrections, with_confirmed
from desktop.core.store.entity_rows import entity_ids
from desktop.core.store.group import later, write_pending
from desktop.core.store.people_join import join_earlier_surnames, with_known_people
from desktop.core.store.quotations import write_quotations
from desktop.core.store.same import (Claims, claims, find_at_address, find_at_addresses, find_same, free_address,
                                     text_hash)
from desktop.core.store.tags import attach_tags
from desktop.core.urls import normalize_url

SAVED, EXISTS, RESTORED = "saved", "exists", "restored"  # RESTORED: it was in the trash


@dataclass
class Outcome:
    """What storing (or importing) one article did: SAVED, EXISTS or RESTORED, with its id and title."""

    status: str
    id: int
    title: str
    replaced: str | None = None  # after a refresh: the title the stored article had


def stored_at(archive: Archive, url: str) -> Row | None:
    """The stored article at web address `url` as (id, title, trashed), looked up before
    downloading it (same.find_at_address: an address several articles claim finds none)."""
    with archive.reading() as conn:
        return find_at_address(conn, url)


def stored_at_addresses(archive: Archive, urls: Iterable[str]) -> dict[str, Row]:
    """stored_at of each of `urls` in one query: {url: row} for those stored (same.find_at_addresses)."""
    with archive.reading() as conn:
        return find_at_addresses(conn, urls)


def store_article(
    archive: Archive,
    article: Article,
    original: Original | None = None,
    refresh: bool = False,
    then: Callable[[Session, Outcome], None] | None = None,
    details: dict | None = None,
) -> Outcome:
    """Store `article` unless the archive has the same article (by the rules of store.same;
    then its Outcome is EXISTS, or RESTORED when it was in the trash: it is taken out).

    With `refresh`, a stored copy of the page is updated in place and keeps its id, and the
    title, authors, date, publisher and address the user edited; when its title or text
    changed, what it said before is kept as an earlier version (store.versions). `then` runs in the same transaction
    with the outcome (an import's tags land with the article or not at all). `details`: column
    values (of ArticleRow) a new row starts with, written in its INSERT (an import's added time).
    """
    with archive.transaction() as session:
        return write_article(session, article, original, refresh, then, details)


def write_article(session: Session, article: Article, original: Original | None = None, refresh: bool = False,
                  then: Callable[[Session, Outcome], None] | None = None, details: dict | None = None) -> Outcome:
    """store_article in the caller's transaction (`session`): a writer that stores several
    articles in one transaction (the batch runner) calls it once for each."""
    outcome = _store(session, article, original, refresh, details=details)
    if then is not None:
        then(session, outcome)
    return outcome


@dataclass
class Kept:
    """What an export file keeps of a stored article beyond its Article and offline copy:
    its id (taken again when free) and its dates (UTC; None for "now")."""

    id: int | None = None
    added: datetime | None = None
    updated: datetime | None = None
    edited: datetime | None = None
    fetched: datetime | None = None  # of the offline copy
    tags: list[str] = field(default_factory=list)
    provenance: str | None = None  # see ArticleRow.provenance
    versions: list = field(default_factory=list)  # store.versions.Earlier, oldest first


Exported = tuple[Article, Original | None, Kept]


def store_articles(archive: Archive, items: Iterable[Exported | ValueError]) -> list[Outcome | ValueError]:
    """Store the articles of an export file in one transaction, each in its own savepoint.

    The list has one entry per item, in order: the Outcome, or a ValueError for an item that
    already was one (a record the reader refused) or that the archive refused (a constraint).
    Any other exception rolls the whole file back.
    """
    with archive.transaction() as session:
        return [item if isinstance(item, ValueError) else _store_kept(session, *item) for item in items]


def _store_kept(session: Session, article: Article, original: Original | None, kept: Kept) -> Outcome | ValueError:
    from desktop.core.store.versions import add_earlier  # it builds on this module

    try:
        with session.begin_nested():
            outcome = _store(session, article, original, new_id=kept.id)
            if outcome.status == SAVED:
                row = session.get(ArticleRow, outcome.id)
                row.added, row.updated = kept.added or row.added, kept.updated or row.updated
                row.edited, row.provenance = kept.edited, kept.provenance
                snap = session.get(Snapshot, outcome.id)
                if snap is not None and kept.fetched:
                    snap.fetched = kept.fetched
                add_earlier(session, outcome.id, kept.versions)
            attach_tags(session, outcome.id, kept.tags)
        return outcome
    except (IntegrityError, ValueError) as exc:  # a constraint; text Python cannot encode
        return ValueError(f"The archive refused it ({getattr(exc, 'orig', exc)})")


def _store(
    session: Session, article: Article, original: Original | None, refresh: bool = False, new_id: int | None = None,
    details: dict | None = None,
) -> Outcome:
    """Store one article in `session` (see store_article); a new row takes `new_id` if it is
    free, and `details` (write_article)."""
    known = claims(session, article)
    if known.rows or not known.addresses:  # it may be stored: what its group keeps for later is read
        write_pending(session)
    row = find_same(session, article, refresh, known)
    restored = row is not None and row.trashed is not None
    if restored:
        row.trashed = None
        session.add(row)
    if row is not None and not refresh:
        return Outcome(RESTORED if restored else EXISTS, row.id, row.title)
    if row is None:
        free_id = new_id if new_id and session.get(ArticleRow, new_id) is None else None
        return Outcome(SAVED, _insert_article(session, article, original, known, details or {}, free_id), article.title)
    from desktop.core.store.versions import is_new_version, store_new_version  # they build on this module

    old_title = row.title
    if original is not None and is_new_version(row, article):
        store_new_version(session, row.id, article, original)  # what it said before stays readable
    else:
        write_version(session, row, article, original, True, known)
    return Outcome(RESTORED if restored else SAVED, row.id, row.title, old_title)


# A new article's row and its person count, as plain statements built once: the ORM's unit
# of work for the row was a tenth of storing an article.
_INSERT_ARTICLE = insert(ArticleRow.__table__)
_PERSON_COUNT = (update(ArticleRow.__table__).where(ArticleRow.__table__.c.id == bindparam("article_id"))
                 .values(person_count=bindparam("people")))


def _insert_article(session: Session, article: Article, original: Original | None, known: Claims, details: dict,
                    new_id: int | None) -> int:
    """write_version for an article new to the archive, its row a plain INSERT (of
    `details`, column values it starts with, and `new_id` when not None); returns its id."""
    now = datetime.now(timezone.utc)
    values = {**_row_values(article), "url": known.free_address(None), "added": now, "updated": now, **details}
    if new_id is not None:
        values["id"] = new_id
    article_id = session.connection().execute(_INSERT_ARTICLE, values).inserted_primary_key[0]
    people = _write_parts(session, article_id, article, original, values["title"], replacing=False, authors=True)
    later(session, _PERSON_COUNT, [{"article_id": article_id, "people": people}])
    return article_id


def write_version(session: Session, row: ArticleRow, article: Article, original: Original | None,
                  replacing: bool, known: Claims | None = None) -> None:
    """Write `article` into `row` (new, or `replacing` what it held): its details unless the
    user edited them, authors, entities, quotations, and `original` as its offline copy with
    its evidence of capture as the article's newest version's. `known`: the article's
    same.Claims, when the caller has read them (then its address is not looked up again)."""
    keep_metadata = replacing and row.edited is not None  # the user's corrections win
    if replacing:
        _clear_links(session, row.id, authors=not keep_metadata)
    for column, value in _row_values(article, keep_metadata).items():
        setattr(row, column, value)
    if not keep_metadata:  # the address is one of the details the user may have edited
        row.url = known.free_address(row.id) if known is not None else free_address(session, article, row.id)
    session.add(row)
    session.flush()
    row.person_count = _write_parts(session, row.id, article, original, row.title, replacing, not keep_metadata)
    if replacing:  # entities and authors only the old version named
        drop_orphans(session)


def _write_parts(session: Session, article_id: int, article: Article, original: Original | None, title: str,
                 replacing: bool, authors: bool) -> int:
    """What write_version writes beside the article's row (of id `article_id`, its stored
    `title`): its authors (with `authors`), entities, quotations and offline copy; returns
    its person count."""
    if authors:
        write_authors(session, article_id, article.authors)
    people = _write_entities(session, article_id, article.entities, title, article.text)
    write_quotations(session, article_id, article.quotes, new=not replacing)
    if original is not None:
        # A refresh without a new copy keeps the old one: never lose the offline copy.
        captured = original.captured or datetime.now(timezone.utc)
        if replacing:
            session.exec(delete(Snapshot).where(Snapshot.article_id == article_id))
        # A plain row, not an ORM object: the unit of work was a good part of an import's storing.
        later(session, insert_of(Snapshot), [{"article_id": article_id, "content_type": original.content_type,
                                              "charset": original.charset, "data": compressed(original),
                                              "size": len(original.data), "fetched": captured}])
        write_capture(session, article_id, replace(original, captured=captured), new=not replacing)
    return people


SNAPSHOT_LEVEL = 6  # zlib's default level: most of level 9's saving for a third of its time


def compressed(original: Original) -> bytes:
    """The bytes of `original` as a Snapshot keeps them: zlib at SNAPSHOT_LEVEL (RFC 1950),
    done now unless `original.compressed` holds them already."""
    if original.compressed is None:
        return zlib.compress(original.data, SNAPSHOT_LEVEL)
    return original.compressed


def replace_entities(archive: Archive, article_id: int, entities: list[Entity], quotes: Sequence[Quote] = ()) -> None:
    """Swap the entities and quotations of one article (after a model or rule change)."""
    with archive.transaction() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:  # deleted meanwhile (by the window, while the CLI reindexes)
            return
        # The article's own (first-name-only) rows stay: found again by their key, they keep
        # their ids; drop_orphans removes those not found again.
        session.exec(delete(Mention).where(Mention.article_id == article_id))
        row.person_count = _write_entities(session, article_id, entities, row.title, row.text)
        write_quotations(session, article_id, quotes)
        drop_orphans(session)


def delete_articles(archive: Archive, ids: Iterable[int]) -> int:
    """Delete articles for good (in the trash or not) with their snapshots and links; return
    how many existed. `trash.trash_articles` is the undoable way."""
    ids = list(ids)
    with archive.transaction() as session:
        return delete_rows(session, select(ArticleRow.id).where(col(ArticleRow.id).in_(ids)))


def delete_rows(session: Session, ids_query) -> int:
    """Delete the articles `ids_query` (a SELECT of article ids) finds; return how many."""
    found = session.exec(ids_query).all()
    if found:  # a window's start-up purge of the Trash usually finds nothing to delete
        session.exec(delete(ArticleRow).where(col(ArticleRow.id).in_(found)))
        drop_orphans(session)
    return len(found)


def original_of(archive: Archive, article_id: int) -> Original | None:
    """The stored offline copy of an article, decompressed; None if it has none.

    Raises DamagedCopy (a ValueError) when the stored bytes do not decompress.
    """
    with archive.session() as session:
        snap = session.get(Snapshot, article_id)
        if snap is None:
            return None
        return Original(inflate(snap), snap.content_type, snap.charset)


def inflate(snapshot: Snapshot) -> bytes:
    """The page bytes of a stored snapshot; DamagedCopy (a ValueError) if they are corrupt."""
    try:
        return zlib.decompress(snapshot.data)
    except zlib.error as exc:
        raise DamagedCopy(f"The saved copy of article {snapshot.article_id} is damaged ({exc})") from exc


def entity_key(entity: Entity, article_id: int) -> str:
    """What makes two mentions one archive-wide entity (see EntityRow)."""
    if entity.key:
        return entity.key
    if entity.kind in (CITY, COUNTRY) and entity.geonameid:
        return f"geo:{entity.geonameid}"
    if entity.kind == COUNTRY and entity.country:
        return f"iso:{entity.country.upper()}"
    name = " ".join(entity.name.casefold().split())
    return f"{name}#{article_id}" if entity.local else name


def person_count(entities: list[Entity]) -> int:
    """How many people the article names as stored: two people whose names differ only in
    case ("Raspberry Pi", "Raspberry PI") are one stored entity, and count once."""
    # Within one article every local key has the same article id, so any id counts right.
    return len({entity_key(e, 0) for e in entities if e.kind == PERSON})


def _row_values(article: Article, keep_metadata: bool = False) -> dict:
    """The article row's columns that `article` gives (but its address), without the title,
    authors, date, publisher and source address when `keep_metadata` (the user's win)."""
    values = {"canonical_url": normalize_url(article.canonical_url) if article.canonical_url else None,
              "language": article.language, "image": article.image, "text": article.text,
              "text_hash": text_hash(article.text)}
    if keep_metadata:
        return values
    return values | {"source_url": article.url, "title": article.title, "authors_text": join_names(article.authors),
                     "published": article.published, "publisher": article.publisher}


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clear_links(session: Session, article_id: int, authors: bool = True) -> None:
    # Entities of this article alone stay for drop_orphans (after the new ones are written):
    # found again, they keep their ids.
    for table in (ArticleAuthor, Mention) if authors else (Mention,):
        session.exec(delete(table).where(table.article_id == article_id))


def write_authors(session: Session, article_id: int, names: list[str]) -> None:
    """Link the article to its authors in order, creating the author rows not stored yet."""
    for position, name in enumerate(dict.fromkeys(names)):
        author = session.exec(select(Author).where(Author.name == name)).first()
        if author is None:
            author = Author(name=name)
            session.add(author)
            session.flush()
        session.add(ArticleAuthor(article_id=article_id, author_id=author.id, position=position))


def _write_entities(session: Session, article_id: int, entities: list[Entity], title: str, text: str) -> int:
    """Link `entities` to the article (stored with `title` and `text`), creating the
    canonical rows not stored yet; return its person count, of what is stored.

    One query finds the known rows and one executemany writes the new ones: an article names
    dozens of entities, and a query per entity was most of an import's storing time.
    The archive's corrections apply first (corrections.rules).
    """
    # Imported here: the corrections package builds on this module.
    from desktop.core.corrections.rules import apply_corrections

    known = corrections(session)  # read once: three of the steps consult them
    rules = known.rules
    entities = with_confirmed(session, known, title, text, entities)  # store.confirmed
    entities = with_known_people(session, article_id, entities, rules)  # store.people_join
    entities = apply_corrections(rules, article_id, title, text, entities)
    keyed = [((e.kind, entity_key(e, article_id)), e) for e in entities]
    ids = entity_ids(session, article_id, keyed)
    mentions: dict[tuple[str, str], dict] = {}  # the article's Mention rows, by entity
    for ident, entity in keyed:
        if ident in mentions:  # two forms that resolve to one stored entity
            mentions[ident]["count"] += entity.mentions
        else:
            mentions[ident] = {"article_id": article_id, "entity_id": ids[ident], "count": entity.mentions,
                               "first_pos": entity.first_pos, "context": entity.context}
    # Plain rows in one executemany each: an ORM object per row was most of the writer's time.
    insert_rows(session, Mention, list(mentions.values()))
    join_earlier_surnames(session, article_id, rules)
    return person_count(entities)


def drop_orphans(session: Session) -> None:
    """Delete the entities and authors no article links to any more.

    NOT EXISTS, not NOT IN: PostgreSQL cannot turn NOT IN (a subquery) into an anti-join
    (a NULL in it would change the answer), and re-read 780k mentions per entity.
    """
    session.exec(delete(EntityRow).where(~exists().where(Mention.entity_id == EntityRow.id)))
    session.exec(delete(Author).where(~exists().where(ArticleAuthor.author_id == Author.id)))
