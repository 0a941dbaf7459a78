"""Polite downloads against a local server that counts its connections: at most two at a
time to one host, their starts apart, Retry-After honoured, 429/5xx retried a bounded number
of times, and a page that is gone not retried at all."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from werkzeug import Response

from desktop.core import polite
from desktop.core.fetch import DownloadError, decode_html
from tests.test_cli import ARTICLE


class Counted:
    """A handler that answers with `answers` in turn (the last one from then on), keeping
    when each request came and the most it served at once."""

    def __init__(self, *answers: tuple[int, dict], hold: float = 0.0):
        self.answers, self.hold = list(answers), hold
        self.times: list[float] = []
        self.running = self.most = 0
        self.lock = threading.Lock()

    def __call__(self, _request):
        with self.lock:
            self.times.append(time.monotonic())
            self.running += 1
            self.most = max(self.most, self.running)
            status, headers = self.answers[min(len(self.times), len(self.answers)) - 1]
        time.sleep(self.hold)
        with self.lock:
            self.running -= 1
        body = ARTICLE if status == 200 else "busy"
        return Response(body, status=status, headers=headers, content_type="text/html")


def test_retry_after_is_honoured_then_a_503_is_retried_until_the_page_comes(httpserver):
    handler = Counted((429, {"Retry-After": "1"}), (503, {}), (200, {}))
    httpserver.expect_request("/busy").respond_with_handler(handler)
    page = polite.get(httpserver.url_for("/busy"), gate=polite.Gate(pause=0))
    assert "Belgrade" in decode_html(page.raw, page.declared)[0] and len(handler.times) == 3
    assert handler.times[1] - handler.times[0] >= 0.95  # the site asked for a second


def test_retries_are_bounded_and_a_missing_page_is_not_retried(httpserver):
    always = Counted((503, {}))
    httpserver.expect_request("/down").respond_with_handler(always)
    with pytest.raises(DownloadError) as failed:
        polite.get(httpserver.url_for("/down"), gate=polite.Gate(pause=0))
    assert failed.value.status == 503 and len(always.times) == polite.ATTEMPTS

    gone = Counted((404, {}))
    httpserver.expect_request("/gone").respond_with_handler(gone)
    with pytest.raises(DownloadError, match="404"):
        polite.get(httpserver.url_for("/gone"), gate=polite.Gate(pause=0))
    assert len(gone.times) == 1


def test_two_downloads_at_most_to_one_host_their_starts_apart(httpserver, monkeypatch):
    handler = Counted((200, {}), hold=0.3)
    httpserver.expect_request("/slow").respond_with_handler(handler)
    gate = polite.Gate(pause=0.1)
    starts, fetch = [], polite.fetch

    def timed(url, **options):  # when the gate lets each request go, seen from this side
        starts.append(time.monotonic())
        return fetch(url, **options)

    monkeypatch.setattr(polite, "fetch", timed)
    with ThreadPoolExecutor(6) as threads:
        pages = list(threads.map(lambda n: polite.get(httpserver.url_for(f"/slow?n={n}"), gate=gate), range(6)))
    assert len(pages) == 6 and handler.most == 2
    assert len(starts) == 6
    starts.sort()
    assert all(b - a >= 0.09 for a, b in zip(starts, starts[1:]))


def test_retry_after_as_an_http_date_and_its_cap():
    now = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
    assert polite.parse_retry_after("Tue, 14 Nov 2023 22:14:00 GMT", now) == 40
    assert polite.parse_retry_after("Tue, 14 Nov 2023 22:00:00 GMT", now) == 0
    assert polite.parse_retry_after("soon", now) is None and polite.parse_retry_after(None) is None
    asked_too_long = DownloadError("The site answered 429", 429, "86400", transient=True)
    assert polite.retry_delay(asked_too_long, 1) == polite.RETRY_AFTER_MAX_S
    backoff = [polite.retry_delay(DownloadError("x", 503, None, True), n) for n in (1, 2, 3)]
    assert [round(b / polite.BACKOFF_S) for b in backoff] == [1, 2, 4]


def test_a_host_that_cannot_be_reached_three_times_in_a_row_fails_its_other_pages_at_once(monkeypatch):
    """A dead site's pages fail without a pause each once three in a row could not connect;
    another site, and the same site once it answers, are tried as ever."""
    import socket

    with socket.socket() as closed:  # a port nothing listens on: connection refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    gate, tries = polite.Gate(pause=0.3), []
    real = polite.fetch
    monkeypatch.setattr(polite, "fetch", lambda url, **kw: (tries.append(url), real(url, **kw))[1])
    started = time.monotonic()
    for n in range(8):
        with pytest.raises(DownloadError, match="Could not connect to 127.0.0.1"):
            polite.get(f"http://127.0.0.1:{port}/{n}", gate=gate)
    assert len(tries) == polite.UNREACHABLE_AFTER  # the other five failed without a try
    assert time.monotonic() - started < 0.3 * polite.UNREACHABLE_AFTER + 0.5  # and without a pause each
    assert gate.unreachable(f"http://localhost:{port}/x") is None  # another host name
    assert gate.unreachable("http://127.0.0.1:1/x") is None  # another port
    gate.tried(f"http://127.0.0.1:{port}/9", None)  # it answered after all
    assert gate.unreachable(f"http://127.0.0.1:{port}/10") is None
