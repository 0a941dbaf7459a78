"""The exceptions the core raises for problems a user can act on (all CuttingsError), and how any
exception is put to a user in one sentence."""

import re


class CuttingsError(Exception):
    """A failure with a message fit to show a user as it is (no traceback)."""


class DamagedCopy(CuttingsError, ValueError):
    """A stored offline copy that cannot be read back (its compressed bytes are corrupt)."""


class DamagedArchive(CuttingsError):
    """The archive file is damaged: Cuttings reads what it still can but writes nothing into
    it; `cuttings rescue` (core: export.rescue) saves the readable articles to a file."""


class DiskFull(CuttingsError):
    """A write refused, uncommitted, because it would leave too little disk to delete later."""


class ArchiveUnreachable(CuttingsError):
    """The archive's server cannot be reached, or the connection to it was lost: nothing of
    the transaction was saved, and the same write may succeed once the server is back."""


def describe(exc: BaseException, limit: int = 200) -> str:
    """`exc` as one line for a user: a CuttingsError's own message, an OSError's file and
    reason ("Cannot use out.json: Read-only file system"), else "unexpected <Type>: <its first
    sentence, at most `limit` characters>" (library messages run to pages)."""
    if isinstance(exc, CuttingsError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:  # a file the user named, and why it failed
        return f"Cannot use {exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    first = re.split(r"(?<=\.)\s|\n", str(exc).strip(), maxsplit=1)[0]
    first = first if len(first) <= limit else first[: limit - 1] + "…"
    return f"unexpected {exc.__class__.__name__}: {first}" if first else f"unexpected {exc.__class__.__name__}"
