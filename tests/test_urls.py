import pytest

from desktop.core.errors import CuttingsError
from desktop.core.urls import check_url, looks_like_url, normalize_url, variant_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/story", "https://example.com/story"),
        ("  http://example.com/a?b=1#c \n", "http://example.com/a?b=1#c"),
        ("HTTPS://Example.com/X", "https://Example.com/X"),
        ("example.com/path", "https://example.com/path"),
        ("www.example.com", "https://www.example.com"),
        ("//example.com/x", "https://example.com/x"),
        ("example.com:8080/p", "https://example.com:8080/p"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
        ("http://localhost/x", "http://localhost/x"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("https://bücher.de/straße", "https://bücher.de/stra%C3%9Fe"),
        ("https://example.com/a b", "https://example.com/a%20b"),
    ],
)
def test_check_url_accepts(text, expected):
    assert check_url(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("javascript:alert(1)", "Only http and https links can be imported (got 'javascript:')"),
        ("file:///etc/passwd", "Only http and https links can be imported (got 'file:')"),
        ("ftp://ftp.example.com/a", "Only http and https links can be imported (got 'ftp:')"),
        ("data:text/html,<p>hi</p>", "Only http and https links can be imported (got 'data:')"),
        ("MAILTO:someone@example.com", "Only http and https links can be imported (got 'mailto:')"),
        ("not a url", "Not a valid web address: not a url"),
        ("http://", "Not a valid web address: http://"),
        ("https:///path-only", "Not a valid web address: https:///path-only"),
        ("", "Not a valid web address: the address is empty"),
        ("   ", "Not a valid web address: the address is empty"),
        ("http://exa mple.com/", "Not a valid web address: http://exa mple.com/"),
        ("http://bad..host/", "Not a valid web address: http://bad..host/"),
        ("http://host_with!bang.com/", "Not a valid web address: http://host_with!bang.com/"),
        ("http://example.com:99999/", "Not a valid web address: http://example.com:99999/"),
        ("http://example.com:port/", "Not a valid web address: http://example.com:port/"),
        ("https://xn--a.com/", "Not a valid web address: https://xn--a.com/"),
        ("justaword", "Not a valid web address: justaword"),
    ],
)
def test_check_url_refuses(text, message):
    with pytest.raises(CuttingsError) as caught:
        check_url(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM/Story", "https://www.example.com/Story"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a/", "https://example.com/a/"),
        ("https://example.com/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        (
            "https://example.com/a?utm_source=tw&id=7&UTM_Medium=x&fbclid=abc&page=2&gclid=1",
            "https://example.com/a?id=7&page=2",
        ),
        (
            "https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&ref_src=twsrc&z=1&a=2",
            "https://example.com/a?z=1&a=2",
        ),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
        ("https://example.com/a?flag&&b=", "https://example.com/a?flag&b="),
        ("https://example.com/%7euser/%c3%a9", "https://example.com/~user/%C3%A9"),
        ("https://bücher.de/a", "https://xn--bcher-kva.de/a"),
        ("http://[0:0::1]:80/x", "http://[::1]/x"),
        ("https://BÜCHER.de/a", "https://xn--bcher-kva.de/a"),
        ("https://xn--bcher-kva.de/a", "https://xn--bcher-kva.de/a"),
        ("example.com/a?utm_campaign=x", "https://example.com/a"),
        ("https://x.com/a/./b/../c", "https://x.com/a/c"),  # RFC 3986 6.2.2.3
        ("https://x.com/a/%2E%2E/b", "https://x.com/b"),  # decoded first (6.2.2.2), then removed
        ("https://x.com/../a", "https://x.com/a"),
    ],
)
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


def test_normalize_url_makes_variants_of_one_article_equal():
    variants = [
        "https://www.example.com/news/story-1?utm_source=newsletter#top",
        "HTTPS://WWW.EXAMPLE.COM:443/news/story-1",
        "www.example.com/news/story-1?fbclid=IwAR0",
        "https://www.example.com/news/story%2D1",
    ]
    assert len({normalize_url(v) for v in variants}) == 1
    assert normalize_url("https://example.com/news/story-1") != normalize_url("https://example.com/news/story-2")


def test_normalize_url_refuses_what_check_url_refuses():
    with pytest.raises(CuttingsError, match="got 'javascript:'"):
        normalize_url("javascript:alert(1)")


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/a",
        "http://localhost:8000",
        "example.com/path/story",
        "www.example.com",
        "news.bbc.co.uk",
        "javascript:alert(1)",
        "ftp://example.com/file",
        "file:///home/me/page.html",
    ],
)
def test_looks_like_url(text):
    assert looks_like_url(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "page.html",
        "saved/article.htm",
        "/home/me/example.com/page.html",
        "./example.com",
        "~/articles/x.html",
        r"C:\Users\me\page.html",
        "C:/Users/me/page.html",
        "my article.html",
        "README",
    ],
)
def test_does_not_look_like_url(text):
    assert not looks_like_url(text)


def test_variant_key_relates_addresses_that_usually_serve_one_page():
    variants = ["http://127.0.0.1:8799/s/story", "http://localhost:8799/s/story/",
                "http://[::1]:8799/s//story", "https://127.0.0.1:8799/s/story?page=1"]
    assert len({variant_key(normalize_url(v)) for v in variants}) == 1
    # A query that names the article, another page or another port is a different page.
    for other in ["http://127.0.0.1:8799/s/story?id=2", "http://127.0.0.1:8799/s/story?page=2",
                  "http://127.0.0.1:8800/s/story", "http://127.0.0.1:8799/s/other"]:
        assert variant_key(normalize_url(other)) != variant_key(normalize_url(variants[0]))
