"""File ▸ Export…: which articles (selected, shown, all), which format, which file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

# (format, what the user reads, file suffix), in the order offered.
FORMATS = (
    ("json", "Cuttings JSON (everything; imports back)", ".json"),
    ("csv", "CSV table", ".csv"),
    ("md", "Markdown text", ".md"),
    ("csl-json", "CSL-JSON citations (Zotero, Pandoc)", ".json"),
    ("ris", "RIS citations (EndNote, Zotero, Mendeley)", ".ris"),
    ("bibtex", "BibTeX citations (biblatex)", ".bib"),
    ("warc", "WARC web archive (every saved copy and version)", ".warc.gz"),
    ("wacz", "WACZ web archive (opens in ReplayWeb.page)", ".wacz"),
)
SELECTED, SHOWN, ALL = "selected", "shown", "all"


class ExportDialog(QDialog):
    """Asks what to export where; `choice()` then gives (scope, format, path)."""

    def __init__(self, selected: int, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._folder = folder or Path.home()
        self.scopes = QButtonGroup(self)
        scope_box = QVBoxLayout()
        for scope, text in ((SELECTED, f"The selected article{'s' if selected != 1 else ''} ({selected})"),
                            (SHOWN, "The articles shown (the current filter and search)"),
                            (ALL, "The whole archive (without the Trash)")):
            button = QRadioButton(text)
            button.setObjectName(scope)
            button.setEnabled(scope != SELECTED or selected > 0)
            self.scopes.addButton(button)
            scope_box.addWidget(button)
        self.scopes.buttons()[0 if selected else 1].setChecked(True)
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        for fmt, text, _suffix in FORMATS:
            self.format.addItem(text, fmt)
        self.path = QLineEdit()
        self.path.setAccessibleName("File")
        self.format.currentIndexChanged.connect(self._suggest_name)
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow("Articles:", scope_box)
        form.addRow("Format:", self.format)
        form.addRow("File:", file_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._suggest_name()

    def _suffix(self) -> str:
        return FORMATS[self.format.currentIndex()][2]

    def _suggest_name(self) -> None:
        current = Path(self.path.text()) if self.path.text().strip() else self._folder / "cuttings"
        stem = next((current.name[: -len(suffix)] for *_, suffix in FORMATS if current.name.endswith(suffix)),
                    current.name)
        self.path.setText(str(current.with_name(stem + self._suffix())))

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), f"*{self._suffix()}")
        if chosen:
            self.path.setText(chosen)

    def _accept(self) -> None:
        if self.path.text().strip():
            self.accept()

    def choice(self) -> tuple[str, str, Path]:
        """(scope: SELECTED, SHOWN or ALL; format; the file to write)."""
        return (self.scopes.checkedButton().objectName(), self.format.currentData(),
                Path(self.path.text().strip()).expanduser())
