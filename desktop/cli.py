"""The `cuttings` command: with no arguments the window, with a sub-command the CLI.

Each sub-command is a few lines over core calls. Exit codes: 0 all went well, 1 something
failed (one line per failure on stdout or stderr, never a traceback unless --debug), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from desktop import __version__
from desktop.core import preferences
from desktop.core.article import CITY, COUNTRY, ENTITY_KINDS, ORG, PERSON
from desktop.core.errors import CuttingsError
from desktop.core.preferences import KEYS

KINDS = (PERSON, CITY, COUNTRY, ORG)  # the entity kinds `list` filters by
LIST_SORTS = ("published", "title", "added", "relevance")  # keys of query.SORT_COLUMNS


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="archive file (default: $CUTTINGS_DB, else the `archive` preference, "
                             "else archive.sqlite3 in the user data folder)")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks of unexpected errors")

    parser = argparse.ArgumentParser(prog="cuttings", parents=[common],
                                     description="Cuttings: an archive of news articles. "
                                                 "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"cuttings {__version__}")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="download or read articles into the archive")
    p.add_argument("inputs", nargs="*", metavar="URL_OR_FILE")
    p.add_argument("--from-file", metavar="FILE", help="read inputs from FILE, one per line")
    p.add_argument("--refresh", action="store_true", help="download again and update stored copies")
    p.add_argument("--url", help="the web address of a saved page file")

    p = sub.add_parser("list", parents=[common], help="list articles, newest first")
    p.add_argument("--search", metavar="TEXT", default="",
                   help='full-text search: words (prefixes too), OR, -word, "a phrase", title:word, author:name')
    p.add_argument("--sort", choices=LIST_SORTS, default="published",
                   help="newest first (published, added), A-Z (title) or best match first (relevance)")
    for kind in KINDS:
        p.add_argument(f"--{kind}", metavar="NAME", action="append", default=[],
                       help=f"only articles naming this {kind} (repeatable)")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--trash", action="store_true", help="list the articles in the trash")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", parents=[common], help="one article with its entities, or its saved copy")
    p.add_argument("id", type=int)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true")
    how.add_argument("--saved-copy", action="store_true",
                     help="the offline copy as safe HTML: no scripts, nothing that loads")
    p.add_argument("--out", metavar="FILE", help="with --saved-copy: file to write (default: standard output)")

    p = sub.add_parser("delete", parents=[common], help="move articles to the trash")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--permanently", action="store_true", help="delete for good instead")

    p = sub.add_parser("trash", parents=[common], help="list the trash; restore from it or empty it")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("restore", parents=[common], help="take articles out of the trash")
    a.add_argument("ids", nargs="+", type=int, metavar="ID")
    a = actions.add_parser("empty", parents=[common], help="delete the trashed articles for good")
    a.add_argument("--older-than", type=float, metavar="DAYS", help="only those trashed more than DAYS ago")

    p = sub.add_parser("edit", parents=[common], help="correct an article's title, authors, date or publisher")
    p.add_argument("id", type=int)
    p.add_argument("--title")
    p.add_argument("--author", action="append", metavar="NAME",
                   help="the authors, in order (repeatable; --author '' for none)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the publication date ('' for none)")
    p.add_argument("--publisher")

    p = sub.add_parser("export", parents=[common], help="write the whole archive as json, csv or md")
    p.add_argument("--format", choices=("json", "csv", "md"), default="json")
    p.add_argument("--out", metavar="PATH", help="file to write (default: standard output)")

    p = sub.add_parser("extract", parents=[common], help="run the pipeline on one input without storing")
    p.add_argument("input", metavar="URL_OR_FILE")
    p.add_argument("--url", help="the web address of a saved page file")
    p.add_argument("--no-entities", action="store_true")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("entities", parents=[common], help="people, places and organisations with counts")
    p.add_argument("--kind", choices=ENTITY_KINDS)
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", parents=[common], help="find entities again in every stored article")

    p = sub.add_parser("config", parents=[common], help="show or change preferences")
    p.add_argument("key", nargs="?", help="one preference: " + ", ".join(KEYS))
    p.add_argument("value", nargs="?", help="its new value (on/off for switches, 'default' for the archive)")
    return parser


def _location(args):
    """The archive to open: --db, else $CUTTINGS_DB, else the preference, else the default."""
    from desktop.core.store.db import default_location

    return getattr(args, "db", None) or default_location(preferences.load().archive)


def _archive(args):
    from desktop.core.store.db import Archive

    return Archive(_location(args))


def _with_country(entity) -> str:
    """An entity's name, a city's with its country code: "Paris (FR)"."""
    return f"{entity.name} ({entity.country})" if entity.kind == CITY and entity.country else entity.name


def _print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1, default=str)  # default: datetimes
    sys.stdout.write("\n")


def cmd_import(args) -> int:
    from desktop.core.dropped import importable_files
    from desktop.core.export import import_export, is_export_file
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
    archive = _archive(args)
    entities = preferences.load().entities
    failed = False
    for source in dict.fromkeys(inputs):
        try:
            if is_file_input(source) and is_export_file(Path(source)):
                outcomes = import_export(archive, Path(source))
            else:
                outcomes = [import_one(archive, source, refresh=args.refresh, url=args.url, entities=entities)]
        except CuttingsError as exc:
            print(f"error {source}: {exc}")
            failed = True
            continue
        for outcome in outcomes:
            print(f"{outcome.status} {outcome.id} {outcome.title}")
        sys.stdout.flush()
    return 1 if failed else 0


def _filter(args, archive):
    from desktop.core.query import Filter, find_term

    terms = []
    for kind in KINDS:
        for name in getattr(args, kind):
            term = find_term(archive, kind, name)
            if term is None:
                return None
            terms.append(term)
    return Filter(text=args.search, terms=tuple(terms), sort=args.sort, descending=args.sort != "title",
                  trash=args.trash)


def cmd_list(args) -> int:
    """Rows matching the filter; when searching, each with a snippet, hits in [brackets].
    A search the language cannot read prints its one sentence and exits 2."""
    from desktop.core.query import article_ids, summaries
    from desktop.core.search import HIT_END, HIT_START, SearchSyntaxError
    from desktop.core.search_results import snippets

    archive = _archive(args)
    flt = _filter(args, archive)
    try:
        rows = summaries(archive, article_ids(archive, flt, args.limit)) if flt is not None else []
        found = snippets(archive, [r.id for r in rows], args.search)
    except SearchSyntaxError as exc:
        print(exc, file=sys.stderr)
        return 2
    _print_rows(rows, args.json, {i: s.replace(HIT_START, "[").replace(HIT_END, "]") for i, s in found.items()})
    return 0


def _print_rows(rows, as_json: bool, found: dict[int, str] | None = None) -> None:
    """List rows (Summary values) as JSON or one line each; a trashed one with its trashing
    time, a search hit with its snippet (`found`: id -> snippet)."""
    found = found or {}
    if as_json:
        _print_json([
            {k: v for k, v in asdict(r).items()
             if k in ("id", "url", "title", "authors", "published", "publisher", "trashed")}
            | ({"snippet": found.get(r.id, "")} if found else {})
            for r in rows
        ])
    else:
        for r in rows:
            when = f"{r.trashed.astimezone():%Y-%m-%d %H:%M}  " if r.trashed else ""
            print(f"{r.id:>6}  {when}{(r.published or '')[:10]:<10}  {r.title}  — {r.publisher or r.url or ''}")
            if r.id in found:
                print(f"{'':>20}{found[r.id]}")


def cmd_show(args) -> int:
    from desktop.core.query import detail

    if args.saved_copy:
        return _show_saved_copy(args)
    if args.out:
        print("cuttings show: --out goes with --saved-copy", file=sys.stderr)
        return 2
    item = detail(_archive(args), args.id)
    if item is None:
        raise CuttingsError(f"No article {args.id} in the archive")
    if args.json:
        _print_json(asdict(item))
        return 0
    _print_readable(item)
    return 0


def _show_saved_copy(args) -> int:
    from desktop.core.query import summaries
    from desktop.core.snapshot import saved_copy

    archive = _archive(args)
    copy = saved_copy(archive, args.id)
    if copy is None:
        stored = summaries(archive, [args.id])
        raise CuttingsError(f"Article {args.id} has no saved copy" if stored
                            else f"No article {args.id} in the archive")
    _write(copy.html, args.out)
    return 0


def _write(content: str, out: str | None) -> None:
    """`content` to the file `out`, or to standard output."""
    if not out:
        sys.stdout.write(content)
        return
    try:
        Path(out).write_text(content, encoding="utf-8")
    except OSError as exc:
        raise CuttingsError(f"Cannot write {out}: {exc.strerror}")


def _print_readable(item) -> None:
    """An article (stored Detail or extracted Article) as text: metadata, entities, body."""
    print(item.title)
    for label, value in (("By", ", ".join(item.authors)), ("Date", item.published),
                         ("Source", item.publisher), ("URL", item.url)):
        if value:
            print(f"{label}: {value}")
    for kind, label in zip(ENTITY_KINDS, ("People", "Cities", "Countries", "Organisations", "Other places")):
        names = [_with_country(e) for e in item.entities if e.kind == kind]
        if names:
            print(f"{label}: {', '.join(names)}")
    print()
    print(item.text)


def _each(archive, ids: list[int], verb: str, change, in_trash: bool | None) -> int:
    """Apply `change` (a core function of the archive and ids) to those of `ids` that are
    stored (and in the trash, or not, as `in_trash` asks); print `<verb> ID TITLE` for each
    of them and an error line for each other id."""
    from desktop.core.query import summaries

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
    from desktop.core.store.archive import delete_articles
    from desktop.core.store.trash import trash_articles

    if args.permanently:
        return _each(_archive(args), args.ids, "deleted", delete_articles, None)
    return _each(_archive(args), args.ids, "trashed", trash_articles, False)


def cmd_trash(args) -> int:
    from desktop.core.query import Filter, article_ids, summaries
    from desktop.core.store.trash import empty_trash, restore_articles

    if args.action == "restore":
        return _each(_archive(args), args.ids, "restored", restore_articles, True)
    if args.action == "empty":
        deleted = _checked(empty_trash, _archive(args), args.older_than)
        print(f"deleted {deleted} article{'' if deleted == 1 else 's'} from the trash for good")
        return 0
    archive = _archive(args)
    _print_rows(summaries(archive, article_ids(archive, Filter(trash=True))), as_json=False)
    return 0


def cmd_edit(args) -> int:
    from desktop.core.store.archive import update_article

    changes = {"title": args.title, "authors": args.author, "published": args.date, "publisher": args.publisher}
    if all(v is None for v in changes.values()):
        print("cuttings edit: nothing to change (give --title, --author, --date or --publisher)", file=sys.stderr)
        return 2
    archive = _archive(args)
    _checked(update_article, archive, args.id, **changes)
    print(f"edited {args.id} {_title_of(archive, args.id)}")
    return 0


def _checked(func, *args, **kwargs):
    """`func(*args, **kwargs)`, its ValueError (bad input, in one sentence) as a CuttingsError."""
    try:
        return func(*args, **kwargs)
    except ValueError as exc:
        raise CuttingsError(str(exc)) from exc


def _title_of(archive, article_id: int) -> str:
    from desktop.core.query import summaries

    return next((s.title for s in summaries(archive, [article_id])), "")


def cmd_export(args) -> int:
    from desktop.core.export import export

    _write(export(_archive(args), args.format), args.out)
    return 0


def cmd_extract(args) -> int:
    from desktop.core.export import extraction_json
    from desktop.core.pipeline import extract

    article = extract(args.input, url=args.url, entities=not args.no_entities)
    if args.json:
        _print_json(extraction_json(article))
    else:
        _print_readable(article)
    return 0


def cmd_entities(args) -> int:
    from desktop.core.query import entity_counts

    rows = entity_counts(_archive(args), args.kind)
    if args.json:
        _print_json([{**asdict(info), "articles": n} for info, n in rows])
    else:
        for info, n in rows:
            print(f"{n:>5}  {info.kind:<7}  {_with_country(info)}")
    return 0


def cmd_reindex(args) -> int:
    from desktop.core.entities import entities_status
    from desktop.core.reindex import reindex

    status = entities_status()
    if status:
        raise CuttingsError(status)
    archive = _archive(args)
    done = 0
    for done, count in reindex(archive):
        print(f"\rreindexed {done} of {count}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"reindexed {done} articles")
    return 0


def cmd_config(args) -> int:
    prefs = preferences.load()
    try:
        if args.value is not None:
            prefs = preferences.with_text(prefs, args.key, args.value)
            preferences.save(prefs)
        if args.key is None:
            for key in KEYS:
                print(f"{key} = {preferences.as_text(prefs, key)}")
        else:
            print(preferences.as_text(prefs, args.key))
    except ValueError as exc:
        print(f"cuttings config: {exc}", file=sys.stderr)
        return 2
    return 0


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "delete": cmd_delete,
    "trash": cmd_trash,
    "edit": cmd_edit,
    "export": cmd_export,
    "extract": cmd_extract,
    "entities": cmd_entities,
    "reindex": cmd_reindex,
    "config": cmd_config,
}


def _window(args) -> int:
    from desktop.gui.app import run_window

    return run_window(str(_location(args)), smoke=args.smoke)


def run(argv: list[str]) -> int:
    """Parse `argv` and run the sub-command (or the window); return the exit code."""
    args = _parser().parse_args(argv)
    debug = getattr(args, "debug", False)
    handler = COMMANDS.get(args.command, _window)
    try:
        return handler(args)
    except CuttingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `cuttings list | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # the promise: no traceback for users, only with --debug
        if debug:
            raise
        print(f"error: unexpected {exc.__class__.__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 1
