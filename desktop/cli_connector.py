"""The `cuttings connector` commands: `pair` prints the browser extension's pairing token,
`status` says whether the archive's window is listening for the extension, and on which port,
`extension` writes the extension's files for installing it."""

from __future__ import annotations

from pathlib import Path

from desktop.cli_common import location
from desktop.cli_output import print_json
from desktop.core.errors import CuttingsError


def add_parsers(sub, common) -> None:
    """Add `connector pair`, `connector status` and `connector extension` to `sub`."""
    p = sub.add_parser("connector", parents=[common], help="the browser extension: pairing token, listener status")
    actions = p.add_subparsers(dest="connector_action", metavar="ACTION", required=True)
    actions.add_parser("pair", parents=[common],
                       help="print the token to paste into the extension's options (made once, then kept)")
    status = actions.add_parser("status", parents=[common],
                                help="whether the archive's running window listens for the extension")
    status.add_argument("--json", action="store_true", help='{"port": N, "listening": true|false}')
    extension = actions.add_parser("extension", parents=[common],
                                   help="write the extension: a folder for Chromium's Load unpacked, "
                                        "its .zip and the Firefox .xpi")
    extension.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write them in")


def cmd_connector(args) -> int:
    """`pair`: print the token; `status`: print the listener's port and state (exit 0 either
    way); `extension`: print the paths written."""
    from desktop.core.connector import pairing, running

    if args.connector_action == "pair":
        print(pairing.pairing_token())
        return 0
    if args.connector_action == "extension":
        return _write_extension(args.out)
    archive = location(args)
    state = running.status(archive)
    if getattr(args, "json", False):
        print_json(state)
    elif state["listening"]:
        print(f"listening on 127.0.0.1:{state['port']} for {archive}")
    else:
        print(f"not listening: no Cuttings window is open on {archive}")
    return 0


def _write_extension(out: Path) -> int:
    from desktop.core.connector.extension import save_extension

    try:
        written = save_extension(out)
    except OSError as exc:
        raise CuttingsError(f"Cannot write the extension into {out}: {exc.strerror or exc}") from exc
    for path in (written.folder, written.chromium_zip, written.firefox_xpi):
        print(path)
    return 0


COMMANDS = {"connector": cmd_connector}
