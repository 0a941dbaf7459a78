"""File ▸ Import from…: bookmarks files, read-later exports, feeds, OPML and link lists.

The chosen files go to the import panel like any dropped file: the archive's queue
(core/batch.enqueue) tells them apart by content and makes a job, and a row, of each link,
keeping its tags, added time, reading state and the service's copy.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

FILE_FILTER = ("Bookmarks, exports, feeds and link lists "
               "(*.html *.htm *.csv *.json *.zip *.xml *.rss *.atom *.opml *.txt);;All files (*)")


def choose_files(parent: QWidget) -> list[str]:
    """Ask for files of links; the paths chosen (none if the user cancels)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import from bookmarks, exports or feeds", "", FILE_FILTER)
    return paths
