"""The one exception type the core raises for problems a user can act on."""


class CuttingsError(Exception):
    """A failure with a message fit to show a user as it is (no traceback)."""
