"""What a download leaves to the process that imports it: the certificate checks built once
per process, and the page's decoding left to the analysis (pipeline.decode)."""

from concurrent.futures import ThreadPoolExecutor

import httpx

from desktop.core.fetch import decode_html, fetch
from tests.test_fetch import RUSSIAN, page


def test_every_download_of_a_process_checks_certificates_with_one_context(httpserver, monkeypatch):
    """Loading the certificate roots costs ~20 ms of CPU: it is done once, not per page."""
    from desktop.core import fetch as fetch_module

    made = []
    real = httpx.create_ssl_context
    monkeypatch.setattr(httpx, "create_ssl_context", lambda *a, **k: made.append(1) or real(*a, **k))
    fetch_module._tls.cache_clear()
    httpserver.expect_request("/a").respond_with_data(page("A"), content_type="text/html")
    httpserver.expect_request("/b").respond_with_data(page("B"), content_type="text/html")
    with ThreadPoolExecutor(2) as threads:  # new threads: each makes its client (_thread_client)
        a, b = threads.map(lambda name: fetch(httpserver.url_for(name)), ["/a", "/b"])
    assert "A" in decode_html(a.raw, a.declared)[0] and "B" in decode_html(b.raw, b.declared)[0]
    assert len(made) == 1
    fetch_module._tls.cache_clear()  # later tests build theirs with the real httpx


def test_the_downloads_of_a_thread_share_its_client_and_other_threads_have_their_own(httpserver, monkeypatch):
    """Making a client reads the proxy settings from the environment, a good part of a local
    page's download: a download thread makes one, and keeps it for its later pages."""
    import threading

    made = []
    real = httpx.Client
    monkeypatch.setattr(httpx, "Client", lambda *a, **k: made.append(1) or real(*a, **k))
    httpserver.expect_request("/a").respond_with_data(page("A"), content_type="text/html")
    pages = []

    def two_pages():
        pages.extend(fetch(httpserver.url_for("/a")) for _ in range(2))

    for _ in range(2):
        thread = threading.Thread(target=two_pages)
        thread.start()
        thread.join()
    assert len(pages) == 4 and all(p.status == 200 for p in pages)
    assert len(made) == 2


def test_a_download_is_decoded_where_it_is_analysed_and_keeps_the_codec_it_was_read_in(httpserver):
    """pipeline.load leaves the bytes to parse (in the analysis worker, not the process that
    stores); parse decodes them as the server declared and records the codec on the copy."""
    from desktop.core.pipeline import load, parse

    body = page(RUSSIAN * 3).encode("cp1251")
    httpserver.expect_request("/ru").respond_with_data(body, content_type="text/html; charset=windows-1251")
    loaded = load(httpserver.url_for("/ru"))
    assert loaded.content is None and loaded.original.charset is None and loaded.original.data == body
    assert RUSSIAN[:40] in parse(loaded).text
    assert loaded.original.charset == "cp1251"
