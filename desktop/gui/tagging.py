"""Edit ▸ Tags…: add tags to, or take them off, the selected articles.

The dialog only collects names; `store.tags.add_tags` / `remove_tags` write them in one
transaction in the task runner, and a refusal's sentence is shown in the dialog.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.store import tags as core_tags
from desktop.core.store.db import Archive
from desktop.gui.dialogs import failure_sentence


def split_tags(text: str) -> list[str]:
    """Tag names typed separated by commas."""
    return core_tags.clean_tags(text.split(","))


class TagsDialog(QDialog):
    """Collects tag names; Add or Remove emits `submitted(adding, names)` and the dialog
    stays open until the caller closes it (`done`) or shows a problem. The tags the selected
    articles carry (`carried`) are listed as links: one clicked goes into the field."""

    submitted = Signal(bool, list)

    def __init__(self, count: int, known: list[str], carried: list[core_tags.TagCount] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self.setMinimumWidth(420)
        self.names = QLineEdit()
        self.names.setPlaceholderText("Tags, separated by commas")
        self.names.setAccessibleName("Tags")
        completer = QCompleter(known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.names.setCompleter(completer)
        self.carried = QLabel(_carried_text(count, carried))
        self.carried.setWordWrap(True)
        self.carried.setTextFormat(Qt.TextFormat.RichText)
        self.carried.linkActivated.connect(lambda link: self._take(carried[int(link)].name))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add = buttons.addButton("&Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.remove = buttons.addButton("&Remove", QDialogButtonBox.ButtonRole.ActionRole)
        self.add.setDefault(True)
        self.names.textEdited.connect(lambda _: self.add.setDefault(True))  # typed names: Enter adds
        self.add.clicked.connect(lambda: self._submit(True))
        self.remove.clicked.connect(lambda: self._submit(False))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Add tags to, or remove them from, the {count} selected "
                                f"article{'s' if count != 1 else ''}:"))
        layout.addWidget(self.names)
        layout.addWidget(self.carried)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _submit(self, adding: bool) -> None:
        names = split_tags(self.names.text())
        if not names:
            self.show_problem("Type the name of a tag.")
            return
        self.submitted.emit(adding, names)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _take(self, name: str) -> None:
        """A carried tag clicked: into the field, Enter now removes it (Add gives it to the rest)."""
        self.remove.setDefault(True)
        self.names.setText(name)
        self.names.selectAll()
        self.names.setFocus()


def _carried_text(count: int, carried: list[core_tags.TagCount]) -> str:
    """"Their tags: Serbia (3 of 3), pipeline (1)": each a link to its index in `carried`."""
    if not carried:
        return "It has no tags yet." if count == 1 else "None of them has a tag yet."
    shown = ", ".join(f'<a href="{i}">{html.escape(t.name)}</a>' + ("" if count == 1 else f" ({t.articles} of {count})")
                      for i, t in enumerate(carried))
    return f"{'Its' if count == 1 else 'Their'} tags (click one to pick it, then Remove): {shown}"


def edit_tags(parent: QWidget, archive: Archive, runner, ids: list[int], changed: Callable[[str], None]) -> None:
    """Open the Tags dialog for the articles `ids`; after a change, `changed` gets a sentence
    saying what was done."""
    if not ids:
        return
    runner.run("tags", lambda: ([t.name for t in core_tags.tags(archive)], core_tags.tags(archive, ids)),
               lambda found: _open(parent, archive, runner, ids, *found, changed))


def _open(parent, archive, runner, ids, known, carried, changed) -> None:
    dialog = TagsDialog(len(ids), known, carried, parent)

    def submit(adding: bool, names: list[str]) -> None:
        write = core_tags.add_tags if adding else core_tags.remove_tags

        def done(result: tuple[list[str], int]) -> None:
            spelt, count = result  # as the archive spells the tags ("serbia" joined "Serbia")
            dialog.done(QDialog.DialogCode.Accepted)
            verb = "Added" if adding else "Removed"
            changed(f"{verb} {', '.join(spelt)}: {count} change{'s' if count != 1 else ''}.")

        # Spelt before the change: a tag taken off its last article is gone after it.
        runner.run("tags", lambda: (core_tags.spellings(archive, names), write(archive, ids, names)), done,
                   lambda exc: dialog.show_problem(failure_sentence(exc)))

    dialog.submitted.connect(submit)
    dialog.open()
