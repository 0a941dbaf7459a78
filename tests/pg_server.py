"""A private PostgreSQL server for the tests: initdb into a temporary folder, run by an
unprivileged user (the server refuses root), listening on 127.0.0.1 at a free port and on a
socket in that folder; stopped at the end of the session (also when a test fails)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "cuttings"
UNPRIVILEGED = "nobody"  # who runs the server when the tests run as root


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl (Debian keeps them off PATH), None if not installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server; `url` is postgresql://cuttings@127.0.0.1:PORT (no database)."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="cuttings-pg-"))
        self.port = _free_port()
        self.url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}"
        if os.geteuid() == 0:
            shutil.chown(self.folder, UNPRIVILEGED)
        self._run("initdb", "-D", str(self.folder / "data"), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                  "-o", options, "-w", "start")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", UNPRIVILEGED, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def stop(self) -> None:
        """Stop the server (immediately: its data is thrown away) and remove its folder."""
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def execute(base_url: str, *statements: str) -> None:
    """Run `statements` one by one on the server's `postgres` database, outside a
    transaction (CREATE and DROP DATABASE need that)."""
    import psycopg

    with psycopg.connect(_libpq(base_url) + "/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def _libpq(base_url: str) -> str:
    return base_url.replace("postgresql+psycopg://", "postgresql://")
