"""The browser connector's listener: what it refuses, what it takes, and the pipeline after it."""

from __future__ import annotations

import hashlib
import http.client
import json

import pytest

from desktop.core import batch
from desktop.core.article import BROWSER
from desktop.core.connector import pairing, running
from desktop.core.connector.capture import LINK, PAGE, Capture, parse_capture
from desktop.core.connector.listener import CHROMIUM_ORIGIN, MAX_BODY_BYTES, Listener
from desktop.core.errors import CuttingsError
from desktop.core.store.archive import EXISTS, SAVED, original_of
from desktop.core.store.captures import evidence_of
from desktop.core.store.db import Archive
from tests.capture_helpers import import_capture, work_job

TOKEN = "k" * 43
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9"
PARAGRAPH = ("The harbour authority said on Tuesday that the new quay would open in spring, "
             "after two years of work and a long dispute over its cost. ")
DOM = ("<!DOCTYPE html>\n<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1>"
       + "".join(f"<p>{PARAGRAPH * 3} Ünïcode № {i}.</p>" for i in range(4)) + "</article></body></html>")


@pytest.fixture
def received():
    return []


@pytest.fixture
def listener(received):
    def take(capture: Capture) -> str:
        received.append(capture)
        return "Saving in Cuttings."

    running_listener = Listener(take, TOKEN, ports=(0,))
    running_listener.start()
    yield running_listener
    running_listener.stop()


def post(listener, body=None, *, method="POST", path="/capture", origin=CHROMIUM_ORIGIN, token=TOKEN,
         host=None, content_type="application/json", headers=None):
    """(status, JSON reply) of one request to the listener."""
    data = json.dumps(body if body is not None else {"kind": PAGE, "url": "https://example.org/a",
                                                       "title": "A", "html": DOM}).encode()
    sent = {"Host": host or f"127.0.0.1:{listener.port}", "Content-Type": content_type}
    if origin:
        sent["Origin"] = origin
    if token:
        sent["Authorization"] = f"Bearer {token}"
    sent.update(headers or {})
    conn = http.client.HTTPConnection("127.0.0.1", listener.port, timeout=10)
    conn.request(method, path, body=data if method not in ("GET", "HEAD") else None, headers=sent)
    reply = conn.getresponse()
    text = reply.read()
    conn.close()
    assert reply.getheader("X-Cuttings") == "1"
    assert reply.getheader("Access-Control-Allow-Origin") is None
    return reply.status, (json.loads(text) if text else {})


def test_the_extension_origins_with_the_token_are_taken(listener, received):
    assert post(listener) == (202, {"ok": True, "message": "Saving in Cuttings."})
    assert post(listener, origin=FIREFOX, host=f"localhost:{listener.port}")[0] == 202
    assert [c.url for c in received] == ["https://example.org/a"] * 2
    assert received[0].html == DOM


@pytest.mark.parametrize("origin", ["https://evil.example", "http://127.0.0.1:8000", "null",
                                    "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                                    "moz-extension://not-a-uuid", None])
def test_a_foreign_origin_is_refused_even_with_the_token(listener, received, origin, caplog):
    status, reply = post(listener, origin=origin)
    assert (status, reply["error"]) == (403, "foreign-origin")
    assert not received
    assert "foreign-origin" in caplog.text and TOKEN not in caplog.text


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN[:-1], TOKEN + "x"])
def test_an_unpaired_request_is_refused(listener, received, token):
    status, reply = post(listener, token=token)
    assert (status, reply["error"]) == (401, "not-paired")
    assert "not paired" in reply["message"] and not received


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1", "localhost:1", "127.0.0.1.nip.io:{port}"])
def test_a_foreign_host_is_refused_against_dns_rebinding(listener, received, host):
    status, reply = post(listener, host=host.format(port=listener.port))
    assert (status, reply["error"]) == (403, "bad-host") and not received


@pytest.mark.parametrize("method", ["GET", "OPTIONS", "PUT", "DELETE", "HEAD"])
def test_only_post_is_accepted(listener, received, method):
    status, reply = post(listener, method=method)
    assert status == 405 and not received
    if method != "HEAD":
        assert reply["error"] == "wrong-method"


def test_a_body_over_the_cap_is_refused_as_too_large_before_it_is_read(listener, received):
    conn = http.client.HTTPConnection("127.0.0.1", listener.port, timeout=10)
    conn.putrequest("POST", "/capture", skip_host=True)
    for name, value in (("Host", f"127.0.0.1:{listener.port}"), ("Origin", CHROMIUM_ORIGIN),
                        ("Authorization", f"Bearer {TOKEN}"), ("Content-Type", "application/json"),
                        ("Content-Length", str(MAX_BODY_BYTES + 1))):
        conn.putheader(name, value)
    conn.endheaders()  # the body never comes: the answer must not wait for it
    reply = conn.getresponse()
    answer = json.loads(reply.read())
    conn.close()
    assert (reply.status, answer["error"]) == (413, "too-large") and "too large" in answer["message"]
    assert not received


@pytest.mark.parametrize(("kwargs", "status", "error"), [
    ({"content_type": "text/plain"}, 415, "not-json"),
    ({"path": "/"}, 404, "not-found"),
    ({"body": {"kind": "page", "url": "file:///etc/passwd", "html": DOM}}, 400, "bad-capture"),
    ({"body": {"kind": "page", "url": "https://example.org/a", "html": " "}}, 400, "bad-capture"),
    ({"body": ["a list"]}, 400, "bad-capture"),
])
def test_what_is_not_a_capture_is_refused(listener, received, kwargs, status, error):
    assert (lambda s, r: (s, r["error"]))(*post(listener, **kwargs)) == (status, error)
    assert not received


def test_the_listener_falls_back_to_the_next_port(received):
    first = Listener(received.append, TOKEN, ports=(0,))
    port = first.start()
    second = Listener(received.append, TOKEN, ports=(port, 0))
    try:
        assert second.start() not in (port, 0)
        with pytest.raises(CuttingsError, match="all taken"):
            Listener(received.append, TOKEN, ports=(port,)).start()
    finally:
        first.stop()
        second.stop()


def test_parse_capture_keeps_the_dom_and_cuts_a_runaway_title():
    capture = parse_capture(json.dumps({"kind": PAGE, "url": " https://example.org/x ", "title": "T  \n" * 600,
                                        "html": DOM, "selection": "  quay  "}).encode())
    assert capture.url == "https://example.org/x" and capture.html == DOM and capture.selection == "quay"
    assert len(capture.title) == 1000
    link = parse_capture(json.dumps({"kind": LINK, "url": "https://example.org/l", "html": "<p>x</p>"}).encode())
    assert link.html == ""
    for bad in (b"\xff", b"{}", json.dumps({"kind": PAGE, "url": "https://e.org", "html": 5}).encode()):
        with pytest.raises(ValueError):
            parse_capture(bad)


def test_a_capture_queued_before_a_crash_is_analysed_at_the_next_start(archive: Archive):
    batch.enqueue_capture(archive, Capture(PAGE, "https://example.org/quay", "Quay opens", DOM))
    [job] = batch.resume(archive)  # the window that took it was killed before analysing it
    outcome = work_job(archive, job, entities=False)
    assert outcome.status == SAVED and original_of(archive, outcome.id).data == DOM.encode("utf-8")
    assert batch.resume(archive) == []


def test_a_capture_is_stored_with_exactly_the_dom_sent(archive: Archive):
    capture = Capture(PAGE, "https://example.org/quay", "Quay opens", DOM)
    outcome = import_capture(archive, capture, entities=False)
    assert outcome.status == SAVED
    original = original_of(archive, outcome.id)
    assert original.data == DOM.encode("utf-8") and original.charset == "utf-8"
    with archive.session() as session:
        [evidence] = evidence_of(session, outcome.id)
    assert (evidence.method, evidence.final_url) == (BROWSER, "https://example.org/quay")
    assert evidence.sha256 == hashlib.sha256(DOM.encode("utf-8")).hexdigest()
    assert import_capture(archive, capture, entities=False).status == EXISTS


def test_the_selection_is_the_text_of_a_page_without_an_article(archive: Archive):
    page = "<html><body><div id=app></div><script>boot()</script></body></html>"
    with pytest.raises(CuttingsError, match="No article text"):
        import_capture(archive, Capture(PAGE, "https://example.org/app", "App", page), entities=False)
    outcome = import_capture(archive, Capture(PAGE, "https://example.org/app", "App", page,
                                              selection=PARAGRAPH * 2), entities=False)
    assert outcome.status == SAVED


def test_pairing_token_is_made_once_and_private(config_file):
    token = pairing.pairing_token()
    assert len(token) >= 40 and pairing.pairing_token() == token
    assert (pairing.token_path().stat().st_mode & 0o777) == 0o600
    assert pairing.token_matches(token, token) and not pairing.token_matches(None, token)


def test_status_reads_the_running_windows_port_file(tmp_path, monkeypatch, listener):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    db = tmp_path / "a.sqlite3"
    assert running.status(db) == {"port": None, "listening": False}
    running.write_port(db, listener.port)
    assert running.status(db) == {"port": listener.port, "listening": True}
    running.remove_port(db, listener.port)
    assert not running.port_file(db).exists()


def test_cli_pair_and_status(cli, config_file):
    code, out, _ = cli("connector", "pair", db=False)
    assert code == 0 and out.strip() == pairing.pairing_token()
    code, out, _ = cli("connector", "status", "--json")
    assert code == 0 and json.loads(out) == {"port": None, "listening": False}
