"""The reading pane's evidence of capture (one line, and its details when opened) and its
offer to compare versions, in our own escaped markup (see markup)."""

from __future__ import annotations

from datetime import datetime
from html import escape

from desktop.core.article import CAPTURE_METHODS
from desktop.core.query import Detail
from desktop.core.store.captures import Evidence
from desktop.gui.markup import META_SEPARATOR, SCHEME

# What a hash can and cannot show, said wherever the evidence is shown in full.
HASH_MEANING = ("The SHA-256 shows that this saved copy has not been altered since it was captured. "
                "It does not prove what the server sent.")
DETAILS, HIDE = "details ▸", "hide details ▾"


def when(moment: datetime) -> str:
    """ "30 Nov 2026 14:02 UTC"."""
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"


def capture_line(evidence: Evidence) -> str:
    """ "Downloaded 30 Nov 2026 14:02 UTC · HTTP 200 · SHA-256 3f2a9c1e…", as plain text."""
    bits = [f"{CAPTURE_METHODS.get(evidence.method, evidence.method)} {when(evidence.captured)}"]
    if evidence.status is not None:
        bits.append(f"HTTP {evidence.status}")
    bits.append(f"SHA-256 {evidence.sha256[:8]}…")
    return META_SEPARATOR.join(bits)


def _details(evidence: Evidence) -> str:
    rows = []
    if evidence.final_url:
        rows.append(("Final address", escape(evidence.final_url)))
    rows.append(("SHA-256", f"<tt>{evidence.sha256}</tt>"))
    if evidence.headers is not None:
        rows.append(("Response headers", "<br>".join(f"<tt>{escape(k)}: {escape(v)}</tt>" for k, v in evidence.headers)))
    table = "".join(f'<tr><td class="muted" valign="top">{name}&nbsp;&nbsp;</td><td>{value}</td></tr>'
                    for name, value in rows)
    return f'<table class="evidence">{table}</table><p class="muted">{escape(HASH_MEANING)}</p>'


def capture_html(item: Detail, opened: bool = False) -> str:
    """The evidence line with its details link (`cuttings://capture/ID`), the details
    themselves when `opened`, and for a changed article its versions with a link to compare
    them (`cuttings://versions/ID`); empty for an article without a kept copy."""
    html = ""
    if item.capture is not None:
        toggle = f'<a href="{SCHEME}://capture/{item.id}">{HIDE if opened else DETAILS}</a>'
        html = f'<p class="meta">{escape(capture_line(item.capture))}{META_SEPARATOR}{toggle}</p>'
        if opened:
            html += _details(item.capture)
    if item.version_count > 1:
        html += (f'<p class="meta"><span class="changed">&nbsp;Changed&nbsp;</span> since it was first saved: '
                 f'{item.version_count} versions{META_SEPARATOR}'
                 f'<a href="{SCHEME}://versions/{item.id}">Compare versions…</a></p>')
    return html
