"""The `cuttings` commands that run the pipeline: `import` into the archive, `extract` to look."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli_common import open_archive
from desktop.cli_output import print_json, print_readable
from desktop.core import preferences
from desktop.core.errors import CuttingsError, describe


def add_parsers(sub, common) -> None:
    """Add the `import` and `extract` sub-commands to `sub` (each with the `common` options)."""
    p = sub.add_parser("import", parents=[common], help="download or read articles into the archive")
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
    """Import each input (an export file as its articles), a line per article or failure."""
    from desktop.core.dropped import importable_files
    from desktop.core.export_file import import_export, is_export_file
    from desktop.core.pipeline import import_one, is_file_input

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
    inputs = [str(p) for s in inputs for p in (importable_files([Path(s)]) if Path(s).is_dir() else [s])]
    if args.url and len(inputs) > 1:  # one address cannot be every page's: all but one would be lost
        print("cuttings import: --url names the address of one saved page; give one file with it", file=sys.stderr)
        return 2
    archive = open_archive(args)
    entities = preferences.load().entities
    failed = False
    for source in dict.fromkeys(inputs):
        try:
            if is_file_input(source) and is_export_file(Path(source)):
                outcomes = import_export(archive, Path(source))
            else:
                outcomes = [import_one(archive, source, refresh=args.refresh, url=args.url, entities=entities)]
        except Exception as exc:  # one input fails alone, named; the batch goes on
            if getattr(args, "debug", False) and not isinstance(exc, CuttingsError):
                raise
            print(f"error {source}: {describe(exc)}", flush=True)
            failed = True
            continue
        for number, outcome in enumerate(outcomes, 1):
            if isinstance(outcome, ValueError):  # a record of an export file, refused alone
                print(f"error {source}#{number}: {outcome}")
                failed = True
            elif outcome.replaced is not None:  # --refresh: say what was overwritten
                was = f' (it was "{outcome.replaced}")' if outcome.replaced != outcome.title else ""
                print(f"refreshed {outcome.id} {outcome.title}{was}")
            else:
                print(f"{outcome.status} {outcome.id} {outcome.title}")
        sys.stdout.flush()
    return 1 if failed else 0


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
