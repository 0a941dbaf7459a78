"""Corrections benchmark: entity corrections on bench_browse's synthetic archive.

    python benchmarks/bench_corrections.py --articles 100000 [--keep PATH]

Builds the archive (or reuses --keep), picks the two people whose mention counts are
nearest 10,000, and prints one JSON line with the seconds each took:

    {"articles": N, "mentions": [a, b], "merge_s": ..., "undo_s": ..., "redo_s": ..., "rename_s": ...,
     "split_s": ..., "remove_s": ..., "import_ms": ..., "import_with_rules_ms": ...}

merge_s is the issue's goal (≤ 1 s for two entities of 10,000 mentions each at 100k articles).
import_ms, import_with_rules_ms: storing one article of 10 people (median of 5), before and with
200 active rules.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_browse import run_on_archive  # noqa: E402


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return round(time.perf_counter() - start, 3), result


def pair_near(path: Path, wanted: int = 10_000) -> list[tuple[int, int]]:
    """The two people whose mention counts are nearest `wanted`: [(id, mentions), ...]."""
    with sqlite3.connect(path) as con:
        counts = con.execute("SELECT entity_id, count(*) FROM mention JOIN entity ON entity.id = entity_id "
                             "WHERE kind = 'person' GROUP BY entity_id").fetchall()
    return sorted(counts, key=lambda c: abs(c[1] - wanted))[:2]


def _store_ms(archive, tag: str) -> float:
    """Median milliseconds to store an article of 10 people (5 articles, after one to warm up)."""
    import statistics

    from desktop.core.article import PERSON, Article, Entity
    from desktop.core.store.archive import store_article

    times = []
    for n in range(6):
        article = Article(url=f"https://bench.example/{tag}/{n}", title="Rules", text=f"Some words {tag} {n}.",
                          entities=[Entity(PERSON, f"Person Number {i}") for i in range(10)])
        times.append(timed(lambda: store_article(archive, article))[0])
    return round(statistics.median(times[1:]) * 1000, 1)


def rules_import_ms(archive) -> tuple[float, float]:
    """Milliseconds to store one article of 10 people without rules and with 200 active."""
    from desktop.core.corrections.history import record

    without = _store_ms(archive, "plain")
    with archive.transaction() as session:
        for i in range(200):
            rule = {"op": "alias", "match": [{"kind": "person", "key": f"nobody {i}", "name": f"Nobody {i}"}],
                    "alias": {"add": f"N{i}"}}
            record(session, "alias", rule, {}, f"rule {i}", None)
    return without, _store_ms(archive, "rules")


def measure(path: Path, n: int) -> dict:
    from desktop.core import corrections
    from desktop.core.store.db import Archive

    (keep, keep_n), (other, other_n) = pair_near(path)
    archive = Archive(path)
    archive.refuse_if_damaged()  # the once-per-open check, not part of a correction
    result = {"articles": n, "mentions": [keep_n, other_n]}
    result["merge_s"], _ = timed(lambda: corrections.merge_entities(archive, [other], into=keep))
    result["undo_s"], _ = timed(lambda: corrections.undo(archive))
    result["redo_s"], _ = timed(lambda: corrections.redo(archive))
    result["rename_s"], _ = timed(lambda: corrections.rename_entity(archive, keep, "Renamed Person"))
    with sqlite3.connect(path) as con:
        some = [a for (a,) in con.execute("SELECT article_id FROM mention WHERE entity_id = ? LIMIT 100", (keep,))]
    result["split_s"], _ = timed(lambda: corrections.split_entity(archive, keep, some))
    result["remove_s"], _ = timed(lambda: corrections.remove_entity(archive, keep))
    result["import_ms"], result["import_with_rules_ms"] = rules_import_ms(archive)
    return result


def main() -> int:
    return run_on_archive(__doc__.splitlines()[0], measure)

if __name__ == "__main__":
    sys.exit(main())
