"""Keeping Python's cyclic garbage collector from holding the window.

A full collection walks every object the collector tracks, holding the GIL, whichever thread
sets it off: with a 100,000-article archive open (modules, Qt wrappers, SQLAlchemy's tables,
the list's ids) that walk took 200-400 ms on a shared two-core machine, the longest stalls of
the window during a correction, though the worker thread had set it off.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_long_lived() -> None:
    """Leave out of every later collection what exists now (once per process; call it when
    the window has first shown its archive). Those objects are still freed when nothing
    refers to them; only a cycle among them would stay."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True
