"""Compare versions: the word-level difference of title and text between any two versions
of an article (core.versions.diff_versions), in our own escaped markup."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
                               QWidget)

from desktop.core.store.db import Archive
from desktop.core.store.versions import Version, versions_of
from desktop.core.versions import DELETED, INSERTED, Segment, VersionDiff, diff_versions
from desktop.gui.capture_markup import when
from desktop.gui.detail import SafeBrowser
from desktop.gui.dialogs import failure_sentence

_TAGS = {INSERTED: "ins", DELETED: "del"}


def segments_html(segments: list[Segment]) -> str:
    """Diff segments as escaped HTML: insertions in <ins>, deletions in <del>, paragraphs kept."""
    out, previous = [], None
    for kind, text in segments:
        body = escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>")
        if previous == DELETED and kind == INSERTED:
            out.append(" ")  # a replacement reads as two runs of words, not one run-on word
        out.append(f"<{_TAGS[kind]}>{body}</{_TAGS[kind]}>" if kind in _TAGS else body)
        previous = kind
    return "<p>" + "".join(out) + "</p>"


def _label(version: Version) -> str:
    """ "Version 2 (newest) · 30 Nov 2026 14:02 UTC": when its copy was captured."""
    captured = when(version.capture.captured) if version.capture else "no copy kept"
    return f"Version {version.number}{' (newest)' if version.newest else ''} · {captured}"


def diff_html(diff: VersionDiff) -> str:
    """The comparison: a key to the marks, the title's diff as a heading, the text's below."""
    changed = any(kind != "equal" for kind, _ in diff.title + diff.text)
    key = ('<p class="meta"><ins>added</ins> and <del>removed</del> words, from version '
           f"{diff.older.number} to version {diff.newer.number}</p>" if changed
           else '<p class="meta">These two versions have the same title and text.</p>')
    title = segments_html(diff.title)[3:-4]
    return f"<h1>{title}</h1>{key}<p class=\"sect\">TEXT</p>{segments_html(diff.text)}"


class VersionsDialog(QDialog):
    """Two pickers (older and newer version) over a reading pane showing their difference;
    it opens on the two newest versions. Every read goes through the task runner."""

    def __init__(self, archive: Archive, runner, article_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Compare versions")
        self.resize(760, 640)
        self._archive, self._runner, self._id = archive, runner, article_id
        self.older, self.newer = QComboBox(), QComboBox()
        self.older.setAccessibleName("Older version")
        self.newer.setAccessibleName("Newer version")
        self.view = SafeBrowser()
        self.view.setAccessibleName("Differences between the versions")
        pickers = QHBoxLayout()
        for text, box in (("&From", self.older), ("&To", self.newer)):
            # Long labels give way before the words "From" and "To" do.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
            label = QLabel(text)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            label.setBuddy(box)
            pickers.addWidget(label)
            pickers.addWidget(box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        runner.run(("versions", article_id), lambda: versions_of(archive, article_id), self._listed, self._failed)

    def _listed(self, versions: list[Version]) -> None:
        for box in (self.older, self.newer):
            box.blockSignals(True)
            for version in versions:
                box.addItem(_label(version), version.number)
            box.blockSignals(False)
            box.currentIndexChanged.connect(self.compare)
        self.older.setCurrentIndex(max(len(versions) - 2, 0))
        self.newer.setCurrentIndex(len(versions) - 1)
        self.compare()

    def compare(self) -> None:
        """Show the difference of the two versions picked."""
        a, b, archive, article_id = self.older.currentData(), self.newer.currentData(), self._archive, self._id
        if a is None or b is None:
            return
        self._runner.run(("diff", article_id), lambda: diff_versions(archive, article_id, a, b),
                         lambda diff: self.view.set_markup(diff_html(diff)), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.view.set_markup(f'<p class="muted">{escape(failure_sentence(exc))}</p>')


def compare_versions(parent: QWidget, archive: Archive, runner, article_id: int) -> VersionsDialog:
    """Open the comparison of an article's versions (not modal: the window stays usable)."""
    dialog = VersionsDialog(archive, runner, article_id, parent)
    dialog.show()
    return dialog
