"""The `cuttings` commands that run the pipeline: `import` into the archive, `extract` to look."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from desktop.cli_common import open_archive
from desktop.cli_output import print_json, print_readable
from desktop.core import preferences
from desktop.core.errors import CuttingsError, describe


def add_parsers(sub, common) -> None:
    """Add the `import` and `extract` sub-commands to `sub` (each with the `common` options)."""
    p = sub.add_parser("import", parents=[common], help="download or read articles into the archive",
                       description="Import pages, saved files, Cuttings exports, and files of links told apart "
                                   "by content: browser bookmarks, Pocket CSV, Omnivore (.zip or folder), Wallabag "
                                   "and Karakeep JSON, RSS/Atom (a file or the feed's address), OPML, URL lists.")
    p.add_argument("inputs", nargs="*", metavar="URL_OR_FILE")
    p.add_argument("--from-file", metavar="FILE", help="read inputs from FILE, one per line")
    p.add_argument("--refresh", action="store_true", help="download again and update stored copies")
    p.add_argument("--url", help="the web address of a saved page file")

    p = sub.add_parser("extract", parents=[common], help="run the pipeline on one input without storing")
    p.add_argument("input", metavar="URL_OR_FILE")
    p.add_argument("--url", help="the web address of a saved page file")
    p.add_argument("--no-entities", action="store_true")
    p.add_argument("--json", action="store_true")


def cmd_import(args) -> int:
    """Import each input, a line per article or failure: a page or file as one article, an
    export, bookmarks file, feed, OPML or URL list as its items, then a summary line."""
    from desktop.core.dropped import importable_files
    from desktop.core.imports import detect
    from desktop.core.imports.detect import OMNIVORE
    from desktop.core.imports.run import FAILED, import_source, summary_line

    inputs = list(args.inputs)
    if args.from_file:
        try:
            lines = Path(args.from_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CuttingsError(f"Cannot read {args.from_file}: {exc.strerror}")
        inputs += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not inputs:
        print("cuttings import: nothing to import (give URLs, files or --from-file)", file=sys.stderr)
        return 2
    inputs = [str(p) for s in inputs for p in
              (importable_files([Path(s)]) if Path(s).is_dir() and detect(Path(s)) != OMNIVORE else [s])]
    if args.url and len(inputs) > 1:  # one address cannot be every page's: all but one would be lost
        print("cuttings import: --url names the address of one saved page; give one file with it", file=sys.stderr)
        return 2
    archive = open_archive(args)
    entities = preferences.load().entities
    counts: Counter[str] = Counter()
    collections = 0
    for source in dict.fromkeys(inputs):
        try:
            results, is_collection = import_source(archive, source, url=args.url, refresh=args.refresh,
                                                   entities=entities)
            collections += is_collection
            for name, outcome in results:
                counts[_print_result(name, outcome, args)] += 1
        except Exception as exc:  # one input fails alone, named; the batch goes on
            counts[_print_result(source, exc, args)] += 1
    if collections:
        print(summary_line(counts))
    return 1 if counts[FAILED] else 0


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


COMMANDS = {"import": cmd_import, "extract": cmd_extract}
