"""A set of character spans that answers "is this position inside one?" in log time: a long
page can have thousands of masked lines or headings, and every mention asks."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]
