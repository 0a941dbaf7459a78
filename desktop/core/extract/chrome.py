"""Page chrome around and inside an article: what a reader never takes for the story's text.

Two stages, each an ordered tuple of named rules:
  * TREE_RULES remove elements that are chrome by their structure (hidden, widgets) before
    trafilatura reads the page;
  * BLOCK_RULES clean the list of paragraphs trafilatura gives back (share bars, player strings,
    newsletter boxes, the labels and lines above the text, the furniture after it).
No rule is keyed to a site: each looks at markup roles or at general wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement

from .dates import MONTHS, WEEKDAYS, to_iso
from .names import BY_PREFIX, split_byline
from .normalize import match_key

# ---------------------------------------------------------------- the tree

# Inline styles that hide an element (spaces removed before matching).
HIDING_STYLE = re.compile(r"(?i)display:none|visibility:hidden")
MOST_OF_PAGE = 2 / 3  # share of a page's text a hidden or widget element may hold and still go
# ARIA roles of interactive widgets: player control bars, menus of caption tracks, modal
# dialogs, tab strips, sliders. Their labels are never prose.
WIDGET_ROLES = ("dialog", "alertdialog", "menu", "menubar", "menuitemcheckbox", "menuitemradio",
                "toolbar", "slider", "progressbar", "tablist", "search")


def _drop(tree: HtmlElement, nodes: list) -> None:
    """Remove `nodes` from `tree`, except one holding most of the page's text: a saved page whose
    article waits, hidden or in a dialog, for a script to show it."""
    if not nodes:
        return
    most = MOST_OF_PAGE * len(tree.text_content())
    for node in nodes:
        if (node.getparent() is not None  # not already gone with an ancestor
                and node.tag not in ("html", "body") and len(node.text_content()) <= most):
            node.drop_tree()


def drop_hidden(tree: HtmlElement) -> None:
    """Elements hidden from the reader (`hidden`, aria-hidden, display:none): a reader never sees
    them, and players keep their dialogs ("This is a modal window") hidden this way."""
    _drop(tree, [el for el in tree.iter("*")
                 if el.get("hidden") is not None or el.get("aria-hidden") == "true"
                 or HIDING_STYLE.search((el.get("style") or "").replace(" ", ""))])


def drop_widgets(tree: HtmlElement) -> None:
    """Elements whose ARIA role is an interactive widget (player controls, menus, dialogs)."""
    _drop(tree, [el for el in tree.iter("*") if (el.get("role") or "").strip() in WIDGET_ROLES])


TREE_RULES: tuple[Callable[[HtmlElement], None], ...] = (drop_hidden, drop_widgets)


def strip_tree(tree: HtmlElement) -> None:
    """Apply TREE_RULES to `tree` in place, in order."""
    for rule in TREE_RULES:
        rule(tree)


# ---------------------------------------------------------------- the paragraphs

@dataclass(frozen=True)
class Heading:
    """What the metadata says heads the article: its headline and its authors' names."""

    title: str = ""
    authors: tuple[str, ...] = ()


# Share bars and tag lists that trafilatura sometimes keeps as paragraphs.
FURNITURE = re.compile(
    r"(?i)(share( on \w+| this( article| story)?)?|tweet|e-?mail|print|whatsapp|分享到?|"
    r"(topics|tags|filed under|more on)\s*:.*)\W*"
)
# A whole paragraph that is a widget's label: a teaser link, advertising slots, media players,
# sign-up boxes. ("Read more" alone labels a link to another story, mid-text as often as after it.)
WIDGET_LINE = re.compile(
    r"(?i)(read more|advertisement|advertising|ad|sponsored( content)?|"
    r"story continues below( advertisement)?|continue reading (the |this )?(main )?(story|article)|"
    r"skip (ad|advert)|chapters|captions|"
    r"subtitles|descriptions|(video )?player is loading|play video|now playing|watch( video)?|"
    r"(current time|duration|remaining time)\s*[-\d:]*|loaded\s*:?\s*[\d.]+\s*%|playback rate|"
    r"fullscreen|mute|unmute|close modal dialog|close|[x×✕✖]|\d+(\.\d+)?x|"
    r"(sign up|subscribe|register) (now|here|today|for free)?|enter your e-?mail( address)?)\W*"
)
# Strings of web video players that trafilatura can run together into one paragraph; they are
# cut out wherever they stand (each is several words no sentence of a story uses).
PLAYER_PHRASE = re.compile(
    r"(?i)\b(this is a modal window\.?|beginning of dialog window\.?( escape will cancel and close"
    r" the window\.?)?|end of dialog window\.?|close modal dialog|"
    r"(chapters|descriptions|captions|subtitles)( off| settings)?, (selected|opens [\w ]+ dialog)|"
    r"this modal can be closed by pressing the escape key[\w ,.]*|no compatible source was found"
    r" for this media\.?|the media could not be loaded[\w ,.]*|video player is loading\.?)"
)
# The vocabulary of a web video player's controls and caption settings. A block made almost only
# of these words, some of them words only a player uses (PLAYER_MARKS), is the player flattened.
PLAYER_WORDS = frozenset("""
video player is loading play pause replay mute unmute volume current time duration loaded stream
type live seek to currently behind remaining playback rate chapters chapter descriptions
description off on selected captions caption settings opens dialog subtitles audio track picture
in fullscreen exit this a modal window beginning of escape will cancel and close the end text
color white black red green blue yellow magenta cyan opacity opaque semi transparent background
area font size edge style none raised depressed uniform dropshadow drop shadow family proportional
sans serif monospace casual script small caps reset restore all default values done no compatible
source was found for media could not be loaded either because server or network failed format
supported x s
""".split())
PLAYER_MARKS = frozenset("""
fullscreen captions subtitles playback chapters modal dialog mute unmute duration seek opacity
dropshadow monospace
""".split())
PLAYER_SHARE = 0.8  # of a block's words, for the block to be a player's
# Site furniture told by its shape: a breadcrumb trail ("News > World > Europe"), a banner that
# ends in its close button ("Update your browser ... ×"), a copyright line, the platform credit
# ("Minecraft News | Powered by Tumblr"), a widget's wait or error message.
BREADCRUMB = re.compile(r"[^>›»\n]{1,30}( [>›»] [^>›»\n]{1,30}){2,}")
DISMISSABLE = re.compile(r".{0,150}[^\d\s]\s*[×✕✖]")
COPYRIGHT = re.compile(r"(?i)(copyright\s*(©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4}).{0,150}")
POWERED_BY = re.compile(r"(?i)(.{1,60}\s[|·•–—-]\s)?powered by\s+\S+(\s\S+)?")
WIDGET_STATUS = re.compile(r"(?i)(please wait|loading)\W*|.{0,80}\bplease try again( later)?\W*")
# A newsletter box or paywall line: an invitation to sign up, and its small print.
SIGN_UP = re.compile("|".join((
    r"(?i)^.{0,40}\b(sign up|subscribe)\b.{0,60}\b(newsletters?|inbox|briefing)\b",
    r"^(sign up|subscribe|register)\b.{0,80}\b(e-?mails?|alerts|updates)\b",
    r"^.{0,80}\bget\b.{0,60}\b(newsletters?|(in|to) your inbox)\b",
    r"^.{0,40}\bby (signing up|subscribing|clicking)\b.{0,200}\b(terms|privacy)\b",
    r"^thanks?( you)? for (signing up|subscribing)",
)))
# A short block like these starts the page furniture that follows an article.
END_MARKER = re.compile(
    r"(?i)(you (might|may) (also )?(like|enjoy)|related( articles| stories| posts| coverage| videos)?|"
    r"more (stories|articles|from|on this)\b.*|recommended( for you)?|read next|"
    r"most (popular|read|viewed)|(other|more) [\w ]{0,30}(columns|stories|articles)|"
    r"(\d+ )?comments?|loading comments.*|leave a (comment|reply)|featured slide ?shows)\W*"
)
# Words a date line holds besides the date ("Posted on Tuesday, April 21, 2015, at 11:29 a.m. ET").
DATE_WORDS = {
    "posted", "published", "updated", "last", "first", "on", "at", "the", "of", "am", "pm", "a", "p",
    "m", "th", "st", "nd", "rd", "et", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt",
    "publié", "publie", "mis", "à", "jour", "le", "h", "publicado", "actualizado", "atualizado",
    "el", "em", "às", "de", "del", "veröffentlicht", "aktualisiert", "um", "uhr", "il", "alle",
    "pubblicato", "aggiornato", "ore",
}
# A photo gallery's slide counter at the start of its caption: "3/50 Star Wars boosts economy".
SLIDE = re.compile(r"(\d{1,3}) ?/ ?(\d{1,3})\s")
MIN_SLIDES = 3  # captions counted against one total before they are taken for a gallery ("9/11 ...")
# A count a page shows beside the date: "941 comments", "1.2k shares".
COUNT_LINE = re.compile(r"(?i)[\d.,]+k? (comments?|shares?|views?|replies|reactions)")
SHORT_BLOCK = 200  # characters; furniture lines are short, paragraphs of a story rarely
LABEL = 40  # characters; a section label or kicker ("World", "Opinion", "Art & Design")
LEAD_SPAN = 4  # blocks; how far down a label may push the headline
HEADLINE_MIN, HEADLINE_SHARE = 15, 0.6  # letters, share: a headline known give or take a site name


def drop_furniture(blocks: list[str], head: Heading) -> list[str]:
    """Share bars, tag lists, ad slots, player labels, sign-up boxes, breadcrumbs, banners,
    copyright and "Powered by" lines and widget status messages kept as paragraphs."""
    shapes = (FURNITURE, WIDGET_LINE, BREADCRUMB, DISMISSABLE, COPYRIGHT, POWERED_BY, WIDGET_STATUS)

    def chrome(block: str) -> bool:
        return len(block) < SHORT_BLOCK and bool(
            any(shape.fullmatch(block) for shape in shapes) or SIGN_UP.match(block))
    return [block for block in blocks if not chrome(block)]


def cut_player_phrases(blocks: list[str], head: Heading) -> list[str]:
    """Video-player strings run together with other text are cut out; a block that is a player's
    controls flattened into words, or is left with no words, goes."""
    out = []
    for block in blocks:
        rest = PLAYER_PHRASE.sub("", block)
        if rest != block:
            rest = re.sub(r"[ \t]{2,}", " ", rest).strip(" \t,;")
        if re.search(r"\w", rest) and not _is_player(rest):
            out.append(rest)
    return out


def _is_player(block: str) -> bool:
    words = re.findall(r"[^\W\d_]+", block.casefold())
    marks = len(PLAYER_MARKS.intersection(words))
    return marks >= 2 and sum(word in PLAYER_WORDS for word in words) >= PLAYER_SHARE * len(words)


def drop_gallery(blocks: list[str], head: Heading) -> list[str]:
    """Captions of a photo gallery ("1/50 ...", "2/50 ...") run into the article: other stories."""
    def total(line: str) -> str | None:
        match = SLIDE.match(line)
        return match.group(2) if match and int(match.group(1)) <= int(match.group(2)) else None
    counts: dict[str, int] = {}
    for line in (line for block in blocks for line in block.split("\n")):
        counts[total(line)] = counts.get(total(line), 0) + 1
    galleries = {key for key, count in counts.items() if key and count >= MIN_SLIDES}
    if not galleries:
        return blocks
    kept = ("\n".join(line for line in block.split("\n") if total(line) not in galleries)
            for block in blocks)
    return [block for block in kept if block]


def is_date_line(block: str) -> bool:
    """A line that is a date and nothing else: "Posted on April 21, 2015, at 11:29 a.m.",
    "Publié le 2 janv. 1991 à 1:01"."""
    if len(block) > 60 or not re.search(r"\d", block):
        return False
    words = re.findall(r"[^\W\d_]+", block.casefold())
    if not all(word in DATE_WORDS or _month_or_day(word) for word in words):
        return False
    return any(map(_month_or_day, words)) or to_iso(block) is not None


def _month_or_day(word: str) -> bool:
    """A month or weekday name, or its abbreviation ("janv", "Tue")."""
    if word in MONTHS or word in WEEKDAYS:
        return True
    return len(word) >= 3 and any(name.startswith(word) for name in (*MONTHS, *WEEKDAYS))


def _is_headline(block: str, head: Heading) -> bool:
    """The headline, give or take what a page adds to it in one place and not the other (a site
    name, a series label): one key holds the other and is most of it."""
    key, title = match_key(block), match_key(head.title)
    if not key or not title:
        return False
    short, long = sorted((key, title), key=len)
    return short == long or (len(short) >= HEADLINE_MIN and short in long
                             and len(short) >= HEADLINE_SHARE * len(long))


def _is_byline(block: str, head: Heading) -> bool:
    """A "By ..." line, or a line that is the authors' names and nothing else."""
    if len(block) > 120:
        return False
    # "By the time we arrived, it was over." is a sentence, not a byline.
    if BY_PREFIX.match(block) and block[-1] not in ".!?\"”" and split_byline(block):
        return True
    return bool(head.authors) and match_key(block) in (
        match_key(" ".join(head.authors)), *map(match_key, head.authors))


def _is_header_line(block: str, head: Heading) -> bool:
    """The headline repeated, a date line, a byline, or a strip of short lines holding a date or
    a count ("24 July 2015 / From the section US & Canada / 941 comments") above the text."""
    lines = block.split("\n")
    if len(lines) > 1:
        return all(_is_label(line) or is_date_line(line) for line in lines) and any(
            is_date_line(line) or COUNT_LINE.fullmatch(line) for line in lines)
    return len(block) <= 120 and (_is_headline(block, head) or _is_byline(block, head)
                                  or is_date_line(block))


def _is_label(block: str) -> bool:
    """A section label or kicker: a few words, no sentence punctuation."""
    return len(block) <= LABEL and "\n" not in block and not re.search(r"[.!?]\W*$", block)


def drop_header(blocks: list[str], head: Heading) -> list[str]:
    """The lines above the text: a section label, the headline, a standfirst, the byline, the date.

    What stands above the headline or a byline near the top goes with them when it is short
    (a label such as "World" or "Opinion", a promotion, the standfirst). The last block always
    stays.
    """
    lead = blocks[:LEAD_SPAN]
    byline = next((i for i, block in enumerate(lead) if _is_byline(block, head)), None)
    title = next((i for i, block in enumerate(lead) if _is_headline(block, head)), None)
    # The story starts below its headline and byline: short blocks above them are a section
    # label, a kicker, a promotion or a standfirst.
    above = [i for i in (byline, title) if i and all(len(block) < SHORT_BLOCK for block in lead[:i])]
    if above:
        blocks = blocks[max(above):]
    start = 0
    while start < len(blocks) - 1 and _is_header_line(blocks[start], head):
        start += 1
    # A date line under a standfirst is still a header line, never the story's text.
    top = [block for block in blocks[start:start + LEAD_SPAN] if not is_date_line(block)]
    return top + blocks[start + LEAD_SPAN:] if top else blocks[start:]


def cut_trailer(blocks: list[str], head: Heading) -> list[str]:
    """The blocks up to a "Related stories" / "Comments" marker in the second half of the text."""
    total, seen = sum(map(len, blocks)), 0
    for index, block in enumerate(blocks):
        if seen > total / 2 and len(block) < 60 and END_MARKER.fullmatch(block):
            return blocks[:index]
        seen += len(block)
    return blocks


BLOCK_RULES: tuple[Callable[[list[str], Heading], list[str]], ...] = (
    drop_furniture, cut_player_phrases, drop_gallery, drop_header, cut_trailer)


def clean_blocks(blocks: list[str], head: Heading) -> list[str]:
    """Apply BLOCK_RULES in order to the article's paragraphs."""
    for rule in BLOCK_RULES:
        blocks = rule(blocks, head)
    return blocks
