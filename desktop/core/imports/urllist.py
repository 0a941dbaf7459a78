"""A plain list of links: a text file with one address a line, or a CSV file with a `url`
column (and, if it has them, `title` and `tags` columns)."""

from __future__ import annotations

import csv
import io

from desktop.core.imports.items import ImportItem, clean_tags, unlinked_row, web_link

URL_COLUMNS = ("url", "link", "href", "address")  # the header names a CSV's link column may have


def csv_link_column(first_line: str) -> str | None:
    """The name of the link column in a CSV header line, or None if it has none."""
    try:
        names = next(csv.reader([first_line]), [])
    except csv.Error:  # not CSV at all
        return None
    return next((name for name in names if name.strip().lower() in URL_COLUMNS), None)


def read_url_list(content: str) -> list[ImportItem]:
    """The web addresses of a URL list: a CSV file's link column, else every line that is an
    http(s) address (lines starting with # and blank lines are skipped), each address once.
    In a text list, a line that is no address is an item with a `problem` and its line number."""
    first = content.lstrip("\ufeff").split("\n", 1)[0]
    column = csv_link_column(first)  # a header of several columns, or of the link column alone
    unique: dict[str, ImportItem] = {}
    for item in _csv_rows(content, column) if column else _lines(content):
        unique.setdefault(item.url or f"line {item.line}", item)
    return list(unique.values())


def _lines(content: str) -> list[ImportItem]:
    """An item per address line, or per line that is not one (its `problem` says so)."""
    items = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        link = web_link(line)
        items.append(ImportItem(url=link, line=number, problem=None if link else "not a web address"))
    return items


def _csv_rows(content: str, column: str) -> list[ImportItem]:
    """An item per row with an address in `column`, or per row without one (its `problem`
    and line say so)."""
    items = []
    rows = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    for row in rows:
        fields = {(k or "").strip().lower(): v or "" for k, v in row.items() if isinstance(v, str)}
        url = web_link(row.get(column))
        if not url:
            items.append(unlinked_row(rows.line_num))
            continue
        tags = fields.get("tags", "").replace("|", ",").split(",")
        items.append(ImportItem(url=url, title=fields.get("title", "").strip(), tags=clean_tags(tags)))
    return items
