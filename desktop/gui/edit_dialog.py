"""Edit details (F2): correct an article's title, authors, date, source and address.

The dialog only collects values; `corrections.edit_article` checks and writes them in one
transaction (undoable), and its ValueError sentence is shown in the dialog, which stays
open. "Use the page's values" asks for the page's own details back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.core.list_rows import Summary
from desktop.core.query import Detail


def split_authors(text: str) -> list[str]:
    """Names typed one per line or separated by ";" (a name may hold a comma: "Smith, Jane")."""
    return [n.strip() for n in text.replace("\n", ";").split(";") if n.strip()]


class EditDialog(QDialog):
    """Collects new metadata for one article; `values()` gives edit_article's keywords.
    Save emits `submitted` and keeps the dialog open until the caller closes it (`done`);
    "Use the page's values" emits `pageValuesRequested`."""

    submitted = Signal()
    pageValuesRequested = Signal()

    def __init__(self, item: Summary | Detail, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Edit details")
        self.setMinimumWidth(520)
        self.title = QLineEdit(item.title)
        self.authors = QLineEdit("; ".join(item.authors))
        self.authors.setPlaceholderText("Names separated by ;")
        self.published = QLineEdit((item.published or "")[:10])  # a stored time of day is kept unless edited
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.publisher = QLineEdit(item.publisher or "")
        self.url = QLineEdit(item.url or "")
        self.url.setPlaceholderText("https://…")
        self._shown = {"title": item.title.strip(), "authors": list(item.authors),
                       "published": (item.published or "")[:10], "publisher": (item.publisher or "").strip(),
                       "url": (item.url or "").strip()}
        form = QFormLayout()
        for label, field, description in (
            ("&Title", self.title, "The article's headline"),
            ("&Authors", self.authors, "The byline: names separated by semicolons"),
            ("&Date", self.published, "Date of publication, as YYYY-MM-DD"),
            ("&Source", self.publisher, "The publication or web site"),
            ("&Web address", self.url, "The page's address"),
        ):
            field.setCursorPosition(0)  # a long title or address shows its start
            field.setAccessibleName(label.replace("&", ""))
            field.setAccessibleDescription(description)
            form.addRow(label, field)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.page_values = buttons.addButton("Use the page's values", QDialogButtonBox.ButtonRole.ResetRole)
        self.page_values.setToolTip("Forget your edits of this article: the details as the page gives them")
        self.page_values.clicked.connect(self.pageValuesRequested)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def focus(self, field: str) -> None:
        """Put the cursor in one field ("title", "authors", "published", "publisher", "url"), its text selected."""
        edit = {"title": self.title, "authors": self.authors, "published": self.published,
                "publisher": self.publisher, "url": self.url}[field]
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    def values(self) -> dict:
        """edit_article's keywords for the fields the user changed (the others: untouched)."""
        typed = {
            "title": self.title.text().strip(),
            "authors": split_authors(self.authors.text()),
            "published": self.published.text().strip(),
            "publisher": self.publisher.text().strip(),
            "url": self.url.text().strip(),
        }
        return {key: value for key, value in typed.items() if value != self._shown[key]}

    def accept(self) -> None:
        self.problem.hide()
        self.submitted.emit()

    def show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()
