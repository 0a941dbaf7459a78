"""The one exception type the core raises for problems a user can act on."""


class CuttingsError(Exception):
    """A failure with a message fit to show a user as it is (no traceback)."""


class DamagedCopy(CuttingsError, ValueError):
    """A stored offline copy that cannot be read back (its compressed bytes are corrupt)."""


class DamagedArchive(CuttingsError):
    """The archive file is damaged: Cuttings reads what it still can but writes nothing into
    it; `cuttings rescue` (core: export.rescue) saves the readable articles to a file."""


class DiskFull(CuttingsError):
    """A write refused, uncommitted, because it would leave too little disk to delete later."""
