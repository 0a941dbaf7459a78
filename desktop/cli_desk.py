"""The `cuttings` commands of the entity desk: `entity` (show, rename, merge, split, kind,
place, remove, alias, add), `corrections` (the history; a corrections file out or in),
`undo` and `redo`. Each prints one line per change; bad input exits 1 with one sentence."""

from __future__ import annotations

import sys
from dataclasses import asdict

from desktop.cli_common import article_id, checked, open_archive
from desktop.cli_output import print_json
from desktop.core.errors import CuttingsError

USER_KINDS = ("person", "org", "place")


def entity_id(text: str) -> int:
    """An argparse type: an entity number (the id `cuttings entities` prints)."""
    import argparse

    try:
        return article_id(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an entity number") from None


def add_parsers(sub, common) -> None:
    """Add `entity` (with its actions), `corrections`, `undo` and `redo` to `sub`."""
    p = sub.add_parser("entity", parents=[common], help="show or correct one entity (its id: `cuttings entities`)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("show", parents=[common], help="an entity with its names, articles and contexts")
    a.add_argument("id", type=entity_id)
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("rename", parents=[common], help="a new canonical name (the old one stays an alias)")
    a.add_argument("id", type=entity_id)
    a.add_argument("name", metavar="NEW_NAME")
    a = actions.add_parser("merge", parents=[common], help="merge entities into one of the same kind")
    a.add_argument("ids", type=entity_id, nargs="+", metavar="ID")
    a.add_argument("--into", type=entity_id, required=True, metavar="ID")
    a = actions.add_parser("split", parents=[common], help="move the mentions in some articles to a new entity")
    a.add_argument("id", type=entity_id)
    a.add_argument("--articles", type=article_id, nargs="+", required=True, metavar="ARTICLE_ID")
    a = actions.add_parser("kind", parents=[common], help="make it a person, organisation or place")
    a.add_argument("id", type=entity_id)
    a.add_argument("kind", choices=USER_KINDS)
    a.add_argument("--geonameid", type=int, metavar="N", help="for a place: its GeoNames entry")
    a = actions.add_parser("place", parents=[common], help="another GeoNames place, or none")
    a.add_argument("id", type=entity_id)
    where = a.add_mutually_exclusive_group(required=True)
    where.add_argument("--geonameid", type=int, metavar="N")
    where.add_argument("--not-in-geonames", action="store_true", help="a place GeoNames does not have")
    a = actions.add_parser("remove", parents=[common], help="not an entity: from one article or every one")
    a.add_argument("id", type=entity_id)
    a.add_argument("--article", type=article_id, metavar="ARTICLE_ID")
    a = actions.add_parser("alias", parents=[common], help="add or remove another name")
    a.add_argument("id", type=entity_id)
    a.add_argument("change", choices=("add", "remove"))
    a.add_argument("text", metavar="TEXT")
    a = actions.add_parser("add", parents=[common], help="mark a missed entity: each occurrence in the article")
    a.add_argument("article", type=article_id, metavar="ARTICLE_ID")
    a.add_argument("text", metavar="TEXT")
    a.add_argument("--kind", choices=USER_KINDS, required=True)
    a.add_argument("--everywhere", action="store_true", help="in every article, and every later import")

    p = sub.add_parser("corrections", parents=[common], help="the corrections made, newest first; a file of them")
    p.add_argument("--json", action="store_true")
    p.add_argument("--export", metavar="FILE", help="write them as a file a colleague can apply")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="apply the corrections of such a file")
    for name, verb in (("undo", "undo the last corrections"), ("redo", "redo the corrections undone last")):
        p = sub.add_parser(name, parents=[common], help=verb)
        p.add_argument("steps", type=int, nargs="?", default=1, metavar="N")


def _show(archive, args) -> int:
    from desktop.core.corrections import entity_card

    card = entity_card(archive, args.id)
    if card is None:
        raise CuttingsError(f"There is no entity {args.id} in the archive.")
    if args.json:
        print_json(asdict(card))
        return 0
    place = f"  GeoNames {card.geonameid} ({card.country})" if card.geonameid else ""
    print(f"{card.id}  {card.kind}  {card.name}{place}")
    aliases = [a for a in card.aliases if a != card.name]  # an older archive may list its name too
    if aliases:
        print(f"also: {', '.join(aliases)}")
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"
    print(f"{plural(card.articles, 'article')}, {plural(card.mentions, 'mention')}")
    contexts = dict(card.contexts)
    for article, title in card.titles:
        print(f"{article:>6}  {title}")
        if article in contexts:
            print(f"{'':>8}{contexts[article]}")
    return 0


def cmd_entity(args) -> int:
    """One entity action; prints the change's one line."""
    from desktop.core import corrections as c

    archive = open_archive(args)
    if args.action == "show":
        return _show(archive, args)
    calls = {
        "rename": lambda: c.rename_entity(archive, args.id, args.name),
        "merge": lambda: c.merge_entities(archive, args.ids, into=args.into),
        "split": lambda: c.split_entity(archive, args.id, args.articles),
        "kind": lambda: c.change_kind(archive, args.id, args.kind, args.geonameid),
        "place": lambda: c.resolve_place(archive, args.id, None if args.not_in_geonames else args.geonameid),
        "remove": lambda: c.remove_entity(archive, args.id, args.article),
        "alias": lambda: c.edit_alias(archive, args.id, args.change, args.text),
        "add": lambda: c.add_entity(archive, args.article, args.text, args.kind, everywhere=args.everywhere),
    }
    print(checked(calls[args.action]).summary)
    return 0


def cmd_corrections(args) -> int:
    """The history (newest first), or a corrections file written or applied."""
    from desktop.core.corrections import history
    from desktop.core.corrections.portable import export_corrections, import_corrections

    archive = open_archive(args)
    if args.export:
        print(f"wrote {checked(export_corrections, archive, args.export)} corrections to {args.export}")
        return 0
    if args.import_file:
        report = checked(import_corrections, archive, args.import_file)
        for change in report.changes:
            print(change.summary)
        skipped = (f"; {report.skipped} skipped (made here already, or about articles this archive does not have)"
                   if report.skipped else "")
        print(f"applied {len(report.changes)} corrections{skipped}")
        return 0
    rows = history(archive)
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        print(f"{r.id:>5}  {r.made.astimezone():%Y-%m-%d %H:%M}  {'(undone) ' if r.undone else ''}{r.summary}")
    return 0


def _steps(args, func, nothing: str) -> int:
    changes = checked(func, open_archive(args), args.steps)
    for change in changes:
        print(change.summary)
    if not changes:
        print(nothing, file=sys.stderr)
    return 0


def cmd_undo(args) -> int:
    """Undo the last N corrections (default 1), newest first."""
    from desktop.core.corrections import undo

    return _steps(args, undo, "Nothing to undo.")


def cmd_redo(args) -> int:
    """Redo the N corrections undone last (default 1)."""
    from desktop.core.corrections import redo

    return _steps(args, redo, "Nothing to redo.")


COMMANDS = {"entity": cmd_entity, "corrections": cmd_corrections, "undo": cmd_undo, "redo": cmd_redo}
