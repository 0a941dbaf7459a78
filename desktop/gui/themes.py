"""The two colour sets, light and dark, as data: every colour the window and its markup use.

`style.py` turns a set into a Qt palette and style sheet, `markup.css` into the detail pane's
CSS. Text colours are chosen for WCAG AA contrast (4.5:1) on the backgrounds they are drawn
on; `tests/gui/test_theme.py` checks every pair in both sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE

LIGHT, DARK, SYSTEM = "light", "dark", "system"
OTHER = "other"  # chips for sources, authors and years


class KindColours(NamedTuple):
    """One entity kind's highlight: a mention or chip background, its border and its text."""

    background: str
    border: str
    text: str


@dataclass(frozen=True)
class Colours:
    """A named colour set; every value a "#rrggbb" string."""

    name: str
    window: str  # main window and dialogs
    sidebar: str
    base: str  # lists, fields, reading panes
    alternate: str  # every other list row
    text: str
    muted: str  # secondary text: meta lines, dates, counts
    faint: str  # hints and asides, still readable
    border: str  # field and frame outlines
    rule: str  # thin separators, splitter handles
    hover: str
    header: str  # list headers
    header_text: str
    accent: str  # focus rings, buttons that read as links
    link: str
    selection: str
    selection_text: str
    error: str
    success: str
    hit: str  # search-hit background (text in `text`)
    quote: str  # a quotation's background in the reading pane (text in `text`)
    inserted: str  # words a later version added, in a comparison of versions (text in `text`)
    deleted: str  # words a later version took out (struck through, text in `text`)
    remove: KindColours  # a chip under the mouse: clicking removes it
    kinds: Mapping[str, KindColours]  # entity kinds, and OTHER

    def kind(self, kind: str) -> KindColours:
        return self.kinds.get(kind, self.kinds[OTHER])

    def variables(self) -> dict[str, str]:
        """The values by name, for `string.Template` style sheets: $text, $muted…, and
        $person_bg, $person_border, $person_text (each kind, "other" and "remove")."""
        values = {k: v for k, v in vars(self).items() if isinstance(v, str)}
        for name, kind in {**self.kinds, "remove": self.remove}.items():
            values.update({f"{name}_bg": kind.background, f"{name}_border": kind.border, f"{name}_text": kind.text})
        # The drop veil lets the window show through: the accent at one sixth.
        values["veil"] = "rgba({}, {}, {}, 40)".format(*(int(self.accent[i : i + 2], 16) for i in (1, 3, 5)))
        return values


LIGHT_COLOURS = Colours(
    name=LIGHT,
    window="#f6f7f9", sidebar="#eef0f3", base="#ffffff", alternate="#f8f9fb",
    text="#1f2329", muted="#565d69", faint="#636a76",
    border="#c9ced6", rule="#dde1e7", hover="#e0e5ec", header="#f1f3f6", header_text="#4a505a",
    accent="#2a64a3", link="#1f5fa8", selection="#d4e4f7", selection_text="#111111",
    error="#b3261e", success="#1b6e3a", hit="#fff0a0", quote="#ecf1f7",
    inserted="#cdeccf", deleted="#f6d2d0",
    remove=KindColours("#f4dede", "#e3b4b4", "#7a1f1f"),
    kinds={
        PERSON: KindColours("#fde7b0", "#efd99a", "#5a4200"),
        CITY: KindColours("#cfe8d5", "#b2d8bb", "#1f4d2a"),
        COUNTRY: KindColours("#d6e4f5", "#b9cde9", "#1d3f66"),
        ORG: KindColours("#ead9f2", "#d9c0e6", "#4b2160"),
        PLACE: KindColours("#dbeee9", "#b5dbd1", "#1d4d44"),
        OTHER: KindColours("#e3ecf8", "#c3d5ee", "#1d3f66"),
    },
)

DARK_COLOURS = Colours(
    name=DARK,
    window="#1e2126", sidebar="#23272e", base="#17191d", alternate="#1c1f24",
    text="#e4e6ea", muted="#aab1bc", faint="#989fab",
    border="#4a505a", rule="#30353d", hover="#2e343d", header="#252a31", header_text="#c5cad3",
    accent="#6ea8ea", link="#7db4f0", selection="#2d4a6e", selection_text="#f2f5f9",
    error="#ff8a80", success="#7fd494", hit="#5e5010", quote="#252d38",
    inserted="#1f4a2a", deleted="#5a2626",
    remove=KindColours("#5a2626", "#8a3d3d", "#ffd6d6"),
    kinds={
        PERSON: KindColours("#4d3b0c", "#7a6020", "#ffe3a3"),
        CITY: KindColours("#1d4429", "#2f6b41", "#bdeecb"),
        COUNTRY: KindColours("#1f3a5c", "#34598a", "#c9e0fb"),
        ORG: KindColours("#43285a", "#6a4590", "#ecd4f8"),
        PLACE: KindColours("#1b4640", "#2d6b62", "#b8eee4"),
        OTHER: KindColours("#263a55", "#3b5678", "#c9e0fb"),
    },
)

COLOUR_SETS = {LIGHT: LIGHT_COLOURS, DARK: DARK_COLOURS}


def luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (AA asks 4.5 for body text)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
