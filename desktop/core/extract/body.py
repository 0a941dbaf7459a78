"""The article's own text: trafilatura finds the main content, we lay it out as paragraphs."""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml.html import HtmlElement

from .dates import to_iso
from .names import BY_PREFIX, split_byline
from .normalize import match_key, squash

# The most elements of a page given to trafilatura. The heaviest page of our corpus has 2,666;
# past this trafilatura's time grows faster than the page (20,000 tiny paragraphs 2.1 s,
# 80,000 18 s), and no news article's body runs to thousands of paragraphs.
MAX_ELEMENTS = 10_000
SHORT_TEXT = 500  # characters; below this the fast pass may have missed the article
# Prose is mostly letters, digits and spaces (0.9+ on real pages); random bytes decoded as text
# are not (0.3-0.65), and such "text" is no article.
MIN_WORDY_SHARE = 0.75
BLOCKS = {"p", "head", "list", "quote", "table", "code", "div"}
# A short block like these starts the page furniture that follows an article.
END_MARKER = re.compile(
    r"(?i)(you (might|may) (also )?(like|enjoy)|related( articles| stories| posts| coverage| videos)?|"
    r"more (stories|articles|from|on this)\b.*|recommended( for you)?|read (more|next)|"
    r"most (popular|read|viewed)|(other|more) [\w ]{0,30}(columns|stories|articles)|"
    r"(\d+ )?comments?|loading comments.*|leave a (comment|reply)|featured slide ?shows)\W*"
)
# Share bars and tag lists that trafilatura sometimes keeps as paragraphs.
FURNITURE = re.compile(
    r"(?i)(share( on \w+| this( article| story)?)?|tweet|e-?mail|print|whatsapp|"
    r"(topics|tags|filed under|more on)\s*:.*)\W*"
)


def _inline(el) -> str:
    return squash("".join(el.itertext()))


def _blocks(el) -> list[str]:
    """Text blocks of trafilatura's output tree: one per paragraph, heading, list or table."""
    if el.tag == "list":
        items = [_inline(item) for item in el if item.tag == "item"]
        return ["\n".join(item for item in items if item)]
    if el.tag == "table":
        rows = [" | ".join(filter(None, map(_inline, row))) for row in el.iter("row")]
        return ["\n".join(row for row in rows if row)]
    if any(child.tag in BLOCKS for child in el):
        out = [el.text.strip()] if el.text and el.text.strip() else []
        for child in el:
            out += _blocks(child)
            if child.tail and child.tail.strip():
                out.append(child.tail.strip())
        return out
    return [_inline(el)]


def _main_content(tree: HtmlElement, url: str | None, fast: bool):
    return trafilatura.bare_extraction(
        tree, url=url, fast=fast, favor_recall=True, include_comments=False,
        include_images=False, with_metadata=False, as_dict=False,
    )


def body_text(tree: HtmlElement, url: str | None = None, title: str = "") -> str:
    """The main text of a parsed page, paragraphs and headings separated by blank lines.

    Menus, share bars, comments, captions and the like are left out, and so are the title,
    byline and date lines above the text. Note: trafilatura edits `tree` in place.
    """
    # favor_recall: in its default mode trafilatura sometimes falls back to the whole page.
    # fast=True skips its comparison with other algorithms (half its time; same scores on our
    # corpus); that comparison still runs, on an untouched copy, when the fast pass finds little.
    spare = deepcopy(tree)
    doc = _main_content(tree, url, fast=True)
    if doc is None or doc.body is None or len(doc.text or "") < SHORT_TEXT:
        doc = _main_content(spare, url, fast=False) or doc
    if doc is None or doc.body is None:
        return ""
    blocks = [block for child in doc.body for block in _blocks(child)
              if block and not (len(block) < 200 and FURNITURE.fullmatch(block))]
    while blocks and _is_header_line(blocks[0], title):
        blocks.pop(0)
    text = "\n\n".join(_cut_trailer(blocks))
    return text if _is_prose(text) else ""


def bound_tree(tree: HtmlElement) -> None:
    """Cut `tree` in place to its first MAX_ELEMENTS elements in document order: each element
    past the cap goes with what it holds, and the article is what comes first."""
    for el in list(tree.iter())[MAX_ELEMENTS:]:
        parent = el.getparent()
        if parent is not None:  # an element inside one already cut is gone with it
            parent.remove(el)


def _is_prose(text: str) -> bool:
    sample = text[:5000]
    return sum(c.isalnum() or c.isspace() for c in sample) >= MIN_WORDY_SHARE * len(sample)


def _is_header_line(block: str, title: str) -> bool:
    """The headline repeated, a bare date line or a "By ..." line above the article text."""
    if len(block) > 120:
        return False
    # "By the time we arrived, it was over." is a sentence, not a byline.
    byline = BY_PREFIX.match(block) and block[-1] not in ".!?\"”" and split_byline(block)
    return bool(match_key(block) == match_key(title) or byline
                or (len(block) < 40 and to_iso(block) is not None))


def _cut_trailer(blocks: list[str]) -> list[str]:
    """The blocks up to a "Related stories" / "Comments" marker in the second half of the text."""
    total, seen = sum(map(len, blocks)), 0
    for index, block in enumerate(blocks):
        if seen > total / 2 and len(block) < 60 and END_MARKER.fullmatch(block):
            return blocks[:index]
        seen += len(block)
    return blocks
