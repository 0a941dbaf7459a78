"""The three stages of a queued job, as separate calls: download (threads), analyse (the
analyser's worker processes), store (the one writer). The CLI runner and the window's
import panel both chain them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlmodel import Session

from desktop.core.article import Article, Original
from desktop.core.batch.jobs import CAPTURE, DONE, EXPORT, FEED, ITEM, Job, add_jobs, fail_in, finish
from desktop.core.connector.capture import PAGE as PAGE_CAPTURE, Capture, capture_loaded
from desktop.core.errors import CuttingsError
from desktop.core.export_file import import_export
from desktop.core.imports.detect import FEED as FEED_FORMAT, LABELS
from desktop.core.imports.feeds import download_feed, read_feed, read_opml
from desktop.core.imports.items import ImportItem
from desktop.core.imports.run import Result, copy_article, item_details, keep_item, load_item, mark_known
from desktop.core import pipeline
from desktop.core.pipeline import ListAtAddress, Loaded, Stage, is_file_input, load
from desktop.core.store.archive import Outcome, compressed, stored_at, stored_at_addresses, write_article
from desktop.core.store.db import Archive
from desktop.core.store.group import grouping, write_pending
from desktop.core.urls import check_url, looks_like_url

EXPANDED = "expanded"  # the status of a feed's job once its entries are queued


def _quiet(_stage: str) -> None:
    pass


@dataclass
class Known:
    """The job's address is stored already: nothing to download or analyse."""

    article_id: int


@dataclass
class Listed:
    """The job held a feed or an OPML list: its entries (or feeds) to queue as jobs of `kind`."""

    items: list[ImportItem]
    origin: str
    kind: str = ITEM


@dataclass
class Fetched:
    """What the analysis stage gets: the page as loaded, or (loaded None) the item whose
    export's copy stands in for it, and why."""

    loaded: Loaded | None
    item: ImportItem | None = None
    origin: str = ""
    copy_reason: str = ""


@dataclass
class Analysed:
    """The analysis stage's answer: the article, its offline copy, the provenance sentence."""

    article: Article
    original: Original | None
    provenance: str | None = None
    item: ImportItem | None = field(default=None, repr=False)


def download_job(archive: Archive, job: Job, on_stage: Stage = _quiet,
                 looked_up: bool = False) -> Known | Listed | Fetched:
    """Download (or read) what `job` names, within the per-host limits (core.polite): Known
    when the address is stored already (and the batch does not refresh), Listed for a feed,
    else Fetched for the analysis stage. Raises CuttingsError when nothing can be had.
    Reads the archive only; runs on any thread. EXPORT jobs are run_export's. `looked_up`:
    the caller has asked known_jobs about this job, so the archive is not asked again.
    """
    if job.kind == EXPORT:
        raise ValueError("An export file is imported whole by run_export, not downloaded")
    address = None if looked_up else _address_to_look_up(job)
    if address is not None and (stored := stored_at(archive, address)) is not None:
        return Known(stored.id)
    if job.kind == FEED:
        tags = job.item.tags if job.item is not None else []
        return Listed(read_feed(download_feed(job.source), tags), LABELS[FEED_FORMAT])
    if job.kind == CAPTURE:  # the page is in hand: the DOM the browser rendered
        item = job.item
        return Fetched(capture_loaded(Capture(PAGE_CAPTURE, item.url, item.title, item.html or "", item.text or "")))
    try:
        if job.kind == ITEM:
            loaded, reason = load_item(job.item, on_stage)
            return Fetched(loaded, job.item, job.origin, reason)
        return Fetched(load(job.source, job.url, on_stage))
    except ListAtAddress as listed:
        if listed.kind == FEED_FORMAT:
            return Listed(read_feed(listed.raw), LABELS[FEED_FORMAT])
        return Listed([ImportItem(f.url, f.title, tags=f.tags) for f in read_opml(listed.raw)], "", FEED)


def known_jobs(archive: Archive, jobs: Sequence[Job]) -> dict[int, Known]:
    """The jobs of `jobs` whose address is stored already, as download_job finds them, in one
    query (store.archive.stored_at_addresses): {job id: Known}. A batch asks this for its next
    jobs together, so its download threads need not each ask the archive."""
    addresses = {}
    for job in jobs:
        try:
            address = _address_to_look_up(job)
        except CuttingsError:  # a bad address: download_job says so for the job
            continue
        if address is not None:
            addresses[job.id] = address
    stored = stored_at_addresses(archive, addresses.values())
    return {job_id: Known(stored[address].id) for job_id, address in addresses.items() if address in stored}


def _address_to_look_up(job: Job) -> str | None:
    """The web address to look for in the archive before downloading `job` (check_url's
    form; raises its CuttingsError), None when there is none or the batch refreshes."""
    address = job.item.url if job.item is not None else job.source
    if job.refresh or not address or not looks_like_url(address) or is_file_input(address):
        return None
    return check_url(address)


def analyse_fetched(fetched: Fetched, on_stage: Stage = _quiet, entities: bool = True) -> Analysed:
    """Extraction and entities of a Fetched (the CPU-heavy stage; picklable, for the
    analyser's worker processes), and the offline copy compressed as the archive keeps it,
    so that the one writer only stores. Raises CuttingsError for a page without an article."""
    if fetched.loaded is not None:
        article, original = pipeline.analyse(fetched.loaded, on_stage, entities), fetched.loaded.original
        provenance = None
    else:
        article, original, provenance = copy_article(fetched.item, fetched.origin, fetched.copy_reason, entities,
                                                     on_stage)
    original.compressed = compressed(original)
    return Analysed(article, original, provenance, fetched.item)


def analyse_apart(fetched: Fetched, on_stage: Stage = _quiet, entities: bool = True) -> Analysed:
    """analyse_fetched for a worker process: a downloaded page's bytes (its offline copy's
    `data`) are left out of the answer, as the process that sent them holds them
    (with_page puts them back); they were ~80% of what a worker sent back (~87 of 109 KB a
    page of bench_batch), received and copied again by the one importing process."""
    analysed = analyse_fetched(fetched, on_stage, entities)
    if fetched.loaded is not None:
        analysed.original = replace(analysed.original, data=b"")
    return analysed


def with_page(analysed: Analysed, fetched: Fetched) -> Analysed:
    """`analysed` (analyse_apart's answer to `fetched`) with the page's bytes back."""
    if fetched.loaded is not None:
        analysed.original.data = fetched.loaded.original.data
    return analysed


def store_job(archive: Archive, job: Job, result: Analysed | Known) -> Outcome:
    """Store the job's article (or, Known, restore it from the Trash and add the item's tags)
    and mark the job DONE, in one transaction: a process killed before it commits leaves
    the job to do again and no article. Returns what storing did."""
    with archive.transaction() as session:
        return _store_in(session, job, result)


def store_jobs(archive: Archive, finished: Sequence[tuple[Job, Analysed | Known]],
               failed: Sequence[tuple[Job, BaseException]] = ()) -> list[Outcome]:
    """store_job for several finished jobs in ONE transaction (one commit: on SQLite each
    commit is also a checkpoint, ~2 ms), in which the jobs of `failed` are marked FAILED
    with their errors too (jobs.fail_in: 5% of a reading list's pages are gone, and a
    transaction each cost the writer as much); an Outcome per finished job, in order. All or nothing: when
    storing any of them raises, nothing of the group is stored and the exception propagates,
    and the caller stores each job alone (store_job), so each fails, or not, as it would
    alone (runner._store). Storing rarely fails once a page is analysed, and a savepoint per
    job cost the one writer ~0.3 ms an article (two statements and the ORM's nested
    transaction, 11% of storing). A process killed before the commit leaves every job of the
    group to do again and none of their articles."""
    with archive.transaction() as session, grouping(session):
        outcomes = [_store_in(session, job, result) for job, result in finished]
        for job, error in failed:
            fail_in(session, job, error)
        return outcomes


def _store_in(session: Session, job: Job, result: Analysed | Known) -> Outcome:
    """store_job in the caller's transaction."""
    from desktop.core.imports.run import counted

    if isinstance(result, Known):
        write_pending(session)  # the article may be one the group stored: its rows are read
        outcome = mark_known(session, result.article_id, job.item)
        finish(session, job, DONE, status=outcome.status, article_id=outcome.id)
        return outcome
    details = None if result.item is None else item_details(result.item, result.provenance)
    outcome = write_article(session, result.article, result.original, job.refresh, details=details)
    if result.item is not None:  # the item's tags (and, on a refresh, added time and provenance)
        keep_item(session, outcome, result.item, result.provenance)
    finish(session, job, DONE, status=counted(outcome), article_id=outcome.id)
    return outcome


def expand_job(archive: Archive, job: Job, listed: Listed) -> list[Job]:
    """Queue a feed's entries (or an OPML list's feeds) as jobs of `job`'s batch and mark
    `job` DONE, in one transaction; return the new jobs."""
    with archive.transaction() as session:
        jobs = add_jobs(session, job, listed.items, listed.origin, listed.kind)
        finish(session, job, DONE, status=EXPANDED)
        return jobs


def run_export(archive: Archive, job: Job) -> list[Result]:
    """Import a Cuttings export file whole (export_file: its articles in one transaction,
    each found again rather than duplicated when already stored, so running it twice after a
    kill adds nothing) and mark the job DONE; return a Result per record."""
    outcomes = import_export(archive, Path(job.source))
    with archive.transaction() as session:
        finish(session, job, DONE, status=EXPANDED)
    return [(f"{job.source}#{n}", CuttingsError(str(o)) if isinstance(o, ValueError) else o)
            for n, o in enumerate(outcomes, 1)]

