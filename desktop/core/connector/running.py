"""Which port the window of an archive listens on: a small file per running window.

The file is `connector/<key>.json` in the user data folder, the key a hash of the archive's
resolved path (a team archive's address without its password), holding {"port", "pid", "archive"}; the window writes it when its listener
starts and removes it when it stops. `cuttings connector status` reads it and checks that
something answers on that port and that the process is alive (a crash leaves a stale file).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from pathlib import Path

import platformdirs

from desktop.core.store import postgres

CONNECT_TIMEOUT_S = 1.0


def _folder() -> Path:
    return Path(platformdirs.user_data_dir("Cuttings", appauthor=False)) / "connector"


def _archive_key(archive: str | Path) -> str:
    """What names an archive here: a file's resolved path, a database's address (no password)."""
    if postgres.is_server(archive):
        return postgres.without_password(str(archive))
    return str(Path(archive).resolve())


def port_file(archive: str | Path) -> Path:
    """The file naming the port of the window open on `archive` (a file path or a
    postgresql:// address)."""
    key = hashlib.sha256(_archive_key(archive).encode("utf-8")).hexdigest()[:16]
    return _folder() / f"{key}.json"


def write_port(archive: str | Path, port: int) -> Path:
    """Record that this process listens on `port` for `archive`; returns the file."""
    path = port_file(archive)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"port": port, "pid": os.getpid(), "archive": _archive_key(archive)}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def remove_port(archive: str | Path, port: int) -> None:
    """Remove the file if it still names this process and port (another window may have
    taken the archive over since)."""
    path = port_file(archive)
    recorded = _read(path)
    if recorded and recorded.get("port") == port and recorded.get("pid") == os.getpid():
        path.unlink(missing_ok=True)


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _alive(pid) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=CONNECT_TIMEOUT_S):
            return True
    except OSError:
        return False


def status(archive: str | Path) -> dict:
    """{"port": N or None, "listening": bool} for the window open on `archive`: the
    port its file names (None without one) and whether that window is alive and answering."""
    recorded = _read(port_file(archive)) or {}
    port = recorded.get("port") if isinstance(recorded.get("port"), int) else None
    listening = port is not None and _alive(recorded.get("pid")) and _answers(port)
    return {"port": port, "listening": listening}
