"""What the centre shows instead of the list: the welcome of an empty archive, or "no match"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.style import ThemedLabel

EMPTY_STATE = """
<div align="center">
<p style="font-size:18pt; font-weight:600; margin-bottom:8px">Your archive is empty</p>
<p class="muted" style="font-size:11pt">Add news articles to follow a story across outlets:</p>
<table cellpadding="4" style="font-size:11pt; margin-top:6px">
<tr><td>•</td><td><b>Drag a link</b> from your browser onto this window</td></tr>
<tr><td>•</td><td><b>Paste</b> a link with <b>Ctrl+V</b></td></tr>
<tr><td>•</td><td>or use <b>File ▸ Import…</b> (<b>Ctrl+I</b>)</td></tr>
<tr><td>•</td><td>Coming from elsewhere? <b>File ▸ Import from…</b> reads browser bookmarks,<br>
Pocket, Omnivore, Wallabag and Karakeep exports, feeds and OPML lists</td></tr>
</table>
<p class="faint" style="margin-top:14px">From a terminal: <code>cuttings import URL_OR_FILE</code></p>
</div>
"""
NO_MATCH = """
<div align="center">
<p style="font-size:13pt; font-weight:600">No articles match</p>
<p class="muted">Remove a filter, change the search, or press <b>Esc</b> to clear them all.</p>
</div>
"""
EMPTY_TRASH = """
<div align="center">
<p style="font-size:13pt; font-weight:600">The Trash is empty</p>
<p class="muted">Deleted articles wait here before they go for good.</p>
</div>
"""


def placeholder(html: str, name: str, accessible: str) -> ThemedLabel:
    """A centred, wrapped, focusable message (so a keyboard user can reach and read it)."""
    label = ThemedLabel(html)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(accessible)
    return label
