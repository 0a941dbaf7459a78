"""Download one web page for import: size, time and type limits, and text decoding."""

from __future__ import annotations

import codecs
import functools
import re
import ssl
import threading
import time
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import charset_normalizer
import httpx

from desktop.core.errors import CuttingsError
from desktop.core.urls import check_url

MAX_REDIRECTS = 10
MAX_BYTES = 20 * 1024 * 1024  # the largest page (or saved file) we import, decompressed
HTML_TYPES = ("text/html", "application/xhtml+xml")
# What feeds are served as: an address may be a feed (its entries are imported) or a page.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/x-rss+xml", "application/x-atom+xml")  # the x- forms: older servers' (Apache's own list)
HEADERS = {
    "User-Agent": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
    ),
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9",
    # Only what _decompress handles with a bounded output size.
    "Accept-Encoding": "gzip, deflate",
}
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_NON_TEXT = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)
_SPACES = re.compile(rb"\s+")
_SAMPLE_BYTES = 1024 * 1024
# UTF-16/32 HTML always starts with a BOM in practice, handled before any guess.
# More than this share of control characters, undecodable bytes and unassigned code points
# makes a file binary: a page with a few mis-encoded letters stays text.
BINARY_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_BAD_CATEGORIES = frozenset(("Cc", "Cn", "Cs"))
_PLAIN_TEXT = re.compile(r"[ -~\t\n\r\f\v]+")  # printable ASCII and _TEXT_CONTROLS
_NO_GUESS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Labels browsers read as a wider encoding than their name (WHATWG Encoding Standard):
# a page sent as "iso-8859-1" really uses windows-1252 curly quotes, and so on.
_WIDER = {
    "iso8859_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254", "iso8859_11": "cp874",
    "tis_620": "cp874", "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030",
    "gbk": "gb18030", "big5": "big5hkscs",
}


class DownloadError(CuttingsError):
    """A download that failed, with what a retry needs to know: the HTTP `status` (None when
    no answer came), the `retry_after` header as sent, and whether trying again later may
    succeed (`transient`: 429, 5xx, a timeout, a dropped connection)."""

    def __init__(self, message: str, status: int | None = None, retry_after: str | None = None,
                 transient: bool = False):
        super().__init__(message)
        self.status, self.retry_after, self.transient = status, retry_after, transient


@dataclass
class Page:
    """A downloaded web page.

    content_type is the media type the site sent ("text/html" when it sent none and the
    body looked like HTML); raw holds the body as received, after undoing any
    Content-Encoding; declared is the charset the site declared in its Content-Type (None:
    none); status and headers are the final response's, headers in the order received
    ([(name, value), ...]). decode_html(raw, declared) gives its text (pipeline.decode does,
    in an analysis worker).
    """

    url: str
    final_url: str
    content_type: str
    raw: bytes
    declared: str | None = None
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)


def read_local(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a local file of at most `limit` bytes; CuttingsError (one sentence) when
    it is larger or cannot be read."""
    try:
        if path.stat().st_size > limit:
            raise CuttingsError(f"The file is larger than {limit // 2**20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise CuttingsError(f"Cannot read the file: {exc.strerror}") from exc


def _codec(label: str | None) -> str | None:
    """The Python codec for an encoding label as a browser would read it, None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    return codecs.lookup(_WIDER.get(name, name)).name


def _text_sample(raw: bytes) -> bytes:
    """The page's words without markup, scripts or runs of spaces: what a guess should rest on."""
    sample = _NON_TEXT.sub(b" ", raw[:_SAMPLE_BYTES])
    return _SPACES.sub(b" ", sample)


def _valid_utf8(raw: bytes) -> bool:
    """Bytes beyond ASCII that decode as strict UTF-8: text in any other encoding almost never
    does, so a declaration that says otherwise is stale (a page re-saved as UTF-8)."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def is_binary(raw: bytes, text: str, encoding: str) -> bool:
    """True if `text`, `raw` decoded in `encoding` by decode_html, is no text but binary data:
    it holds a NUL, or more than BINARY_SHARE of its characters are control characters,
    undecodable bytes or unassigned code points, or it is UTF-16 of an odd byte length or
    without a single ASCII character (a UTF-16 byte-order mark before garbage decodes to CJK
    noise, while real UTF-16 text has at least a space, a newline or a tag)."""
    sample = text[:_SAMPLE_BYTES]
    if "\x00" in sample:
        return True
    body = len(raw) - (2 if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else 0)
    if encoding.startswith("utf-16") and (body % 2 or not any(c.isascii() for c in sample)):
        return True
    # Printable ASCII and the text controls are never bad: the rest (mostly a few letters beyond
    # ASCII) is judged a distinct character at a time. Judging every character of a page in
    # Python cost 33 ms a corpus page, a third of importing it; this, 1.5 ms.
    rest = _PLAIN_TEXT.sub("", sample)
    bad = sum(rest.count(c) for c in set(rest)
              if (c not in _TEXT_CONTROLS and unicodedata.category(c) in _BAD_CATEGORIES) or c == "\ufffd")
    return bad > BINARY_SHARE * max(len(sample), 1)


def decode_html(raw: bytes, header_charset: str | None) -> tuple[str, str]:
    """Decode an HTML document; return (text, codec used). Never raises on bad bytes.

    The order is a byte-order mark, then the charset the server declared, then a
    <meta charset> or http-equiv in the first 4 KB, then valid UTF-8, then
    charset-normalizer's guess. A BOM comes first, as in browsers, because it cannot be
    there by accident while a server's charset often is a wrong default. A declared
    charset is read as browsers read it ("iso-8859-1" as windows-1252), except when the
    bytes are valid UTF-8 beyond ASCII: then the declaration is stale and UTF-8 wins.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace"), encoding
    declared = _codec(header_charset)
    if declared is None:
        match = _META_CHARSET.search(raw[:4096])
        declared = _codec(match.group(1).decode("ascii")) if match else None
        if declared and declared.startswith("utf-16"):
            declared = "utf-8"  # bytes this meta tag could be read in are not UTF-16
    if declared is not None and declared != "utf-8" and _valid_utf8(raw):
        return raw.decode("utf-8"), "utf-8"
    if declared is not None:
        return raw.decode(declared, errors="replace"), declared
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(_text_sample(raw), cp_exclusion=_NO_GUESS).best()
    encoding = _codec(guess.encoding) if guess is not None else None
    encoding = encoding or "utf-8"
    return raw.decode(encoding, errors="replace"), encoding


@functools.cache
def _tls() -> ssl.SSLContext:
    """The certificate checks every download's client uses (httpx's defaults: certifi's
    roots, or SSL_CERT_FILE / SSL_CERT_DIR). Made once per process: loading the roots costs
    ~20 ms of CPU, more than the rest of a local page's download."""
    return httpx.create_ssl_context()


_clients = threading.local()  # .client: the thread's own (_thread_client)
_tls_lock = threading.Lock()
KEEP_ALIVE = 4
"""How many connections a thread's client keeps open for a site's next page: a few, as its
pool goes through every one of them, polling its socket, for every request."""


def _thread_client() -> httpx.Client:
    """The calling thread's client, made on its first download: making one reads the proxy
    settings from the environment (a good part of a local page's download CPU), and one that
    lives on keeps its connection to a site open for the site's next page. Threads never
    share one: a client's cookies are the caller's to clear."""
    client = getattr(_clients, "client", None)
    if client is None:
        with _tls_lock:  # the download threads start together: one makes the context, the others wait
            context = _tls()
        client = httpx.Client(verify=context, limits=httpx.Limits(max_keepalive_connections=KEEP_ALIVE))
        _clients.client = client
    return client


def _seconds(n: float) -> str:
    return "1 second" if n == 1 else f"{n:g} seconds"


def _size_words(n: int) -> str:
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def _decompress(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """Undo a Content-Encoding, never producing more than _CHUNK bytes at a time.

    httpx's own decoder inflates each network read in one piece (one 64 KB read of a
    gzip bomb is 64 MB), so the body is read raw and inflated here in bounded steps.
    """
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise CuttingsError(f"The site sent the page in a compression Cuttings cannot read ({encoding})")
    # 32 + MAX_WBITS reads gzip and zlib headers; some servers send raw deflate (-MAX_WBITS).
    inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)
    first = True
    try:
        for chunk in chunks:
            if first and encoding == "deflate" and chunk and (chunk[0] & 0x0F) != 8:
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            first = False
            data = chunk
            while data:
                yield inflater.decompress(data, _CHUNK)
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error:
        raise CuttingsError("The site sent a damaged compressed page") from None


def _read_body(response: httpx.Response, deadline: float, timeout: float, max_bytes: int) -> bytes:
    body = bytearray()
    encoding = response.headers.get("content-encoding", "").strip().lower()
    for piece in _decompress(response.iter_raw(), encoding):
        body += piece
        if len(body) > max_bytes:
            raise CuttingsError(f"The page is larger than {_size_words(max_bytes)}")
        # Checked per piece so a server trickling bytes cannot outlast the whole-download limit.
        if time.monotonic() > deadline:
            raise CuttingsError(f"The page did not finish downloading within {_seconds(timeout)}")
    return bytes(body)


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _check_headers(response: httpx.Response, max_bytes: int, accept: tuple[str, ...] = HTML_TYPES) -> None:
    """Refuse an error status, a media type not in `accept` or an oversized body before reading it."""
    if not response.is_success:
        status = response.status_code
        reason = httpx.codes.get_reason_phrase(status) or response.reason_phrase
        raise DownloadError(f"The site answered {status} {reason}".rstrip(), status,
                            response.headers.get("retry-after"), status == 429 or status >= 500)
    media_type = _media_type(response)
    if media_type and media_type not in accept:
        raise CuttingsError(f"Not a web page: {media_type}")
    length = response.headers.get("content-length", "")
    # A compressed length says little about the inflated size, so only plain bodies are judged.
    if not response.headers.get("content-encoding") and length.isdigit() and int(length) > max_bytes:
        raise CuttingsError(f"The page is larger than {_size_words(max_bytes)}")


def _send(client: httpx.Client, url: str, deadline: float, timeout: float, connect_timeout: float) -> httpx.Response:
    """GET url following redirects by hand, each hop limited to the time still left."""
    request = client.build_request("GET", url, headers=HEADERS)
    seen: list[str] = []
    while True:
        left = max(deadline - time.monotonic(), 0.001)
        request.extensions = {
            **request.extensions,
            "timeout": {"connect": min(connect_timeout, left), "read": left, "write": left, "pool": left},
        }
        seen.append(str(request.url))
        response = client.send(request, stream=True, follow_redirects=False)
        if response.next_request is None:
            return response
        response.close()
        request = response.next_request
        if request.url.scheme not in ("http", "https"):
            raise CuttingsError(f"The site redirected to a link that is not http or https ('{request.url.scheme}:')")
        if len(seen) > MAX_REDIRECTS:
            if len(set(seen)) < len(seen):
                raise CuttingsError("Redirect loop: the site keeps sending the request back to the same address")
            raise CuttingsError(f"Too many redirects (more than {MAX_REDIRECTS})")


def _words(error: Exception) -> str:
    """An httpx/OS error as a short phrase: "[Errno 111] Connection refused" -> "Connection refused"."""
    text = str(error) or type(error).__name__
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text)


def _received(headers: httpx.Headers) -> list[tuple[str, str]]:
    """Response headers as the server spelled them (HTTP/1.1 header bytes are Latin-1, RFC 9110 5.5)."""
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers.raw]


def fetch(
    url: str,
    *,
    timeout: float = 30.0,
    connect_timeout: float = 10.0,
    max_bytes: int = MAX_BYTES,
    client: httpx.Client | None = None,
    accept: tuple[str, ...] = HTML_TYPES,
) -> Page:
    """Download an HTML page (or another of the media types `accept` lists, such as a feed's);
    raise CuttingsError with a message for the user on any failure.

    timeout bounds the whole download, redirects included. Without `client`, the calling
    thread's own one is used (_thread_client). No cookies survive between calls: the
    client's are cleared first.
    """
    url = check_url(url)
    host = urlsplit(url).hostname
    deadline = time.monotonic() + timeout
    client = client or _thread_client()
    client.cookies.clear()
    try:
        response = _send(client, url, deadline, timeout, connect_timeout)
        try:
            _check_headers(response, max_bytes, accept)
            raw = _read_body(response, deadline, timeout, max_bytes)
        finally:
            response.close()
    except httpx.ConnectTimeout:
        if time.monotonic() >= deadline:
            raise DownloadError(f"The site did not answer within {_seconds(timeout)}", transient=True) from None
        raise DownloadError(f"Could not connect to {host}: no answer within {_seconds(connect_timeout)}",
                            transient=True) from None
    except httpx.TimeoutException:
        raise DownloadError(f"The site did not answer within {_seconds(timeout)}", transient=True) from None
    except httpx.ConnectError as error:
        raise DownloadError(f"Could not connect to {host}: {_words(error)}",
                            transient="reset" in str(error).lower()) from error
    except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as error:  # a dropped connection
        raise DownloadError(f"Could not download the page from {host}: {_words(error)}", transient=True) from error
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
        raise CuttingsError(f"Could not download the page from {host}: {_words(error)}") from error

    media_type = _media_type(response)
    if not media_type:
        if accept == HTML_TYPES and not _HTML_START.search(raw[:1024]):
            raise CuttingsError("Not a web page: the site did not say what it sent, and it is not HTML")
        media_type = "text/html"
    return Page(url=url, final_url=str(response.url), content_type=media_type, raw=raw,
                declared=response.charset_encoding, status=response.status_code, headers=_received(response.headers))
