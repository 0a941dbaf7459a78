"""Versions of a story: download stored articles again, keep a new version when the title or
text changed (store.versions), and the word-level difference between two versions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlmodel import col, select

from desktop.core.errors import CuttingsError
from desktop.core.pipeline import add_entities, load, parse
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow
from desktop.core.store.versions import Version, is_new_version, store_new_version, versions_of

CHANGED, SAME, ERROR = "changed", "same", "error"
EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"
# A word, a run of spaces, or one other character: the units a change is told in.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class Recheck:
    """What re-checking one article found: CHANGED (a new version was stored, `version` its
    number), SAME, or ERROR with the `reason` (nothing was stored)."""

    status: str
    id: int
    version: int | None = None
    reason: str = ""

    def line(self) -> str:
        """The CLI's line: "changed 12", "same 12" or "error 12: reason"."""
        return f"{ERROR} {self.id}: {self.reason}" if self.status == ERROR else f"{self.status} {self.id}"


def recheck(archive: Archive, article_id: int, entities: bool = True) -> Recheck:
    """Download an article's page again; when its title or text changed, store it as a new
    version (one transaction, the old version kept with its copy). The title counts only
    while the user has not edited it. Errors come back as an ERROR Recheck, never raised."""
    with archive.session() as session:
        row = session.get(ArticleRow, article_id)
    if row is None or row.trashed is not None:
        return Recheck(ERROR, article_id, reason="it is in the Trash" if row else "no such article in the archive")
    if not (row.source_url or "").startswith(("http://", "https://")):
        return Recheck(ERROR, article_id, reason="it has no web address to download again")
    try:
        loaded = load(row.source_url)
        article = parse(loaded)
        if not is_new_version(row, article):
            return Recheck(SAME, article_id)
        if entities:
            add_entities(article)
        with archive.transaction() as session:
            number = store_new_version(session, article_id, article, loaded.original)
    except (CuttingsError, ValueError) as exc:
        return Recheck(ERROR, article_id, reason=str(exc).rstrip("."))
    return Recheck(CHANGED, article_id, number)


def recheck_all(archive: Archive, ids: Iterable[int], entities: bool = True) -> Iterator[Recheck]:
    """recheck each of `ids` in turn, yielding each result as it comes."""
    for article_id in ids:
        yield recheck(archive, article_id, entities)


def added_since(archive: Archive, days: float) -> list[int]:
    """The ids of the articles (not in the Trash) added in the last `days` days that have a
    web address to download again, oldest first (a file's article has nothing to re-check)."""
    if days <= 0:
        raise ValueError("The number of days should be more than 0")
    since = datetime.now(timezone.utc) - timedelta(days=days)
    with archive.session() as session:
        return list(session.exec(select(ArticleRow.id).where(col(ArticleRow.trashed).is_(None),
                                                             col(ArticleRow.source_url).startswith("http"),
                                                             ArticleRow.added >= since).order_by(ArticleRow.id)))


def parse_age(text: str) -> float:
    """Days in "7d", "12h", "2w" or a plain number of days; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*", text.lower())
    if not match:
        raise ValueError(f"'{text}' is not an age: write 7d, 12h or 2w")
    return float(match.group(1)) * {"h": 1 / 24, "d": 1, "": 1, "w": 7}[match.group(2)]


Segment = tuple[str, str]  # (EQUAL | INSERTED | DELETED, text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The word-level difference from `old` to `new` as segments in reading order: unchanged
    text, deleted text (only in `old`) and inserted text (only in `new`); a replaced run of
    words is its deletion followed by its insertion (difflib's SequenceMatcher over words).
    Changes separated only by spaces read as one ("[-done nothing wrong-]{+acted within the
    rules+}", not three replacements side by side)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    blocks: list[list[str]] = []  # [unchanged text] or [deleted text, inserted text]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            blocks.append(["".join(a[i1:i2])])
        elif len(blocks) >= 2 and len(blocks[-2]) == 2 and not blocks[-1][0].strip():
            space = blocks.pop()[0]
            blocks[-1][0] += space + "".join(a[i1:i2])
            blocks[-1][1] += space + "".join(b[j1:j2])
        else:
            blocks.append(["".join(a[i1:i2]), "".join(b[j1:j2])])
    segments: list[Segment] = []
    for block in blocks:
        kinds = (EQUAL,) if len(block) == 1 else (DELETED, INSERTED)
        segments += [(kind, text) for kind, text in zip(kinds, block) if text]
    return segments


@dataclass
class VersionDiff:
    """The difference between two versions of an article: `older` and `newer` are the
    versions compared, `title` and `text` their word-level diffs (word_diff)."""

    older: Version
    newer: Version
    title: list[Segment]
    text: list[Segment]


def diff_versions(archive: Archive, article_id: int, a: int, b: int) -> VersionDiff:
    """The word-level diff of versions `a` and `b` of an article (either order: the lower
    number is the older); ValueError naming a version the article does not have."""
    versions = {v.number: v for v in versions_of(archive, article_id)}
    for number in (a, b):
        if number not in versions:
            raise ValueError(f"Article {article_id} has no version {number} (it has 1 to {len(versions)})")
    older, newer = versions[min(a, b)], versions[max(a, b)]
    return VersionDiff(older, newer, word_diff(older.title, newer.title), word_diff(older.text, newer.text))


def plain_diff(segments: list[Segment]) -> str:
    """Segments as text in wdiff's notation: [-deleted-] and {+inserted+}."""
    marks = {EQUAL: "{}", DELETED: "[-{}-]", INSERTED: "{{+{}+}}"}
    return "".join(marks[kind].format(text) for kind, text in segments)
