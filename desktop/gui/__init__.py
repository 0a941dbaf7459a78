"""The desktop window (PySide6). Only this package imports Qt."""

from desktop.gui.compat import immortalize_singletons

immortalize_singletons()
