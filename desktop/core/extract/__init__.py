"""Page or text file -> Article: metadata (sources.py, jsonld.py, metadata.py, pubdate.py), body
text (body.py), .md/.txt (textfile.py, frontmatter.py)."""

from __future__ import annotations

import re

import lxml.html
from bs4 import BeautifulSoup
from lxml import etree

from desktop.core.article import Article

from . import metadata
from .body import body_text, bound_tree
from .jsonld import article_body
from .normalize import match_key
from .pubdate import published
from .sources import read_sources
from .textfile import extract_textfile

__all__ = ["extract_html", "extract_textfile", "html_tree", "is_file_listing", "parse_html"]

# Characters XML (and so lxml) refuses; they turn up when random bytes are decoded as text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The titles web servers give a folder's generated index: Apache's and nginx's "Index of /…",
# Python's http.server "Directory listing for /…", lighttpd's and IIS's "Index of"/"- /".
FILE_LISTING_TITLE = re.compile(r"(?i)^(?:index of|directory listing for)\s+/|^[\w.-]+ - /\S*$")
# Never part of the article or its metadata; dropping them first halves the soup's build time.
# An <aside> with microdata may carry the article's own (its author); trafilatura drops asides.
NOISE = ("//script[not(contains(@type, 'ld+json'))] | //style | //svg | //noscript | //template"
         " | //comment() | //nav | //footer | //aside[not(.//*[@itemprop])] | //select | //button | //input"
         " | //iframe")


def html_tree(html: str) -> lxml.html.HtmlElement | None:
    """A decoded page as an lxml document (its <html> element); None when there is no markup.

    Never raises: characters XML refuses are dropped, and the text is handed over as UTF-8
    bytes, so an <?xml encoding=...?> declaration cannot make lxml refuse it.
    """
    html = CONTROL_CHARS.sub("", html or "")
    try:
        return lxml.html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return None


def parse_html(html: str) -> tuple[lxml.html.HtmlElement | None, BeautifulSoup]:
    """The page as an lxml tree (for the body extractor) and a BeautifulSoup (for metadata).

    The soup is built with the lxml parser from the tree with scripts, styles and comments
    removed, and both hold at most the page's first MAX_ELEMENTS elements (body.bound_tree:
    the soup of 80,000 tiny paragraphs alone took 8 s). The tree is None when there is no
    markup at all.
    """
    tree = html_tree(html)
    if tree is None:
        return None, BeautifulSoup(CONTROL_CHARS.sub("", html or ""), "lxml")
    for node in tree.xpath(NOISE):
        if node.getparent() is not None:
            node.drop_tree()
    bound_tree(tree)
    # Whitespace between tags only costs the soup time; metadata reads text with get_text(" ").
    markup = re.sub(r">\s+<", "><", lxml.html.tostring(tree, encoding="unicode"))
    return tree, BeautifulSoup(markup, "lxml")


def extract_html(html: str, url: str | None = None) -> Article:
    """An Article from a web page's HTML; never raises on malformed input (fields stay empty)."""
    tree, soup = parse_html(html)
    src = read_sources(soup, url)
    canonical = metadata.canonical_url(src)
    title = metadata.title(src)
    authors = metadata.authors(src, title)
    return Article(
        url=canonical or url,
        canonical_url=canonical,
        title=title,
        authors=authors,
        published=published(src, title),
        publisher=metadata.publisher(src),
        language=metadata.language(src),
        image=metadata.image(src),
        text=_text(tree, url, title, authors, src.ld),
    )


def is_file_listing(article: Article) -> bool:
    """Whether a page is a web server's index of a folder (FILE_LISTING_TITLE), not a story."""
    return bool(FILE_LISTING_TITLE.match(article.title.strip()))


def _text(tree: lxml.html.HtmlElement | None, url: str | None, title: str, authors: list[str], ld: dict) -> str:
    """The body from the page; the JSON-LD articleBody (with its paragraph breaks) when the
    page's markup holds less of the story than it (a page whose text a script fills in), or
    when the body is that same text run together (trafilatura's own JSON-LD fallback)."""
    text = body_text(tree, url, title, authors) if tree is not None else ""
    from_ld = article_body(ld)
    if from_ld and (len(from_ld) > 2 * len(text) or match_key(from_ld) == match_key(text)):
        return from_ld
    return text
