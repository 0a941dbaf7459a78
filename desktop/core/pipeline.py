"""One input end to end: download or read it, extract the article, find its entities, store it.

Used by the CLI and by the GUI's import workers. `on_stage` lets a caller show progress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.core.article import Article, Original
from desktop.core.errors import CuttingsError
from desktop.core.extract import extract_html, extract_textfile
from desktop.core.fetch import decode_html, fetch
from desktop.core.store.archive import EXISTS, Outcome, find_same, store_article
from desktop.core.store.db import Archive
from desktop.core.urls import check_url, looks_like_url

DOWNLOADING, READING, EXTRACTING, ENTITIES, SAVING = (
    "downloading",
    "reading",
    "extracting",
    "finding entities",
    "saving",
)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
MAX_FILE_BYTES = 20 * 2**20

Stage = Callable[[str], None]


def _quiet(_stage: str) -> None:
    pass


def is_file_input(source: str) -> bool:
    """True if `source` names a local file rather than a web address."""
    return not looks_like_url(source) and Path(source).expanduser().exists()


def read(source: str, url: str | None = None, on_stage: Stage = _quiet) -> tuple[Article, Original]:
    """Download or read `source` (a URL or a file path) and extract its article."""
    if is_file_input(source):
        article, original = _read_file(Path(source).expanduser(), url, on_stage)
    elif looks_like_url(source) or ":" in source:
        article, original = _download(check_url(source), on_stage)
    else:
        raise CuttingsError("No such file, and not a web address")
    if not article.text.strip():
        raise CuttingsError("No article text found on the page")
    if not article.title.strip():
        article.title = article.text.strip().splitlines()[0][:200]
    return article, original


def _download(url: str, on_stage: Stage) -> tuple[Article, Original]:
    on_stage(DOWNLOADING)
    page = fetch(url)
    on_stage(EXTRACTING)
    article = extract_html(page.html, page.final_url)
    return article, Original(page.raw, page.content_type, page.charset)


def _read_file(path: Path, url: str | None, on_stage: Stage) -> tuple[Article, Original]:
    on_stage(READING)
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise CuttingsError("Only .html, .htm, .md and .txt files can be imported")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CuttingsError(f"The file is larger than {MAX_FILE_BYTES // 2**20} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise CuttingsError(f"Cannot read the file: {exc.strerror}") from exc
    on_stage(EXTRACTING)
    html, charset = decode_html(raw, None)
    if suffix in HTML_SUFFIXES:
        article = extract_html(html, url)
        content_type = "text/html"
    else:
        article = extract_textfile(html, path.name)
        content_type = "text/markdown" if suffix != ".txt" else "text/plain"
    if url:
        article.url = check_url(url)
    return article, Original(raw, content_type, charset)


def add_entities(article: Article, on_stage: Stage = _quiet) -> Article:
    """Fill `article.entities` (nothing if no language model is installed)."""
    from desktop.core.entities import find_entities

    on_stage(ENTITIES)
    article.entities = find_entities(article.title, article.text)
    return article


def extract(source: str, url: str | None = None, entities: bool = True, on_stage: Stage = _quiet) -> Article:
    """The whole pipeline without storing anything."""
    article, _ = read(source, url, on_stage)
    return add_entities(article, on_stage) if entities else article


def already_stored(archive: Archive, source: str) -> Outcome | None:
    """The stored article at web address `source`, found without downloading anything."""
    if is_file_input(source) or not looks_like_url(source):
        return None
    stored = find_same(archive, Article(url=check_url(source)))
    return Outcome(EXISTS, stored.id, stored.title) if stored is not None else None


def finish(
    archive: Archive, article: Article, original: Original, refresh: bool = False, on_stage: Stage = _quiet
) -> Outcome:
    """Find the entities of a read article and store it (the writer's half of an import)."""
    add_entities(article, on_stage)
    on_stage(SAVING)
    return store_article(archive, article, original, refresh)


def import_one(
    archive: Archive,
    source: str,
    refresh: bool = False,
    url: str | None = None,
    on_stage: Stage = _quiet,
) -> Outcome:
    """Import one URL or file into `archive`; an already stored page is not fetched again."""
    if not refresh and (stored := already_stored(archive, source)) is not None:
        return stored
    article, original = read(source, url, on_stage)
    return finish(archive, article, original, refresh, on_stage)
