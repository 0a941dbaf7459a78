"""The article's own text: trafilatura finds the main content, we lay it out as paragraphs."""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml.html import HtmlElement

from .chrome import Heading, clean_blocks, strip_tree
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
# Elements of trafilatura's output whose text never runs on into the next element's.
BREAKS = BLOCKS | {"lb", "item", "row", "cell"}
# Characters; trafilatura collapses repeated paragraphs from this length on (its
# MIN_DUPLICATE_LENGTH), shorter repeats it keeps as the page has them.
REPEAT_MIN = 50
# Elements that start a block of their own in HTML: a <div> holding none of them is a paragraph.
HTML_BLOCKS = frozenset("address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 "
                        "h5 h6 header hr li main nav ol p pre section table ul".split())
# MathML's token elements: identifiers, numbers, operators, text. Its <annotation> (the TeX
# source) is another copy of the same formula.
MATH_TOKENS = ("mi", "mn", "mo", "mtext", "ms")
# Runs of one punctuation mark: dot leaders of a table of contents, rules drawn with "-" or "=".
RULE_RUN = re.compile(r"([^\w\s])\1{2,}")


def _inline(el) -> str:
    """The text of an element with what it holds; a line break (<lb/>) or a paragraph end keeps
    two words apart ("<item><head>WebIDE</head><p>Develop...</p></item>")."""
    return squash(_joined(el))


def _joined(el) -> str:
    parts = [el.text or ""]
    for child in el:
        gap = " " if child.tag in BREAKS else ""
        parts += [gap, _joined(child), gap, child.tail or ""]
    return "".join(parts)


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


def _main_content(tree: HtmlElement, url: str | None, fast: bool, recall: bool = True):
    return trafilatura.bare_extraction(
        tree, url=url, fast=fast, favor_recall=recall, include_comments=False,
        include_images=False, with_metadata=False, as_dict=False,
    )


def _size(doc) -> int:
    return 0 if doc is None or doc.body is None else len(doc.text or "")


def _extract(tree: HtmlElement, url: str | None):
    """trafilatura's document for `tree`, trying harder while what it finds is short.

    favor_recall: in its default mode trafilatura sometimes falls back to the whole page.
    fast=True skips its comparison with other algorithms (half its time; same scores on our
    corpus); that comparison runs, on an untouched copy, when the fast pass finds little, and
    when that still finds little, its default (precision) mode runs too: on pages that are
    mostly short items (a section front, a list of teasers) recall mode can settle on one item.
    The longest result wins.
    """
    spare = deepcopy(tree)
    doc = _main_content(tree, url, fast=True)
    if _size(doc) < SHORT_TEXT:
        last = deepcopy(spare)
        doc = max((doc, _main_content(spare, url, fast=False)), key=_size)
        if _size(doc) < SHORT_TEXT:
            doc = max((doc, _main_content(last, url, fast=False, recall=False)), key=_size)
    return doc


def body_text(tree: HtmlElement, url: str | None = None, title: str = "",
              authors: tuple[str, ...] | list[str] = ()) -> str:
    """The main text of a parsed page, paragraphs and headings separated by blank lines.

    Menus, share bars, player and widget labels, comments, captions and the like are left out,
    and so are the section label, title (`title`), byline (`authors`) and date lines above the
    text (chrome.py). Formulas stay as their tokens (math_as_text), tables indented with a
    <blockquote> stay (unquote_tables), and a paragraph the page repeats stays as often as the
    page has it (sibling_repeats, restore_repeats).
    Note: this edits `tree` in place.
    """
    strip_tree(tree)
    math_as_text(tree)
    unquote_tables(tree)
    repeats = sibling_repeats(tree)
    doc = _extract(tree, url)
    if _size(doc) == 0:
        return ""
    blocks = restore_repeats([block for block in _blocks(doc.body) if block], repeats)
    text = "\n\n".join(clean_blocks(blocks, Heading(title, tuple(authors))))
    return text if _is_prose(text) else ""


def math_as_text(tree: HtmlElement) -> None:
    """Each MathML formula in `tree` becomes a <span> of its tokens ("x = − b ± ..."), in place:
    trafilatura drops <math> and with it the formulas a sentence is written around. The
    custom elements a renderer wraps it in (MathJax's <mjx-container>, which trafilatura
    drops too) go with it."""
    for math in list(tree.iter("math")):
        tokens = [squash(token.text_content()) for token in math.iter(*MATH_TOKENS)]
        outer = math
        while "-" in str(outer.getparent().tag):  # a custom element's name has a hyphen
            outer = outer.getparent()
        span = math.makeelement("span")
        span.text, span.tail = " ".join(token for token in tokens if token), outer.tail
        outer.getparent().replace(outer, span)


def unquote_tables(tree: HtmlElement) -> None:
    """A <blockquote> that holds tables and nothing else loses its tag, in place: pages laid
    out in the 1990s way indent a table with it, and inside a table-laid page trafilatura
    drops a table it finds in a quotation."""
    for quote in list(tree.iter("blockquote")):
        if len(quote) and all(child.tag == "table" for child in quote) and not (
                quote.text or "").strip() and not any((child.tail or "").strip() for child in quote):
            quote.drop_tag()


def sibling_repeats(tree: HtmlElement) -> dict[str, int]:
    """How often the page repeats a paragraph of REPEAT_MIN characters or more: {match_key of
    its text: copies}, counting paragraphs (<p>, or a <div> holding no block) that are siblings
    under one parent with the same tag, class and text.

    The author wrote them so; a copy for another screen size (a "mobile" and a "desktop"
    variant) differs in its class, or its parent, and is not counted.
    """
    copies: dict[tuple, int] = {}
    for para in tree.iter("p", "div"):
        if para.tag == "div" and any(child.tag in HTML_BLOCKS for child in para.iterdescendants()):
            continue
        text = " ".join(para.text_content().split())
        if len(text) >= REPEAT_MIN:
            key = (para.getparent(), para.tag, para.get("class"), text)
            copies[key] = copies.get(key, 0) + 1
    repeats: dict[str, int] = {}
    for (*_, text), count in copies.items():
        if count > 1:
            repeats[match_key(text)] = max(count, repeats.get(match_key(text), 0))
    return repeats


def restore_repeats(blocks: list[str], repeats: dict[str, int]) -> list[str]:
    """`blocks` with each paragraph the page repeats (`repeats`, from sibling_repeats) as often
    as the page has it, the copies after the last one kept: trafilatura drops a paragraph equal
    to one it already took, which suits its own overlapping candidates but not a page that
    says the same thing twice."""
    if not repeats:  # most pages: nothing to restore, no key to work out
        return blocks
    keys = [match_key(block) for block in blocks]
    short = {key: count - keys.count(key) for key, count in repeats.items()}
    out = []
    for index, (block, key) in enumerate(zip(blocks, keys)):
        out.append(block)
        if short.get(key, 0) > 0 and key not in keys[index + 1:]:
            out += [block] * short[key]
    return out


def bound_tree(tree: HtmlElement) -> None:
    """Cut `tree` in place to its first MAX_ELEMENTS elements in document order: each element
    past the cap goes with what it holds, and the article is what comes first."""
    for el in list(tree.iter())[MAX_ELEMENTS:]:
        parent = el.getparent()
        if parent is not None:  # an element inside one already cut is gone with it
            parent.remove(el)


def _is_prose(text: str) -> bool:
    """Mostly letters, digits and spaces, a run of one mark counted once (dot leaders, rules)."""
    sample = RULE_RUN.sub(r"\1", text[:5000])
    return sum(c.isalnum() or c.isspace() for c in sample) >= MIN_WORDY_SHARE * len(sample)
