"""The `cuttings` commands for tags: `tag` (add or remove on articles) and `tags` (with counts)."""

from __future__ import annotations

import sys

from desktop.cli_common import article_id, open_archive
from desktop.cli_output import print_json


def add_parsers(sub, common) -> None:
    """Add the `tag` and `tags` sub-commands to `sub`."""
    p = sub.add_parser("tag", parents=[common], help="add or remove tags on articles")
    p.add_argument("ids", nargs="+", type=article_id, metavar="ARTICLE_ID")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--add", metavar="TAG", action="append", help="a tag to give them (repeatable)")
    how.add_argument("--remove", metavar="TAG", action="append", help="a tag to take off (repeatable)")

    p = sub.add_parser("tags", parents=[common], help="every tag with the number of articles carrying it")
    p.add_argument("--ids", nargs="+", type=article_id, metavar="ARTICLE_ID",
                   help="only the tags these articles carry, with how many of them carry each")
    p.add_argument("--json", action="store_true")


def cmd_tag(args) -> int:
    """Add or remove tags on the articles given; one line saying how many changed. An
    unknown id or an empty tag name changes nothing (ValueError, exit 1)."""
    from desktop.core.store.tags import add_tags, remove_tags, spellings

    archive = open_archive(args)
    names = ", ".join(spellings(archive, args.add or args.remove))  # before: a tag removed from all is gone
    try:
        if args.add:
            changed = add_tags(archive, args.ids, args.add)
        else:
            changed = remove_tags(archive, args.ids, args.remove)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    verb = "tagged" if args.add else "untagged"
    print(f"{verb} {len(set(args.ids))} article{'s' if len(set(args.ids)) != 1 else ''} "
          f"({names}): {changed} change{'s' if changed != 1 else ''}")
    return 0


def cmd_tags(args) -> int:
    """Every tag with its article count (the Trash not counted), most first; with --ids, the
    tags of those articles (the window's Tags dialog lists them so)."""
    from desktop.core.store.tags import tags

    found = tags(open_archive(args), args.ids)
    if args.json:
        print_json([{"name": t.name, "articles": t.articles} for t in found])
    else:
        for t in found:
            print(f"{t.articles:>5}  {t.name}")
    return 0


COMMANDS = {"tag": cmd_tag, "tags": cmd_tags}
