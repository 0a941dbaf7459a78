"""The options every `cuttings` command takes (--db, --debug) and the archive --db names."""

from __future__ import annotations

import argparse
import sys

from desktop.core import preferences
from desktop.core.errors import CuttingsError


def common_options() -> argparse.ArgumentParser:
    """A parent parser of the options the program and each sub-command accept."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="archive file, or a team archive's postgresql://user@host:port/db "
                             "(default: $CUTTINGS_DB, else the `archive` preference, "
                             "else archive.sqlite3 in the user data folder)")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks of unexpected errors")
    return common


def article_id(text: str) -> int:
    """An argparse type: an article number (1 to SQLite's largest integer), else a usage error."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not an article number")
    return value


def limit(text: str) -> int:
    """An argparse type for --limit: 1 or more (SQLite reads a negative limit as none, so
    -1 would quietly print everything), else a usage error."""
    value = int(text) if text.strip().isdigit() else 0
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of results (1 or more)")
    return value


def location(args):
    """The archive to open: --db, else $CUTTINGS_DB, else the preference, else the default."""
    from desktop.core.store.db import default_location

    return getattr(args, "db", None) or default_location(preferences.load().archive)


def open_archive(args):
    """The Archive at `location(args)`, created if it does not exist yet; a read-only one
    is named on stderr, so a reader knows before any write is refused."""
    from desktop.core.store.db import Archive

    archive = Archive(location(args), upgrade=False)
    if archive.needs_upgrade():
        print(f"note: upgrading the archive {archive} to this version of Cuttings (once; a big archive"
              " takes a few minutes)…", file=sys.stderr)
        archive.upgrade()
    if archive.read_only:
        print(f"note: the archive {archive} is read-only: reading only.", file=sys.stderr)
    return archive


def checked(func, *args, **kwargs):
    """`func(*args, **kwargs)`, its ValueError (bad input, in one sentence) as a CuttingsError."""
    try:
        return func(*args, **kwargs)
    except ValueError as exc:
        raise CuttingsError(str(exc)) from exc
