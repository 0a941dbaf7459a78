"""The `cuttings quotes` command: who said what, across the archive or in one article."""

from __future__ import annotations

import sys
from dataclasses import asdict

from desktop.cli_common import limit, article_id, open_archive
from desktop.cli_output import print_json
from desktop.core.errors import CuttingsError


def add_parsers(sub, common) -> None:
    """Add the `quotes` sub-command to `sub`."""
    p = sub.add_parser("quotes", parents=[common],
                       help="quotations with their speakers, newest first (one line each)")
    p.add_argument("--person", metavar="NAME", help="only what this person said (name or alias, any case)")
    p.add_argument("--search", metavar="TEXT", default="",
                   help='only quotations with these words: words (prefixes too), OR, -word, "a phrase"')
    p.add_argument("--article", metavar="ID", type=article_id, help="only the quotations of this article")
    p.add_argument("--limit", type=limit, metavar="N", help="at most N results (1 or more)")
    p.add_argument("--json", action="store_true")


def _query(args, archive):
    """The QuoteQuery of the options; CuttingsError for a person or article not in the archive."""
    from desktop.core.article import PERSON
    from desktop.core.profiles import find_term
    from desktop.core.list_rows import summaries
    from desktop.core.quotations import QuoteQuery

    speakers: tuple[int, ...] = ()
    if args.person:
        term = find_term(archive, PERSON, args.person)
        if term is None:
            raise CuttingsError(f"There is no person named {args.person!r} in the archive")
        speakers = term.ids
    if args.article is not None and not summaries(archive, [args.article]):
        raise CuttingsError(f"There is no article {args.article} in the archive.")
    return QuoteQuery(speaker_ids=speakers, search=args.search, article_id=args.article)


def cmd_quotes(args) -> int:
    """One line per quotation: date, speaker, “quote”, article id and title. The quotation is
    printed verbatim, hits unmarked: square brackets inside a quotation mean an editorial
    insertion ("[T]he birth lottery"), so marking hits with them would misquote the speaker.
    A search the language cannot read prints its sentence and exits 2."""
    from desktop.core.quotations import quotations
    from desktop.core.search import SearchSyntaxError

    archive = open_archive(args)
    try:
        found = quotations(archive, _query(args, archive), args.limit)
    except SearchSyntaxError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print_json([{k: v for k, v in asdict(q).items() if k != "marked"} for q in found])
        return 0
    for q in found:
        print(f"{(q.published or '')[:10]:<10}  {q.speaker or '(unnamed)'}: “{q.quote}”  — {q.article_id} {q.title}")
    return 0


COMMANDS = {"quotes": cmd_quotes}
