"""Two importers of one archive (the window and `cuttings import --resume`, or two machines on
a team archive) never take the same job, and neither puts back a job the other still runs."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import psutil
from sqlmodel import select

from desktop.core.batch import QUEUED, RUNNING, enqueue, resume, start_jobs
from desktop.core.batch.owner import OWNER, STALE_AFTER, is_alive
from desktop.core.store.models import ImportJob


def _owned_by(archive, job_id: int, owner: str, updated: datetime) -> None:
    with archive.transaction() as session:
        row = session.get(ImportJob, job_id)
        row.state, row.owner, row.updated = RUNNING, owner, updated
        session.add(row)


def _state(archive, job_id: int) -> str:
    with archive.session() as session:
        return session.exec(select(ImportJob.state).where(ImportJob.id == job_id)).one()


def test_a_job_is_taken_once(archive):
    jobs = enqueue(archive, ["https://example.org/a", "https://example.org/b"])
    assert [j.id for j in start_jobs(archive, jobs)] == [j.id for j in jobs]
    assert start_jobs(archive, jobs) == []  # a second importer finds them taken


def test_resume_leaves_a_live_importers_jobs_alone_and_takes_back_a_dead_ones(archive):
    first, second = enqueue(archive, ["https://example.org/a", "https://example.org/b"])
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        mark = f"{OWNER.split('|')[0]}|{other.pid}|{psutil.Process(other.pid).create_time():.0f}"
        _owned_by(archive, first.id, mark, datetime.now(timezone.utc))
        _owned_by(archive, second.id, mark, datetime.now(timezone.utc))
        assert resume(archive) == [] and _state(archive, first.id) == RUNNING
        assert start_jobs(archive, [first]) == []
    finally:
        other.kill()
        other.wait()
    assert {j.id for j in resume(archive)} == {first.id, second.id}
    assert _state(archive, first.id) == QUEUED


def test_another_machines_job_is_its_own_until_it_goes_stale():
    now = datetime.now(timezone.utc)
    elsewhere = "another-host.example|4242|1700000000"
    assert is_alive(elsewhere, now - timedelta(minutes=1))
    assert not is_alive(elsewhere, now - STALE_AFTER - timedelta(minutes=1))
    assert not is_alive(None, now) and is_alive(OWNER, now)
