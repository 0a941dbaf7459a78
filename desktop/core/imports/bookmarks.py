"""Browser bookmarks: the Netscape bookmark file that Chrome, Firefox, Safari and Edge export.

The format is loose HTML (unclosed <DT> and <p>): folders are <H3> headings each followed by
a <DL> list, links are <A HREF ADD_DATE> (Firefox adds TAGS="a,b"). Every folder a link sits
in becomes one of its tags, except the browser's own top folders (the bookmarks bar or
toolbar, the menu, "Other bookmarks"...), which say where a link was shown, not what it is.
"""

from __future__ import annotations

from html.parser import HTMLParser

from desktop.core.imports.items import ImportItem, clean_tags, from_unix, web_link

# Top folders of Chrome, Firefox, Safari and Edge exports (any case), besides those marked
# PERSONAL_TOOLBAR_FOLDER / UNFILED_BOOKMARKS_FOLDER.
ROOT_FOLDERS = frozenset({
    "bookmarks", "bookmarks bar", "bookmarks toolbar", "bookmarks menu", "other bookmarks",
    "mobile bookmarks", "favorites", "favourites", "favorites bar", "favourites bar",
    "other favorites", "other favourites", "reading list",
})
ROOT_MARKS = ("personal_toolbar_folder", "unfiled_bookmarks_folder")


class _Reader(HTMLParser):
    """Collects the links with the folders around them; `folders` has one entry per open
    <DL>: the folder's name, or None for the file's top list and the browser's top folders."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[ImportItem] = []
        self.folders: list[str | None] = []
        self.heading: tuple[str, dict] | None = None  # the last <H3>, waiting for its <DL>
        self.text: list[str] | None = None  # the words of an open <H3> or <A>
        self.link: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "dl":
            self.folders.append(self._folder())
            self.heading = None
        elif tag in ("h3", "a"):
            self.text = []
            self.link = attrs if tag == "a" else None
            self.heading = ("", attrs) if tag == "h3" else self.heading

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "dl" and self.folders:
            self.folders.pop()
        elif tag == "h3" and self.heading is not None and self.text is not None:
            self.heading = (" ".join("".join(self.text).split()), self.heading[1])
            self.text = None
        elif tag == "a" and self.link is not None:
            self._add_link(" ".join("".join(self.text or []).split()))
            self.link = self.text = None

    def _folder(self) -> str | None:
        if self.heading is None:
            return None
        name, attrs = self.heading
        top_level = len(self.folders) == 1
        if top_level and (name.casefold() in ROOT_FOLDERS or any(m in attrs for m in ROOT_MARKS)):
            return None
        return name or None

    def _add_link(self, title: str) -> None:
        href = web_link(self.link.get("href"))
        if href is None:  # javascript:, place:, file: links
            return
        tags = [f for f in self.folders if f] + self.link.get("tags", "").split(",")
        self.items.append(ImportItem(url=href, title=title, added=from_unix(self.link.get("add_date")),
                                     tags=clean_tags(tags)))


def read_bookmarks(content: str) -> list[ImportItem]:
    """The links of a Netscape bookmark file's text, in file order, each tagged with the
    folders it is in (innermost last) and Firefox's own tags; ADD_DATE (Unix seconds) is
    the added time."""
    reader = _Reader()
    reader.feed(content)
    reader.close()
    return reader.items
