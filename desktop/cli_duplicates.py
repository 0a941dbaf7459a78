"""The `cuttings duplicates` command: entities that may be one, for review; `duplicates reject`.

Accepting a proposal is `cuttings entity merge OTHER --into KEEP`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from desktop.cli_common import open_archive
from desktop.cli_output import print_json
from desktop.core.errors import CuttingsError


def entity_id(text: str) -> int:
    """An argparse type: an entity id (1 to SQLite's largest integer), else a usage error."""
    value = int(text) if text.isdigit() else 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not an entity id")
    return value


def _count(text: str) -> int:
    """An argparse type: a number of proposals, 1 or more."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of proposals (1 or more)")
    return int(text)


def add_parsers(sub, common) -> None:
    """Add `duplicates` (with its `reject` action) to `sub`."""
    p = sub.add_parser("duplicates", parents=[common],
                       help="entities that may be one, surest first (accept: entity merge OTHER --into KEEP)")
    p.add_argument("--kind", choices=("person", "org", "place"), help="only people, organisations or places")
    p.add_argument("--limit", type=_count, metavar="N", help="the first N proposals")
    p.add_argument("--json", action="store_true", help="as JSON")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("reject", parents=[common], help="two entities are not one: never propose them again")
    a.add_argument("ids", nargs=2, type=entity_id, metavar="ID")


def cmd_duplicates(args) -> int:
    """Print the proposals, one a line (`SCORE KIND KEEP_ID NAME (ARTICLES) <- OTHER_ID NAME
    (ARTICLES): REASON`) or as JSON; with `reject ID ID`, remember that pair as no duplicate."""
    from desktop.core.duplicates import likely_duplicates, reject_duplicate

    archive = open_archive(args)
    try:
        if args.action == "reject":
            reject_duplicate(archive, *args.ids)
            print(f"rejected {args.ids[0]} {args.ids[1]}")
            return 0
        proposals = likely_duplicates(archive, args.kind, args.limit)
    except ValueError as exc:
        raise CuttingsError(str(exc)) from exc
    if args.json:
        print_json([asdict(p) for p in proposals])
        return 0
    if not proposals:  # said on stderr: stdout stays the (empty) list a script reads
        print("No likely duplicates.", file=sys.stderr)
    for p in proposals:
        print(f"{p.score:.2f}  {p.kind:<7}  {p.keep.id:>6} {p.keep.name} ({p.keep.articles})"
              f"  <-  {p.other.id} {p.other.name} ({p.other.articles}): {p.reason}")
    return 0


COMMANDS = {"duplicates": cmd_duplicates}
