"""Tags: names the user (or an imported bookmarks file, read-later export or feed) gives
articles. Each public function is one transaction; a tag no article carries is dropped.

A tag name is one tag whatever its case ("Climate" and "climate", "Économie" and
"économie" are one tag, spelt as first given): see _tag_rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import exists, func
from sqlmodel import Session, col, delete, select

from desktop.core.store.db import Archive
from desktop.core.store.group import later, once
from desktop.core.store.models import ArticleRow, ArticleTag, Tag, insert_of

MAX_TAG_CHARS = 100  # a folder path or a sentence pasted by mistake is not a tag


@dataclass
class TagCount:
    """A tag and how many articles outside the trash carry it."""

    name: str
    articles: int


def clean_tags(names: Iterable) -> list[str]:
    """Tag names with runs of spaces made one, empty ones dropped, each cut to MAX_TAG_CHARS
    and repeats (in any case) left out, in their first order."""
    seen: dict[str, str] = {}
    for name in names:
        name = " ".join(str(name).split())[:MAX_TAG_CHARS].strip()
        if name and _fold(name) not in seen:
            seen[_fold(name)] = name
    return list(seen.values())


def attach_tags(session: Session, article_id: int, names: Iterable[str], new: bool = False) -> int:
    """Give one article the tags `names` (made when new) in `session`; return how many it
    did not have yet. `new`: the article was created in this transaction, so it has no tags
    to look up."""
    wanted = [tag.id for tag in _tag_rows(session, clean_tags(names), create=True)]
    had = set() if new or not wanted else set(session.exec(
        select(ArticleTag.tag_id).where(ArticleTag.article_id == article_id, col(ArticleTag.tag_id).in_(wanted))))
    links = [{"article_id": article_id, "tag_id": tag_id} for tag_id in dict.fromkeys(wanted) if tag_id not in had]
    later(session, insert_of(ArticleTag), links)
    return len(links)


def add_tags(archive: Archive, ids: Iterable[int], names: Iterable[str]) -> int:
    """Give every article of `ids` the tags `names`; return how many tags were new to them.

    Raises ValueError (one sentence, nothing changed) for no tag name or an id that is not
    in the archive.
    """
    ids, names = list(dict.fromkeys(ids)), clean_tags(names)
    with archive.transaction() as session:
        _check(session, ids, names)
        return sum(attach_tags(session, article_id, names) for article_id in ids)


def remove_tags(archive: Archive, ids: Iterable[int], names: Iterable[str]) -> int:
    """Take the tags `names` off every article of `ids`; return how many were taken off.
    A tag left on no article is dropped. ValueError as add_tags."""
    ids, names = list(dict.fromkeys(ids)), clean_tags(names)
    with archive.transaction() as session:
        _check(session, ids, names)
        tag_ids = _all_tag_ids(session, names)
        links = col(ArticleTag.article_id).in_(ids) & col(ArticleTag.tag_id).in_(tag_ids)
        removed = session.exec(select(func.count()).select_from(ArticleTag).where(links)).one()
        session.exec(delete(ArticleTag).where(links))
        session.exec(delete(Tag).where(~exists().where(ArticleTag.tag_id == Tag.id)))  # see drop_orphans
        return removed


def tags(archive: Archive, among: Iterable[int] | None = None) -> list[TagCount]:
    """Every tag with the number of articles outside the trash carrying it, most first, then
    by name; a tag only trashed articles carry is counted 0. With `among` (article ids), only
    the tags those articles carry, each with how many of them carry it (trashed ones too: the
    caller chose them)."""
    if among is None:
        shown = col(ArticleTag.article_id).not_in(select(ArticleRow.id).where(col(ArticleRow.trashed).is_not(None)))
        count = func.count(ArticleTag.article_id).filter(shown)
    else:
        count = func.count(ArticleTag.article_id)
    query = (select(Tag.name, count).join(ArticleTag, ArticleTag.tag_id == Tag.id)
             .group_by(Tag.id).order_by(count.desc(), func.lower(Tag.name)))
    if among is not None:
        query = query.where(col(ArticleTag.article_id).in_(list(among)))
    with archive.session() as session:
        return [TagCount(name, n) for name, n in session.exec(query).all()]


def _check(session: Session, ids: list[int], names: list[str]) -> None:
    if not names:
        raise ValueError("Give the name of a tag.")
    found = set(session.exec(select(ArticleRow.id).where(col(ArticleRow.id).in_(ids))).all())
    missing = [str(i) for i in ids if i not in found]
    if not ids or missing:
        raise ValueError(f"There is no article {', '.join(missing)} in the archive." if missing
                         else "Choose the articles to tag.")


def _tag_rows(session: Session, names: list[str], create: bool) -> list:
    """The tag of each of `names` in any case (its row: `id` and `name`), made when missing
    and `create`.

    A tag name is one tag whatever its case: attaching "russia" when "Russia" exists uses
    "Russia", and so for "économie" and "Économie". The match is Python's casefold over every
    tag (an archive holds hundreds, not millions), because SQLite's lower() folds ASCII only.
    Where an older archive holds variants of one name, the first made is used.
    """
    variants = once(session, "tags", lambda: _variants(session))  # a group's tags, kept up to date below
    known = {key: rows[0] for key, rows in variants.items()}
    folded = {_fold(n): n for n in names}
    for key, name in folded.items():
        if key not in known and create:
            known[key] = Tag(name=name)
            variants[key] = [known[key]]
            session.add(known[key])
    session.flush()
    return [known[k] for k in folded if k in known]


def spellings(archive: Archive, names: Iterable[str]) -> list[str]:
    """Each of `names` (clean_tags'd) as the archive spells its tag ("russia" -> "Russia"),
    or as given when the archive has no such tag: what adding or removing it will touch."""
    with archive.session() as session:
        variants = _variants(session)
    return [variants[_fold(n)][0].name if _fold(n) in variants else n for n in clean_tags(names)]


def tag_ids(archive: Archive, name: str) -> tuple[int, ...]:
    """The ids of the tags spelt `name` in any case, accents too ("ÉCONOMIE" finds
    "Économie"); () when the archive has none."""
    with archive.session() as session:
        return tuple(_all_tag_ids(session, [name]))


def _all_tag_ids(session: Session, names: list[str]) -> list[int]:
    """The ids of every tag spelt as one of `names` in any case (every variant an older
    archive holds), so removing "mixed case" takes "Mixed Case" off too."""
    variants = _variants(session)
    return [row.id for name in names for row in variants.get(_fold(name), [])]


_ALL_TAGS = select(Tag.id, Tag.name).order_by(col(Tag.id))  # built once: an import reads it for every article


def _variants(session: Session) -> dict[str, list]:
    """Every tag's (id, name) row by its folded name, the oldest first. Plain rows, not ORM
    objects: an import reads them for every article, and a reading list has hundreds of tags."""
    variants: dict[str, list] = {}
    for row in session.connection().execute(_ALL_TAGS).all():
        variants.setdefault(_fold(row.name), []).append(row)
    return variants


def _fold(name: str) -> str:
    """The form two spellings of one tag share: spaces made one, case folded."""
    return " ".join(name.split()).casefold()
