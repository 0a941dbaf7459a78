"""Browser captures imported as the window imports them, for tests without a window."""

from __future__ import annotations

from desktop.core import batch
from desktop.core.connector.capture import Capture
from desktop.core.store.db import Archive


def import_capture(archive: Archive, capture: Capture, entities: bool = True):
    """A capture as the window imports it: queued in the archive, then the queue's stages."""
    job = batch.enqueue_capture(archive, capture)
    return work_job(archive, job, entities)


def work_job(archive: Archive, job, entities: bool):
    """Download, analyse and store one queued job, on this thread."""
    fetched = batch.download_job(archive, job)
    if isinstance(fetched, batch.Known):
        return batch.store_job(archive, job, fetched)
    return batch.store_job(archive, job, batch.analyse_fetched(fetched, entities=entities))
