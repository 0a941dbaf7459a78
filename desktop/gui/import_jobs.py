"""The import panel's words for the archive's jobs: a job as a row, an outcome as a state,
and what an interrupted import being continued is called; and the panel's inputs queued."""

from __future__ import annotations

from datetime import timezone
from pathlib import PurePath

from desktop.core import batch
from desktop.core.batch import Job
from desktop.core.batch.pickup import Interrupted
from desktop.core.batch.work import EXPANDED
from desktop.core.dropped import Dropped
from desktop.core.errors import CuttingsError
from desktop.core.imports.run import REFRESHED
from desktop.core.store.archive import EXISTS as STORED_ALREADY, RESTORED, SAVED
from desktop.core.store.db import Archive
from desktop.gui.import_rows import CANCELLED, EXISTS, FAILED, LISTED, QUEUED, Item

# What storing did (a job's status) -> the row's state and the sentence under it ({id}: the article's).
_OUTCOMES = {
    SAVED: (SAVED, "Saved as article {id}"),
    REFRESHED: (SAVED, "Downloaded again as article {id}"),
    RESTORED: (RESTORED, "Restored from the Trash as article {id}"),
    STORED_ALREADY: (EXISTS, "Already in the archive as article {id}"),
    EXPANDED: (LISTED, "Its entries are queued below"),
}


def state_of(status: str | None, article_id: int | None) -> tuple[str, str]:
    """The row's state and message for a job that ended with `status` (storing's word)."""
    state, message = _OUTCOMES.get(status or "", (SAVED, "Imported"))
    return state, message.format(id=article_id)


def item_of_job(job: Job, title: str | None = None) -> Item:
    """The panel's row for `job` (`title`: the link's text from a drop, shown until the
    page's own title is known)."""
    item = Item(job.id, job.source, title or _file_title(job.title, job.source) or job.source,
                article_id=job.article_id)
    if job.state == batch.DONE:
        item.state, item.message = state_of(job.status, job.article_id)
    elif job.state == batch.FAILED:
        item.state, item.message, item.reason_group = FAILED, job.reason or "", job.reason_group or ""
    elif job.state == batch.CANCELLED:
        item.state, item.message = CANCELLED, "Cancelled"
    else:
        item.state = QUEUED
    return item


def _file_title(title: str, source: str) -> str:
    """A file's row title until its page's own is known: "bbc-1/source.html", the folder
    with the name, as saved pages often share a name (index.html, article.html, source.html)
    and a list of twelve "source.html" tells nothing; any other title as it is."""
    path = PurePath(source)
    return f"{path.parent.name}/{path.name}" if title == path.name != source and path.parent.name else title


def continuing_text(found: Interrupted) -> str:
    """ "Continuing an import stopped on 30 Nov 14:02: 8,760 left" (local time)."""
    when = found.stopped.astimezone() if found.stopped.tzinfo else found.stopped.replace(tzinfo=timezone.utc).astimezone()
    return f"Continuing an import stopped on {when:%-d %b %H:%M}: {found.left:,} left"


def enqueue_inputs(archive: Archive, inputs: list[Dropped]) -> tuple[list[Job], list[tuple[str, str]]]:
    """Queue `inputs` (a browser's page each as a job of its own, the others as one batch);
    when a file of links among them cannot be read, queue the others and return (source,
    reason) for each that failed (writer thread)."""
    captures = [batch.enqueue_capture(archive, c)
                for c in (d.capture for d in inputs) if c is not None]
    sources = [d.source for d in inputs if d.capture is None]
    if not sources:
        return captures, []
    try:
        return [*captures, *batch.enqueue(archive, sources)], []
    except CuttingsError:
        jobs, failures = captures, []
        for source in sources:
            try:
                jobs += batch.enqueue(archive, [source])
            except CuttingsError as exc:
                failures.append((source, str(exc)))
        return jobs, failures


def failed_list(jobs: list[Job], path: str) -> str:
    """Write `jobs` as the CSV of failures (batch.write_failed) and say so in a sentence.
    Raises CuttingsError when the file cannot be written."""
    count = batch.write_failed(jobs, path)
    return f"{count:,} failed import{'s' if count != 1 else ''} written to {path}"
