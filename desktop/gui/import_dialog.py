"""File > Import…: many web addresses at once, or files chosen from disk."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.dropped import Dropped, inputs_from_lines

FILE_FILTER = "Articles (*.html *.htm *.xhtml *.md *.markdown *.txt);;All files (*)"


class ImportDialog(QDialog):
    """Collects inputs: once accepted, `inputs` holds them and `junk` the unusable lines."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import articles")
        self.resize(620, 380)
        self.inputs: list[Dropped] = []
        self.junk: list[str] = []
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Paste web addresses here, one per line")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("importProblems")  # in the theme's error colour
        self.problems.hide()
        choose = QPushButton("Choose files…")
        choose.clicked.connect(self._choose_files)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Import")
        buttons.button(QDialogButtonBox.Ok).setToolTip("Import the lines above (Ctrl+Enter)")
        # Enter starts a new line in the list, so Ctrl+Enter imports, as in other multi-line forms.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.accept)
        buttons.addButton(choose, QDialogButtonBox.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Web addresses or file paths, one per line:"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Choose saved pages or text files", "", FILE_FILTER)
        if paths:
            current = self.text.toPlainText().rstrip("\n")
            self.text.setPlainText("\n".join(filter(None, [current, *paths])) + "\n")

    def accept(self) -> None:
        """Import what is valid; junk lines are reported by the caller, not fatal."""
        self.inputs, self.junk = inputs_from_lines(self.text.toPlainText())
        if not self.inputs:
            self.problems.setText("Nothing to import: enter web addresses or choose files.")
            self.problems.show()
            return
        super().accept()
