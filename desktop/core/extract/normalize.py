"""Two small text helpers shared by the extraction modules."""

from __future__ import annotations

import re


def squash(text: str) -> str:
    """Whitespace runs collapsed to one space, ends trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


def match_key(text: str) -> str:
    """A comparison key: case-folded, letters and digits only ("Site.com" ~ "site com")."""
    return re.sub(r"\W+", "", (text or "").casefold())
