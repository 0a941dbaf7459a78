import codecs
import gzip
import os
import socket
import time
import tracemalloc
import zlib

import httpx
import pytest
from werkzeug import Response

from desktop.core.errors import CuttingsError
from desktop.core.fetch import decode_html, fetch

MB = 1024 * 1024

RUSSIAN = (
    "Президент России провёл совещание с членами правительства. Обсуждались вопросы "
    "экономического развития регионов, строительства новых дорог и поддержки малого бизнеса. "
    "Министр финансов доложил о выполнении бюджета за первое полугодие."
)
GERMAN = "Die Straße ist für Fußgänger gesperrt, während die Bürger über die Änderungen diskutieren."
JAPANESE = (
    "東京都は新しい防災計画を発表しました。地震や台風に備えて、避難所の数を増やし、"
    "住民への情報提供を強化するということです。知事は記者会見で、計画の重要性を説明しました。"
)


def page(body: str, meta: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


def refused(url, **kwargs) -> str:
    with pytest.raises(CuttingsError) as caught:
        fetch(url, **kwargs)
    return str(caught.value)


# --- success, headers, redirects -------------------------------------------------


def test_fetches_a_page_with_browser_headers(httpserver):
    httpserver.expect_request("/story").respond_with_data(
        page("Hello"), content_type="text/html; charset=utf-8"
    )
    result = fetch(httpserver.url_for("/story"))
    assert result.url == result.final_url == httpserver.url_for("/story")
    assert result.content_type == "text/html"
    assert decode_html(result.raw, result.declared)[1] == "utf-8"
    assert "<p>Hello</p>" in decode_html(result.raw, result.declared)[0]
    assert result.raw == page("Hello").encode()
    request = httpserver.log[0][0]
    agent = request.headers["User-Agent"]
    assert agent.startswith("Mozilla/5.0 (") and "Chrome/" in agent and "httpx" not in agent.lower()
    assert request.headers["Accept"].startswith("text/html,application/xhtml+xml")
    assert request.headers["Accept-Encoding"] == "gzip, deflate"


def test_xhtml_is_accepted(httpserver):
    httpserver.expect_request("/x").respond_with_data(page("X"), content_type="application/xhtml+xml")
    assert fetch(httpserver.url_for("/x")).content_type == "application/xhtml+xml"


def test_redirect_keeps_final_url(httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid"})
    httpserver.expect_request("/mid").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data(page("Moved"), content_type="text/html")
    result = fetch(httpserver.url_for("/old"))
    assert result.url == httpserver.url_for("/old")
    assert result.final_url == httpserver.url_for("/new")
    assert "Moved" in decode_html(result.raw, result.declared)[0]


def _chain(httpserver, hops: int) -> None:
    for i in range(hops):
        httpserver.expect_request(f"/hop/{i}").respond_with_data(
            "", status=302, headers={"Location": f"/hop/{i + 1}"}
        )
    httpserver.expect_request(f"/hop/{hops}").respond_with_data(page("End"), content_type="text/html")


def test_ten_redirects_are_followed(httpserver):
    _chain(httpserver, 10)
    assert fetch(httpserver.url_for("/hop/0")).final_url == httpserver.url_for("/hop/10")


def test_more_than_ten_redirects_refused(httpserver):
    _chain(httpserver, 11)
    assert refused(httpserver.url_for("/hop/0")) == "Too many redirects (more than 10)"
    assert len(httpserver.log) == 11  # gave up without requesting the 12th address


def test_redirect_loop(httpserver):
    httpserver.expect_request("/ping").respond_with_data("", status=302, headers={"Location": "/pong"})
    httpserver.expect_request("/pong").respond_with_data("", status=302, headers={"Location": "/ping"})
    assert refused(httpserver.url_for("/ping")).startswith("Redirect loop")


def test_redirect_to_other_scheme_refused(httpserver):
    httpserver.expect_request("/r").respond_with_data("", status=302, headers={"Location": "ftp://example.com/f"})
    assert refused(httpserver.url_for("/r")) == "The site redirected to a link that is not http or https ('ftp:')"


# --- HTTP errors, timeouts, connection -------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "The site answered 404 Not Found"),
        (500, "The site answered 500 Internal Server Error"),
        (403, "The site answered 403 Forbidden"),
        (451, "The site answered 451 Unavailable For Legal Reasons"),
    ],
)
def test_error_status(httpserver, status, message):
    httpserver.expect_request("/e").respond_with_data(page("error page"), status=status, content_type="text/html")
    assert refused(httpserver.url_for("/e")) == message


def test_slow_answer_times_out(httpserver):
    def slow(request):
        time.sleep(1.5)
        return Response(page("late"), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    start = time.monotonic()
    assert refused(httpserver.url_for("/slow"), timeout=0.5) == "The site did not answer within 0.5 seconds"
    assert time.monotonic() - start < 1.2


def test_trickling_body_stops_at_total_deadline(httpserver):
    def trickle():
        yield b"<html><body>"
        for _ in range(100):  # 5 s in all, one byte every 50 ms: no single read ever times out
            time.sleep(0.05)
            yield b"x"

    httpserver.expect_request("/trickle").respond_with_handler(
        lambda request: Response(trickle(), content_type="text/html")
    )
    start = time.monotonic()
    message = refused(httpserver.url_for("/trickle"), timeout=1)
    elapsed = time.monotonic() - start
    assert message == "The page did not finish downloading within 1 second"
    assert 0.9 < elapsed < 2


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    message = refused(f"http://127.0.0.1:{port}/")
    assert message.startswith("Could not connect to 127.0.0.1: ")
    assert "refused" in message.lower()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "Only http and https links can be imported (got 'javascript:')"),
        ("file:///etc/passwd", "Only http and https links can be imported (got 'file:')"),
        ("ftp://127.0.0.1/x", "Only http and https links can be imported (got 'ftp:')"),
        ("data:text/html,<p>x</p>", "Only http and https links can be imported (got 'data:')"),
        ("not a url", "Not a valid web address: not a url"),
        ("http://", "Not a valid web address: http://"),
    ],
)
def test_refused_addresses_never_reach_the_network(url, message):
    def no_network(request):
        raise AssertionError(f"request sent to {request.url}")

    client = httpx.Client(transport=httpx.MockTransport(no_network))
    assert refused(url, client=client) == message


# --- cookies ---------------------------------------------------------------------


def test_no_cookies_kept_between_fetches(httpserver):
    httpserver.expect_request("/first").respond_with_data(
        page("1"), content_type="text/html", headers={"Set-Cookie": "session=abc; Path=/"}
    )
    httpserver.expect_request("/second").respond_with_data(page("2"), content_type="text/html")
    fetch(httpserver.url_for("/first"))
    fetch(httpserver.url_for("/second"))
    assert "Cookie" not in httpserver.log[1][0].headers


def test_passed_client_has_its_cookies_cleared(httpserver):
    httpserver.expect_request("/c").respond_with_data(page("c"), content_type="text/html")
    with httpx.Client() as client:
        client.cookies.set("old", "1", domain="127.0.0.1")
        fetch(httpserver.url_for("/c"), client=client)
    assert "Cookie" not in httpserver.log[0][0].headers


def test_cookie_set_during_redirects_is_sent_on(httpserver):
    # Consent pages set a cookie and redirect back; within one fetch that must work.
    httpserver.expect_request("/gate").respond_with_data(
        "", status=302, headers={"Location": "/inside", "Set-Cookie": "consent=yes; Path=/"}
    )
    httpserver.expect_request("/inside").respond_with_data(page("in"), content_type="text/html")
    fetch(httpserver.url_for("/gate"))
    assert httpserver.log[1][0].headers["Cookie"] == "consent=yes"


# --- content types -------------------------------------------------------------


def _endless():
    while True:
        yield b"\0" * 65536


@pytest.mark.parametrize("content_type", ["application/pdf", "application/json", "image/png", "text/plain"])
def test_non_html_refused_by_name_before_the_body(httpserver, content_type):
    # The body never ends: reading it would run into the size or time limit instead.
    httpserver.expect_request("/file").respond_with_handler(
        lambda request: Response(_endless(), content_type=content_type)
    )
    start = time.monotonic()
    assert refused(httpserver.url_for("/file"), timeout=5) == f"Not a web page: {content_type}"
    assert time.monotonic() - start < 1


def _without_content_type(body: bytes) -> Response:
    response = Response(body)
    del response.headers["Content-Type"]
    return response


def test_missing_content_type_sniffed_as_html(httpserver):
    httpserver.expect_request("/n").respond_with_response(_without_content_type(b"\n  " + page("sniffed").encode()))
    result = fetch(httpserver.url_for("/n"))
    assert result.content_type == "text/html"
    assert "sniffed" in decode_html(result.raw, result.declared)[0]


def test_missing_content_type_not_html_refused(httpserver):
    httpserver.expect_request("/n").respond_with_response(_without_content_type(b"\x89PNG\r\n\x1a\n" + os.urandom(500)))
    assert refused(httpserver.url_for("/n")).startswith("Not a web page: ")


# --- size limits -----------------------------------------------------------------


def test_page_of_25_mb_refused(httpserver):
    body = b"<html><body>" + b"a" * (25 * MB) + b"</body></html>"
    httpserver.expect_request("/big").respond_with_data(body, content_type="text/html")
    assert refused(httpserver.url_for("/big")) == "The page is larger than 20 MB"


def test_streamed_page_of_25_mb_refused(httpserver):
    # No Content-Length (chunked), so the limit is found while reading.
    chunks = [b"<html><body>"] + [b"a" * MB] * 25
    httpserver.expect_request("/big").respond_with_handler(
        lambda request: Response(iter(chunks), content_type="text/html")
    )
    assert refused(httpserver.url_for("/big")) == "The page is larger than 20 MB"


@pytest.mark.parametrize(("size", "ok"), [(1000, True), (1001, False)])
def test_max_bytes_override(httpserver, size, ok):
    body = b"<html>" + b"a" * (size - 6)
    httpserver.expect_request("/s").respond_with_handler(
        lambda request: Response(iter([body[:500], body[500:]]), content_type="text/html")
    )
    if ok:
        assert len(fetch(httpserver.url_for("/s"), max_bytes=1000).raw) == size
    else:
        assert refused(httpserver.url_for("/s"), max_bytes=1000) == "The page is larger than 1000 bytes"


def test_gzip_bomb_stops_at_the_limit_with_flat_memory(httpserver):
    bomb = gzip.compress(b"<html><body>" + b" " * (50 * MB), compresslevel=9)
    assert len(bomb) < 100 * 1024
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    tracemalloc.start()
    try:
        message = refused(httpserver.url_for("/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == "The page is larger than 20 MB"
    assert peak < 60 * MB


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
    ],
)
def test_compressed_page_is_inflated(httpserver, encoding, compress):
    body = page("Compressed " * 1000).encode()
    httpserver.expect_request("/z").respond_with_data(
        compress(body), content_type="text/html; charset=utf-8", headers={"Content-Encoding": encoding}
    )
    assert fetch(httpserver.url_for("/z")).raw == body


def test_damaged_gzip_refused(httpserver):
    httpserver.expect_request("/z").respond_with_data(
        b"\x1f\x8b\x08\x00garbage-not-gzip", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert refused(httpserver.url_for("/z")) == "The site sent a damaged compressed page"


def test_unknown_compression_refused(httpserver):
    httpserver.expect_request("/z").respond_with_data(
        b"....", content_type="text/html", headers={"Content-Encoding": "br"}
    )
    assert refused(httpserver.url_for("/z")) == "The site sent the page in a compression Cuttings cannot read (br)"


# --- text decoding ---------------------------------------------------------------


SHIFT_JIS_META = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
WITHOUT_HEADER_CHARSET = {
    "cp1251 with <meta charset>": (page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251"), RUSSIAN, {"cp1251"}),
    "cp1251 with no charset anywhere": (page(RUSSIAN).encode("cp1251"), RUSSIAN, {"cp1251"}),
    "Shift_JIS with http-equiv": (page(JAPANESE, SHIFT_JIS_META).encode("shift_jis"), JAPANESE, {"cp932"}),
    "Shift_JIS with no charset anywhere": (page(JAPANESE).encode("shift_jis"), JAPANESE, {"cp932", "shift_jis"}),
}


@pytest.mark.parametrize("case", list(WITHOUT_HEADER_CHARSET))
def test_charset_found_without_a_header(httpserver, case):
    body, text, charsets = WITHOUT_HEADER_CHARSET[case]
    httpserver.expect_request("/page").respond_with_data(body, content_type="text/html")
    result = fetch(httpserver.url_for("/page"))
    assert text in decode_html(result.raw, result.declared)[0]
    assert decode_html(result.raw, result.declared)[1] in charsets


def test_header_charset_used(httpserver):
    body = page(RUSSIAN, '<meta charset="utf-8">').encode("cp1251")
    httpserver.expect_request("/h").respond_with_data(body, content_type="text/html; charset=windows-1251")
    result = fetch(httpserver.url_for("/h"))
    assert decode_html(result.raw, result.declared)[1] == "cp1251"
    assert RUSSIAN in decode_html(result.raw, result.declared)[0]


def test_utf8_bom(httpserver):
    body = codecs.BOM_UTF8 + page("Café – naïve").encode("utf-8")
    httpserver.expect_request("/bom").respond_with_data(body, content_type="text/html")
    result = fetch(httpserver.url_for("/bom"))
    assert decode_html(result.raw, result.declared)[1] == "utf-8"
    assert decode_html(result.raw, result.declared)[0] == page("Café – naïve")
    assert result.raw == body


def test_random_bytes_as_html_decode_without_error(httpserver):
    noise = os.urandom(20000)
    httpserver.expect_request("/noise").respond_with_data(noise, content_type="text/html")
    result = fetch(httpserver.url_for("/noise"))
    assert isinstance(decode_html(result.raw, result.declared)[0], str) and decode_html(result.raw, result.declared)[0]
    assert result.raw == noise


@pytest.mark.parametrize(
    ("raw", "header", "text", "charset"),
    [
        ("“Quoted” text".encode("cp1252"), "iso-8859-1", "“Quoted” text", "cp1252"),
        ("plain".encode(), None, "plain", "utf-8"),
        ("Grüße".encode(), None, "Grüße", "utf-8"),
        (codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le"), "iso-8859-1", "Grüße", "utf-16-le"),
        (b'<meta charset="utf-16"><p>' + "é".encode(), None, '<meta charset="utf-16"><p>é', "utf-8"),
        (b"<p>\xff\xfe\xfa broken", "utf-8", "<p>\ufffd\ufffd\ufffd broken", "utf-8"),
    ],
)
def test_decode_html(raw, header, text, charset):
    assert decode_html(raw, header) == (text, charset)


def test_decode_html_unknown_header_charset_falls_back_to_a_guess():
    text, _ = decode_html(page(GERMAN).encode("cp1252"), "no-such-charset")
    assert GERMAN in text


def test_decode_html_meta_beyond_4_kb_ignored():
    # Past 8 KB, where charset-normalizer stops looking for declarations too.
    raw = b"<html><head>" + b" " * 9000 + b'<meta charset="koi8-r">' + RUSSIAN.encode("cp1251")
    text, charset = decode_html(raw, None)
    assert charset == "cp1251"
    assert RUSSIAN in text
