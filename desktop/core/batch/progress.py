"""How far a batch has come, in a line a person reads: "1,240 of 10,000 · 37 failed · about 9 min left"."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

RECENT = 50  # the ETA rests on the rate of the last RECENT jobs: it follows a batch that speeds up or stalls
MIN_FOR_ETA = 3  # fewer finished jobs than this give no rate worth a promise


@dataclass
class Progress:
    """Counts of a batch as its jobs finish; `finished()` after each, `line()` to show."""

    total: int
    done: int = 0
    failed: int = 0
    clock: Callable[[], float] = time.monotonic  # seconds (tests pass their own)
    _times: deque = field(default_factory=lambda: deque(maxlen=RECENT + 1))

    def __post_init__(self):
        self._times.append(self.clock())

    def finished(self, failed: bool = False) -> None:
        """Count one job ended (`failed` or not)."""
        self.done += 1
        self.failed += failed
        self._times.append(self.clock())

    def add(self, count: int) -> None:
        """Count `count` more jobs to do (a feed's entries found as the batch runs)."""
        self.total += count

    def seconds_left(self) -> float | None:
        """Seconds until the batch ends at the recent rate; None before MIN_FOR_ETA jobs end."""
        finished = len(self._times) - 1
        if finished < MIN_FOR_ETA:
            return None
        span = self._times[-1] - self._times[0]
        if span <= 0:
            return None
        return (self.total - self.done) * span / finished

    def line(self) -> str:
        """ "1,240 of 10,000 · 37 failed · about 9 min left" (the parts that apply)."""
        parts = [f"{self.done:,} of {self.total:,}"]
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        left = self.seconds_left()
        if left is not None and self.done < self.total:
            parts.append(f"about {duration_words(left)} left")
        return " · ".join(parts)


def duration_words(seconds: float) -> str:
    """A rough duration: "40 s", "9 min", "2 h 5 min"."""
    if seconds < 60:
        return f"{max(1, round(seconds / 10) * 10 if seconds >= 10 else round(seconds))} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"
