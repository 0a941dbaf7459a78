"""A file of links read whole into ImportItem values, whatever its format."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.errors import CuttingsError
from desktop.core.fetch import read_local
from desktop.core.imports.bookmarks import read_bookmarks
from desktop.core.imports.detect import BOOKMARKS, FEED, KARAKEEP, OMNIVORE, POCKET, URL_LIST, WALLABAG
from desktop.core.imports.feeds import read_feed
from desktop.core.imports.items import ImportItem, not_json
from desktop.core.imports.karakeep import read_karakeep
from desktop.core.imports.omnivore import read_omnivore
from desktop.core.imports.pocket import read_pocket
from desktop.core.imports.urllist import read_url_list
from desktop.core.imports.wallabag import read_wallabag

MAX_FILE_BYTES = 512 * 2**20  # a Wallabag export with every article's HTML runs to hundreds of MB

_TEXT_READERS = {BOOKMARKS: read_bookmarks, POCKET: read_pocket, URL_LIST: read_url_list}
_JSON_READERS = {WALLABAG: read_wallabag, KARAKEEP: read_karakeep}


def read_items(path: Path, kind: str) -> list[ImportItem]:
    """The items of the file (or Omnivore folder) at `path`, read as format `kind` (one of
    detect's constants but OPML and CUTTINGS, which are imported otherwise).

    Raises CuttingsError if the file cannot be read or is not of that format.
    """
    if kind == OMNIVORE:
        return read_omnivore(path)
    raw = read_local(path, MAX_FILE_BYTES)
    if kind == FEED:
        return read_feed(raw)
    text = raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    if kind in _TEXT_READERS:
        return _TEXT_READERS[kind](text)
    try:
        parsed = json.loads(text)
    except ValueError as exc:
        raise CuttingsError(f"The file {not_json(exc)}") from exc
    return _JSON_READERS[kind](parsed)
