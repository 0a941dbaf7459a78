"""Pocket's export: CSV files of up to 10,000 rows, `title,url,time_added,tags,status`.

`time_added` is Unix seconds, `tags` are separated by `|`, `status` is "unread" or
"archive". The export holds no article text.
"""

from __future__ import annotations

import csv
import io

from desktop.core.imports.items import ARCHIVED, UNREAD, ImportItem, clean_tags, from_unix, unlinked_row, web_link

POCKET_COLUMNS = ("title", "url", "time_added", "tags", "status")
_STATES = {"unread": UNREAD, "archive": ARCHIVED, "archived": ARCHIVED}


def is_pocket_header(first_line: str) -> bool:
    """True if a CSV file's first line is Pocket's header (its columns, in any order)."""
    names = {n.strip().strip('"').lower() for n in first_line.split(",")}
    return set(POCKET_COLUMNS) <= names


def read_pocket(content: str) -> list[ImportItem]:
    """The rows of a Pocket export CSV, in file order; a row without a web address is an item
    with a `problem` and its line, so that it is reported, not lost."""
    items = []
    rows = csv.DictReader(io.StringIO(content))
    for row in rows:
        url = web_link(row.get("url"))
        if url is None:
            items.append(unlinked_row(rows.line_num))
            continue
        title = (row.get("title") or "").strip()
        items.append(ImportItem(
            url=url,
            title="" if title == url else title,  # Pocket writes the address when it had no title
            added=from_unix(row.get("time_added")),
            tags=clean_tags((row.get("tags") or "").split("|")),
            state=_STATES.get((row.get("status") or "").strip().lower()),
        ))
    return items
