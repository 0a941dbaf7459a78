"""Picking an interrupted import up again in the window, and retrying chosen jobs.

The window shows an interrupted batch as it stood: the jobs already done or failed with
their outcomes, the rest queued again (`resume`), so its counter reads "1,240 of 10,000"
rather than starting over at the 8,760 left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlmodel import col, func, select

from desktop.core.batch.jobs import CANCELLED, FAILED, ITEM, QUEUED, Job, jobs_in, resume
from desktop.core.store.db import Archive
from desktop.core.store.models import ImportJob


@dataclass
class Interrupted:
    """The unfinished batches' jobs, oldest first (finished ones included, as they ended),
    and when the last of their jobs changed (None when nothing was interrupted)."""

    jobs: list[Job] = field(default_factory=list)
    stopped: datetime | None = None

    @property
    def left(self) -> int:
        """How many jobs are still to do."""
        return sum(job.state == QUEUED for job in self.jobs)


def interrupted(archive: Archive) -> Interrupted:
    """Put back what a stopped process left running (batch.resume, one transaction) and
    return every job of the batches that still have work to do."""
    waiting = resume(archive)
    if not waiting:
        return Interrupted()
    batch_ids = sorted({job.batch_id for job in waiting})
    with archive.session() as session:
        jobs = jobs_in(session, col(ImportJob.batch_id).in_(batch_ids))
        stopped = session.exec(select(func.max(ImportJob.updated))
                               .where(col(ImportJob.batch_id).in_(batch_ids))).one()
    return Interrupted(jobs, stopped)


def retry_jobs(archive: Archive, ids: Sequence[int]) -> list[Job]:
    """Queue again the failed or cancelled jobs among `ids` that can be tried again (a bad
    line of a file of links has nothing to try), in one transaction; return them."""
    with archive.transaction() as session:
        rows = session.exec(select(ImportJob).where(col(ImportJob.id).in_(list(ids)),
                                                    col(ImportJob.state).in_([FAILED, CANCELLED]))).all()
        rows = [r for r in rows if r.source and (r.kind != ITEM or r.item is not None)]
        for row in rows:
            row.state, row.reason, row.updated = QUEUED, None, datetime.now(timezone.utc)
            session.add(row)
        session.flush()
        return jobs_in(session, col(ImportJob.id).in_([r.id for r in rows]))
