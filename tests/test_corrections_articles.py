"""Article details corrected as undoable corrections, and the page's own values taken again."""

from __future__ import annotations

import pytest

from desktop.core import corrections
from desktop.core.article import Original
from desktop.core.query import detail
from desktop.core.store.archive import store_article
from tests.corrections_helpers import article

PAGE = b"""<html><head><title>The page's title</title><meta name="author" content="Page Author">
<meta property="article:published_time" content="2021-05-06"></head>
<body><article><h1>The page's title</h1><p>Some long paragraph of the story text, with enough words
to count as the body of an article for the extractor to keep it.</p></article></body></html>"""


@pytest.fixture
def stored(archive) -> int:
    return store_article(archive, article(1, []), Original(PAGE, "text/html", "utf-8")).id


def _details(archive, article_id):
    item = detail(archive, article_id)
    return item.title, item.authors, item.published, item.publisher, item.url


def test_edit_is_recorded_undoable_and_redoable(archive, stored):
    before = _details(archive, stored)
    change = corrections.edit_article(archive, stored, title="Corrected", authors=["Cy Editor"],
                                      published="2023-02-02", publisher="The Daily", url="https://other.example/a")
    assert change.summary == f"Edited the title, authors, date, publisher and address of article {stored}"
    edited = _details(archive, stored)
    assert edited == ("Corrected", ["Cy Editor"], "2023-02-02", "The Daily", "https://other.example/a")
    corrections.undo(archive)
    assert _details(archive, stored) == before
    assert detail(archive, stored) is not None and corrections.history(archive)[0].article_id == stored
    corrections.redo(archive)
    assert _details(archive, stored) == edited


def test_an_address_another_article_has_is_refused(archive, stored):
    store_article(archive, article(2, []))
    with pytest.raises(ValueError, match="Article 2 has the address https://news.example/2 already."):
        corrections.edit_article(archive, stored, url="https://news.example/2")
    with pytest.raises(ValueError, match="cannot be an article's address"):
        corrections.edit_article(archive, stored, url="ftp://x.example/")
    with pytest.raises(ValueError, match="Give at least one detail"):
        corrections.edit_article(archive, stored)
    assert corrections.history(archive) == []


def test_take_page_values_forgets_the_edits(archive, stored):
    corrections.edit_article(archive, stored, title="Mine", authors=["Me"])
    change = corrections.take_page_values(archive, stored)
    title, authors, published, *_ = _details(archive, stored)
    assert (title, authors, published[:10]) == ("The page's title", ["Page Author"], "2021-05-06")
    assert "Took the page's own details" in change.summary
    corrections.undo(archive)
    assert _details(archive, stored)[:2] == ("Mine", ["Me"])


def test_take_page_values_needs_a_saved_copy(archive):
    article_id = store_article(archive, article(1, [])).id
    with pytest.raises(ValueError, match=f"Article {article_id} has no saved copy"):
        corrections.take_page_values(archive, article_id)


def test_cli_edit_and_from_page(cli, archive, stored):
    assert cli("edit", str(stored), "--url", "https://other.example/b") == (0, f"edited {stored} Story 1\n", "")
    assert detail(archive, stored).url == "https://other.example/b"
    code, out, _ = cli("edit", str(stored), "--from-page")
    assert (code, out) == (0, f"took the page values of {stored} The page's title\n")
    assert cli("undo")[1].startswith("Undid: Took the page's own details")
