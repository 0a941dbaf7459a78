"""Finding entities and quotations again in every stored article, one transaction per article."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.article import Article
from desktop.core.pipeline import add_entities
from desktop.core.query import Filter, article_ids, detail
from desktop.core.store.archive import replace_entities
from desktop.core.store.db import Archive


def reindex(archive: Archive) -> Iterator[tuple[int, int]]:
    """Re-run entities and quotations on each article's stored text (those in the trash too,
    for their restoring); yield (done, total) after each. Metadata, edited or not, stays as it is.

    Interrupting between two articles leaves every article either old or new, never mixed.
    """
    ids = article_ids(archive) + article_ids(archive, Filter(trash=True))
    for done, article_id in enumerate(ids, 1):
        item = detail(archive, article_id)
        if item is not None:
            found = add_entities(Article(title=item.title, text=item.text, language=item.language))
            replace_entities(archive, article_id, found.entities, found.quotes)
        yield done, len(ids)
