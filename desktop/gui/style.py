"""The look: Fusion with a calm light palette, readable sizes, chips and sidebar styling."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6fb3"

STYLESHEET = f"""
QMainWindow, QDialog {{ background: #f6f7f9; }}
#facetPanel {{ background: #eef0f3; }}
#facetTree {{ background: #eef0f3; border: none; }}
#facetTree::item {{ padding: 3px 2px; }}
#facetTree::item:hover {{ background: #e0e5ec; }}
#profileArticles::item {{ padding: 4px 2px; }}
QLineEdit {{
    padding: 5px 8px; border: 1px solid #c9ced6; border-radius: 6px; background: white;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border-color: {ACCENT}; }}
#searchField {{ font-size: 11pt; padding: 6px 10px; }}
#countLabel {{ color: #5f6672; padding-left: 8px; }}
#sectionLabel {{ color: #6b7280; font-size: 9pt; font-weight: 600; }}
QTableView {{
    background: white; alternate-background-color: #f8f9fb; border: 1px solid #dde1e7;
    border-radius: 4px; selection-background-color: #d4e4f7; selection-color: #111;
    gridline-color: transparent;
}}
QHeaderView::section {{
    background: #f1f3f6; color: #4a505a; border: none; border-bottom: 1px solid #dde1e7;
    border-right: 1px solid #e6e9ee; padding: 5px 6px; font-weight: 600;
}}
#detailPane, #profileText {{ background: white; border-left: 1px solid #dde1e7; }}
QToolButton#chip {{
    background: #e3ecf8; color: #1d3f66; border: 1px solid #c3d5ee; border-radius: 11px;
    padding: 2px 10px;
}}
QToolButton#chip:hover {{ background: #f4dede; border-color: #e3b4b4; color: #7a1f1f; }}
QToolButton#chip[kind="person"] {{ background: #fdf0cf; border-color: #efd99a; color: #5a4200; }}
QToolButton#chip[kind="city"] {{ background: #dcefe0; border-color: #b2d8bb; color: #1f4d2a; }}
QToolButton#chip[kind="country"] {{ background: #e0eaf7; border-color: #b9cde9; color: #1d3f66; }}
QToolButton#chip[kind="org"] {{ background: #f0e4f6; border-color: #d9c0e6; color: #4b2160; }}
QToolButton#clearChips {{ color: {ACCENT}; border: none; }}
#chipHint {{ color: #8a8f98; }}
#emptyState {{ background: white; border: 1px dashed #c9ced6; border-radius: 8px; color: #3b414a; }}
QSplitter::handle {{ background: #dde1e7; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QStatusBar {{ color: #5f6672; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2329"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2329"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#eef0f3"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2329"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#d4e4f7"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8f98"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
