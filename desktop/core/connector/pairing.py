"""The pairing token the browser extension sends with every capture.

Made once (256 random bits) and kept in `connector-token` beside the preferences file in the
user's config folder, readable by the user only: it belongs to the user, not to an archive,
so one pairing serves every archive the user opens.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from desktop.core.preferences import config_path

TOKEN_FILE = "connector-token"
TOKEN_BYTES = 32  # secrets' recommended size for tokens that must not be guessed


def token_path() -> Path:
    """Where the token is kept: beside the preferences file."""
    return config_path().parent / TOKEN_FILE


def pairing_token() -> str:
    """The user's pairing token, made and saved (mode 0600) the first time it is asked for.

    Raises OSError when the config folder cannot be written.
    """
    path = token_path()
    try:
        token = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        token = ""
    if token:
        return token
    token = secrets.token_urlsafe(TOKEN_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two windows starting together keep the token of whichever wrote first.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(token + "\n")
    return token


def token_matches(given: str | None, token: str) -> bool:
    """True if `given` is `token`, compared in constant time (no timing hints to a guesser)."""
    return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("ascii"))
