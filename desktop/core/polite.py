"""Downloads that are kind to the sites they come from, and patient with their hiccups.

Every download of the pipeline goes through `get`: at most PER_HOST requests to one host at
a time, their starts PAUSE_S apart, and a failure that may pass (429, 5xx, a timeout, a
dropped connection) tried again after an exponential backoff or the site's own Retry-After.
"""

from __future__ import annotations

import os
import random
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from desktop.core.fetch import DownloadError, Page, fetch

PER_HOST = 2
"""Requests to one host at a time: what browsers' early HTTP/1.1 advice (RFC 2616 §8.1.4)
asked of any client, and what Karakeep and Wallabag importers settled on after sites blocked
them for more."""

PAUSE_S = float(os.environ.get("CUTTINGS_HOST_PAUSE", "1.0"))
"""Seconds between the starts of two requests to one host: at most one page a second from a
site, the crawl delay most robots.txt files that set one ask for. A batch of links from many
sites is not slowed by it, as other hosts' pages are fetched meanwhile. The environment
variable CUTTINGS_HOST_PAUSE changes it (0 for a mirror of one's own)."""

ATTEMPTS = 4  # one try and three retries
BACKOFF_S = 2.0  # the first retry's wait; each next one waits twice as long (2, 4, 8 s)
RETRY_AFTER_MAX_S = 120.0  # a Retry-After longer than this is treated as "not today"
TOTAL_S = 180.0  # no page is tried on for longer than this, waits included
UNREACHABLE_AFTER = 3
"""Pages of a host in a row that could not connect at all (no such domain, connection
refused) after which its other pages fail at once with the same reason, for UNREACHABLE_FOR_S:
an old reading list holds many pages of sites that are gone, and at one page a second each
(PAUSE_S) 5,000 links of one dead site took 80 minutes to fail. `queue --retry-failed` tries
them again."""
UNREACHABLE_FOR_S = 600.0


@dataclass
class _Host:
    slots: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(PER_HOST))
    next_start: float = 0.0  # time.monotonic() before which no request may start
    busy: int = 0


class Gate:
    """The per-host limits, shared by all the download threads of a process."""

    def __init__(self, per_host: int = PER_HOST, pause: float | None = None):
        self.per_host = per_host
        self.pause = PAUSE_S if pause is None else pause
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        # By host and port (a port that refuses says nothing of another): pages in a row that
        # could not connect, and until when the site is taken to be gone, and why.
        self._unreached: dict[str, int] = {}
        self._gone: dict[str, tuple[float, DownloadError]] = {}

    def _host(self, host: str) -> _Host:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = _Host(threading.Semaphore(self.per_host))
            return self._hosts[host]

    def ready(self, url: str) -> bool:
        """True if a request to `url`'s host could start now without waiting (the batch
        runner hands such pages to its threads first)."""
        state = self._host(host_of(url))
        with self._lock:
            return state.busy < self.per_host and state.next_start <= time.monotonic()

    def enter(self, url: str) -> str:
        """Wait for a free slot of `url`'s host and for its pause; return the host (for leave)."""
        host = host_of(url)
        state = self._host(host)
        state.slots.acquire()
        with self._lock:
            state.busy += 1
            now = time.monotonic()
            start = max(now, state.next_start)
            state.next_start = start + self.pause
        time.sleep(start - now)
        return host

    def leave(self, host: str) -> None:
        """Free the slot `enter` took."""
        state = self._host(host)
        with self._lock:
            state.busy -= 1
        state.slots.release()

    def unreachable(self, url: str) -> DownloadError | None:
        """Why `url`'s site (host and port) is taken to be gone (UNREACHABLE_AFTER), or None."""
        with self._lock:
            gone = self._gone.get(_site(url))
            return gone[1] if gone and time.monotonic() < gone[0] else None

    def tried(self, url: str, error: DownloadError | None) -> None:
        """Count a request to `url`'s site that connected (`error` None or one with an answer)
        or could not (`error` without status nor hope of a retry)."""
        site = _site(url)
        with self._lock:
            if error is None or error.status is not None or error.transient:
                self._unreached.pop(site, None)
                self._gone.pop(site, None)
                return
            self._unreached[site] = self._unreached.get(site, 0) + 1
            if self._unreached[site] >= UNREACHABLE_AFTER:
                self._gone[site] = (time.monotonic() + UNREACHABLE_FOR_S, error)

    def hold_off(self, url: str, seconds: float) -> None:
        """Start no request to `url`'s host for `seconds` (the site asked us to wait)."""
        state = self._host(host_of(url))
        with self._lock:
            state.next_start = max(state.next_start, time.monotonic() + seconds)


GATE = Gate()


def _site(url: str) -> str:
    """The host and port part of `url`, lower case."""
    return urlsplit(url).netloc.lower()


def host_of(url: str) -> str:
    """The host part of `url`, lower case ("" when it has none)."""
    return (urlsplit(url).hostname or "").lower()


def retry_delay(error: DownloadError, attempt: int, now: float | None = None) -> float:
    """Seconds to wait before try number `attempt + 1` after `error`: the site's Retry-After
    (delta-seconds or an HTTP date, RFC 9110 §10.2.3) when it sent one, capped at
    RETRY_AFTER_MAX_S, else BACKOFF_S doubled per attempt with up to 10% jitter (so threads
    that failed together do not come back together)."""
    asked = parse_retry_after(error.retry_after, now)
    if asked is not None:
        return min(asked, RETRY_AFTER_MAX_S)
    return BACKOFF_S * 2 ** (attempt - 1) * (1 + random.random() / 10)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """A Retry-After header in seconds from now (`now`: Unix time, for tests); None when
    absent or unreadable; 0 for a date in the past."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def get(url: str, gate: Gate | None = None, **options) -> Page:
    """`fetch(url, **options)` within `gate`'s per-host limits (the process's GATE by
    default), tried up to ATTEMPTS times while the failure is transient and TOTAL_S allows;
    at once the reason of a host taken to be gone (UNREACHABLE_AFTER).
    Raises the last DownloadError (or CuttingsError) as fetch does."""
    gate = gate or GATE
    started, attempt = time.monotonic(), 1
    while True:
        if (gone := gate.unreachable(url)) is not None:
            raise DownloadError(str(gone), transient=False)
        host = gate.enter(url)
        try:
            page = fetch(url, **options)
            gate.tried(url, None)
            return page
        except DownloadError as error:
            gate.tried(url, error)
            delay = retry_delay(error, attempt)
            out_of_time = time.monotonic() - started + delay > TOTAL_S
            if not error.transient or attempt == ATTEMPTS or out_of_time:
                raise
            gate.hold_off(url, delay)  # the whole host waits: it is the host that is overloaded
        finally:
            gate.leave(host)
        attempt += 1
