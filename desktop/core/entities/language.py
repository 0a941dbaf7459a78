"""Whether an article is in English: the only language the installed spaCy model knows.

Run on German or Czech, the English model calls common nouns people ("Datenbank",
"Anwendung"), so a foreign-language article gets no entities rather than wrong ones. The
language is identified by py3langid (langid.py's naive Bayes model) from the text itself:
pages often declare the wrong language, or none.
"""

from __future__ import annotations

import functools
import threading

ENGLISH = "en"
SAMPLE_CHARS = 1000  # as sure as 5000 on the corpus pages and TR-News, at a fifth of the time
MIN_WORDS = 40  # shorter texts are too short to tell: take them as English

_lock = threading.Lock()


@functools.lru_cache(maxsize=4)  # an import asks twice of one text: to store it, to gate entities
def text_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in; None if too short to tell."""
    if len(text.split(None, MIN_WORDS)) <= MIN_WORDS:
        return None
    import py3langid

    with _lock:  # the identifier loads its model on first use
        return py3langid.classify(text[:SAMPLE_CHARS])[0]


def load() -> None:
    """Load the identifier's model now (it takes ~0.8 s) instead of at the first long text."""
    import py3langid

    with _lock:
        py3langid.classify("")


def is_english(text: str) -> bool:
    """True unless `text` is long enough to tell and written in another language."""
    return text_language(text) in (ENGLISH, None)
