"""What the import queue holds: batches with counts per state, failures grouped by reason."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import col, delete, func, select

from desktop.core.batch.jobs import CANCELLED, DONE, FAILED, QUEUED, RUNNING, Job, jobs_in
from desktop.core.batch.owner import is_alive
from desktop.core.errors import CuttingsError
from desktop.core.store.db import Archive
from desktop.core.store.models import ImportBatch, ImportJob

STOPPED = "stopped"
"""What the queue calls a RUNNING job whose importer has gone (killed, or its machine off:
owner.is_alive): nothing works on it until `cuttings import --resume` or the window goes on."""
STATES = (QUEUED, RUNNING, STOPPED, DONE, FAILED, CANCELLED)


@dataclass
class BatchStatus:
    """One batch: when it was made, its inputs, and its jobs counted per state."""

    id: int
    created: datetime
    inputs: list[str]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        """How many jobs the batch holds."""
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        """True when no job of it is queued, running or stopped."""
        return not (self.counts.get(QUEUED) or self.counts.get(RUNNING) or self.counts.get(STOPPED))


@dataclass
class QueueStatus:
    """The whole queue: its batches (oldest first) and its failed jobs by reason group."""

    batches: list[BatchStatus] = field(default_factory=list)
    failures: dict[str, list[Job]] = field(default_factory=dict)  # largest group first

    def counts(self) -> dict[str, int]:
        """Jobs per state over all batches."""
        total: Counter[str] = Counter()
        for batch in self.batches:
            total.update(batch.counts)
        return {state: total.get(state, 0) for state in STATES}

    def as_json(self) -> dict:
        """The shape `cuttings queue --json` prints (its times as datetimes: print_json writes them)."""
        return {
            "counts": self.counts(),
            "batches": [{"id": b.id, "created": b.created, "inputs": b.inputs,
                         "counts": {s: b.counts.get(s, 0) for s in STATES}} for b in self.batches],
            "failures": [{"reason": group, "count": len(jobs),
                          "items": [{"job": j.id, "batch": j.batch_id, "source": j.source, "title": j.title,
                                     "reason": j.reason} for j in jobs]}
                         for group, jobs in self.failures.items()],
        }


def queue_status(archive: Archive) -> QueueStatus:
    """The queue as it stands (reads only); a RUNNING job whose importer has gone counts as STOPPED."""
    with archive.session() as session:
        counted = session.exec(select(ImportJob.batch_id, ImportJob.state, func.count())
                               .where(col(ImportJob.state) != RUNNING)
                               .group_by(ImportJob.batch_id, ImportJob.state)).all()
        running = session.exec(select(ImportJob.batch_id, ImportJob.owner, func.max(ImportJob.updated), func.count())
                               .where(col(ImportJob.state) == RUNNING)
                               .group_by(ImportJob.batch_id, ImportJob.owner)).all()
        per_batch: dict[int, Counter[str]] = defaultdict(Counter)
        for batch_id, state, count in counted:
            per_batch[batch_id][state] += count
        for batch_id, owner, updated, count in running:
            per_batch[batch_id][RUNNING if is_alive(owner, updated) else STOPPED] += count
        batches = [BatchStatus(b.id, b.created, b.inputs.splitlines(), dict(per_batch.get(b.id, {})))
                   for b in session.exec(select(ImportBatch).order_by(ImportBatch.id)).all()]
        failed = jobs_in(session, col(ImportJob.state) == FAILED)
    groups: dict[str, list[Job]] = defaultdict(list)
    for job in failed:
        groups[job.reason_group].append(job)
    return QueueStatus(batches, dict(sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))))


def failed_jobs(archive: Archive, batch_id: int | None = None) -> list[Job]:
    """The FAILED jobs (of one batch, or all), oldest first."""
    conditions = [col(ImportJob.state) == FAILED]
    if batch_id is not None:
        conditions.append(col(ImportJob.batch_id) == batch_id)
    with archive.session() as session:
        return jobs_in(session, *conditions)


def write_failed(jobs: Sequence[Job], path: str | Path) -> int:
    """Write `jobs` as CSV (url,title,reason,group: a header, then a row each) to `path`, a
    file a person can mend and import again; return how many. Raises CuttingsError if the
    file cannot be written."""
    try:
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["url", "title", "reason", "group"])
            for job in jobs:
                url = job.item.url if job.item is not None else job.source
                writer.writerow([url or "", job.title, job.reason or "", job.reason_group or ""])
    except OSError as exc:
        raise CuttingsError(f"Cannot write {path}: {exc.strerror}") from exc
    return len(jobs)


def clear_finished(archive: Archive) -> tuple[int, int]:
    """Forget the batches whose jobs have all ended (done, failed or cancelled), with their
    jobs, in one transaction; return (batches forgotten, failed jobs among their jobs), so the
    caller can say that a failure list went with them. Their articles stay."""
    with archive.transaction() as session:
        open_batches = select(ImportJob.batch_id).where(col(ImportJob.state).in_([QUEUED, RUNNING]))
        ended = session.exec(select(ImportBatch.id).where(col(ImportBatch.id).not_in(open_batches))).all()
        if not ended:
            return 0, 0
        in_ended = col(ImportJob.batch_id).in_(ended)
        failed = session.exec(select(func.count()).where(in_ended, col(ImportJob.state) == FAILED)).one()
        session.exec(delete(ImportJob).where(in_ended))
        session.exec(delete(ImportBatch).where(col(ImportBatch.id).in_(ended)))
        return len(ended), failed
