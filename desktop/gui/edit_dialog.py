"""Edit details (F2): correct an article's title, authors, date and source.

The dialog only collects values; `store.archive.update_article` checks and writes them in
one transaction, and its ValueError sentence is shown in the dialog, which stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.core.query import Detail, Summary


def split_authors(text: str) -> list[str]:
    """Names typed one per line or separated by ";" (a name may hold a comma: "Smith, Jane")."""
    return [n.strip() for n in text.replace("\n", ";").split(";") if n.strip()]


class EditDialog(QDialog):
    """Collects new metadata for one article; `values()` gives update_article's keywords.
    Save emits `submitted` and keeps the dialog open until the caller closes it (`done`)."""

    submitted = Signal()

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
        self._shown = {"title": item.title.strip(), "authors": list(item.authors),
                       "published": (item.published or "")[:10], "publisher": (item.publisher or "").strip()}
        form = QFormLayout()
        for label, field, description in (
            ("&Title", self.title, "The article's headline"),
            ("&Authors", self.authors, "The byline: names separated by semicolons"),
            ("&Date", self.published, "Date of publication, as YYYY-MM-DD"),
            ("&Source", self.publisher, "The publication or web site"),
        ):
            field.setAccessibleName(label.replace("&", ""))
            field.setAccessibleDescription(description)
            form.addRow(label, field)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict:
        """update_article's keywords for the fields the user changed (the others: untouched)."""
        typed = {
            "title": self.title.text().strip(),
            "authors": split_authors(self.authors.text()),
            "published": self.published.text().strip(),
            "publisher": self.publisher.text().strip(),
        }
        return {key: value for key, value in typed.items() if value != self._shown[key]}

    def accept(self) -> None:
        self.problem.hide()
        self.submitted.emit()

    def show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()
