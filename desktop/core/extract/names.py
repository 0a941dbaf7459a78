"""Cleaning author names and splitting visible bylines ("By X, Y and Z") into people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .dates import MONTHS, WEEKDAYS
from .normalize import squash

BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|text|words|story)\s+)?(?:by|par|por|von|di|door|av|af)\b\s*:?\s*", re.I
)
# Separators between people in one byline; "&" is left alone ("Mac & i" is one outlet).
SEPARATORS = re.compile(r"\s*[,;|/\n•·]\s*|\s+(?:and|und|et|y|e|en|og|och|with)\s+", re.I)
HANDLE = re.compile(r"@\w+")
URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.\w+)\b|^/", re.I)
# Words that say a name field holds a role, a desk or an agency rather than a person.
ROLE_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|editor|editors|correspondent|contributor|columnist|news\s+service|"
    r"newsroom|desk|team|agency|wire|press|associated|updated|published|posted|follow|email|share|"
    r"photos?|images?|illustrations?|video|sponsored|min\s+read)\b",
    re.I,
)
# Words in front of a role that are part of it ("Senior Correspondent", "Chief Political Editor").
RANK_WORDS = frozenset("senior chief special contributing staff foreign political national deputy associate "
                       "managing executive sports business science health technology tech world local "
                       "investigative freelance guest white house the a an".split())
CREDENTIAL = re.compile(r"(?:ph\.?d|m\.?d|m\.?a|m\.?s|m\.?sc|mph|rn|jr|sr|esq)\.?", re.I)
# A date or time ends the names part of a byline ("By Jane Doe Dec 22, 2016", "Jane Doe • 8h",
# "Jane Doe Monday, February 29"), and so does another role's credit ("Written by Jane Doe
# Edited by John Roe": the editor is no author).
NAME_END = re.compile(
    rf"\d|\b(?:updated|published|posted|on)\s|\b(?:{'|'.join(WEEKDAYS)})\b"
    r"|\b(?:edited|illustrated|photographed|translated|reviewed)\s+by\b"
    rf"|\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d",
    re.I,
)
URL = re.compile(r"\S*(?:https?://|www\.)\S*")
# Wire services that credit stories under their own name.
WIRE_AGENCIES = ("Reuters", "AFP", "AP", "Bloomberg", "PTI", "ANI", "IANS", "UPI", "dpa", "Xinhua",
                 "EFE", "ANSA", "Kyodo", "Yonhap", "TASS", "Interfax", "Agence France-Presse")
# "Reuters SINGAPORE": the story's dateline, in capitals, printed right after the agency.
AGENCY_DATELINE = re.compile(rf"^({'|'.join(WIRE_AGENCIES)})\s+[A-Z][A-Z .,'-]*[A-Z]$")


def _before_role(name: str) -> str | None:
    """The name in front of a role or desk ("JOHN SMITH Associated Press" -> "JOHN SMITH",
    "Jane Doe Senior Correspondent" -> "Jane Doe", "Reuters Staff" -> "Reuters"); None when
    nothing in front is a person's name or an agency (a bare "Staff Writer", "Tribune News
    Service")."""
    role = ROLE_WORDS.search(name)
    if role is None:
        return name
    head = name[: role.start()].split()
    while head and head[-1].casefold().strip(",") in RANK_WORDS:
        head.pop()
    head_text = " ".join(head).strip(" ,-–—|:")
    return head_text if len(head) >= 2 or head_text in WIRE_AGENCIES else None


def clean_name(raw: str) -> str | None:
    """One person's name tidied up, or None when the text is not a person's name."""
    name = squash(HANDLE.sub(" ", raw or "")).strip(" -–—:,.|•·")
    name = BY_PREFIX.sub("", name).strip()
    if not name or URLISH.search(name) or CREDENTIAL.fullmatch(name):
        return None
    name = _before_role(name)
    if not name:
        return None
    if len(name) > 60 or len(name.split()) > 5 or not re.search(r"[^\W\d_]", name):
        return None
    dateline = AGENCY_DATELINE.match(name)
    if dateline:
        return dateline.group(1)
    if name.isupper() and " " in name:
        name = name.title()
    return name


def split_byline(text: str) -> list[str]:
    """The people in a visible byline: "By A, B and C • Jan 3, 2023" -> ["A", "B", "C"]."""
    text = BY_PREFIX.sub("", re.sub(r"[ \t\r\f\v]+", " ", URL.sub(" ", text or "")).strip())
    end = NAME_END.search(text)
    if end:
        text = text[: end.start()]
    return clean_names(SEPARATORS.split(text))


def clean_names(raw: Iterable[str]) -> list[str]:
    """Cleaned, de-duplicated (case-insensitively) names, in order."""
    seen, names = set(), []
    for item in raw:
        name = clean_name(item)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def _outlet_words(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+", name.casefold())
    return words[1:] if words[:1] == ["the"] else words


def same_outlet(name: str, outlet: str) -> bool:
    """Whether an author `name` is the outlet itself: after folding case and punctuation,
    one holds the other word for word ("Reuters staff" / "Reuters", "BBC" / "bbc.co.uk")."""
    short, long = sorted((_outlet_words(name), _outlet_words(outlet or "")), key=len)
    return bool(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
