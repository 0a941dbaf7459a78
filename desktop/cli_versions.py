"""The `cuttings` commands for versions of a story: `recheck` (download again, keep a new
version when it changed) and `versions` (list them, or the difference between two)."""

from __future__ import annotations

import sys

from desktop.cli_common import article_id, open_archive
from desktop.cli_output import print_json


def add_parsers(sub, common) -> None:
    """Add the `recheck` and `versions` sub-commands to `sub`."""
    p = sub.add_parser("recheck", parents=[common],
                       help="download articles again; a changed title or text is kept as a new version")
    p.add_argument("ids", nargs="*", type=article_id, metavar="ID")
    p.add_argument("--since", metavar="AGE", help="every article added in the last AGE (7d, 12h, 2w)")
    p.add_argument("--no-entities", action="store_true", help="store a new version without finding entities")

    p = sub.add_parser("versions", parents=[common], help="the versions of an article, or the diff of two")
    p.add_argument("id", type=article_id)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true")
    how.add_argument("--diff", nargs=2, type=int, metavar=("A", "B"),
                     help="the word-level difference: [-deleted-] {+inserted+}")


def cmd_recheck(args) -> int:
    """One line per article: `changed ID`, `same ID` or `error ID: reason`; exit 1 if any
    failed, 2 when neither ids nor --since are given."""
    from desktop.core import preferences
    from desktop.core.versions import ERROR, added_since, parse_age, recheck_all

    if not args.ids and not args.since:
        print("cuttings recheck: give article ids or --since AGE", file=sys.stderr)
        return 2
    archive = open_archive(args)
    try:
        ids = list(dict.fromkeys([*args.ids, *(added_since(archive, parse_age(args.since)) if args.since else [])]))
    except ValueError as exc:
        print(f"cuttings recheck: {exc}", file=sys.stderr)
        return 2
    failed = 0
    # As import does: the preference says whether new versions get their entities found.
    entities = preferences.load().entities and not args.no_entities
    for result in recheck_all(archive, ids, entities=entities):
        print(result.line(), flush=True)
        failed += result.status == ERROR
    return 1 if failed else 0


def cmd_versions(args) -> int:
    """The versions of an article, oldest first (number, capture time and method, title), as
    JSON with their text, or (--diff A B) the difference of title and text."""
    from desktop.core.store.versions import versions_of
    from desktop.core.versions import diff_versions, plain_diff

    archive = open_archive(args)
    try:
        if args.diff:
            found = diff_versions(archive, args.id, *args.diff)
        else:
            versions = versions_of(archive, args.id)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.diff:
        print(f"--- version {found.older.number}\n+++ version {found.newer.number}")
        print(f"Title: {plain_diff(found.title)}\n")
        print(plain_diff(found.text))
    elif args.json:
        print_json([v.as_json() for v in versions])
    else:
        for v in versions:
            print(f"{v.number:>3}  {_when(v):<24}  {v.title}{'  (newest)' if v.newest and len(versions) > 1 else ''}")
    return 0


def _when(version) -> str:
    """ "2026-11-30 14:02 UTC download" or "(no copy kept)"."""
    if version.capture is None:
        return "(no copy kept)"
    return f"{version.capture.captured:%Y-%m-%d %H:%M} UTC {version.capture.method}"


COMMANDS = {"recheck": cmd_recheck, "versions": cmd_versions}
