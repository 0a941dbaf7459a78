"""Articles saved as Markdown/plain text: YAML front matter (frontmatter.py), "# Title",
"By [A](#) and [B](#)", a date line, the paragraphs and an "Original url:" footer. Other text
files become body text as they are."""

from __future__ import annotations

import re

from desktop.core.article import Article

from .dates import to_iso
from .frontmatter import FrontMatter, read_front_matter
from .names import split_byline
from .normalize import match_key, squash

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]*\]\]")  # ![alt](src) and Obsidian's ![[embed]]
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")  # [[Target]] or [[Target|Shown]]
BOLD = re.compile(r"\*\*|__")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BARE_URL = re.compile(r"(https?://\S+)")
# "Original url:" alone (the URL follows in the next paragraph) or followed by the URL.
URL_LABEL = re.compile(r"(?i)^(?:original\s+url|source\s+url|url|source)\s*:\s*(<?https?://\S+)?$")
# "... caption text. **Photographer Name**": a photo caption ending in a bold credit.
CAPTION = re.compile(r"\S.*[.!?\"”)]\s+\*\*[A-Z][^*:.!?]{1,59}\*\*$", re.S)
# "**Related article:** [Some headline](...)": a bold label followed by nothing but one link.
LABELLED_LINK = re.compile(r"^\*\*[^*]{2,40}:\s*\*\*\s*\[[^\]]*\]\([^)]*\)$")
HEADER_LINES = 6  # the byline and date line sit right under the title
THEMATIC_BREAK = re.compile(r"(?m)^[ \t]*(?:-[ \t]*){3,}$\n?|^[ \t]*(?:\*[ \t]*){3,}$\n?|^[ \t]*(?:_[ \t]*){3,}$\n?")
QUOTE_MARK = re.compile(r"(?m)^[ \t]*>[ \t]?")
# "> ## Excerpt\n> The page's description": a clipper's summary box above the article.
LABELLED_QUOTE = re.compile(r"^>\s*#{1,6}\s")
# "#Omnivore #news": a line of tags, not a heading (a heading has a space after its #).
TAG_LINE = re.compile(r"^(?:#[^\s#]+\s*)+$")


def _plain(markdown: str) -> str:
    text = WIKI_LINK.sub(r"\1", LINK.sub(r"\1", IMAGE.sub("", QUOTE_MARK.sub("", markdown))))
    return squash(BOLD.sub("", text))


def extract_textfile(text: str, filename: str | None = None) -> Article:
    """An Article from a .md/.txt file; `filename` is only a fallback title. Front matter
    fields win over what the text's first lines say."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front, text = read_front_matter(text)
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        article = Article(title=filename or "")
    elif lines[first].startswith("# ") and (front is None or not front.title
                                           or match_key(lines[first][2:]) == match_key(front.title)):
        article = _markdown_article(_plain(lines[first][2:]), "\n".join(lines[first + 1:]))
    elif front is not None:
        article = _markdown_article("", text)
    else:
        return Article(title=_plain(lines[first]), text=text.strip())
    return _with_front_matter(article, front) if front else article


def _with_front_matter(article: Article, front: FrontMatter) -> Article:
    """The article with every field the front matter gives replaced by it."""
    article.title = front.title or article.title
    article.authors = front.authors or article.authors
    article.published = front.published or article.published
    article.url = front.url or article.url
    article.publisher = front.publisher or article.publisher
    article.image = front.image or article.image
    article.language = front.language or article.language
    return article


def _markdown_article(title: str, markdown: str) -> Article:
    """Title plus the Markdown under it: a byline and a date line among the first paragraphs,
    an "Original url:" paragraph, photo captions and labelled links dropped."""
    article = Article(title=title)
    paragraphs = re.split(r"\n\s*\n", markdown)
    body, expect_url = [], False
    for index, raw in enumerate(THEMATIC_BREAK.sub("", p).strip() for p in paragraphs):
        if not raw or (LABELLED_QUOTE.match(raw) and not body):
            continue
        if URL_LABEL.match(raw) or (expect_url and AUTOLINK.fullmatch(raw)):
            found = AUTOLINK.search(raw) or BARE_URL.search(raw)
            if found:
                article.url = found.group(1)
            expect_url = not found
            continue
        plain = _plain(raw)
        if index < HEADER_LINES and not body:
            if not article.authors and re.match(r"(?i)by\s", plain):
                article.authors = split_byline(plain)
                continue
            if not article.published and len(plain) < 40 and to_iso(plain):
                article.published = to_iso(plain)
                continue
        if CAPTION.match(raw) or LABELLED_LINK.match(raw) or TAG_LINE.match(raw):
            continue
        if plain:  # an image alone leaves nothing to read
            body.append(re.sub(r"^#+\s*", "", plain))
    article.text = "\n\n".join(body)
    return article
