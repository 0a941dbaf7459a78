"""The Preferences dialog: theme, default archive, downloads at once, entities, trash.

Values come from and go to `core.preferences` (validated and saved there). The theme applies
at once as a preview; Cancel puts the one in force back. The caller applies the rest:

    prefs = PreferencesDialog(current, window).exec_and_save()
    if prefs is not None:
        window.import_dock.apply_preferences(prefs)
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import preferences
from desktop.core.errors import CuttingsError
from desktop.core.preferences import CONCURRENCY_RANGE, TRASH_DAYS_RANGE, Preferences
from desktop.core.store.db import default_location
from desktop.gui import style

THEME_CHOICES = (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark"))
ENTITIES_NOTE = ("Off makes imports faster; articles are then stored without people or places "
                 "(the command <i>cuttings reindex</i> finds them later).")
ARCHIVE_NOTE = "A new default archive opens the next time Cuttings starts."


class _Note(style.ThemedLabel):
    """An explanation under a setting, in the theme's muted colour, wrapped and as tall as its
    lines at the width it is given: a wrapped QLabel asks for the height of its text at a narrow
    guessed width (four lines for one sentence), and the form kept that, leaving gaps."""

    def __init__(self, text: str):
        super().__init__(f'<span class="muted">{text}</span>')
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the lines, hence the height, follow the width


class PreferencesDialog(QDialog):
    """Edits a copy of `prefs`; OK validates and saves it (see `exec_and_save`)."""

    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self._original = prefs
        self.saved: Preferences | None = None

        self.theme = QComboBox(accessibleName="Theme")
        for label, value in THEME_CHOICES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        self.theme.currentIndexChanged.connect(self._preview_theme)

        self.archive = QLineEdit(prefs.archive or "", accessibleName="Default archive")
        self.archive.setPlaceholderText(f"The default: {default_location()}")

        self.concurrency = QSpinBox(accessibleName="Downloads at once")
        self.concurrency.setRange(*CONCURRENCY_RANGE)
        self.concurrency.setValue(prefs.import_concurrency)

        self.entities = QCheckBox("Find &people, places and organisations when importing",
                                  accessibleName="Find entities when importing")
        self.entities.setChecked(prefs.entities)

        self.trash_days = QSpinBox(accessibleName="Empty the trash after days")
        self.trash_days.setRange(*TRASH_DAYS_RANGE)
        self.trash_days.setSpecialValueText("Never")  # shown for 0
        self.trash_days.setSuffix(" days")
        self.trash_days.setValue(prefs.trash_days)

        self.problem = style.ThemedLabel()
        self.problem.setAccessibleName("Problem with the preferences")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("Default &archive:", self._archive_row())
        form.addRow("", _Note(ARCHIVE_NOTE))
        form.addRow("Downloads at &once:", self.concurrency)
        form.addRow("Entities:", self.entities)
        form.addRow("", _Note(ENTITIES_NOTE))
        form.addRow("Empty the t&rash after:", self.trash_days)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, self.heightForWidth(620))  # the wrapped notes as they lie at that width

    def _archive_row(self) -> QWidget:
        """The archive field with its Browse… and Use the default buttons."""
        browse = QPushButton("&Browse…", accessibleName="Choose the default archive file")
        browse.clicked.connect(self._browse)
        use_default = QPushButton("Use the &default", accessibleName="Use the default archive")
        use_default.clicked.connect(self.archive.clear)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.archive, 1)
        layout.addWidget(browse)
        layout.addWidget(use_default)
        return row

    def preferences(self) -> Preferences:
        """The values as set in the dialog (ValueError if one is not allowed)."""
        return Preferences(
            theme=self.theme.currentData(),
            archive=preferences.parse("archive", self.archive.text()),
            import_concurrency=self.concurrency.value(),
            entities=self.entities.isChecked(),
            trash_days=self.trash_days.value(),
        )

    def accept(self) -> None:
        """Save and close; on a bad value or an unwritable file, say so and stay open."""
        try:
            prefs = self.preferences()
            preferences.save(prefs)
        except (ValueError, CuttingsError) as exc:
            self.problem.set_html(f'<span class="error">{escape(str(exc))}</span>')
            self.problem.show()
            return
        self.saved = prefs
        super().accept()

    def reject(self) -> None:
        """Close without saving, back in the theme that was in force."""
        self._use_theme(self._original.theme)
        super().reject()

    def exec_and_save(self) -> Preferences | None:
        """Show the dialog; the saved preferences after OK, None after Cancel."""
        return self.saved if self.exec() == QDialog.DialogCode.Accepted else None

    def _preview_theme(self) -> None:
        self._use_theme(self.theme.currentData())

    @staticmethod
    def _use_theme(choice: str) -> None:
        style.theme().choose(QApplication.instance(), choice)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Default archive", self.archive.text() or str(default_location()),
            "Cuttings archives (*.sqlite3);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # choosing an archive, not replacing it
        )
        if path:
            self.archive.setText(path)
