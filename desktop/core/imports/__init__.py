"""Importing from where links live: browser bookmarks, read-later exports (Pocket, Omnivore,
Wallabag, Karakeep), RSS/Atom feeds, OPML lists and plain lists of links.

`detect` tells the formats apart by content; each format's module reads a file into
ImportItem values; `run` imports them through the pipeline, keeping each item's tags,
added time, reading state and (when the page is gone) the service's own copy.
"""

from desktop.core.imports.detect import LABELS, detect
from desktop.core.imports.items import ImportItem

__all__ = ["LABELS", "ImportItem", "detect"]
