"""Articles saved as Markdown/plain text: "# Title", "By [A](#) and [B](#)", a date line, the
paragraphs and an "Original url:" footer. Other text files become body text as they are."""

from __future__ import annotations

import re

from desktop.core.article import Article

from .dates import to_iso
from .names import split_byline
from .normalize import squash

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
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


def _plain(markdown: str) -> str:
    text = LINK.sub(r"\1", IMAGE.sub("", markdown))
    return squash(BOLD.sub("", text))


def extract_textfile(text: str, filename: str | None = None) -> Article:
    """An Article from a .md/.txt file; `filename` is only a fallback title."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Article(title=filename or "")
    if not lines[first].startswith("# "):
        return Article(title=_plain(lines[first]), text=text.strip())

    article = Article(title=_plain(lines[first][2:]))
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines[first + 1:]))
    body, expect_url = [], False
    for index, raw in enumerate(p.strip() for p in paragraphs):
        if not raw:
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
        if CAPTION.match(raw) or LABELLED_LINK.match(raw):
            continue
        body.append(re.sub(r"^#+\s*", "", plain))
    article.text = "\n\n".join(body)
    return article
