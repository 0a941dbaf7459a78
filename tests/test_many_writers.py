"""Several processes writing one PostgreSQL archive at once: no duplicate, nothing lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests import db_rows

WRITER = """
import sys
from desktop.core.article import Article, Entity, PERSON, CITY
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive

archive = Archive(sys.argv[1])
first, count = int(sys.argv[2]), int(sys.argv[3])
for n in range(first, first + count):
    people = [Entity(PERSON, f"Person {n % 7} Smith", first_pos=0), Entity(CITY, "Paris", geonameid=2988507)]
    store_article(archive, Article(url=f"https://news.example/{n}", title=f"Story {n}",
                                   text=f"Words of story {n}.", entities=people))
"""


def test_processes_importing_overlapping_urls_store_each_once(pg_archive_url):
    root = Path(__file__).resolve().parents[1]
    # Four writers of 30 articles each, starting 10 apart: 60 distinct addresses, most
    # written by two or three writers at once.
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, pg_archive_url, str(1 + 10 * i), "30"], cwd=root,
                                stderr=subprocess.PIPE, text=True) for i in range(4)]
    errors = [w.communicate(timeout=300)[1] for w in writers]
    assert [w.returncode for w in writers] == [0] * 4, errors
    from desktop.core.store.db import Archive

    archive = Archive(pg_archive_url)
    with db_rows.connect(archive) as con:
        assert con.execute("SELECT count(*), count(DISTINCT url) FROM article").fetchone() == (60, 60)
        assert con.execute("SELECT count(*) FROM entity").fetchone()[0] == 8  # 7 people and Paris
        # every article has both of its mentions
        assert con.execute("SELECT count(*) FROM mention").fetchone()[0] == 120
