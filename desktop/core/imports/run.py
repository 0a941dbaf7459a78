"""Importing the items of a file, a feed or an OPML list, each through the pipeline.

Each item is one transaction: the article with its tags, added time and provenance lands
whole or not at all. When the page cannot be had (gone, dead domain, refused, no text) and
the export holds the service's copy, the article is kept from that copy and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import timezone
from functools import partial
from html import escape
from pathlib import Path

from lxml import html as lxml_html
from sqlmodel import Session

from desktop.core.article import SERVICE, Article, Original
from desktop.core.errors import CuttingsError
from desktop.core.export_file import import_export
from desktop.core.extract import extract_html, extract_textfile
from desktop.core.imports.collection import read_items
from desktop.core.imports.detect import CUTTINGS, FEED, LABELS, OPML, detect
from desktop.core.imports.feeds import Subscription, download_feed, read_feed, read_opml
from desktop.core.imports.items import ImportItem
from desktop.core.pipeline import (SAVING, ListAtAddress, Loaded, Stage, add_entities, analyse, decode, import_one,
                                   is_file_input, load)
from desktop.core.store.archive import EXISTS, RESTORED, SAVED, Outcome, store_article, stored_at
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow
from desktop.core.store.tags import attach_tags
from desktop.core.urls import check_url

# (what an error line names: the item's address or title, what importing it did or why not)
Result = tuple[str, Outcome | Exception]
FAILED, REFRESHED = "failed", "refreshed"  # counted beside the Outcome statuses in a summary
_COUNTED = {SAVED: "saved", REFRESHED: "refreshed", EXISTS: "already in the archive",
            RESTORED: "restored from the Trash", FAILED: "failed"}


def counted(outcome: Outcome | Exception) -> str:
    """What a summary counts a Result's outcome as: its status, REFRESHED or FAILED."""
    if isinstance(outcome, Exception):
        return FAILED
    return REFRESHED if outcome.replaced is not None else outcome.status


def summary_line(counts: Mapping[str, int]) -> str:
    """ "12 items: 9 saved, 2 already in the archive, 1 failed" from counts by `counted`."""
    parts = [f"{counts[k]} {words}" for k, words in _COUNTED.items() if counts.get(k)]
    total = sum(counts.values())
    return f"{total} item{'s' if total != 1 else ''}: {', '.join(parts) or 'nothing to import'}"


def _quiet(_stage: str) -> None:
    pass


def import_source(
    archive: Archive, source: str, *, url: str | None = None, **options
) -> tuple[Iterable[Result], bool]:
    """Import one input of `cuttings import` or File > Import from…: a file of links (any
    format detect knows), a Cuttings export, a feed's or OPML list's address, or one page or
    file (with `url`, the address of a saved page file). Returns the Results (a lazy
    iterator for collections: each item is imported as it is read) and whether `source`
    was a collection of links (a Cuttings export counts as none: it prints no summary).
    Raises CuttingsError (or another exception) when a single page or the file fails."""
    kind = detect(Path(source).expanduser()) if is_file_input(source) else None
    if kind == CUTTINGS:
        outcomes = import_export(archive, Path(source).expanduser())
        # a record the reader or the archive refused says why in its own words
        return [(f"{source}#{n}", CuttingsError(str(o)) if isinstance(o, ValueError) else o)
                for n, o in enumerate(outcomes, 1)], False
    if kind is not None:
        return import_path(archive, Path(source).expanduser(), kind, **options), True
    try:
        return [(source, import_one(archive, source, url=url, **options))], False
    except ListAtAddress as listed:
        return import_listed(archive, listed, **options), True


def import_path(archive: Archive, path: Path, kind: str, **options) -> Iterator[Result]:
    """Import every item of the file at `path` in format `kind` (detect's constants but
    CUTTINGS); `options` go to import_item. Raises CuttingsError if the file cannot be read
    as that format; an item (or an OPML list's feed) that fails is a Result with its error."""
    if kind == OPML:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CuttingsError(f"Cannot read the file: {exc.strerror}") from exc
        return _subscriptions(archive, read_opml(raw), **options)
    return import_items(archive, read_items(path, kind), LABELS[kind], where=str(path), **options)


def import_listed(archive: Archive, listed: ListAtAddress, **options) -> Iterator[Result]:
    """Import the entries of the feed, or of every feed of the OPML list, that an address
    held (the pipeline's ListAtAddress)."""
    if listed.kind == FEED:
        return import_items(archive, read_feed(listed.raw), LABELS[FEED], **options)
    return _subscriptions(archive, read_opml(listed.raw), **options)


def _subscriptions(archive: Archive, feeds: list[Subscription], **options) -> Iterator[Result]:
    for feed in feeds:
        try:
            items = read_feed(download_feed(feed.url), feed.tags)
        except Exception as exc:  # one feed fails alone
            yield feed.url, exc
            continue
        yield from import_items(archive, items, LABELS[FEED], **options)


def import_items(
    archive: Archive, items: Iterable[ImportItem], origin: str, where: str = "", **options
) -> Iterator[Result]:
    """import_item for each of `items`, one Result each, in order; an item that fails does
    not stop the others. An item with a `problem` (a bad line of the file `where`) is an
    error named FILE:LINE, so the user can find and mend it."""
    for number, item in enumerate(items, 1):
        if item.problem:
            yield f"{where}:{item.line}" if item.line else where or f"item {number}", CuttingsError(item.problem)
            continue
        name = item.url or item.title or f"item {number}"
        try:
            yield name, import_item(archive, item, origin, **options)
        except Exception as exc:  # one item fails alone, named by its caller (--debug raises it there)
            yield name, exc


def import_item(
    archive: Archive,
    item: ImportItem,
    origin: str,
    *,
    refresh: bool = False,
    entities: bool = True,
    on_stage: Stage = _quiet,
) -> Outcome:
    """Import one item: its page through the pipeline, or the export's copy when the page
    cannot be had; with its tags (and state tag), and its added time when new. An address
    already stored is not downloaded again: it gets the item's tags. `origin` names the
    source in the provenance note ("Pocket export"). Raises CuttingsError when neither
    the page nor a copy gives an article."""
    if item.url and not refresh and (stored := stored_at(archive, check_url(item.url))) is not None:
        return _known(archive, stored.id, item)
    article, original, provenance = _article(item, origin, entities, on_stage)
    on_stage(SAVING)
    return store_article(archive, article, original, refresh, then=partial(keep_item, item=item, provenance=provenance),
                         details=item_details(item, provenance))


def _known(archive: Archive, article_id: int, item: ImportItem) -> Outcome:
    """An item whose address is stored: in one transaction, out of the Trash if it is there,
    the item's tags on it, and the item's added time if it is earlier (see
    _take_earlier_added). EXISTS or RESTORED."""
    with archive.transaction() as session:
        return mark_known(session, article_id, item)


def mark_known(session: Session, article_id: int, item: ImportItem | None) -> Outcome:
    """_known in the caller's transaction (`item` None: a page, with no tags or time to add)."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise CuttingsError("The article was deleted while it was being imported")
    restored = row.trashed is not None
    row.trashed = None
    if item is not None:
        _take_earlier_added(row, item)
        attach_tags(session, row.id, item.all_tags())
    session.add(row)
    return Outcome(RESTORED if restored else EXISTS, row.id, row.title)


def _article(item: ImportItem, origin: str, entities: bool, on_stage: Stage) -> tuple[Article, Original, str | None]:
    """The page's article, or the copy's with the provenance sentence that says why."""
    loaded, reason = load_item(item, on_stage)
    if loaded is not None:
        return analyse(loaded, on_stage, entities), loaded.original, None
    return copy_article(item, origin, reason, entities, on_stage)


def load_item(item: ImportItem, on_stage: Stage = _quiet) -> tuple[Loaded | None, str]:
    """The item's page downloaded, or None and why not when the export's copy must do.
    Raises CuttingsError when the page cannot be had and the item holds no copy. An item
    with a copy has its page decoded here (pipeline.decode), so that bytes which are no text
    make the copy stand in; any other page is decoded where it is analysed."""
    reason = "it has no web address"
    if item.url:
        try:
            loaded = load(item.url, on_stage=on_stage)
            if item.has_copy:
                decode(loaded)
            return loaded, ""
        except CuttingsError as exc:
            if not item.has_copy:
                raise
            reason = str(exc)[:1].lower() + str(exc)[1:]
    if not item.has_copy:
        raise CuttingsError("The item has no web address and no text")
    return None, reason


def copy_article(item: ImportItem, origin: str, reason: str, entities: bool,
                 on_stage: Stage = _quiet) -> tuple[Article, Original, str]:
    """The article of the item's saved copy, its offline copy, and the provenance sentence
    saying why the copy was used (`reason`, from load_item)."""
    article, original = from_copy(item)
    if entities:
        add_entities(article, on_stage)
    return article, original, f"Kept from the {origin}'s copy: {reason.rstrip('.')}."


def from_copy(item: ImportItem) -> tuple[Article, Original]:
    """The article in an item's saved copy (HTML, else Markdown or text), with the item's
    own title, authors and date where it has them, and the copy as its offline copy.
    Raises CuttingsError if the copy holds no text."""
    if (item.html or "").strip():
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(item.title)}</title>'
                f"</head><body><article>{item.html}</article></body></html>")
        article = extract_html(page, item.url)
        if not article.text.strip():  # a short copy the body extractor passes over
            article.text = "\n\n".join(_paragraphs(item.html))
        original = Original(page.encode("utf-8"), "text/html", "utf-8", method=SERVICE)
    else:
        article = extract_textfile(item.text or "")
        original = Original((item.text or "").encode("utf-8"), "text/markdown", "utf-8", method=SERVICE)
    if not article.text.strip():
        raise CuttingsError("The saved copy holds no text")
    article.url = item.url
    article.title = item.title or article.title or article.text.strip().splitlines()[0][:200]
    article.authors = item.authors or article.authors
    article.published = item.published or article.published
    return article, original


def _take_earlier_added(row: ArticleRow, item: ImportItem) -> None:
    """Give a stored article the item's added time when it is earlier: the user saved the
    link in Pocket years before importing it here twice, and Added should say so."""
    if item.added is None:
        return
    # SQLite gives back naive UTC times; the archive takes only aware ones.
    added = item.added.astimezone(timezone.utc)
    stored = row.added if row.added.tzinfo else row.added.replace(tzinfo=timezone.utc)
    if added < stored:
        row.added = added


def _paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment, a paragraph per block element."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//blockquote") or [root]
    return [t for t in (" ".join(b.text_content().split()) for b in blocks) if t]


def item_details(item: ImportItem, provenance: str | None) -> dict:
    """The columns a new article of `item` starts with: where its text came from and, when
    the item says, when the user saved it (store.archive.write_article's `details`)."""
    return {"provenance": provenance} | ({} if item.added is None else {"added": item.added})


def keep_item(session: Session, outcome: Outcome, item: ImportItem, provenance: str | None) -> None:
    """What an import keeps beyond the article, in its transaction (a new article was stored
    with its item_details): the item's earlier added time on an article stored already (found
    the same after its download, or refreshed), where a refreshed article's text came from,
    and the item's tags on it (new or already stored)."""
    new = outcome.status == SAVED and outcome.replaced is None
    refreshed = outcome.status == SAVED and not new
    if refreshed or (not new and item.added is not None):  # its added time only moves earlier
        row = session.get(ArticleRow, outcome.id)
        _take_earlier_added(row, item)
        if refreshed:
            row.provenance = provenance
        session.add(row)
    attach_tags(session, outcome.id, item.all_tags(), new=new)
