"""Versions of a story: the earlier versions a re-check kept (models.ArticleVersion) beside
the article row and snapshot, which always hold the newest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import Session, col, select

from desktop.core.article import Article, Original
from desktop.core.store.archive import compressed, inflate, write_version
from desktop.core.store.captures import Evidence, current_version, evidence_of, write_capture
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, ArticleVersion, Capture, Snapshot


@dataclass
class Version:
    """One version of an article: its number (1 = the first capture), title, text, whether it
    is the newest (the one the archive shows), and its evidence of capture (None when its
    copy was never kept, as for an article imported without one)."""

    number: int
    title: str
    text: str
    newest: bool
    capture: Evidence | None

    def as_json(self, text: bool = True) -> dict:
        """The version in `versions --json` and `show --json` (`text` left out when False)."""
        value = {"version": self.number, "title": self.title, "newest": self.newest,
                 "capture": None if self.capture is None else self.capture.as_json()}
        return {**value, "text": self.text} if text else value


def versions_of(archive: Archive, article_id: int) -> list[Version]:
    """Every version of an article, oldest first; ValueError if there is no such article."""
    with archive.session() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise ValueError(f"There is no article {article_id} in the archive.")
        captures = {e.version: e for e in evidence_of(session, article_id)}
        earlier = session.exec(select(ArticleVersion.version, ArticleVersion.title, ArticleVersion.text)
                               .where(ArticleVersion.article_id == article_id).order_by(ArticleVersion.version))
        found = [Version(n, title, text, False, captures.get(n)) for n, title, text in earlier]
        newest = len(found) + 1
        return [*found, Version(newest, row.title, row.text, True, captures.get(newest))]


def _copy(stored: Snapshot | ArticleVersion | None, capture: Evidence | None) -> Original | None:
    """A stored copy (the newest's Snapshot or an earlier version's row) with its evidence."""
    if stored is None or not stored.data:  # an article re-checked before it had a copy
        return None
    # ArticleVersion keeps its copy as Snapshot does; inflate reads `data` and names the article.
    data = inflate(stored if isinstance(stored, Snapshot) else Snapshot(article_id=stored.article_id, data=stored.data))
    if capture is None:
        return Original(data, stored.content_type, stored.charset)
    return Original(data, stored.content_type, stored.charset, capture.method, capture.final_url, capture.status,
                    capture.headers, capture.captured)


def copies_of(archive: Archive, article_id: int) -> tuple[ArticleRow | None, list[tuple[Version, Original]]]:
    """An article's row and every version that has a kept copy and evidence of capture, with
    that copy, oldest first, read in one session (a web-archive export reads thousands);
    (None, []) if there is no such article. Raises DamagedCopy (a ValueError) when a stored
    copy does not decompress."""
    with archive.session() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None, []
        captures = {e.version: e for e in evidence_of(session, article_id)}
        earlier = list(session.exec(select(ArticleVersion).where(ArticleVersion.article_id == article_id)
                                    .order_by(ArticleVersion.version)))
        snapshot = session.get(Snapshot, article_id)
    stored = [(v.version, v.title, v.text, v) for v in earlier] + [(len(earlier) + 1, row.title, row.text, snapshot)]
    found = []
    for number, title, text, kept in stored:
        capture = captures.get(number)
        copy = _copy(kept, capture) if capture is not None else None
        if copy is not None:
            found.append((Version(number, title, text, number == len(earlier) + 1, capture), copy))
    return row, found


def _words(text: str) -> str:
    return " ".join(text.split())


def is_new_version(row: ArticleRow, article: Article) -> bool:
    """True when `article` says something other than the stored `row`: its text, or its
    title while the user has not edited the row's details (spacing never counts)."""
    same_title = row.edited is not None or _words(article.title) == _words(row.title)
    return not (same_title and _words(article.text) == _words(row.text))


def store_new_version(session: Session, article_id: int, article: Article, original: Original) -> int:
    """Keep the article's newest version (title, text, copy) as an earlier one, then make
    `article` with `original` its newest; return the new version's number. Runs inside the
    caller's transaction; ValueError if the article is gone."""
    row = session.get(ArticleRow, article_id)
    snapshot = session.get(Snapshot, article_id)
    if row is None or row.trashed is not None:
        raise ValueError(f"Article {article_id} is no longer in the archive")
    number = current_version(session, article_id)
    session.add(ArticleVersion(
        article_id=article_id, version=number, title=row.title, text=row.text,
        content_type=snapshot.content_type if snapshot else "text/html",
        charset=snapshot.charset if snapshot else None, data=snapshot.data if snapshot else b"",
        size=snapshot.size if snapshot else 0,
    ))
    session.flush()
    write_version(session, row, article, original, replacing=True)
    row.updated = datetime.now(timezone.utc)
    session.add(row)
    return number + 1


@dataclass
class Earlier:
    """An earlier version read from an export file: its title, text and offline copy (None:
    none was kept) with the copy's evidence."""

    title: str
    text: str
    original: Original | None


def add_earlier(session: Session, article_id: int, earlier: list[Earlier]) -> None:
    """Put `earlier` (oldest first) before a just-stored article's one version: they become
    versions 1..n and its own copy's capture version n+1. Runs in the caller's transaction."""
    if not earlier:
        return
    newest = session.get(Capture, (article_id, 1))
    if newest is not None:
        session.delete(newest)
        session.flush()
        session.add(Capture(**{**newest.model_dump(), "version": len(earlier) + 1}))
    for number, version in enumerate(earlier, 1):
        copy = version.original
        session.add(ArticleVersion(
            article_id=article_id, version=number, title=version.title, text=version.text,
            content_type=copy.content_type if copy else "text/html", charset=copy.charset if copy else None,
            data=compressed(copy) if copy else b"", size=len(copy.data) if copy else 0))
        if copy is not None:
            write_capture(session, article_id, copy, number)
    session.flush()


def changed_ids(session: Session, ids: list[int]) -> set[int]:
    """Those of `ids` that have more than one version (the list's "changed" mark)."""
    return set(session.exec(select(ArticleVersion.article_id).where(col(ArticleVersion.article_id).in_(ids))))
