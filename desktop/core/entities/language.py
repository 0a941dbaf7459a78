"""Whether an article is in English: the only language the installed spaCy model knows.

Run on German or Czech, the English model calls common nouns people ("Datenbank",
"Anwendung"), so a foreign-language article gets no entities rather than wrong ones. The
language is identified by py3langid (langid.py's naive Bayes model) from the text itself:
pages often declare the wrong language, or none.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading

ENGLISH = "en"
SAMPLE_WORDS = 150  # as sure as the whole text on the corpus pages and TR-News, far quicker
MIN_WORDS = 20  # fewer are too few to tell: take the text as English (none of the 615
# TR-News paragraphs with 20 such words is misread from them)
# English's own function words, none of them a common word of another language written in Latin
# letters ("to" is Czech, "for" Danish, "of" Dutch, "was" German, "on" French and Czech: left out).
# Function words are the surest cheap sign of a language (Grefenstette 1995, "Comparing two
# language identification schemes"): English news has a fifth of its sample's words among these
# (median 0.19 on TR-News, the corpus pages and CoNLL eng.testa; 18 of 304 texts below 0.12), the
# corpus pages in Czech, German, French, Spanish, Portuguese and Chinese none.
_ENGLISH_WORDS = frozenset("the and that with said from this which are were has his they their who been its would "
                           "not but she what when there also about after into more than".split())
ENGLISH_SHARE = 0.12  # a sample with this share of _ENGLISH_WORDS is English without the model
# Only words that do not open in upper case are read. Names carry no language, and a results
# table ("Ajax Amsterdam 3 Utrecht 0, PSV Eindhoven 2 ...") read whole passed for Dutch.
_COMMON_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+")

_lock = threading.Lock()


@functools.lru_cache(maxsize=4)  # an import asks twice of one text: to store it, to gate entities
def text_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in; None if too short to tell."""
    # The first SAMPLE_WORDS are all that is read: the rest of a long text is not split into words.
    words = list(itertools.islice((w for m in _COMMON_WORD.finditer(text) if not (w := m.group())[0].isupper()),
                                  SAMPLE_WORDS))
    if len(words) < MIN_WORDS:
        return None
    if sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return ENGLISH  # py3langid said so on every such text we have, at a thirtieth of the cost
    import py3langid

    with _lock:  # the identifier loads its model on first use
        return py3langid.classify(" ".join(words))[0]


def load() -> None:
    """Load the identifier's model now (it takes ~0.8 s) instead of at the first long text."""
    import py3langid

    with _lock:
        py3langid.classify("")


def is_english(text: str) -> bool:
    """True unless `text` is long enough to tell and written in another language."""
    return text_language(text) in (ENGLISH, None)
