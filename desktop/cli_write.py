"""The `cuttings` commands that change stored articles: `delete`, `trash`, `edit`, `reindex`;
and those that copy the whole archive: `backup`, `restore`."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli_common import article_id, checked, location, open_archive
from desktop.cli_output import print_rows
from desktop.core.errors import CuttingsError


def add_parsers(sub, common) -> None:
    """Add the `delete`, `trash` (with its actions), `edit`, `reindex`, `backup` and `restore`
    sub-commands to `sub`."""
    p = sub.add_parser("delete", parents=[common], help="move articles to the trash")
    p.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    p.add_argument("--permanently", action="store_true", help="delete for good instead")

    p = sub.add_parser("trash", parents=[common], help="list the trash; restore from it or empty it")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("restore", parents=[common], help="take articles out of the trash")
    a.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    a = actions.add_parser("empty", parents=[common], help="delete the trashed articles for good")
    a.add_argument("--older-than", type=float, metavar="DAYS", help="only those trashed more than DAYS ago")

    p = sub.add_parser("edit", parents=[common],
                       help="correct an article's title, authors, date, publisher or address (undoable)")
    p.add_argument("id", type=article_id)
    p.add_argument("--title")
    p.add_argument("--author", action="append", metavar="NAME",
                   help="the authors, in order (repeatable; --author '' for none)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the publication date ('' for none)")
    p.add_argument("--publisher")
    p.add_argument("--url", help="the article's web address ('' for none)")
    p.add_argument("--from-page", action="store_true",
                   help="forget your edits: the details the saved copy gives")

    sub.add_parser("reindex", parents=[common], help="find entities again in every stored article")

    p = sub.add_parser("backup", parents=[common], help="a consistent copy of the archive, even while it is in use")
    p.add_argument("path", metavar="PATH", help="file to write, or a folder to put a dated file in")
    p.add_argument("--replace", action="store_true", help="write over PATH if it is an earlier backup")
    p = sub.add_parser("restore", parents=[common],
                       help="make a backup the archive (checked first; the current one is kept beside it)")
    p.add_argument("path", metavar="PATH", help="the backup file")


def _each(archive, ids: list[int], verb: str, change, in_trash: bool | None) -> int:
    """Apply `change` (a core function of the archive and ids) to those of `ids` that are
    stored (and in the trash, or not, as `in_trash` asks); print `<verb> ID TITLE` for each
    of them and an error line for each other id."""
    from desktop.core.list_rows import summaries

    ids = list(dict.fromkeys(ids))
    found = {s.id: s for s in summaries(archive, ids)}
    chosen = [i for i, s in found.items() if in_trash is None or (s.trashed is not None) == in_trash]
    change(archive, chosen)
    for i in ids:
        if i in chosen:
            print(f"{verb} {i} {found[i].title}")
        else:
            why = "no such article" if i not in found else "not in the trash" if in_trash else "already in the trash"
            print(f"error {i}: {why}")
    return 0 if len(chosen) == len(ids) else 1


def cmd_delete(args) -> int:
    """Move the articles to the trash, or (--permanently) delete them for good."""
    from desktop.core.store.archive import delete_articles
    from desktop.core.store.trash import trash_articles

    if args.permanently:
        return _each(open_archive(args), args.ids, "deleted", delete_articles, None)
    return _each(open_archive(args), args.ids, "trashed", trash_articles, False)


def cmd_trash(args) -> int:
    """List the trash, restore articles from it, or empty it (of those older than some days)."""
    from desktop.core.list_rows import summaries
    from desktop.core.query import Filter, article_ids
    from desktop.core.store.trash import empty_trash, restore_articles

    if args.action == "restore":
        return _each(open_archive(args), args.ids, "restored", restore_articles, True)
    if args.action == "empty":
        deleted = checked(empty_trash, open_archive(args), args.older_than)
        print(f"deleted {deleted} article{'' if deleted == 1 else 's'} from the trash for good")
        return 0
    archive = open_archive(args)
    print_rows(summaries(archive, article_ids(archive, Filter(trash=True))), as_json=False)
    return 0


def cmd_edit(args) -> int:
    """Change the given fields of one article, or take the page's own values again, as an
    undoable correction; exit 2 if nothing (or both) is asked."""
    from desktop.core.corrections import edit_article, take_page_values
    from desktop.core.list_rows import summaries

    changes = {"title": args.title, "authors": args.author, "published": args.date, "publisher": args.publisher,
               "url": args.url}
    given = any(v is not None for v in changes.values())
    if given == args.from_page:
        print("cuttings edit: give --title, --author, --date, --publisher or --url, or else --from-page",
              file=sys.stderr)
        return 2
    archive = open_archive(args)
    if args.from_page:
        checked(take_page_values, archive, args.id)
    else:
        checked(edit_article, archive, args.id, **changes)
    title = next((s.title for s in summaries(archive, [args.id])), "")
    print(f"{'took the page values of' if args.from_page else 'edited'} {args.id} {title}")
    return 0


def cmd_reindex(args) -> int:
    """Find entities again in every stored article, counting on standard error."""
    from desktop.core.entities import entities_status
    from desktop.core.reindex import reindex

    status = entities_status()
    if status:
        raise CuttingsError(status)
    archive = open_archive(args)
    done = 0
    for done, count in reindex(archive):
        print(f"\rreindexed {done} of {count}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"reindexed {done} articles")
    return 0


def cmd_backup(args) -> int:
    """Copy the archive to PATH; print where it went."""
    from desktop.core.backup import backup

    archive = open_archive(args)
    print(f"backed up {archive} to {backup(archive, Path(args.path), replace=args.replace)}")
    return 0


def cmd_restore(args) -> int:
    """Make the backup PATH the archive, after checking it; print where the previous archive
    is kept. The archive is not opened first: restoring is how a damaged one is replaced."""
    from desktop.core.backup import restore

    target = location(args)
    aside = restore(target, Path(args.path))
    kept = f"; the archive that was there is kept as {aside}" if aside else ""
    print(f"restored {args.path} into {target}{kept}")
    return 0


COMMANDS = {"delete": cmd_delete, "trash": cmd_trash, "edit": cmd_edit, "reindex": cmd_reindex,
            "backup": cmd_backup, "restore": cmd_restore}
