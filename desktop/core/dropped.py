"""What browsers, file managers and the clipboard hand over, turned into things to import.

Works on a plain {mime type: bytes} mapping so that it needs no Qt; the window passes in
what a drop or a paste carried.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from desktop.core.errors import CuttingsError
from desktop.core.connector.capture import Capture
from desktop.core.pipeline import HTML_SUFFIXES, TEXT_SUFFIXES
from desktop.core.urls import looks_like_url, normalize_url

IMPORTABLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True)
class Dropped:
    """One input: a web address or a file path, with the link text as a provisional title;
    `capture` is a page already in hand (the browser connector's DOM), not downloaded again."""

    source: str
    title: str = ""
    capture: Capture | None = field(default=None, compare=False)


def _text(data: bytes, utf16: bool = False) -> str:
    if utf16 or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace").replace("\x00", "")
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


def _local(path: Path) -> Iterable[Dropped]:
    """A folder as it is (listing it may be slow: see importable_files), or an importable file."""
    if path.is_dir() or (path.is_file() and path.suffix.lower() in IMPORTABLE_SUFFIXES):
        yield Dropped(str(path))


def _from_uri(uri: str) -> Iterable[Dropped]:
    if uri.lower().startswith("file:"):
        yield from _local(Path(unquote(urlsplit(uri).path)))
    elif looks_like_url(uri):
        yield Dropped(uri)


def _pairs(lines: list[str]) -> Iterable[Dropped]:
    """URL, title, URL, title... as in _NETSCAPE_URL and text/x-moz-url."""
    for i in range(0, len(lines), 2):
        yield from (Dropped(d.source, lines[i + 1] if i + 1 < len(lines) else "") for d in _from_uri(lines[i]))


def _from_html(html: str) -> Iterable[Dropped]:
    for link in BeautifulSoup(html, "lxml").find_all("a", href=True):
        yield from (Dropped(d.source, link.get_text(" ", strip=True)) for d in _from_uri(link["href"].strip()))


def _from_plain(text: str) -> Iterable[Dropped]:
    """Web addresses, file: URIs and absolute paths of importable files in free text.

    Not bare folder paths nor relative words: ordinary text with a "." or "~" or "/" in it
    must not import a whole tree of files (file managers send folders as file: URIs).
    """
    for word in text.split():
        path = Path(word).expanduser()
        if word.lower().startswith("file:"):
            yield from _from_uri(word)
        elif looks_like_url(word):
            yield Dropped(word)
        elif path.is_absolute() and path.is_file() and path.suffix.lower() in IMPORTABLE_SUFFIXES:
            yield Dropped(str(path))


def _key(source: str) -> str:
    try:
        return normalize_url(source)
    except CuttingsError:  # a refused address stays in, to be reported by name
        return source


def dropped_inputs(formats: Mapping[str, bytes]) -> list[Dropped]:
    """Every distinct input in a drop or paste, each once, with the best title seen for it."""
    found: list[Dropped] = []
    get = lambda name: formats.get(name) or b""  # noqa: E731
    for uri in _lines(_text(get("text/uri-list"))):
        if not uri.startswith("#"):
            found += _from_uri(uri)
    found += _pairs(_lines(_text(get("_NETSCAPE_URL"))))
    found += _pairs(_lines(_text(get("text/x-moz-url"), utf16=True)))
    moz_url, moz_desc = _text(get("text/x-moz-url-data"), True), _text(get("text/x-moz-url-desc"), True)
    found += (Dropped(d.source, moz_desc.strip()) for d in _from_uri(moz_url.strip()))
    found += _from_html(_text(get("text/html")))
    for name in ("text/plain;charset=utf-8", "text/plain"):
        found += _from_plain(_text(get(name)))

    by_key: dict[str, Dropped] = {}
    for item in found:
        key = _key(item.source)
        if key not in by_key or (item.title and not by_key[key].title):
            by_key[key] = item
    return list(by_key.values())


def importable_files(paths: Iterable[Path]) -> list[Path]:
    """The importable files among `paths`, folders searched recursively, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES)
        elif path.is_file() and path.suffix.lower() in IMPORTABLE_SUFFIXES:
            files.append(path)
    return files


def inputs_from_lines(text: str) -> tuple[list[Dropped], list[str]]:
    """One input per line (web address or file path); also the lines that are neither."""
    inputs: list[Dropped] = []
    junk: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line or line.startswith("#"):
            continue
        found = dropped_inputs({"text/plain": line.encode()}) if " " not in line else []
        if found:
            inputs += found
        elif Path(line).expanduser().exists():
            inputs += _local(Path(line).expanduser())
        else:
            junk.append(line)
    return list(dict.fromkeys(inputs)), junk


def only_inputs(formats: Mapping[str, bytes]) -> list[Dropped]:
    """The inputs of a paste that holds nothing else: its text is links or paths, one per
    line (or it carries files and no text). [] when there is other text: that paste is
    meant as words, for the field that has the focus."""
    plain = _text(formats.get("text/plain;charset=utf-8") or formats.get("text/plain") or b"")
    if not plain.strip():
        return dropped_inputs(formats)
    inputs, junk = inputs_from_lines(plain)
    return [] if junk else inputs
