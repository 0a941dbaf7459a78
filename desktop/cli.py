"""The `cuttings` command: with no arguments the window, with a sub-command the CLI.

Each sub-command is a few lines over core calls, in a module of its group (cli_import,
cli_read, cli_quotes, cli_write, cli_desk, cli_duplicates, cli_config), which adds its parsers
and names its handlers. Exit codes: 0 all went well, 1 something failed (one line per
failure on stdout or stderr, never a traceback unless --debug), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop import (__version__, cli_config, cli_connector, cli_copy, cli_desk, cli_duplicates, cli_import,
                     cli_quotes, cli_read, cli_tags, cli_versions, cli_write)
from desktop.cli_common import common_options, location
from desktop.core.errors import CuttingsError, describe

# in the order `cuttings --help` lists them
GROUPS = (cli_import, cli_read, cli_quotes, cli_write, cli_tags, cli_desk, cli_duplicates, cli_versions,
          cli_copy, cli_config, cli_connector)
COMMANDS = {name: handler for group in GROUPS for name, handler in group.COMMANDS.items()}


def _parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(prog="cuttings", parents=[common],
                                     description="Cuttings: an archive of news articles. "
                                                 "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"cuttings {__version__}")
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(sub, common)
    return parser


def _window(args) -> int:
    from desktop.gui.app import run_window

    return run_window(str(location(args)), smoke=args.smoke)


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
        print(f"error: {describe(exc)} (run with --debug for details)", file=sys.stderr)
        return 1
