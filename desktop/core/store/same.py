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
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Row, bindparam
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from desktop.core.article import Article
from desktop.core.store.models import ArticleRow
from desktop.core.urls import normalize_url, variant_key


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# A row whose address or canonical link is one of the "addresses" parameter.
_AT = (col(ArticleRow.url).in_(bindparam("addresses", expanding=True))
       | col(ArticleRow.canonical_url).in_(bindparam("addresses", expanding=True)))
# The rows that may be the same article as one about to be stored: those _AT the addresses, and
# those at an address with the text of "digest", oldest first; plain rows (no article text),
# built once, as it is read for every article stored.
_CLAIMS = (select(ArticleRow.id, ArticleRow.url, ArticleRow.canonical_url, ArticleRow.text_hash)
           .where(_AT | ((ArticleRow.text_hash == bindparam("digest")) & col(ArticleRow.url).is_not(None)))
           .order_by(col(ArticleRow.id)))
# The rows _AT the addresses, oldest first.
_AT_ADDRESSES = (select(ArticleRow.id, ArticleRow.title, ArticleRow.trashed, ArticleRow.url, ArticleRow.canonical_url)
                 .where(_AT).order_by(col(ArticleRow.id)))


@dataclass
class Claims:
    """What the archive holds that bears on storing `article`: `rows`, (id, url,
    canonical_url, text_hash) of every stored article at one of its `addresses` (normalised:
    its own, `url`, and its canonical link) or with its text (`digest`) at an address, oldest
    first. Read once (`claims`), it answers both which row is the same article and whether the
    article's address is free."""

    article: Article
    digest: str
    url: str | None
    addresses: set[str]
    rows: list

    def same(self, refresh: bool = False) -> int | None:
        """The id of the stored article that is the same as `article` by the module's rules
        1 to 3 (find_same), or None."""
        own = None if self.article.canonical_url else self.url
        for row in self.rows:
            if row.url not in self.addresses and row.canonical_url not in self.addresses:
                continue  # found by its text alone: rule 3, below
            if refresh or row.text_hash == self.digest or (row.url == own and row.canonical_url is None):
                return row.id
        keys = {variant_key(a) for a in self.addresses}
        return next((row.id for row in self.rows
                     if row.text_hash == self.digest and row.url is not None and variant_key(row.url) in keys), None)

    def free_address(self, row_id: int | None) -> str | None:
        """The module's free_address, from these rows."""
        if self.url is None:
            return None
        holder = next((row.id for row in self.rows if row.url == self.url), None)
        return self.url if holder is None or holder == row_id else None


def claims(session: Session, article: Article) -> Claims:
    """The Claims on `article` (one query); its rows are none when it has no address."""
    url, digest = normalize_url(article.url) if article.url else None, text_hash(article.text)
    addresses = {a for a in (url, normalize_url(article.canonical_url) if article.canonical_url else None) if a}
    rows = session.connection().execute(_CLAIMS, {"addresses": list(addresses), "digest": digest}).all() \
        if addresses else []
    return Claims(article, digest, url, addresses, rows)


def find_same(session: Session, article: Article, refresh: bool = False,
              known: Claims | None = None) -> ArticleRow | None:
    """The stored row that is the same article as `article` by the module's rules, or None.

    `refresh` (the user re-imports on purpose) lets a canonical link match without the text.
    `known`: the article's Claims when the caller has read them.
    """
    known = known or claims(session, article)
    if not known.addresses:
        return session.exec(select(ArticleRow).where(ArticleRow.text_hash == known.digest).limit(1)).first()
    found = known.same(refresh)
    return None if found is None else session.get(ArticleRow, found)


def find_at_address(conn: Connection, url: str) -> Row | None:
    """The one stored article at web address `url` (its address or canonical link), before
    any download, so without text to compare, as (id, title, trashed, url, canonical_url);
    None if no row, or several, claim that address: a canonical link shared by different
    articles identifies none of them."""
    return find_at_addresses(conn, [url]).get(url)


def find_at_addresses(conn: Connection, urls: Iterable[str]) -> dict[str, Row]:
    """find_at_address of each of `urls` in one query (a batch's next jobs): {url: row} for
    the urls one stored article claims, keyed as given."""
    wanted = {url: normalize_url(url) for url in urls}
    if not wanted:
        return {}
    claimed: dict[str, list[Row]] = {}
    for row in conn.execute(_AT_ADDRESSES, {"addresses": sorted(set(wanted.values()))}):
        for address in {row.url, row.canonical_url} - {None}:
            claimed.setdefault(address, []).append(row)
    return {url: rows[0] for url, address in wanted.items() if len(rows := claimed.get(address, [])) == 1}


def free_address(session: Session, article: Article, row_id: int | None) -> str | None:
    """The normalised address to store for `article` (row `row_id`, None if new): its own,
    unless a different stored article holds it (their shared canonical link, rule 2). Then
    None: the address column is unique, and the link stays in canonical_url and source_url."""
    return claims(session, article).free_address(row_id)
