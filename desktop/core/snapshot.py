"""The offline copy of an article, made safe to show: nothing in it runs or loads.

`saved_copy(archive, id)` reads an article's stored page; `render(original, ...)` does the
same for any page or file (one read from disk, say). HTML goes through lxml_html_clean's
Cleaner (scripts, handlers, styles, <link>, <meta>, <base>, frames, embeds and forms go),
then a short pass over what is left: images, video and audio become visible placeholders
with their alt text, and a link keeps only an absolute http(s) or mailto address (for a
viewer that shows it and never follows it by itself). Text and markdown files show as
escaped preformatted text. Either way, nothing in `SavedCopy.html` refers to anything
that could be loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import Element
from lxml_html_clean import Cleaner
from sqlmodel import select

from desktop.core.article import Original
from desktop.core.extract import html_tree
from desktop.core.fetch import decode_html
from desktop.core.store.archive import inflate
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, Snapshot

# The only attributes kept: none of them names anything to load (no src, srcset, poster,
# background, style, data, action, xlink:href); href survives on <a> alone (see _keep_link).
SAFE_ATTRS = frozenset({
    "href", "alt", "title", "id", "name", "class", "lang", "dir", "colspan", "rowspan",
    "headers", "scope", "abbr", "align", "valign", "start", "datetime",
})
LINK_SCHEMES = ("http", "https", "mailto")
# Placeholder words for what would have been loaded: "[image: Protesters in Belgrade]".
MEDIA = {"img": "image", "video": "video", "audio": "audio"}
PLACEHOLDER_CLASS = "saved-media"

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,  # on* handlers, javascript: links
    comments=True,  # and with them IE's conditional comments
    style=True,  # <style> with its url() and @import
    inline_style=True,  # style="" attributes, the same
    links=True,  # <link rel=stylesheet|preload|prefetch|icon...>
    meta=True,  # <meta http-equiv=refresh>
    page_structure=True,  # <html>, <head>, <title>; with <head> goes every <base>
    processing_instructions=True,
    embedded=True,  # <object>, <embed>, <iframe>, <applet>
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=True,  # <picture>, <portal>...: the tag goes, its content stays
    # libxml2 reads <noscript> and <noembed> as raw text: their tracking pixels and templates
    # would show as literal markup.
    kill_tags=("title", "svg", "math", "template", "noscript", "noembed"),
    # libxml2 takes <source> and <track> for containers: `<source><img></source>` keeps the img.
    remove_tags=("body", "source", "track"),
    safe_attrs_only=True,
    safe_attrs=SAFE_ATTRS,
)

# A whole document, so that a file written by `cuttings show --saved-copy --out` opened in a
# browser is read as UTF-8 and refused any load even if something slipped through.
_DOCUMENT = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
    '<meta name="referrer" content="no-referrer"></head>\n<body>\n{body}\n</body></html>\n'
)


@dataclass(frozen=True)
class SavedCopy:
    """An offline copy ready to show.

    html: a whole sanitised document (see the module docstring); size: bytes of the original
    page or file, uncompressed; content_type: as stored ("text/html", "text/markdown",
    "text/plain"); fetched: when it was downloaded or read (UTC), None if not known;
    url: the article's address, None for a file imported without one.
    """

    html: str
    size: int
    content_type: str
    fetched: datetime | None
    url: str | None

    @property
    def is_html(self) -> bool:
        return is_html_type(self.content_type)


def is_html_type(content_type: str) -> bool:
    """True for text/html and application/xhtml+xml; text and markdown files are not."""
    return "html" in content_type.lower()


def saved_copy(archive: Archive, article_id: int) -> SavedCopy | None:
    """The sanitised offline copy of a stored article.

    None when the article does not exist or was stored without a copy; raises DamagedCopy
    (a ValueError with a message fit to show) when the stored bytes do not decompress.
    """
    with archive.session() as session:
        found = session.exec(
            select(Snapshot, ArticleRow.source_url)
            .join(ArticleRow, ArticleRow.id == Snapshot.article_id)
            .where(Snapshot.article_id == article_id)
        ).first()
    if found is None:
        return None
    snap, url = found
    return render(Original(inflate(snap), snap.content_type, snap.charset), url, snap.fetched)


def render(original: Original, url: str | None = None, fetched: datetime | None = None) -> SavedCopy:
    """A SavedCopy of any page or file: HTML sanitised, other text escaped in <pre>.

    `url` makes relative links absolute; never raises on bad bytes or broken markup.
    """
    text, _ = decode_html(original.data, original.charset)
    if is_html_type(original.content_type):
        body = sanitize(text, url)
    else:
        body = f"<pre>{escape(text)}</pre>"
    return SavedCopy(_DOCUMENT.format(body=body), len(original.data), original.content_type, fetched, url)


def sanitize(html: str, url: str | None = None) -> str:
    """The page's content as an HTML fragment that runs nothing and loads nothing.

    Links are made absolute against `url`; a link that cannot be (or is not http, https or
    mailto) loses its address and keeps its text. Empty or markup-free input gives "".
    """
    tree = html_tree(html)
    if tree is None:
        return ""
    _CLEANER(tree)
    for element in list(tree.iter(*MEDIA)):
        _replace_with_placeholder(element)
    for element in tree.iter():
        if "href" in element.attrib:
            _keep_link(element, url)
    return lxml.html.tostring(tree, encoding="unicode")


def _replace_with_placeholder(element) -> None:
    """Swap an <img>, <video> or <audio> for "[image: its alt text]" (its content goes too)."""
    alt = " ".join((element.get("alt") or "").split())
    label = MEDIA[element.tag]
    placeholder = Element("span", {"class": PLACEHOLDER_CLASS})
    placeholder.text = f"[{label}: {alt}]" if alt else f"[{label}]"
    placeholder.tail = element.tail
    element.getparent().replace(element, placeholder)  # the root is <html> (a <div> when cleaned)


def _keep_link(element, url: str | None) -> None:
    """Keep an <a>'s address only if it is absolute http(s) or mailto; drop href elsewhere."""
    href = element.attrib.pop("href").strip()
    if element.tag != "a" or not href:
        return
    try:
        target = urljoin(url or "", href)
        scheme = urlsplit(target).scheme.lower()
    except ValueError:  # "http://[::1" and the like
        return
    if scheme in LINK_SCHEMES:
        element.set("href", target)
