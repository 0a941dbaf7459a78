"""The `cuttings` commands that read the archive: `list`, `show`, `export`, `cite`, `rescue` and `entities`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from typing import TextIO

from desktop.cli_common import limit, article_id, open_archive
from desktop.cli_output import print_json, print_readable, print_rows, with_country
from desktop.core.article import CITY, COUNTRY, ENTITY_KINDS, ORG, PERSON
from desktop.core.errors import CuttingsError, DamagedArchive

KINDS = (PERSON, CITY, COUNTRY, ORG)  # the entity kinds `list` filters by
# What an error calls the thing an option names ("There is no organisation named …").
_NOUNS = {PERSON: "person", CITY: "city", COUNTRY: "country", ORG: "organisation", "quoted": "person"}
TERM_OPTIONS = (*KINDS, "quoted")  # `list`'s options naming someone or something; "quoted" is query.QUOTED
LIST_SORTS = ("published", "title", "added", "relevance")  # keys of query.SORT_COLUMNS


def _filter_options(p) -> None:
    """The options that choose articles, shared by `list` and `export`."""
    p.add_argument("--search", metavar="TEXT", default="",
                   help='full-text search: words (prefixes too), OR, -word, "a phrase", title:word, author:name')
    for kind in KINDS:
        p.add_argument(f"--{kind}", metavar="NAME", action="append", default=[],
                       help=f"only articles naming this {kind} (repeatable)")
    p.add_argument("--tag", metavar="TAG", action="append", default=[],
                   help="only articles carrying this tag (repeatable)")
    p.add_argument("--quoted", metavar="NAME", action="append", default=[],
                   help="only articles quoting this person (repeatable)")


def add_parsers(sub, common) -> None:
    """Add the `list`, `show`, `export`, `cite`, `rescue` and `entities` sub-commands to `sub`."""
    from desktop.core.citations import STYLES
    from desktop.core.export import FORMATS

    p = sub.add_parser("list", parents=[common], help="list articles, newest first")
    _filter_options(p)
    p.add_argument("--sort", choices=LIST_SORTS, default="published",
                   help="newest first (published, added), A-Z (title) or best match first (relevance)")
    p.add_argument("--limit", type=limit, metavar="N", help="at most N results (1 or more)")
    p.add_argument("--trash", action="store_true", help="list the articles in the trash")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", parents=[common], help="one article with its entities, or its saved copy")
    p.add_argument("id", type=article_id)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true")
    how.add_argument("--saved-copy", action="store_true",
                     help="the offline copy as safe HTML: no scripts, nothing that loads")
    p.add_argument("--out", metavar="FILE", help="with --saved-copy: file to write (default: standard output)")

    p = sub.add_parser("export", parents=[common],
                       help="write the archive (or the articles chosen) as json, csv, md or citations")
    p.add_argument("--format", choices=FORMATS, default="json",
                   help="json (re-imports), csv, md; citations: csl-json, ris, bibtex; "
                        "web archives (with --out): warc, wacz")
    p.add_argument("--ids", metavar="ID", type=article_id, nargs="+", help="only these articles")
    _filter_options(p)
    p.add_argument("--out", metavar="PATH", help="file to write (default: standard output)")

    p = sub.add_parser("cite", parents=[common], help="formatted references of articles (APA or Chicago)")
    p.add_argument("ids", metavar="ID", type=article_id, nargs="+")
    p.add_argument("--style", choices=tuple(STYLES), default="apa")

    p = sub.add_parser("rescue", parents=[common],
                       help="save what a damaged archive still holds, as a json export to re-import")
    p.add_argument("--out", metavar="FILE", required=True, help="file to write")

    p = sub.add_parser("entities", parents=[common], help="people, places and organisations with counts")
    p.add_argument("--kind", choices=[str(kind) for kind in ENTITY_KINDS])
    p.add_argument("--json", action="store_true")


def _filter(args, archive):
    """The Filter of `list`'s (or `export`'s) options. Raises CuttingsError, in the sentence
    `quotes` uses, for a named entity not in the archive: a typo must not look like "no
    article matches"."""
    from desktop.core.profiles import find_term
    from desktop.core.query import QUOTED, TAG, Filter, Term
    from desktop.core.store.tags import tag_ids

    terms = [Term(TAG, name, tag_ids(archive, name)) for name in getattr(args, "tag", [])]
    for term in terms:
        if not term.ids:
            raise CuttingsError(f"There is no tag named {term.label!r} in the archive")
    for kind, name in [(kind, name) for kind in TERM_OPTIONS for name in getattr(args, kind)]:
        term = find_term(archive, PERSON if kind == QUOTED else kind, name)
        if term is None:
            noun = _NOUNS.get(kind, str(kind))
            raise CuttingsError(f"There is no {noun} named {name!r} in the archive")
        terms.append(replace(term, kind=kind))
    sort = getattr(args, "sort", "published")
    return Filter(text=args.search, terms=tuple(terms), sort=sort, descending=sort != "title",
                  trash=getattr(args, "trash", False))


def cmd_list(args) -> int:
    """Rows matching the filter; when searching, each with a snippet, hits in [brackets].
    A search the language cannot read prints its one sentence and exits 2."""
    from desktop.core.list_rows import summaries
    from desktop.core.query import article_ids
    from desktop.core.search import HIT_END, HIT_START, SearchSyntaxError
    from desktop.core.search_results import snippets

    archive = open_archive(args)
    flt = _filter(args, archive)
    try:
        rows = summaries(archive, article_ids(archive, flt, args.limit))
        found = snippets(archive, [r.id for r in rows], args.search)
    except SearchSyntaxError as exc:
        print(exc, file=sys.stderr)
        return 2
    print_rows(rows, args.json, {i: s.replace(HIT_START, "[").replace(HIT_END, "]") for i, s in found.items()})
    return 0


def cmd_show(args) -> int:
    """One stored article as text or JSON, or (--saved-copy) its offline copy as HTML."""
    from desktop.core.query import detail

    if args.saved_copy:
        return _show_saved_copy(args)
    if args.out:
        print("cuttings show: --out goes with --saved-copy", file=sys.stderr)
        return 2
    archive = open_archive(args)
    item = detail(archive, args.id)
    if item is None:
        raise CuttingsError(f"There is no article {args.id} in the archive.")
    if args.json:
        print_json({**asdict(item), **_capture_json(archive, args.id)})
        return 0
    print_readable(item)
    return 0


def _capture_json(archive, article_id: int) -> dict:
    """`show --json`'s `capture` (the newest version's evidence, None without a copy) and
    `versions` (each version's number, title and evidence, oldest first)."""
    from desktop.core.store.versions import versions_of

    versions = versions_of(archive, article_id)
    newest = versions[-1].capture
    return {"capture": None if newest is None else newest.as_json(),
            "versions": [v.as_json(text=False) for v in versions]}


def _show_saved_copy(args) -> int:
    from desktop.core.list_rows import summaries
    from desktop.core.snapshot import saved_copy

    archive = open_archive(args)
    copy = saved_copy(archive, args.id)
    if copy is None:
        stored = summaries(archive, [args.id])
        raise CuttingsError(f"Article {args.id} has no saved copy" if stored
                            else f"There is no article {args.id} in the archive.")
    _write(copy.html, args.out)
    return 0


@contextmanager
def _output(out: str | None) -> Iterator[TextIO]:
    """Standard output, or a stream into the file `out` that replaces it only when complete."""
    from desktop.core.export import whole_file

    if not out:
        yield sys.stdout
        return
    with whole_file(out) as stream:
        yield stream


def _write(content: str, out: str | None) -> None:
    """`content` to the file `out`, or to standard output."""
    with _output(out) as stream:
        stream.write(content)


def _require(ids: list[int], found) -> None:
    """CuttingsError naming those of `ids` not among the articles `found`."""
    stored = {item.id for item in found}
    missing = [i for i in ids if i not in stored]
    if missing:
        raise CuttingsError(f"There is no article {', '.join(map(str, missing))} in the archive.")


def _export_ids(args, archive) -> list[int] | None:
    """The ids `export` writes: --ids as given (each must be stored), else those of the
    filter options oldest first; None for the whole archive."""
    from desktop.core.export import export_ids
    from desktop.core.list_rows import summaries

    if args.ids:
        _require(args.ids, summaries(archive, args.ids))
        return args.ids
    if not args.search and not args.tag and not any(getattr(args, kind) for kind in TERM_OPTIONS):
        return None
    return export_ids(archive, _filter(args, archive))


def cmd_export(args) -> int:
    """The archive, or the articles --ids or the filter options choose, in one format, to
    --out or standard output, an article at a time."""
    from desktop.core.export import export_to, write_export
    from desktop.core.search import SearchSyntaxError
    from desktop.core.webarchive import FORMATS as web_formats

    archive = open_archive(args)
    try:
        ids = _export_ids(args, archive)
    except SearchSyntaxError as exc:
        print(exc, file=sys.stderr)
        return 2
    if ids == []:  # like grep: nothing found is exit 1, and --out is left as it was
        print("No article matches the filter: nothing was exported.", file=sys.stderr)
        return 1
    try:
        if args.out and args.format in web_formats:
            export_to(archive, args.format, args.out, ids)
            return 0
        with _output(args.out) as stream:
            write_export(archive, args.format, stream, ids)
    except DamagedArchive as exc:
        if args.format != "json":
            raise
        # Export is how users save their data, so from a damaged archive it saves what it can.
        print(f"error: {exc}", file=sys.stderr)
        _rescue_to(archive, args.out)
        return 1
    return 0


def cmd_cite(args) -> int:
    """One formatted reference a line (plain text), in the style's order."""
    from desktop.core.citations import cited, format_citations

    items = list(cited(open_archive(args), args.ids))
    _require(args.ids, items)
    for citation in format_citations(items, args.style):
        print(citation.text)
    return 0


def cmd_rescue(args) -> int:
    """Every article of a damaged archive still readable, as a JSON export to --out; 1 if
    some could not be read (their number is printed)."""
    return _rescue_to(open_archive(args), args.out)


def _rescue_to(archive, out: str | None) -> int:
    """Rescue `archive` into `out`, say how many articles were saved; 1 if some were lost."""
    from desktop.core.export import rescue

    with _output(out) as stream:
        saved, lost = rescue(archive, stream)
    where = out or "standard output"
    print(f"rescued {saved} articles to {where}" + (f"; {lost} could not be read" if lost else ""),
          file=sys.stdout if out else sys.stderr)  # standard output may be the export itself
    return 1 if lost else 0


def cmd_entities(args) -> int:
    """Every entity (of --kind) with its id (for `entity`) and the number of articles naming it, most first."""
    from desktop.core.profiles import entity_counts

    rows = entity_counts(open_archive(args), args.kind)
    if args.json:
        print_json([{**asdict(info), "articles": n} for info, n in rows])
    else:
        for info, n in rows:
            print(f"{info.id:>6}  {n:>5}  {info.kind:<7}  {with_country(info)}")
    return 0


COMMANDS = {"list": cmd_list, "show": cmd_show, "export": cmd_export, "cite": cmd_cite,
            "rescue": cmd_rescue, "entities": cmd_entities}
