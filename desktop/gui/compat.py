"""Work around PySide6 6.12 on Python 3.11: it returns None, True and False without a reference.

Every call of a void Qt method (and every QVariant that converts to None or a bool) takes one
reference from None (or True/False) that it never gave. Python 3.12+ does not mind (those
objects are immortal there); on 3.11 the count reaches zero after a few thousand calls and
the interpreter aborts ("none_dealloc: deallocating None"). We give the three singletons a
reference count no program can use up, which is what 3.12 does. Nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

_PLENTY = 1 << 60


def immortalize_singletons() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):  # 3.12+: immortal already; debug build: skip
        return
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if refcount.value < _PLENTY // 2:
            refcount.value += _PLENTY
