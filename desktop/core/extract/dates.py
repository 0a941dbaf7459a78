"""Turning the date strings pages carry into ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "janv", "janvier", "januar", "enero", "janeiro", "gennaio"),
            ("feb", "february", "févr", "fevr", "février", "fevrier", "februar", "febrero", "fevereiro",
             "febbraio"),
            ("mar", "march", "mars", "märz", "marzo", "março", "marco"),
            ("apr", "april", "avr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maio", "maggio"),
            ("jun", "june", "juin", "juni", "junio", "junho", "giugno"),
            ("jul", "july", "juil", "juillet", "juli", "julio", "julho", "luglio"),
            ("aug", "august", "août", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre", "setembro", "settembre"),
            ("oct", "october", "octobre", "oktober", "octubre", "outubro", "ottobre"),
            ("nov", "november", "novembre", "noviembre", "novembro"),
            ("dec", "déc", "december", "décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre"),
        ],
        start=1,
    )
    for name in names
}

WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
)

ISO_LIKE = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
SLASHED = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
# "22/12/2024", "12-22-2024": day or month first, told apart only when one of them is over 12.
NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
DOTTED = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")  # day first: 08.04.2015
MONTH_NAME = r"([^\W\d_]{3,10})\.?"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?{MONTH_NAME},?\s+(?:de\s+)?(\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b{MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
# C's ctime and Java's Date.toString(): "Fri Mar 13 21:30:09 EST 2015".
CTIME = re.compile(rf"\b{MONTH_NAME}\s+(\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s+[a-z]{{2,5}})?\s+(\d{{4}})\b")
# Archive pages go back a century and more; a date before this is a typo or a placeholder.
FIRST_YEAR = 1900
# A page written in a time zone ahead of ours can carry tomorrow's date, never a later one.
FUTURE_SLACK = timedelta(days=1)


def _valid(year: int, month: int, day: int) -> date | None:
    """The date when it exists and is plausible for a published page: from FIRST_YEAR on and
    not in the future (today in the earliest time zone)."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    latest = datetime.now(timezone.utc).date() + FUTURE_SLACK
    return found if FIRST_YEAR <= year and found <= latest else None


def _from_iso_like(text: str) -> str | None:
    m = ISO_LIKE.search(text)
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    found = _valid(int(year), int(month), int(day))
    if found is None:
        return None
    if hour is None:
        return found.isoformat()
    zone = zone or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        stamp = datetime.fromisoformat(
            f"{found.isoformat()}T{hour}:{minute}:{second or '00'}{zone.replace('Z', '+00:00')}"
        )
    except ValueError:
        return found.isoformat()
    return stamp.isoformat()


def _from_words(text: str) -> str | None:
    lowered = text.casefold()
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy"), (CTIME, "mdy")):
        for m in pattern.finditer(lowered):
            parts = dict(zip(order, m.groups()))
            month = MONTHS.get(parts["m"])
            if month:
                found = _valid(int(parts["y"]), month, int(parts["d"]))
                if found:
                    return found.isoformat()
    m = SLASHED.search(text)
    if m:
        found = _valid(*map(int, m.groups()))
        return found.isoformat() if found else None
    m = DOTTED.search(text)
    if m:
        day, month, year = map(int, m.groups())
        found = _valid(year, month, day)
        return found.isoformat() if found else None
    return None


def to_iso(value: object) -> str | None:
    """ISO 8601 for a date string in a common format ("2023-01-21T10:00Z", "January 21, 2023",
    "21 janvier 2023", "2023/01/21", "21.01.2023"); None when no plausible date is found."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    return _from_iso_like(text) or _from_words(text)


def from_epoch(value: object) -> str | None:
    """ISO 8601 (UTC) for a Unix time in seconds or milliseconds as pages put it in data-*
    attributes ("1422791820", "1425913200851"); None for anything else or an implausible date."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{9,10}|\d{12,13}", value.strip()):
        return None
    seconds = int(value) / (1000 if len(value.strip()) > 10 else 1)
    stamp = datetime.fromtimestamp(int(seconds), timezone.utc)
    return stamp.isoformat() if _valid(stamp.year, stamp.month, stamp.day) else None


def numeric_date(value: object) -> str | None:
    """ISO 8601 for a bare "DD/MM/YYYY" or "MM/DD/YYYY" (also with "-" or "."), as people
    type dates into front matter; None when the order is ambiguous (both numbers ≤ 12: a
    wrong date is worse than none) or the date is not plausible."""
    match = NUMERIC.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    first, second, year = map(int, match.groups())
    if (first > 12) == (second > 12):
        return None
    day, month = (first, second) if first > 12 else (second, first)
    found = _valid(year, month, day)
    return found.isoformat() if found else None
