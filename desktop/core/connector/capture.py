"""What the browser extension sends, checked, and how it enters the pipeline.

A capture of a page carries the page's address, its rendered DOM (serialised after its
scripts ran, as the user saw it), its title and any selected text. Its offline copy is
exactly the DOM sent, as UTF-8. A capture of a link carries only the link's address: the app
downloads it like a pasted link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core import pipeline
from desktop.core.article import BROWSER, Original
from desktop.core.urls import check_url

PAGE, LINK = "page", "link"
KINDS = (PAGE, LINK)
TITLE_CHARS = 1_000  # a title longer than this is not a title; it is cut, not refused


@dataclass(frozen=True)
class Capture:
    """One "Save to Cuttings" from the browser: a page (with its DOM) or a link."""

    kind: str
    url: str
    title: str = ""
    html: str = ""  # the rendered DOM; empty for a link
    selection: str = ""


def _text_field(data: dict, name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"The capture's {name} must be text.")
    return value


def parse_capture(body: bytes) -> Capture:
    """The capture in a request body (JSON: kind, url, title, html, selection).

    Raises ValueError with one sentence for a body that is not such JSON or a page capture
    without its DOM, CuttingsError for an address that is not http(s).
    """
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("The capture is not JSON in UTF-8.") from None
    if not isinstance(data, dict):
        raise ValueError("The capture must be a JSON object.")
    kind = data.get("kind")
    if kind not in KINDS:
        raise ValueError(f"The capture's kind must be {' or '.join(KINDS)}.")
    fields = {name: _text_field(data, name) for name in ("url", "title", "html", "selection")}
    url = check_url(fields["url"].strip())  # CuttingsError for anything but http(s)
    if kind == PAGE and not fields["html"].strip():
        raise ValueError("A page capture must carry the page's HTML.")
    return Capture(kind, url, " ".join(fields["title"].split())[:TITLE_CHARS],
                   fields["html"] if kind == PAGE else "", fields["selection"].strip())


def capture_loaded(capture: Capture) -> pipeline.Loaded:
    """A page capture as the pipeline's extract stage takes it: the DOM is the page, and its
    UTF-8 bytes the offline copy, "captured in your browser" (method BROWSER) now."""
    original = Original(capture.html.encode("utf-8"), "text/html", "utf-8", method=BROWSER, final_url=capture.url)
    return pipeline.Loaded(capture.html, True, capture.url, original, selection=capture.selection)
