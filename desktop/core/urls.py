"""Rules for the web addresses a user may import, and their duplicate-detection form.

A bare address without a scheme ("example.com/story", "www.example.com") is taken as
https://, because that is what a user pasting it from a browser bar means.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import idna

from desktop.core.errors import CuttingsError

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ASCII_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_\-]{0,61}[a-z0-9_])?$")
# Query keys that only say where a click came from; they never change the article.
_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
        "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "oly_anon_id",
        "oly_enc_id", "vero_id", "__twitter_impression", "at_medium", "at_campaign",
    }
)
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Path characters left as they are; everything else (spaces, non-ASCII) is percent-encoded.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# File endings that are not top-level domains, so "page.html" is read as a file name.
# Endings of the files Cuttings reads (pages, exports, lists of links): "pocket.csv" is a file.
_FILE_ENDINGS = frozenset({"html", "htm", "xhtml", "mhtml", "mht", "txt", "pdf", "json", "xml", "md", "csv", "tsv",
                           "zip", "opml", "rss", "atom"})


def _explicit_scheme(text: str) -> str | None:
    """The scheme written in front of text, or None ("example.com:8080/x" has none)."""
    match = _SCHEME.match(text)
    if not match:
        return None
    rest = text[match.end():]
    if "." in match.group(1) and not rest.startswith("//"):
        return None  # "example.com:8080/path": a host and a port, not a scheme
    if re.match(r"\d", rest):
        return None  # "localhost:8000"
    return match.group(1).lower()


def _ascii_host(host: str) -> str:
    """host in lower-case ASCII (punycode for IDN); raises ValueError if it is not a hostname."""
    if ":" in host:
        return f"[{ipaddress.IPv6Address(host).compressed}]"
    host = host.rstrip(".")
    if not host.isascii():
        host = idna.encode(host, uts46=True).decode("ascii")
    host = host.lower()
    if "xn--" in host:
        idna.decode(host)  # a punycode label must decode to a valid name
    if not host or len(host) > 253 or not all(_ASCII_LABEL.match(label) for label in host.split(".")):
        raise ValueError(host)
    return host


def check_url(text: str) -> str:
    """Return text as an importable http(s) address, or raise CuttingsError saying why not.

    Whitespace around the address is dropped and a missing scheme becomes https://.
    """
    url = text.strip()
    if not url:
        raise CuttingsError("Not a valid web address: the address is empty")
    scheme = _explicit_scheme(url)
    if scheme is None:
        url = "https:" + url if url.startswith("//") else "https://" + url
    elif scheme not in ("http", "https"):
        raise CuttingsError(f"Only http and https links can be imported (got '{scheme}:')")
    invalid = CuttingsError(f"Not a valid web address: {text.strip()}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
        if not parts.hostname or any(c.isspace() for c in parts.netloc):
            raise invalid
        _ascii_host(parts.hostname)
    except (ValueError, idna.IDNAError):
        raise invalid from None
    # A dot-less host is only meant as a web address when the scheme was written out.
    if scheme is None and "." not in parts.hostname and parts.hostname != "localhost":
        raise invalid
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc, quote(parts.path, safe=_PATH_SAFE),
         quote(parts.query, safe=_QUERY_SAFE), parts.fragment)
    )


def looks_like_url(text: str) -> bool:
    """Whether text is meant as a web address rather than a file path.

    True for anything with a URL scheme (so check_url can refuse "ftp:" by name), "www."
    and bare "host.tld/..." forms; False for drive letters ("C:\\...") and file names like
    "page.html". A caller holding a path that exists on disk should prefer the file.
    """
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return False
    scheme = _explicit_scheme(text)
    if scheme is not None:
        return len(scheme) > 1  # a one-letter "scheme" is a Windows drive
    if text.startswith(("/", ".", "~", "\\")):
        return False
    host = re.split(r"[/?#:]", text, maxsplit=1)[0].lower()
    if host.startswith("www."):
        return True
    labels = host.split(".")
    return len(labels) > 1 and all(labels) and labels[-1].isalpha() and labels[-1] not in _FILE_ENDINGS


def _tidy_escapes(text: str) -> str:
    """Upper-case percent escapes and decode the ones that stand for unreserved characters."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, text)


def _is_tracking(pair: str) -> bool:
    key = unquote(pair.split("=", 1)[0]).lower()
    return key in _TRACKING_KEYS or key.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The form of url used to spot duplicates; two addresses of one article compare equal.

    Only what RFC 3986 says never changes the resource, plus tracking parameters: lower-cases
    scheme and host (section 6.2.2.1; IDN hosts become punycode), upper-cases percent escapes
    and decodes those of unreserved characters (6.2.2.2), removes "." and ".." segments
    (6.2.2.3, by the algorithm of 5.2.4), drops the default port and makes an empty path "/"
    (6.2.3), and drops the fragment and tracking parameters (utm_*, fbclid, gclid...); other
    parameters keep their order. Any other trailing "/" is kept, since "/a" and "/a/" may be
    different pages (variant_key relates them when the text agrees).
    Raises CuttingsError for what check_url refuses.
    """
    parts = urlsplit(check_url(url))
    scheme = parts.scheme
    netloc = _ascii_host(parts.hostname or "")
    if parts.port is not None and parts.port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    # urljoin removes dot segments by RFC 3986 5.2.4; escapes are decoded first, so "%2E" counts.
    path = urlsplit(urljoin("http://h", _tidy_escapes(parts.path) or "/")).path
    query = "&".join(
        _tidy_escapes(pair) for pair in parts.query.split("&") if pair and not _is_tracking(pair)
    )
    return urlunsplit((scheme, netloc, path, query, ""))


# Names every machine gives itself: one server, whichever of them the user typed.
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
# "page=1" asks for the first page of a paginated article, which is the article itself.
_FIRST_PAGE = "page=1"


def variant_key(normalized: str) -> str:
    """A looser form of a normalize_url result, equal for addresses that usually serve one page.

    Not an identity: two addresses with one key are the same article only when their text
    agrees too (the store checks). It ignores the scheme, names every loopback host alike,
    merges repeated "/" and drops a trailing one, and drops "page=1"; other parameters stay,
    since "?id=123" and "?id=124" are different articles. "https://x.com/a//b/?page=1" and
    "http://x.com/a/b" both give "x.com/a/b".
    """
    parts = urlsplit(normalized)
    host = parts.netloc
    if parts.hostname in _LOOPBACK:
        host = "localhost" + (f":{parts.port}" if parts.port else "")
    path = re.sub("/{2,}", "/", parts.path).rstrip("/")
    query = "&".join(pair for pair in parts.query.split("&") if pair and pair != _FIRST_PAGE)
    return host + path + ("?" + query if query else "")
