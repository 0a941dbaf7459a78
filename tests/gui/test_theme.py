"""Themes: contrast of every text colour, switching live, no hard-coded colours left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from desktop.gui import markup, style
from desktop.gui.detail import DetailPane
from desktop.gui.tasks import SyncRunner
from desktop.gui.themes import COLOUR_SETS, DARK_COLOURS, LIGHT_COLOURS, contrast, luminance

GUI = Path(style.__file__).parent
AA = 4.5
# (text colour, the backgrounds it is drawn on)
TEXT_PAIRS = {
    "text": ("window", "sidebar", "base", "alternate", "hover", "hit", "quote"),
    "muted": ("window", "sidebar", "base", "alternate"),
    "faint": ("window", "sidebar", "base", "alternate"),
    "link": ("base", "sidebar"),
    "accent": ("window",),
    "header_text": ("header",),
    "selection_text": ("selection",),
    "error": ("base", "window"),
    "success": ("base",),
}


@pytest.fixture
def themed(qapp):
    """The app's theme, put back to "system" (light, offscreen) after the test."""
    yield qapp
    style.apply(qapp, "system")


@pytest.mark.parametrize("colours", COLOUR_SETS.values(), ids=COLOUR_SETS)
def test_every_text_colour_reads_on_its_backgrounds(colours):
    low = [f"{fg} on {bg}: {contrast(getattr(colours, fg), getattr(colours, bg)):.2f}"
           for fg, backgrounds in TEXT_PAIRS.items() for bg in backgrounds
           if contrast(getattr(colours, fg), getattr(colours, bg)) < AA]
    for kind, c in {**colours.kinds, "remove": colours.remove}.items():
        # chips in their own text colour; mentions in the body text colour on the same background
        for fg, name in ((c.text, "text"), (colours.text, "body text")):
            if contrast(fg, c.background) < AA:
                low.append(f"{kind} {name} on its background: {contrast(fg, c.background):.2f}")
    assert not low


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_dark_switch_restyles_palette_sheet_and_rendered_documents(themed, qtbot):
    pane = DetailPane(None, SyncRunner())
    qtbot.addWidget(pane)
    pane.set_markup('<p><a class="ent person" href="cuttings://entity/1">Ann</a> text</p>')
    light_css = pane.document().defaultStyleSheet()
    style.apply(themed, "dark")
    palette = themed.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert palette.color(role).lightness() < 60
    assert palette.color(QPalette.ColorRole.Text).lightness() > 200
    assert style.colours() is DARK_COLOURS
    sheet = themed.styleSheet()
    light_only = set(re.findall(r"#[0-9a-f]{6}", style.stylesheet(LIGHT_COLOURS))) - set(DARK_COLOURS.variables().values())
    assert light_only and not light_only & set(re.findall(r"#[0-9a-f]{6}", sheet))
    css = pane.document().defaultStyleSheet()
    assert css != light_css and DARK_COLOURS.text in css
    mention = pane.document().find("Ann").charFormat()
    assert mention.background().color().name() == DARK_COLOURS.kinds["person"].background
    assert luminance(mention.foreground().color().name()) > 0.5


def test_system_theme_follows_the_desktop_live(themed, qtbot):
    style.apply(themed, "system")
    with qtbot.waitSignal(style.theme().changed):
        themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.colours() is DARK_COLOURS
    style.apply(themed, "light")  # a chosen theme stays when the desktop changes
    themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.colours() is LIGHT_COLOURS
    with pytest.raises(ValueError, match="one of system, light, dark"):
        style.apply(themed, "sepia")


def test_no_colours_hard_coded_outside_the_colour_sets():
    """Colours live in themes.py; everything else names them."""
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(\s*\d")
    found = {path.name: pattern.findall(path.read_text(encoding="utf-8"))
             for path in GUI.glob("*.py") if path.name != "themes.py"}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_themed_label_and_markup_css_follow_the_theme(themed, qtbot):
    label = style.ThemedLabel('<span class="muted">hint</span>')
    qtbot.addWidget(label)
    style.apply(themed, "dark")
    assert DARK_COLOURS.muted in label.text() and "hint" in label.text()
    assert DARK_COLOURS.kinds["org"].background in markup.css(DARK_COLOURS)
