"""Names reduced to what two spellings of one name share: case, accents, dots, transliteration.

`fold` is what two writings of one name keep in common when only case, accents and
punctuation differ ("U.S. Army" / "US Army", "Zelenskyy" / "zelenskyy"). `skeleton` goes
further and forgets the letters English transliterations of Cyrillic, Arabic and Ukrainian
names disagree on ("Alexey" / "Alexei" / "Aleksei", "Zelenskyy" / "Zelensky" / "Zelenskiy",
"Mohammed" / "Mohamed"): y and i are one letter, "ks" is "x", a doubled letter is one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .lexicon import COMPANY_ENDS
from .name_parts import is_particle, is_suffix

_NOT_LETTERS = re.compile(r"[^\w\s]|_")
_INNER_MARK = re.compile(r"(?<=\w)[.'\u2019](?=\w)")  # "U.S" -> "US", "O'Neill" -> "ONeill"
_RUN_OF_INITIALS = re.compile(r"(?<=\b\w)\.(?=\w\b)")  # the dot between "H.W.": two initials
_PLAIN = re.compile(r"[A-Za-z0-9 ]*")  # most names: nothing to fold but case and spaces
_ARTICLE = re.compile(r"^(?:al|el)[-'\u2019](?=\w)", re.IGNORECASE)  # "al-Assad" is Assad
# Transliteration pairs, applied in order to a folded word (after accents are gone).
_TRANSLITERATION = (("ks", "x"), ("ph", "f"), ("y", "i"))
_DOUBLED = re.compile(r"(\w)\1+")
# Words an organisation's initials leave out: "North Atlantic Treaty Organization" is NATO.
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "du", "des", "la", "le"})


def fold(text: str) -> str:
    """`text` in lower case without accents, dots, apostrophes or other punctuation, spaces
    collapsed; "&" is "and": "U.S. Army" -> "us army", "Zelenskyy" -> "zelenskyy",
    "Procter & Gamble" -> "procter and gamble"."""
    if _PLAIN.fullmatch(text):
        return " ".join(text.casefold().split())
    text = text.replace("&", " and ")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _INNER_MARK.sub("", text.casefold())
    return " ".join(_NOT_LETTERS.sub(" ", text).split())


def skeleton(word: str) -> str:
    """A folded word (or words) without the letters transliterations disagree on: "alexey" and
    "aleksei" -> "alexei", "zelenskyy" -> "zelenski"."""
    for letters, replacement in _TRANSLITERATION:
        word = word.replace(letters, replacement)
    return _DOUBLED.sub(_one_letter, word) if _DOUBLED.search(word) else word


def _one_letter(match: re.Match) -> str:
    return match.group(1)


class PersonName(NamedTuple):
    """A person's name as compared: the skeletons of the given names (an initial is one
    letter) and of the surname."""

    given: tuple[str, ...]
    surname: str

    @property
    def surname_only(self) -> bool:
        return not self.given


def person_name(name: str) -> PersonName | None:
    """The parts of a person's name (see PersonName); None for an empty one. A generational
    suffix ("Jr.") and the particles before a surname are left out, and an Arabic article on
    it: "Ursula von der Leyen" -> given ("ursula",), surname "leien"; "Bashar al-Assad" ->
    surname "asad"."""
    words = name.split()
    while len(words) > 1 and is_suffix(words[-1].rstrip(",")):
        words.pop()
    if not words:
        return None
    last = _ARTICLE.sub("", words[-1]) if words[-1][:1] in "aAeE" else words[-1]
    given = " ".join(w for w in words[:-1] if not (w[:1].islower() and is_particle(w)))
    given = _RUN_OF_INITIALS.sub(". ", given)  # "George H.W. Bush": two initials, as "H. W."
    surname = skeleton(fold(last)).replace(" ", "")
    if not surname:
        return None
    return PersonName(tuple(skeleton(fold(given)).split()), surname)


def org_fold(name: str) -> str:
    """An organisation's name folded, without a leading "the" and a company's legal form at the
    end: "The U.S. Army" -> "us army", "Netflix, Inc." -> "netflix"."""
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    if len(words) > 1 and words[-1] in COMPANY_ENDS:
        words.pop()
    return " ".join(words)


def acronym(name: str) -> str | None:
    """The letters of a name written as an acronym ("NATO", "U.N.", "UNHCR"), folded; None
    for a name that is not one (lower-case letters, several words, one letter or over 8)."""
    letters = name.replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper() and " " not in name.strip():
        return letters.casefold()
    return None


def initials(name: str) -> str | None:
    """The initials of a name of two words or more, small words left out: "North Atlantic
    Treaty Organization" -> "nato"; None for a shorter name."""
    words = [w for w in fold(name).split() if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def digits(text: str) -> str:
    """The numbers of a name, in order: "Org 12" and "Org 13" are two organisations."""
    return " ".join(re.findall(r"\d+", text))


def fullness(name: str) -> tuple[int, int]:
    """How full a name is, for choosing which of two forms to keep: its words, then its
    letters ("Donald J. Trump" over "Donald Trump", "Alexei Navalny" over "Navalny")."""
    folded = fold(name)
    return len(folded.split()), len(folded.replace(" ", ""))
