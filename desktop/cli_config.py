"""The `cuttings config` command: show or change preferences."""

from __future__ import annotations

import sys

from desktop.core import preferences
from desktop.core.preferences import KEYS


def add_parsers(sub, common) -> None:
    """Add the `config` sub-command to `sub`."""
    p = sub.add_parser("config", parents=[common], help="show or change preferences")
    p.add_argument("key", nargs="?", help="one preference: " + ", ".join(KEYS))
    p.add_argument("value", nargs="?", help="its new value (on/off for switches, 'default' for the archive)")


def cmd_config(args) -> int:
    """Print every preference, or one; with a value, set it first. Exit 2 for a bad key or value."""
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


COMMANDS = {"config": cmd_config}
