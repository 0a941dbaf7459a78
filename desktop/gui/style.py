"""The look: Fusion with a light or dark palette (`themes.py`), readable sizes, chips and sidebar.

`apply(app, "system" | "light" | "dark")` sets the palette and the style sheet from one colour
set; "system" follows the desktop's colour scheme, also when it changes while the window is
open. Widgets that render their own markup or colour items by hand listen to
`theme().changed` and read `colours()`.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.gui.themes import COLOUR_SETS, DARK, LIGHT, LIGHT_COLOURS, OTHER, SYSTEM, Colours

THEMES = (SYSTEM, LIGHT, DARK)

STYLESHEET = Template("""
QMainWindow, QDialog { background: $window; }
#facetPanel { background: $sidebar; }
#facetTree { background: $sidebar; border: none; }
#facetTree::item { padding: 3px 2px; }
#facetTree::item:hover { background: $hover; }
#profileArticles::item { padding: 4px 2px; }
QLineEdit {
    padding: 5px 8px; border: 1px solid $border; border-radius: 6px; background: $base; color: $text;
    selection-background-color: $accent;
}
QLineEdit:focus { border-color: $accent; }
#searchField { font-size: 11pt; padding: 6px 10px; }
#countLabel { color: $muted; padding-left: 8px; }
#sectionLabel { color: $muted; font-size: 9pt; font-weight: 600; }
QTableView {
    background: $base; alternate-background-color: $alternate; border: 1px solid $rule;
    border-radius: 4px; selection-background-color: $selection; selection-color: $selection_text;
    gridline-color: transparent;
}
QHeaderView::section {
    background: $header; color: $header_text; border: none; border-bottom: 1px solid $rule;
    border-right: 1px solid $rule; padding: 5px 6px; font-weight: 600;
}
#detailPane, #profileText { background: $base; border-left: 1px solid $rule; }
QToolButton#chip {
    background: $other_bg; border: 1px solid $other_border; color: $other_text; border-radius: 11px;
    padding: 2px 10px;
}
$chips
QToolButton#chip[kind="quoted"] { background: $person_bg; border-color: $person_border; color: $person_text; }
QToolButton#quotedToggle { padding: 2px 8px; border: 1px solid $border; border-radius: 11px; color: $muted; }
QToolButton#chip:hover { background: $remove_bg; border-color: $remove_border; color: $remove_text; }
QToolButton#clearChips { color: $accent; border: none; }
#chipHint { color: $faint; }
#importProblems { color: $error; }
#emptyState { background: $base; border: 1px dashed $border; border-radius: 8px; color: $text; }
#dropOverlay {
    background: $veil; border: 3px dashed $accent; border-radius: 12px; color: $text;
    font-size: 20pt; font-weight: 600;
}
QTableView:focus, #facetTree:focus, #detailPane:focus, #profileText:focus, #profileArticles:focus {
    border: 2px solid $accent;
}
QToolButton:focus, QPushButton:focus, QLabel:focus { border: 2px solid $accent; border-radius: 4px; }
QLineEdit[invalid="true"] { border-color: $error; }
#searchProblem { color: $error; }
QToolButton:checked { background: $selection; color: $selection_text; border-color: $accent; }
#trashButton { padding: 4px 8px; color: $text; border: none; }
#trashButton:checked { background: $selection; color: $selection_text; border-radius: 4px; }
#relevanceButton { padding: 4px 8px; border: 1px solid $border; border-radius: 6px; color: $text; }
#relevanceButton:checked { background: $selection; color: $selection_text; }
#trashBar { background: $sidebar; border-radius: 6px; padding: 4px; }
QSplitter::handle { background: $rule; }
QSplitter::handle:horizontal { width: 1px; }
QStatusBar { color: $muted; }
""")
_CHIP = 'QToolButton#chip[kind="{0}"] {{ background: ${0}_bg; border-color: ${0}_border; color: ${0}_text; }}'


def stylesheet(colours: Colours) -> str:
    """The application style sheet in `colours`."""
    # Chips of sources, authors and years keep the generic rule's "other" colours.
    chips = Template("\n".join(_CHIP.format(kind) for kind in colours.kinds if kind != OTHER))
    values = colours.variables()
    return STYLESHEET.substitute(values, chips=chips.substitute(values))


def palette(colours: Colours) -> QPalette:
    """A Fusion palette in `colours` (bevels derived from the window colour by Qt)."""
    pal = QPalette(QColor(colours.window), QColor(colours.window))
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, colours.window), (roles.Base, colours.base), (roles.AlternateBase, colours.alternate),
        (roles.Text, colours.text), (roles.WindowText, colours.text), (roles.Button, colours.sidebar),
        (roles.ButtonText, colours.text), (roles.Highlight, colours.selection),
        (roles.HighlightedText, colours.selection_text), (roles.Link, colours.link),
        (roles.LinkVisited, colours.link), (roles.PlaceholderText, colours.faint),
        (roles.ToolTipBase, colours.base), (roles.ToolTipText, colours.text), (roles.BrightText, colours.error),
    ):
        pal.setColor(role, QColor(value))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.faint))
    return pal


class Theme(QObject):
    """The colour set in force. `changed` is emitted after the app has been restyled, so that
    rendered documents (detail pane, entity view) and hand-coloured items can follow."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        self.choice = SYSTEM
        self.colours = LIGHT_COLOURS
        self._qcolours: dict[str, QColor] = {}
        self._app: QApplication | None = None

    def qcolor(self, name: str) -> QColor:
        """A colour of the set in force as a QColor (cached: list models ask on every paint)."""
        colour = self._qcolours.get(name)
        if colour is None:
            colour = self._qcolours[name] = QColor(getattr(self.colours, name))
        return colour

    def choose(self, app: QApplication, choice: str) -> None:
        if choice not in THEMES:
            raise ValueError(f"The theme must be one of {', '.join(THEMES)}, not {choice!r}.")
        if self._app is not app:
            self._app = app
            app.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        self.choice = choice
        self._use(self._pick(app.styleHints().colorScheme()))

    def _pick(self, scheme: Qt.ColorScheme) -> Colours:
        if self.choice != SYSTEM:
            return COLOUR_SETS[self.choice]
        return COLOUR_SETS[DARK if scheme == Qt.ColorScheme.Dark else LIGHT]

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM and self._app is not None:
            self._use(self._pick(scheme))

    def _use(self, colours: Colours) -> None:
        self.colours = colours
        self._qcolours.clear()
        self._app.setPalette(palette(colours))
        self._app.setStyleSheet(stylesheet(colours))
        self.changed.emit()


_theme: Theme | None = None


def theme() -> Theme:
    """The one Theme object (created on first use, before or after `apply`)."""
    global _theme
    if _theme is None:
        _theme = Theme()
    return _theme


def colours() -> Colours:
    """The colour set in force."""
    return theme().colours


def apply(app: QApplication, choice: str = SYSTEM) -> None:
    """Style `app`: Fusion, a readable font size, and the "system", "light" or "dark" colours."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    theme().choose(app, choice)


def rich_text_css(colours: Colours) -> str:
    """A <style> block for rich text in labels, which have no default style sheet: the
    classes "muted", "faint" and "error" in `colours`."""
    return (f"<style>.muted {{ color: {colours.muted}; }} .faint {{ color: {colours.faint}; }} "
            f".error {{ color: {colours.error}; }}</style>")


class ThemedLabel(QLabel):
    """A rich-text label whose `class="muted"` / `"faint"` / `"error"` spans follow the theme
    (use it instead of inline colours, which stay light-theme greys on a dark window)."""

    def __init__(self, html: str = "", parent=None):
        super().__init__(parent)
        self._html = html
        self.setTextFormat(Qt.TextFormat.RichText)
        self._render()
        theme().changed.connect(self._render)

    def set_html(self, html: str) -> None:
        self._html = html
        self._render()

    def _render(self) -> None:
        self.setText(rich_text_css(colours()) + self._html)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size a window at its preferred `width` × `height` pixels, but never over 95% of the
    screen it opens on (a 1024×640 laptop screen would otherwise hide its buttons)."""
    screen = widget.screen().availableGeometry() if widget.screen() else None
    if screen is not None and screen.width() > 0:
        width = min(width, int(screen.width() * 0.95))
        height = min(height, int(screen.height() * 0.95))
    widget.resize(width, height)
