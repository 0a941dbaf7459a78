"""The app's listener for the browser extension: HTTP on 127.0.0.1, while a window runs.

It takes one thing, `POST /capture` with a JSON body (see capture.parse_capture), and refuses
everything it cannot authenticate, each refusal logged (never the token):

- 405 any other method, 404 any other path;
- 403 a `Host` other than 127.0.0.1:PORT or localhost:PORT (a web page reaching us through
  DNS rebinding names its own host);
- 403 an `Origin` other than the extension's: Chromium's is fixed by the manifest's key,
  Firefox gives each install its own moz-extension:// UUID; a web page's origin is refused
  whatever token it guessed;
- 401 a missing or wrong pairing token (`Authorization: Bearer TOKEN`, compared in constant
  time): the extension says "not paired";
- 415 a body that is not JSON, 411 one without a length, 413 one over MAX_BODY_BYTES;
- 400 JSON that is not a capture.

A web page cannot even send what passes: a cross-origin JSON POST needs a CORS preflight
(OPTIONS), which is refused, and no reply carries Access-Control-Allow-Origin.
Accepted captures go to the `on_capture` callback, on the listener's thread.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desktop.core.connector.capture import Capture, parse_capture
from desktop.core.connector.pairing import token_matches
from desktop.core.errors import CuttingsError, describe

log = logging.getLogger(__name__)

DEFAULT_PORT = 47815  # unassigned by IANA; the extension tries the same ports in the same order
PORTS = tuple(range(DEFAULT_PORT, DEFAULT_PORT + 5))
MAX_BODY_BYTES = 20 * 1024 * 1024  # 20 MB: a long page with inline images is a few MB
CAPTURE_PATH = "/capture"
# The Chromium extension's id follows from the public key in connector/manifest.json.
CHROMIUM_ORIGIN = "chrome-extension://pmjapohmlffiidkoecahnmmeajhldjkg"
FIREFOX_ORIGIN = re.compile(r"moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
REQUEST_TIMEOUT_S = 30  # a client that stops sending mid-body is dropped
ACCEPTED = 202

OnCapture = Callable[[Capture], str]  # returns the sentence the extension shows


class Refused(Exception):
    """A request the listener does not take: its HTTP status, a short reason the extension
    maps to its message ("not-paired", "too-large"...), and one sentence."""

    def __init__(self, status: int, reason: str, sentence: str):
        super().__init__(sentence)
        self.status, self.reason = status, reason


def check_request(method: str, path: str, headers, port: int, token: str) -> int:
    """Check everything but the body of a request to the listener on `port`; return the
    body's length in bytes. Raises Refused (see the module's list)."""
    if method != "POST":
        raise Refused(405, "wrong-method", "Only POST is accepted.")
    if path != CAPTURE_PATH:
        raise Refused(404, "not-found", f"Only {CAPTURE_PATH} is served.")
    if headers.get("Host") not in (f"127.0.0.1:{port}", f"localhost:{port}"):
        raise Refused(403, "bad-host", "The request was not addressed to this computer's Cuttings.")
    origin = headers.get("Origin") or ""
    if origin != CHROMIUM_ORIGIN and not FIREFOX_ORIGIN.fullmatch(origin):
        raise Refused(403, "foreign-origin", "Only the Cuttings browser extension may send captures.")
    scheme, _, given = (headers.get("Authorization") or "").partition(" ")
    if scheme != "Bearer" or not token_matches(given.strip(), token):
        raise Refused(401, "not-paired", "The extension is not paired with Cuttings: the token does not match.")
    if (headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
        raise Refused(415, "not-json", "A capture must be sent as JSON.")
    length = headers.get("Content-Length")
    if length is None:
        raise Refused(411, "no-length", "A capture must say its length.")
    if not length.isdigit():
        raise Refused(400, "bad-length", "The capture's length is not a number.")
    if int(length) > MAX_BODY_BYTES:
        raise Refused(413, "too-large", f"The page is too large: over {MAX_BODY_BYTES // 2**20} MB.")
    return int(length)


class _Handler(BaseHTTPRequestHandler):
    server_version = "Cuttings"
    timeout = REQUEST_TIMEOUT_S

    def do_POST(self) -> None:  # noqa: N802 (http.server's names)
        self.server.listener.answer(self)

    do_GET = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST  # all refused: 405

    def log_message(self, *args) -> None:
        """Quiet: refusals are logged by the listener, with their reasons."""


class Listener:
    """An HTTP listener on the first free port of `ports` on 127.0.0.1, on its own threads."""

    def __init__(self, on_capture: OnCapture, token: str, ports: tuple[int, ...] = PORTS):
        self._on_capture, self._token, self._ports = on_capture, token, ports
        self._server: ThreadingHTTPServer | None = None
        self.port: int | None = None

    def start(self) -> int:
        """Listen; return the port. Raises CuttingsError when every port is taken."""
        for port in self._ports:
            try:
                server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
            except OSError:
                continue
            server.daemon_threads = True
            server.listener = self
            self._server, self.port = server, server.server_address[1]  # port 0: the one the system chose
            threading.Thread(target=server.serve_forever, name=f"connector-{self.port}", daemon=True).start()
            return self.port
        raise CuttingsError(f"The browser connector cannot listen: ports {self._ports[0]}–{self._ports[-1]} "
                            "on 127.0.0.1 are all taken.")

    def stop(self) -> None:
        """Stop listening (waits for the serving loop, not for requests in flight)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        """Check one request, hand its capture on, and reply (called on a request thread)."""
        try:
            length = check_request(request.command, request.path, request.headers, self.port, self._token)
            capture = parse_capture(request.rfile.read(length))
        except Refused as exc:
            self._refuse(request, exc)
            return
        except (ValueError, CuttingsError) as exc:
            self._refuse(request, Refused(400, "bad-capture", str(exc)))
            return
        try:
            _reply(request, ACCEPTED, {"ok": True, "message": self._on_capture(capture)})
        except CuttingsError as exc:
            _reply(request, 422, {"error": "not-saved", "message": str(exc)})
        except Exception as exc:  # the extension gets a sentence, the log the rest
            log.exception("The browser connector failed on a capture of %s", capture.url)
            _reply(request, 500, {"error": "failed", "message": f"Cuttings could not take the page: {describe(exc)}"})

    def _refuse(self, request: BaseHTTPRequestHandler, exc: Refused) -> None:
        headers = request.headers
        log.warning("Browser connector refused %s %s (%s): %s Origin %r, Host %r", request.command,
                    request.path[:100], exc.reason, exc, headers.get("Origin"), headers.get("Host"))
        request.close_connection = True  # an unread body must not be read as the next request
        _reply(request, exc.status, {"error": exc.reason, "message": str(exc)})


def _reply(request: BaseHTTPRequestHandler, status: int, body: dict) -> None:
    data = json.dumps(body).encode("utf-8")
    request.send_response(status)
    request.send_header("Content-Type", "application/json")
    request.send_header("Content-Length", str(len(data)))
    request.send_header("X-Cuttings", "1")  # tells the extension this port is Cuttings, not another program
    request.end_headers()
    if request.command != "HEAD":
        request.wfile.write(data)
