"""Which stored article, if any, is the same as one about to be stored.

The rules, in order (issue 18, "Nothing lost, nothing stuck"):

1. An article's own address (no canonical link on either side) identifies it: a second
   import of that address is the same article, even if the page changed since.
2. A canonical link (<link rel="canonical">, og:url, JSON-LD url) is only a claim: many CMSs
   point every story at the home page or a section. It identifies a stored article only when
   the text agrees (same text_hash), or when the user asks for a refresh.
3. Identical text at a variant of the address (urls.variant_key: "/a" and "/a/", "//",
   "?page=1", localhost and 127.0.0.1) is the same article.
4. An article without any address (a plain file) is the same as one with identical text.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from desktop.core.article import Article
from desktop.core.store.models import ArticleRow
from desktop.core.urls import normalize_url, variant_key


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _addresses(article: Article) -> set[str]:
    return {normalize_url(u) for u in (article.url, article.canonical_url) if u}


# The rows whose address or canonical link is one of the "addresses" parameter, oldest first;
# built once, as it is run for every article stored.
_AT = (select(ArticleRow)
       .where(col(ArticleRow.url).in_(bindparam("addresses", expanding=True))
              | col(ArticleRow.canonical_url).in_(bindparam("addresses", expanding=True)))
       .order_by(col(ArticleRow.id)))
_AT_MOST_TWO = _AT.limit(2)


def find_same(session: Session, article: Article, refresh: bool = False) -> ArticleRow | None:
    """The stored row that is the same article as `article` by the module's rules, or None.

    `refresh` (the user re-imports on purpose) lets a canonical link match without the text.
    """
    digest = text_hash(article.text)
    addresses = _addresses(article)
    if not addresses:
        return session.exec(select(ArticleRow).where(ArticleRow.text_hash == digest).limit(1)).first()
    own = None if article.canonical_url else normalize_url(article.url or "")
    for row in session.exec(_AT, params={"addresses": list(addresses)}):
        if refresh or row.text_hash == digest or (row.url == own and row.canonical_url is None):
            return row
    keys = {variant_key(a) for a in addresses}
    same_text = session.exec(
        select(ArticleRow).where(ArticleRow.text_hash == digest, col(ArticleRow.url).is_not(None))
    )
    return next((row for row in same_text if variant_key(row.url) in keys), None)


def find_at_address(session: Session, url: str) -> ArticleRow | None:
    """The one stored row at web address `url` (its address or canonical link), before any
    download, so without text to compare; None if no row, or several, claim that address:
    a canonical link shared by different articles identifies none of them."""
    rows = session.exec(_AT_MOST_TWO, params={"addresses": [normalize_url(url)]}).all()
    return rows[0] if len(rows) == 1 else None


def free_address(session: Session, article: Article, row_id: int | None) -> str | None:
    """The normalised address to store for `article` (row `row_id`, None if new): its own,
    unless a different stored article holds it (their shared canonical link, rule 2). Then
    None: the address column is unique, and the link stays in canonical_url and source_url."""
    if not article.url:
        return None
    url = normalize_url(article.url)
    holder = session.exec(select(ArticleRow.id).where(ArticleRow.url == url)).first()
    return url if holder is None or holder == row_id else None
