"""One input end to end: download or read it, extract the article, find its entities, store it.

Used by the CLI and by the GUI's import workers. `on_stage` lets a caller show progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.core.article import FILE, Article, Original
from desktop.core.errors import CuttingsError
from desktop.core.extract import extract_html, extract_textfile, is_file_listing
from desktop.core import polite
from desktop.core.fetch import FEED_TYPES, HTML_TYPES, Page, decode_html, is_binary, read_local
from desktop.core.imports.detect import FEED, HEAD_BYTES, OPML, detect_bytes
from desktop.core.store.archive import EXISTS, RESTORED, Outcome, store_article, stored_at
from desktop.core.store.db import Archive
from desktop.core.store.trash import restore_articles
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

Stage = Callable[[str], None]


class ListAtAddress(CuttingsError):
    """The address holds an RSS/Atom feed or an OPML list, not an article: `imports` reads
    its entries from `raw` (the downloaded bytes); `kind` is imports.detect's FEED or OPML."""

    def __init__(self, url: str, kind: str, raw: bytes):
        super().__init__(f"The address is {'an RSS or Atom feed' if kind == FEED else 'an OPML list of feeds'}, "
                         "not an article: import it as a list of links to get its entries")
        self.url, self.kind, self.raw = url, kind, raw


def _quiet(_stage: str) -> None:
    pass


def is_file_input(source: str) -> bool:
    """True if `source` names a local file rather than a web address."""
    # A path on disk wins over a bare "name.tld" reading ("links.today" may be a file);
    # only an address with its scheme ("https://…") is never taken for one.
    if "://" in source:
        return False
    return Path(source).expanduser().exists()


@dataclass
class Loaded:
    """A page or file as downloaded or read, not parsed: the extract stage's input. A
    download's `content` is None until `decode` (in `parse`) decodes it, so that the work is
    done where the page is analysed (a worker process), not by the process that stores."""

    content: str | None
    is_html: bool
    url: str | None  # the final address after redirects, or the one the user gave a file
    original: Original
    name: str | None = None  # the file's name, for text files
    url_given: bool = False  # the user's address wins over the page's own
    selection: str = ""  # text the user selected in the browser: the article's text if none is found
    declared: str | None = None  # the charset the server declared, for decoding a download


def load(source: str, url: str | None = None, on_stage: Stage = _quiet) -> Loaded:
    """Download or read `source` (a URL or a file path)."""
    if is_file_input(source):
        return _read_file(Path(source).expanduser(), url, on_stage)
    if looks_like_url(source) or ":" in source:
        on_stage(DOWNLOADING)
        page = polite.get(check_url(source), accept=(*HTML_TYPES, *FEED_TYPES))
        kind = detect_bytes(page.raw[:HEAD_BYTES])
        if kind in (FEED, OPML):
            raise ListAtAddress(page.final_url, kind, page.raw)
        if page.content_type not in HTML_TYPES:
            raise CuttingsError(f"Not a web page: {page.content_type}")
        return Loaded(None, True, page.final_url, downloaded(page), declared=page.declared)
    raise CuttingsError("No such file, and not a web address")


def downloaded(page: Page) -> Original:
    """A downloaded page as an offline copy with its evidence of capture, captured now (as
    the response has just arrived, not when the article is stored after its analysis). Its
    charset is None until `decode` finds it."""
    return Original(page.raw, page.content_type, None, final_url=page.final_url, status=page.status,
                    headers=page.headers, captured=datetime.now(timezone.utc))


def decode(loaded: Loaded) -> str:
    """The text of a loaded page: a download's bytes decoded here (fetch.decode_html, with
    the charset the server declared), and the codec used kept as its offline copy's charset.
    Raises CuttingsError for bytes that are no text (a server that calls any bytes text/html)."""
    if loaded.content is None:
        raw = loaded.original.data
        content, charset = decode_html(raw, loaded.declared)
        if is_binary(raw, content, charset):
            raise CuttingsError("No article text found: the page holds binary data, not text")
        loaded.content, loaded.original.charset = content, charset
    return loaded.content


def unreadable(path: Path) -> str | None:
    """Why the file `path`, known to be no file of links (imports.detect), cannot be imported
    as a page, in one sentence; None when its name says it is one (.html, .htm, .md, .txt).
    Asked when it is queued, so the user hears of it then, not when its turn comes."""
    if path.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES:
        return None
    return (f"Cuttings cannot read {path.name}: it is neither a page (.html, .htm, .md, .txt) nor a file of "
            "links it knows (bookmarks, a Pocket, Omnivore, Wallabag or Karakeep export, a feed, OPML, a list of "
            "links)")


def _read_file(path: Path, url: str | None, on_stage: Stage) -> Loaded:
    on_stage(READING)
    suffix = path.suffix.lower()
    if (problem := unreadable(path)) is not None:
        raise CuttingsError(problem)
    raw = read_local(path)
    content, charset = decode_html(raw, None)
    if is_binary(raw, content, charset):
        raise CuttingsError("The file holds binary data, not text")
    is_html = suffix in HTML_SUFFIXES
    content_type = "text/html" if is_html else "text/plain" if suffix == ".txt" else "text/markdown"
    given = check_url(url) if url else None
    return Loaded(content, is_html, given, Original(raw, content_type, charset, method=FILE), path.name, bool(given))


def parse(loaded: Loaded, on_stage: Stage = _quiet) -> Article:
    """The article in a loaded page or file; an error if it has no text."""
    content = decode(loaded)
    on_stage(EXTRACTING)
    if loaded.is_html:
        article = extract_html(content, loaded.url)
    else:
        article = extract_textfile(content, loaded.name)
    if loaded.url_given:
        article.url = loaded.url
    if not article.text.strip() and loaded.selection:
        article.text = loaded.selection
    if not article.text.strip():
        raise CuttingsError("No article text found on the page")
    if loaded.is_html and is_file_listing(article):
        raise CuttingsError("The page is a web server's list of files in a folder, not an article")
    if not article.title.strip():
        article.title = article.text.strip().splitlines()[0][:200]
    return article


def read(source: str, url: str | None = None, on_stage: Stage = _quiet) -> tuple[Article, Original]:
    """Download or read `source` and extract its article."""
    loaded = load(source, url, on_stage)
    return parse(loaded, on_stage), loaded.original


def analyse(loaded: Loaded, on_stage: Stage = _quiet, entities: bool = True) -> Article:
    """Extract the article of a loaded page and, unless `entities` is off (the user's
    preference), find its entities: the CPU-heavy half."""
    article = parse(loaded, on_stage)
    return add_entities(article, on_stage) if entities else article


def add_entities(article: Article, on_stage: Stage = _quiet) -> Article:
    """Fill `article.entities` and `article.quotes` (nothing if no language model is installed
    or the article is not in English), and its language if the page did not declare one."""
    from desktop.core.entities import find_entities_analysed
    from desktop.core.entities.language import text_language
    from desktop.core.quotes import find_quotes

    on_stage(ENTITIES)
    article.language = article.language or text_language(f"{article.title}\n{article.text}")
    article.entities, analysis = find_entities_analysed(article.title, article.text)
    # Quotations where there are entities: English articles, with a model installed.
    article.quotes = [] if analysis is None else find_quotes(article.text, article.entities)
    return article


def extract(source: str, url: str | None = None, entities: bool = True, on_stage: Stage = _quiet) -> Article:
    """The whole pipeline without storing anything."""
    article, _ = read(source, url, on_stage)
    return add_entities(article, on_stage) if entities else article


def already_stored(archive: Archive, source: str) -> Outcome | None:
    """The stored article at web address `source`, found without downloading anything.

    If it is in the trash it is restored (one write), and the Outcome says RESTORED.
    """
    if is_file_input(source) or not looks_like_url(source):
        return None
    stored = stored_at(archive, check_url(source))
    if stored is None:
        return None
    if stored.trashed is not None and restore_articles(archive, [stored.id]):
        return Outcome(RESTORED, stored.id, stored.title)
    return Outcome(EXISTS, stored.id, stored.title)


def import_one(
    archive: Archive,
    source: str,
    refresh: bool = False,
    url: str | None = None,
    on_stage: Stage = _quiet,
    entities: bool = True,
) -> Outcome:
    """Import one URL or file into `archive`; an already stored page is not fetched again.
    With `entities` off, the article is stored without people, places or organisations."""
    if not refresh and (stored := already_stored(archive, source)) is not None:
        return stored
    loaded = load(source, url, on_stage)
    article = analyse(loaded, on_stage, entities)
    on_stage(SAVING)
    return store_article(archive, article, loaded.original, refresh)
