"""The `cuttings` commands that run the pipeline: `import` into the archive (and `queue`, what it
holds), `extract` to look."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from desktop.cli_common import open_archive
from desktop.cli_output import print_json, print_readable
from desktop.core import preferences
from desktop.core.errors import ArchiveUnreachable, CuttingsError, describe


def add_parsers(sub, common) -> None:
    """Add the `import`, `queue` and `extract` sub-commands to `sub` (each with the `common` options)."""
    p = sub.add_parser("import", parents=[common], help="download or read articles into the archive",
                       description="Import pages, saved files, Cuttings exports, and files of links told apart "
                                   "by content: browser bookmarks, Pocket CSV, Omnivore (.zip or folder), Wallabag "
                                   "and Karakeep JSON, RSS/Atom (a file or the feed's address), OPML, URL lists. "
                                   "Every item is queued in the archive first, so an import that is stopped "
                                   "goes on with `cuttings import --resume`.")
    p.add_argument("inputs", nargs="*", metavar="URL_OR_FILE")
    p.add_argument("--from-file", metavar="FILE", help="read inputs from FILE, one per line")
    p.add_argument("--refresh", action="store_true", help="download again and update stored copies")
    p.add_argument("--url", help="the web address of a saved page file")
    p.add_argument("--resume", action="store_true", help="go on with what an earlier import left queued")
    p.add_argument("--workers", type=int, metavar="N",
                   help="analyse N pages at once, each in a process of its own (default: one per core)")

    p = sub.add_parser("queue", parents=[common], help="what the import queue holds: queued, running, failed",
                       description="Show the import batches with their items counted by state, and the failed "
                                   "items grouped by reason.")
    p.add_argument("--json", action="store_true")
    p.add_argument("--retry-failed", action="store_true",
                   help="queue the failed items again (then run `cuttings import --resume`)")
    p.add_argument("--export-failed", metavar="PATH", help="write the failed items to PATH as CSV (url,title,reason)")
    p.add_argument("--clear", action="store_true", help="forget the batches that have finished (articles stay)")

    p = sub.add_parser("extract", parents=[common], help="run the pipeline on one input without storing")
    p.add_argument("input", metavar="URL_OR_FILE")
    p.add_argument("--url", help="the web address of a saved page file")
    p.add_argument("--no-entities", action="store_true")
    p.add_argument("--json", action="store_true")


def _inputs(args) -> list[str]:
    """The inputs named on the command line and in --from-file, folders opened into their files."""
    from desktop.core.dropped import importable_files
    from desktop.core.imports import detect
    from desktop.core.imports.detect import OMNIVORE

    inputs = list(args.inputs)
    if args.from_file:
        try:
            lines = Path(args.from_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CuttingsError(f"Cannot read {args.from_file}: {exc.strerror}")
        inputs += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [str(p) for s in inputs for p in
            (importable_files([Path(s)]) if Path(s).is_dir() and detect(Path(s)) != OMNIVORE else [s])]


def cmd_import(args) -> int:
    """Queue each input (a file of links as its items), then import them, a line per article
    or failure and a summary line for files of links; with --resume, go on with the queue."""
    from desktop.core.batch import enqueue, resume
    from desktop.core.batch.runner import run_batch
    from desktop.core.imports.run import FAILED, summary_line

    inputs = _inputs(args)
    if args.resume == bool(inputs):
        print("cuttings import: give URLs, files or --from-file, or --resume alone", file=sys.stderr)
        return 2
    if args.url and len(inputs) > 1:  # one address cannot be every page's: all but one would be lost
        print("cuttings import: --url names the address of one saved page; give one file with it", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("cuttings import: --workers takes a number from 1", file=sys.stderr)
        return 2
    archive = open_archive(args)
    jobs = resume(archive) if args.resume else enqueue(archive, inputs, refresh=args.refresh, url=args.url)
    if args.resume and not jobs:
        print("nothing to resume: the import queue is empty")
        return 0
    printer = _Printer(args, len(jobs))
    prefs = preferences.load()
    try:
        run_batch(archive, jobs, downloads=prefs.import_concurrency, workers=args.workers,
                  entities=prefs.entities, report=printer.report)
    except KeyboardInterrupt:
        printer.end()
        print("interrupted: `cuttings import --resume` goes on from here", file=sys.stderr)
        return 130
    except ArchiveUnreachable as exc:  # waited for (runner.RECONNECT_WAITS_S); nothing half-saved
        printer.end()
        print(f"error: {exc} The import stopped: `cuttings import --resume` goes on from here once it is back.",
              file=sys.stderr)
        return 1
    printer.end()
    if printer.collections or args.resume or args.from_file:  # a list of links: what became of it, in one line
        print(summary_line(printer.counts))
    if not args.resume and (waiting := _waiting(archive)):
        print(f"{waiting:,} item{'s' if waiting != 1 else ''} of an earlier import still queued: "
              "`cuttings import --resume` imports them", file=sys.stderr)
    return 1 if printer.counts[FAILED] else 0


def _waiting(archive) -> int:
    """How many jobs of the queue wait for `--resume`: queued, or stopped with their importer."""
    from desktop.core.batch import QUEUED, STOPPED, queue_status

    counts = queue_status(archive).counts()
    return counts[QUEUED] + counts[STOPPED]


class _Printer:
    """The lines of `cuttings import`: one per job on stdout, and a progress line on stderr
    when it is a terminal (rewritten in place) or, for a long batch, every LONG_EVERY_S."""

    LONG = 100  # jobs from which a batch shows progress though stderr is no terminal
    LONG_EVERY_S = 30.0

    def __init__(self, args, total: int):
        self.args, self.counts, self.collections = args, Counter(), False
        self.terminal = sys.stderr.isatty()
        self.show = self.terminal or total >= self.LONG
        self.shown_at = time.monotonic()

    def report(self, finished, progress) -> None:
        """Print a job's line (above the progress line on a terminal) and, now and then, the progress."""
        from desktop.core.batch.jobs import FEED, ITEM

        self.collections |= finished.job.kind in (ITEM, FEED)
        if self.terminal:
            sys.stderr.write("\r\x1b[K")
        name = finished.job.source or finished.job.title
        self.counts[_print_result(name, finished.outcome, self.args)] += 1
        every = 0.0 if self.terminal else self.LONG_EVERY_S  # a terminal's line is drawn again below each job's
        if self.show and (time.monotonic() - self.shown_at >= every or progress.done == progress.total):
            self.shown_at = time.monotonic()
            sys.stderr.write(progress.line() + ("" if self.terminal else "\n"))
            sys.stderr.flush()

    def end(self) -> None:
        """End the progress line a terminal shows in place."""
        if self.terminal and self.show:
            sys.stderr.write("\n")


def cmd_queue(args) -> int:
    """Show the import queue (or change it: --retry-failed, --clear; --export-failed writes a file)."""
    from desktop.core.batch import clear_finished, failed_jobs, queue_status, retry_failed, write_failed

    archive = open_archive(args)
    if args.export_failed:
        count = write_failed(failed_jobs(archive), args.export_failed)
        print(f"{count} failed item{'s' if count != 1 else ''} written to {args.export_failed}", file=sys.stderr)
    if args.retry_failed:
        count = len(retry_failed(archive))
        print(f"{count} failed item{'s' if count != 1 else ''} queued again; `cuttings import --resume` runs them",
              file=sys.stderr)
    if args.clear:
        count, failed = clear_finished(archive)
        print(f"{count} finished batch{'es' if count != 1 else ''} forgotten"
              + (f", with the list of {failed} failed item{'s' if failed != 1 else ''} (`--export-failed PATH`"
                 " with --clear writes it first)" if failed else ""), file=sys.stderr)
    status = queue_status(archive)
    if args.json:
        print_json(status.as_json())
    elif not (args.export_failed or args.retry_failed or args.clear):
        _print_queue(status)
    return 0


def _print_queue(status) -> None:
    from desktop.core.batch import STOPPED

    if not status.batches:
        print("the import queue is empty")
        return
    for batch in status.batches:
        counts = ", ".join(f"{n:,} {state}" for state, n in batch.counts.items() if n)
        inputs = ", ".join(batch.inputs[:3]) + (f" and {len(batch.inputs) - 3} more" if len(batch.inputs) > 3 else "")
        print(f"batch {batch.id} ({batch.created:%Y-%m-%d %H:%M}, {inputs}): {counts}")
    if stopped := status.counts()[STOPPED]:
        print(f"{stopped:,} item{'s' if stopped != 1 else ''} of an import that stopped before finishing: "
              "`cuttings import --resume` goes on with them")
    for group, jobs in status.failures.items():
        print(f"\nfailed: {group} ({len(jobs):,})")
        for job in jobs:
            print(f"  {job.source or job.title}: {job.reason}")


def _print_result(name: str, outcome, args) -> str:
    """Print one article's line (or its error's); return what a summary counts it as
    (imports.run.counted). With --debug an unexpected exception is raised instead."""
    from desktop.core.imports.run import counted

    if isinstance(outcome, Exception):
        if getattr(args, "debug", False) and not isinstance(outcome, CuttingsError):
            raise outcome
        print(f"error {name}: {describe(outcome)}", flush=True)
    elif outcome.replaced is not None:  # --refresh: say what was overwritten
        was = f' (it was "{outcome.replaced}")' if outcome.replaced != outcome.title else ""
        print(f"refreshed {outcome.id} {outcome.title}{was}", flush=True)
    else:
        print(f"{outcome.status} {outcome.id} {outcome.title}", flush=True)
    return counted(outcome)


def cmd_extract(args) -> int:
    """Print what the pipeline makes of one input, as text or JSON; the archive is not opened."""
    from desktop.core.export import extraction_json
    from desktop.core.pipeline import extract

    article = extract(args.input, url=args.url, entities=not args.no_entities)
    if args.json:
        print_json(extraction_json(article))
    else:
        print_readable(article)
    return 0


COMMANDS = {"import": cmd_import, "queue": cmd_queue, "extract": cmd_extract}
