"""Which process works on a queued job, so two importers of one archive (the window and
`cuttings import --resume`, or two machines on a team archive) never take the same job and
never put back a job the other is still working on."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone

import psutil

STALE_AFTER = timedelta(minutes=15)
"""How long a job another machine marked running is taken to be still running. Nothing
longer holds one job: a download gives up after 180 s (core.polite) and an analysis after
60 s (core.analyser.BUDGET_S); the rest is margin for a slow or busy machine."""


def _mark(process: psutil.Process) -> str:
    return f"{socket.gethostname()}|{process.pid}|{process.create_time():.0f}"


OWNER = _mark(psutil.Process())
"""This process: host, process id and start time (a process id alone is reused)."""


def is_alive(owner: str | None, updated: datetime) -> bool:
    """True if the process `owner` names (an OWNER of some process) may still be working on
    a job it last touched at `updated` (UTC): on this host, if that process still runs; on
    another, if the job was touched within STALE_AFTER. None (no owner) is not alive."""
    if not owner:
        return False
    host, _, rest = owner.partition("|")
    if host != socket.gethostname():
        touched = updated if updated.tzinfo else updated.replace(tzinfo=timezone.utc)
        return datetime.now(timezone.utc) - touched < STALE_AFTER
    pid = rest.partition("|")[0]
    try:
        return pid.isdigit() and _mark(psutil.Process(int(pid))) == owner
    except psutil.Error:
        return False

