"""The saved-copy window: an article's offline copy, shown so that nothing runs or loads.

`SavedCopyWindow(archive, runner, parent).show_article(article_id)` opens it (non-modal;
one window can show article after article). Two views: "Saved page", the stored page as
`core.snapshot` sanitised it, and "Text", our extracted text (`markup.detail_html`). Both
are SafeBrowsers: no resource is ever loaded and no link is followed. A clicked link in the
page is only shown; the one way out to the web is "Open original in browser". Ctrl+F finds
in the current view, Esc closes. The archive is read in the task runner, never here.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import CuttingsError
from desktop.core.query import Detail, detail
from desktop.core.snapshot import SavedCopy, saved_copy
from desktop.gui import markup
from desktop.gui.detail import SafeBrowser

PAGE, TEXT = 0, 1  # the views, as stack indexes
WEB_SCHEMES = ("http", "https")


def _note(text: str) -> str:
    """A muted paragraph of our own, escaped."""
    return f'<p class="muted">{escape(text)}</p>'


class SavedCopyWindow(QDialog):
    """The offline copy of one article at a time; see the module docstring.

    `entityChosen(entity_id)` is emitted for a click on an entity in the Text view (the main
    window may filter by it). `loaded` is True once both views are filled.
    """

    entityChosen = Signal(int)

    def __init__(self, archive, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("savedCopyWindow")
        self.setWindowTitle("Cuttings — saved copy")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.resize(900, 700)
        self.archive, self.runner = archive, runner
        self.article_id: int | None = None
        self.copy: SavedCopy | None = None
        self.article: Detail | None = None
        self._waiting: set[str] = set()
        self._build()
        self._connect()

    @property
    def loaded(self) -> bool:
        return self.article_id is not None and not self._waiting

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.page_button = self._toggle("Saved page", "Show the saved page, without scripts or images")
        self.text_button = self._toggle("Text", "Show the article text Cuttings extracted")
        self.views = QButtonGroup(self)
        self.views.addButton(self.page_button, PAGE)
        self.views.addButton(self.text_button, TEXT)
        self.page_button.setChecked(True)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find in page (Ctrl+F)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setAccessibleName("Find in page")
        self.open_button = QToolButton()
        self.open_button.setText("Open original in browser")
        self.open_button.setAccessibleName("Open original in browser")
        self.open_button.setEnabled(False)
        self.header = self._label("Saved copy details")
        self.status = self._label("Link under the pointer")
        self.page = self._browser("savedPage", "Saved page")
        self.text = self._browser("savedText", "Extracted text")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.text)

        bar = QHBoxLayout()
        for widget in (self.page_button, self.text_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.find_box)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.addLayout(bar)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setCheckable(True)
        return button

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # URLs and page text, never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def _browser(self, object_name: str, name: str) -> SafeBrowser:
        browser = SafeBrowser()
        browser.setObjectName(object_name)
        browser.setAccessibleName(name)
        browser.highlighted.connect(self._hovered)
        return browser

    def _connect(self) -> None:
        self.views.idClicked.connect(self.show_view)
        self.open_button.clicked.connect(self.open_original)
        self.find_box.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_find)
        self.page.anchorClicked.connect(self._page_link)
        self.text.linkClicked.connect(self._text_link)

    # -- loading ------------------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        """Show the window with article `article_id`; both views fill in as the worker reads."""
        self.article_id, self.copy, self.article = article_id, None, None
        self._waiting = {"copy", "text"}
        self._allow_open()
        self.header.setText("Reading the saved copy…")
        self.status.clear()
        for browser in (self.page, self.text):
            browser.set_markup(_note("Reading…"))
        archive = self.archive
        self.runner.run((id(self), "copy"), lambda: saved_copy(archive, article_id),
                        self._copy_loaded, self._copy_failed)
        self.runner.run((id(self), "text"), lambda: detail(archive, article_id),
                        self._text_loaded, self._text_failed)
        self.show()
        self.raise_()
        self.activateWindow()

    def _copy_loaded(self, copy: SavedCopy | None) -> None:
        self._waiting.discard("copy")
        self.copy = copy
        if copy is None:
            self.header.setText("No saved copy")
            self.page.set_markup(_note("This article was stored without a copy of its page."))
            return
        self.header.setText(self._describe(copy))
        self.page.set_markup(copy.html)
        self._allow_open()

    def _copy_failed(self, exc: BaseException) -> None:
        self._waiting.discard("copy")
        self.header.setText("The saved copy cannot be shown")
        reason = str(exc) if isinstance(exc, CuttingsError) else f"Unexpected {exc.__class__.__name__}: {exc}"
        self.page.set_markup(_note(reason))

    def _text_loaded(self, item: Detail | None) -> None:
        self._waiting.discard("text")
        self.article = item
        if item is None:
            self.text.set_markup(_note("This article is no longer in the archive."))
            return
        self.setWindowTitle(f"{item.title or '(untitled)'} — saved copy")
        self.text.set_markup(markup.detail_html(item))
        self._allow_open()

    def _text_failed(self, exc: BaseException) -> None:
        self._waiting.discard("text")
        self.text.set_markup(_note(f"The text cannot be shown: {exc}"))

    @staticmethod
    def _describe(copy: SavedCopy) -> str:
        """ "https://… · saved 2024-03-01 09:30 UTC · 48.2 KB"."""
        bits = [copy.url or "Imported from a file"]
        if copy.fetched is not None:
            bits.append(f"saved {copy.fetched:%Y-%m-%d %H:%M} UTC")
        bits.append(QLocale().formattedDataSize(copy.size))
        return " · ".join(bits)

    # -- links, find, open --------------------------------------------------------------
    def original_url(self) -> QUrl | None:
        """The article's web address, if it has an http(s) one."""
        url = (self.copy and self.copy.url) or (self.article and self.article.url)
        qurl = QUrl(url or "")
        return qurl if qurl.scheme() in WEB_SCHEMES else None

    def _allow_open(self) -> None:
        url = self.original_url()
        self.open_button.setEnabled(url is not None)
        self.open_button.setToolTip(url.toString() if url is not None else "This article has no web address")

    def open_original(self) -> None:
        """Open the article's address in the user's browser (the window's only way out)."""
        url = self.original_url()
        if url is not None:
            QDesktopServices.openUrl(url)

    def _hovered(self, url: QUrl) -> None:
        self.status.setText(url.toString() if not url.isEmpty() and url.scheme() != markup.SCHEME else "")

    def _page_link(self, url: QUrl) -> None:
        self.status.setText(f"Links are not followed here: {url.toString()}")

    def _text_link(self, kind: str, ident: int) -> None:
        if kind == "open":  # the text view's own "Open original" link, as the button
            self.open_original()
        elif kind == "entity":
            self.entityChosen.emit(ident)

    def show_view(self, view: int) -> None:
        """Switch to PAGE ("Saved page") or TEXT."""
        self.views.button(view).setChecked(True)
        self.stack.setCurrentIndex(view)

    def current_browser(self) -> SafeBrowser:
        return self.page if self.stack.currentIndex() == PAGE else self.text

    def _focus_find(self) -> None:
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Select the next match of the find box in the current view, from the top after the
        last one; say so in the status line when there is none."""
        needle = self.find_box.text()
        browser = self.current_browser()
        if not needle:
            return False
        found = browser.find(needle)
        if not found:
            browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = browser.find(needle)
        self.status.setText("" if found else f"Not found: {needle}")
        return found
