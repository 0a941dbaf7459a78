"""The `cuttings copy` command: a whole archive into another, between engines, verified."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.core.errors import CuttingsError


def add_parsers(sub, common) -> None:
    """Add the `copy` sub-command to `sub`."""
    p = sub.add_parser("copy", parents=[common],
                       help="copy a whole archive into a new, empty one (SQLite file ↔ PostgreSQL), verified")
    p.add_argument("--from", dest="source", required=True, metavar="SRC",
                   help="the archive to copy: a file, or postgresql://user@host:port/db")
    p.add_argument("--to", dest="dest", required=True, metavar="DST",
                   help="an empty or new archive: a file, or postgresql://user@host:port/db")


def cmd_copy(args) -> int:
    """Copy SRC into DST, then print each table's rows as copied and verified (counts and
    SHA-256 of the rows on both sides); 1 if any table differs."""
    from desktop.core.store import postgres
    from desktop.core.store.copy import copy_archive
    from desktop.core.store.db import Archive

    if not postgres.is_server(args.source) and not Path(args.source).expanduser().is_file():
        raise CuttingsError(f"There is no archive at {args.source}: nothing was copied.")
    source, dest = Archive(args.source), Archive(args.dest)
    results = copy_archive(source, dest)
    width = max(len(r.table) for r in results)
    for r in results:
        verdict = "verified" if r.ok else f"MISMATCH ({r.source:,} in the source, content {'same' if r.same else 'differs'})"
        print(f"{r.table:<{width}}  {r.copied:>9,}  {verdict}")
    bad = [r.table for r in results if not r.ok]
    if bad:
        print(f"error: the copy in {dest} differs from {source} in: {', '.join(bad)}", file=sys.stderr)
        return 1
    print(f"copied {source} to {dest}: every table verified")
    return 0


COMMANDS = {"copy": cmd_copy}
