"""Quotation reads at scale: bench_browse's synthetic archive plus quotations.

    python benchmarks/bench_quotations.py --articles 100000

Half of each article's people are quoted one to three times (made-up words from the
benchmark's Zipf vocabulary; the FTS triggers index them). Prints one JSON line of medians
over 5 runs, in milliseconds:

    counts_ms: the quotation counts of the People section's 301 entries (what the sidebar's
        recount adds), unfiltered and within the commonest city (beside the People section's
        own query there, for scale); said_ms: the most quoted person's "What they said"
        (the newest 500, and the counts); search_ms: a search over their quotations;
        quoted_filter_ms: the ids of the articles quoting them; detail_ms: one article with its
        quotations (the reading pane).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_browse import VOCABULARY, build, zipf_picker  # noqa: E402


def add_quotations(path: Path, seed: int = 11) -> int:
    """Quote half of the people named in each article; return how many quotations."""
    from desktop.core.store.db import Archive
    from desktop.core.store.models import EntityRow, Mention, Quotation

    rng = random.Random(seed)
    pick_word = zipf_picker(len(VOCABULARY), 1.0, rng)
    archive = Archive(path)
    with archive.engine.connect() as conn:
        people = conn.execute(
            Mention.__table__.select().with_only_columns(Mention.article_id, Mention.entity_id)
            .join(EntityRow, EntityRow.id == Mention.entity_id).where(EntityRow.kind == "person")
        ).all()
    rows = []
    for article_id, entity_id in people:
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                words = " ".join(VOCABULARY[pick_word()] for _ in range(rng.randint(6, 30)))
                rows.append(dict(article_id=article_id, entity_id=entity_id, text=words, start=0, end=len(words)))
    with archive._write_engine.begin() as conn:
        conn.execute(Quotation.__table__.insert(), rows)
    with archive._write_engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    return len(rows)


def median_ms(func, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(path: Path) -> dict:
    from desktop.core.facets import facet
    from desktop.core.query import QUOTED, Filter, Term, article_ids, detail
    from desktop.core.quotations import QuoteQuery, add_quote_counts, count_quotations, quotations, quote_counts
    from desktop.core.store.db import Archive

    archive = Archive(path)
    people = facet(archive, "person", limit=301)
    counts = quote_counts(archive, [e.term.ids[0] for e in people])
    speaker = max(counts, key=counts.get)
    city = facet(archive, "city", limit=1)[0].term
    in_city = facet(archive, "person", Filter(terms=(city,)), 301)
    asked = QuoteQuery(speaker_ids=(speaker,))
    word = quotations(archive, asked, limit=1)[0].quote.split()[0]
    return {
        "quotations": count_quotations(archive),
        "most_quoted": counts[speaker],
        "counts_ms": median_ms(lambda: add_quote_counts(archive, people)),
        "counts_in_city_ms": median_ms(lambda: add_quote_counts(archive, in_city, Filter(terms=(city,)))),
        "people_facet_in_city_ms": median_ms(lambda: facet(archive, "person", Filter(terms=(city,)), 301)),
        "said_ms": median_ms(lambda: (quotations(archive, asked, 500), count_quotations(archive, asked))),
        "search_ms": median_ms(lambda: quotations(archive, QuoteQuery((speaker,), word), 500)),
        "quoted_filter_ms": median_ms(lambda: article_ids(archive, Filter(terms=(Term(QUOTED, "x", (speaker,)),)))),
        "detail_ms": median_ms(lambda: detail(archive, 1)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        build(path, args.articles)
        add_quotations(path)
        print(json.dumps({"articles": args.articles, **measure(path)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
