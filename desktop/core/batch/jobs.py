"""The import queue in the archive: batches of jobs, written before any work starts.

A job is QUEUED until a runner takes it (RUNNING), then DONE with its article, FAILED with a
reason, or CANCELLED. Its article and its DONE land in one transaction (store.store_job), so a
process killed at any moment leaves each job either done, with its article, or to do again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import bindparam
from sqlmodel import Session, col, or_, select, update

from desktop.core.batch.owner import OWNER, is_alive
from desktop.core.batch.reasons import reason_group
from desktop.core.connector.capture import Capture
from desktop.core.errors import CuttingsError, describe
from desktop.core.imports.collection import read_items
from desktop.core.imports.detect import CUTTINGS, LABELS, OPML, detect
from desktop.core.imports.feeds import read_opml
from desktop.core.imports.items import ImportItem, from_iso
from desktop.core.fetch import read_local
from desktop.core.pipeline import is_file_input, unreadable
from desktop.core.store.db import Archive
from desktop.core.store.group import later
from desktop.core.store.models import ImportBatch, ImportJob

QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"
FINISHED = (DONE, FAILED, CANCELLED)
# What a job holds: one page or file; an item of a file of links (its ImportItem kept);
# a feed whose entries become jobs when it is downloaded; a Cuttings export file, imported whole;
# a page the browser connector sent (its DOM kept in the item's html, its selection in text).
PAGE, ITEM, FEED, EXPORT, CAPTURE = "page", "item", "feed", "export", "capture"


@dataclass
class Job:
    """One queued import as the runners and the window see it (a row of import_job)."""

    id: int
    batch_id: int
    source: str  # a web address or a file path
    title: str
    state: str
    status: str | None = None  # what storing did: saved, exists, restored, refreshed
    article_id: int | None = None
    reason: str | None = None  # why it failed
    reason_group: str | None = None  # reasons.reason_group of it, for grouping failures
    attempts: int = 0
    kind: str = PAGE
    origin: str = ""
    item: ImportItem | None = None
    url: str | None = None  # the address the user gave a saved page file
    refresh: bool = False


def job_of(row: ImportJob, refresh: bool = False) -> Job:
    """The Job of an import_job row (`refresh`: its batch's)."""
    return Job(row.id, row.batch_id, row.source, row.title, row.state, row.status, row.article_id, row.reason,
               reason_group(row.reason) if row.reason else None, row.attempts, row.kind, row.origin,
               item_from_json(row.item) if row.item else None, row.url, refresh)


def item_json(item: ImportItem) -> str:
    """An ImportItem as JSON (its added time as ISO 8601), for import_job.item."""
    fields = asdict(item)
    fields["added"] = item.added.isoformat() if item.added else None
    return json.dumps(fields, ensure_ascii=False)


def item_from_json(text: str) -> ImportItem:
    """The ImportItem item_json wrote."""
    fields = json.loads(text)
    fields["added"] = from_iso(fields.get("added"))
    return ImportItem(**fields)


def item_row(batch_id: int, item: ImportItem, origin: str, where: str = "", number: int = 0,
             kind: str = ITEM) -> ImportJob:
    """An ITEM (or FEED) job row for `item` of a file of links (`where`); an item with a
    `problem` (a line that is no address) is FAILED at once, named FILE:LINE so the user
    can mend it."""
    if item.problem:
        name = f"{where}:{item.line}" if item.line else where or f"item {number}"
        return ImportJob(batch_id=batch_id, kind=ITEM, source=name, title=name, origin=origin, state=FAILED,
                         reason=item.problem)
    return ImportJob(batch_id=batch_id, kind=kind, source=item.url or "",
                     title=item.title or item.url or f"item {number}",
                     origin=origin, item=item_json(item), state=QUEUED)


def _rows_for(batch_id: int, source: str, url: str | None) -> list[ImportJob]:
    """The job rows of one input. Raises CuttingsError for a file of links that cannot be read."""
    if not is_file_input(source):
        return [ImportJob(batch_id=batch_id, kind=PAGE, source=source, title=source, url=url, state=QUEUED)]
    path = Path(source).expanduser()
    kind = detect(path)
    if kind is None:
        problem = unreadable(path) if path.is_file() else None  # a missing file is failed in its turn
        return [ImportJob(batch_id=batch_id, kind=PAGE, source=str(path), title=path.name, url=url,
                          state=FAILED if problem else QUEUED, reason=problem)]
    if kind == CUTTINGS:
        return [ImportJob(batch_id=batch_id, kind=EXPORT, source=str(path), title=path.name, state=QUEUED)]
    if kind == OPML:
        return [item_row(batch_id, ImportItem(feed.url, feed.title, tags=feed.tags), "", kind=FEED)
                for feed in read_opml(read_local(path))]
    items = read_items(path, kind)
    if not items:  # said, not an empty batch in the queue
        raise CuttingsError(f"The {LABELS[kind]} holds no links")
    return [item_row(batch_id, item, LABELS[kind], str(path), n) for n, item in enumerate(items, 1)]


def enqueue(archive: Archive, sources: Sequence[str], *, refresh: bool = False, url: str | None = None) -> list[Job]:
    """Record a batch of inputs of `cuttings import` (pages, files, files of links expanded
    into a job per item) in one transaction; return its jobs in order. Raises CuttingsError
    (nothing queued) when a file of links cannot be read, ValueError for no inputs."""
    if not sources:
        raise ValueError("Nothing to import: give web addresses or files")
    with archive.transaction() as session:
        batch = ImportBatch(inputs="\n".join(sources), refresh=refresh)
        session.add(batch)
        session.flush()
        rows = []
        for source in dict.fromkeys(sources):
            try:
                rows += _rows_for(batch.id, source, url)
            except CuttingsError as exc:
                raise CuttingsError(f"{source}: {str(exc).rstrip('.')}. Nothing was queued.") from exc
        session.add_all(rows)
        session.flush()
        return [job_of(row, refresh) for row in rows]


def enqueue_capture(archive: Archive, capture: Capture) -> Job:
    """Record a page the browser sent (its address, title, rendered DOM and selected text) as
    a batch of one CAPTURE job, in one transaction, so a window closed before it is analysed
    still has it at the next start; return the job."""
    with archive.transaction() as session:
        batch = ImportBatch(inputs=capture.url)
        session.add(batch)
        session.flush()
        page = ImportItem(capture.url, capture.title, html=capture.html, text=capture.selection)
        row = item_row(batch.id, page, "", kind=CAPTURE)
        session.add(row)
        session.flush()
        return job_of(row)


def add_jobs(session: Session, job: Job, items: Iterable[ImportItem], origin: str, kind: str = ITEM) -> list[Job]:
    """Queue `items` (a feed's entries, or an OPML list's feeds, found when `job` was
    downloaded) as jobs of `kind` in `job`'s batch, in the caller's transaction."""
    rows = [item_row(job.batch_id, item, origin, job.source, n, kind) for n, item in enumerate(items, 1)]
    session.add_all(rows)
    session.flush()
    return [job_of(row, job.refresh) for row in rows]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _refresh_of(session: Session, batch_ids: Iterable[int]) -> dict[int, bool]:
    ids = set(batch_ids)
    return dict(session.exec(select(ImportBatch.id, ImportBatch.refresh).where(col(ImportBatch.id).in_(ids))).all())


def jobs_in(session: Session, *conditions) -> list[Job]:
    """The jobs matching `conditions` (SQLModel expressions on ImportJob), oldest first."""
    rows = session.exec(select(ImportJob).where(*conditions).order_by(ImportJob.id)).all()
    refresh = _refresh_of(session, (r.batch_id for r in rows))
    return [job_of(row, refresh.get(row.batch_id, False)) for row in rows]


def resume(archive: Archive) -> list[Job]:
    """Put back the jobs a stopped process left RUNNING (not those a live one is working on:
    batch.owner) and return every QUEUED job, oldest first (one transaction)."""
    with archive.transaction() as session:
        running = session.exec(select(ImportJob.id, ImportJob.owner, ImportJob.updated)
                               .where(col(ImportJob.state) == RUNNING)).all()
        stopped = [job_id for job_id, owner, updated in running if not is_alive(owner, updated)]
        if stopped:
            session.exec(update(ImportJob).where(col(ImportJob.id).in_(stopped)).values(state=QUEUED, owner=None))
        return jobs_in(session, col(ImportJob.state) == QUEUED)


def start_jobs(archive: Archive, jobs: Sequence[Job]) -> list[Job]:
    """Take `jobs` for this process: those still QUEUED become RUNNING under its OWNER mark,
    with an attempt counted (one transaction). Returns the jobs taken; one another importer
    of the archive took first is left to it."""
    if not jobs:
        return []
    ids = [j.id for j in jobs]
    with archive.transaction() as session:  # holds the archive's write lock from its start
        taken = set(session.exec(select(ImportJob.id).where(col(ImportJob.id).in_(ids),
                                                           col(ImportJob.state) == QUEUED)).all())
        if taken:
            session.exec(update(ImportJob).where(col(ImportJob.id).in_(taken))
                         .values(state=RUNNING, owner=OWNER, attempts=ImportJob.attempts + 1, updated=_now()))
    for job in jobs:
        if job.id in taken:
            job.state, job.attempts = RUNNING, job.attempts + 1
    return [job for job in jobs if job.id in taken]


def release_jobs(archive: Archive) -> int:
    """Put back in the queue the jobs this process was running (a window closing, a CLI
    interrupted): the next importer takes them at once rather than waiting for this
    process to end. One transaction; returns how many."""
    with archive.transaction() as session:
        result = session.exec(update(ImportJob).where(col(ImportJob.state) == RUNNING, col(ImportJob.owner) == OWNER)
                              .values(state=QUEUED, owner=None))
        return result.rowcount


# Built once (its SET columns come from the parameters): building it cost more than running it.
_FINISH = update(ImportJob.__table__).where(ImportJob.__table__.c.id == bindparam("job_id"))


def finish(session: Session, job: Job, state: str, *, status: str | None = None, article_id: int | None = None,
           reason: str | None = None) -> Job:
    """Record in the caller's transaction (at its group's end: store.group) how `job` ended;
    return it updated. CuttingsError when the job is no longer in the queue."""
    later(session, _FINISH, [{"job_id": job.id, "state": state, "status": status, "article_id": article_id,
                              "reason": reason, "updated": _now()}],
          missing="The import job was removed from the queue while it ran")
    job.state, job.status, job.article_id, job.reason = state, status, article_id, reason
    job.reason_group = reason_group(reason) if reason else None
    return job


def fail_job(archive: Archive, job: Job, error: BaseException | str) -> Job:
    """Mark `job` FAILED with `error` as its reason, in one sentence (one transaction)."""
    with archive.transaction() as session:
        return fail_in(session, job, error)


def fail_in(session: Session, job: Job, error: BaseException | str) -> Job:
    """fail_job in the caller's transaction (at its group's end: store.group)."""
    return finish(session, job, FAILED, reason=error if isinstance(error, str) else describe(error))


def cancel_jobs(archive: Archive, ids: Iterable[int]) -> int:
    """Mark the unfinished jobs among `ids` CANCELLED (one transaction); return how many."""
    with archive.transaction() as session:
        result = session.exec(update(ImportJob).where(col(ImportJob.id).in_(list(ids)),
                                                      col(ImportJob.state).in_([QUEUED, RUNNING]))
                              .values(state=CANCELLED, updated=_now()))
        return result.rowcount


def retry_failed(archive: Archive, batch_id: int | None = None) -> list[Job]:
    """Queue again the FAILED jobs (of one batch, or all) that can be tried again (not a
    bad line of a file: it has nothing to try), in one transaction; return them."""
    conditions = [col(ImportJob.state) == FAILED, or_(col(ImportJob.kind) != ITEM, col(ImportJob.item).is_not(None))]
    if batch_id is not None:
        conditions.append(col(ImportJob.batch_id) == batch_id)
    with archive.transaction() as session:
        rows = session.exec(select(ImportJob).where(*conditions)).all()
        for row in rows:
            row.state, row.reason, row.updated = QUEUED, None, _now()
            session.add(row)
        session.flush()
        ids = [r.id for r in rows]
        return jobs_in(session, col(ImportJob.id).in_(ids))
