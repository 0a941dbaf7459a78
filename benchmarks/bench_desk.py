"""Entity desk benchmark: a merge of two big entities at 100k articles, and the duplicate finder.

    python benchmarks/bench_desk.py [--articles 100000] [--archive PATH]

On bench_browse.py's synthetic archive (built once into --archive, reused when it exists;
each run works on a copy),
with variants of its names added until it holds 50,000 entities (a surname alone, initials,
transliterations, accents, a middle initial, organisations in other case or with dots,
unresolved places), prints one JSON line:

    {"articles": N, "entities": N, "merge_s": ..., "facet_s": ..., "merged_articles": N,
     "first_proposals_s": ..., "duplicates_s": ..., "proposals": N}

merge_s: corrections.merge_entities of two people with 10,000 mentions each (added for the
run, in random articles, some naming both). facet_s: then facets.facet of the people section as
the sidebar asks it (FACET_LIMIT + 1 entries), which gives the merged person's new article count
(merged_articles). first_proposals_s: likely_duplicates(limit=50) over every kind, run first
(what a view shows first); duplicates_s: all of them. CPU seconds beside wall seconds: the
machine is shared. Goals (issue 13): merge <= 1 s, first proposals <= 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_browse  # noqa: E402  (the synthetic archive's builder)

ENTITIES = 50_000
MIDDLE = "ABCDEFGHJKLMNPRSTW"
ACCENTED = str.maketrans("aeiouc", "áéíóúč")
SPELLINGS = (("ei", "ey"), ("ks", "x"), ("y", "i"), ("ov", "off"), ("sch", "sh"))


def variant(name: str, kind: str, rng: random.Random) -> tuple[str, bool]:
    """Another form of `name` as news writes it, and whether it is a one-word (local) person."""
    words = name.split()
    if kind != "person":
        return rng.choice([name.upper(), name.replace(" ", ". ") + ".", f"The {name}", name.lower().title()]), False
    first, last = words[0], words[1]
    form = rng.randrange(5)
    if form == 0:
        return last, True
    if form == 1:
        return " ".join([f"{first[0]}.", *words[1:]]), False
    if form == 2:
        return " ".join([first, f"{rng.choice(MIDDLE)}.", *words[1:]]), False
    if form == 3:
        return name.translate(ACCENTED), False
    old, new = rng.choice(SPELLINGS)
    return name.replace(old, new, 1) if old in name else name + "e", False


def add_variants(path: Path, articles: int, seed: int = 11) -> int:
    """Add variant entities, each mentioned in one to three articles, up to ENTITIES in all;
    return the number of entities."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    existing = conn.execute("SELECT id, kind, name FROM entity").fetchall()
    next_id = max(i for i, _, _ in existing) + 1
    entities, mentions, keys = [], [], set()
    while len(existing) + len(entities) < ENTITIES:
        _, kind, name = rng.choice(existing)
        form, local = variant(name, kind, rng)
        article = rng.randint(1, articles)
        key = f"{form.casefold()}#{article}" if local else f"variant:{form.casefold()}"
        if key in keys:
            continue
        keys.add(key)
        entities.append((next_id, kind, key, form, "", article if local else None))
        for a in {article, *(rng.randint(1, articles) for _ in range(0 if local else rng.randint(0, 2)))}:
            mentions.append((a, next_id, 1, 0, f"{form} was mentioned."))
        next_id += 1
    with conn:
        conn.executemany("INSERT INTO entity (id, kind, key, name, aliases, scope_article_id) VALUES (?,?,?,?,?,?)",
                         entities)
        conn.executemany("INSERT OR IGNORE INTO mention (article_id, entity_id, count, first_pos, context) "
                         "VALUES (?,?,?,?,?)", mentions)
        conn.execute("ANALYZE")
    return len(existing) + len(entities)


def big_pair(path: Path, articles: int, mentions: int = 10_000, seed: int = 5) -> tuple[int, int]:
    """Two new people, each mentioned in `mentions` random articles (some in both): the ids."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    first = conn.execute("SELECT max(id) FROM entity").fetchone()[0] + 1
    with conn:
        for i, name in enumerate(("Merged Person", "Kept Person")):
            conn.execute("INSERT INTO entity (id, kind, key, name, aliases) VALUES (?, 'person', ?, ?, '')",
                         (first + i, name.casefold(), name))
            conn.executemany("INSERT INTO mention (article_id, entity_id, count, first_pos, context) "
                             "VALUES (?, ?, 1, 0, ?)", [(a, first + i, f"{name} said.")
                                                         for a in rng.sample(range(1, articles + 1), mentions)])
    return first, first + 1


def merge_and_count(archive, path: Path, articles: int) -> dict:
    """Merge two people of 10,000 mentions each (corrections.merge_entities), then the people
    section of the sidebar (facets.facet, as the window asks it: FACET_LIMIT + 1 entries)."""
    from desktop.core import facets
    from desktop.core.corrections import merge_entities
    from desktop.gui.facet_model import FACET_LIMIT

    other, keep = big_pair(path, articles)
    archive.refuse_if_damaged()  # the once-per-open check before a first write (0.5-0.7 s here), done
    _, merge_s, merge_cpu = timed(merge_entities, archive, [other], into=keep)
    entries, facet_s, _ = timed(facets.facet, archive, "person", limit=FACET_LIMIT + 1)
    count = next((e.count for e in entries if keep in e.term.ids), None)
    return {"merge_s": round(merge_s, 3), "merge_cpu_s": round(merge_cpu, 3), "facet_s": round(facet_s, 3),
            "merged_articles": count}


def timed(func, *args, **kwargs):
    """func's result, wall seconds and CPU seconds (the steadier number on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--archive", type=Path, help="where to build the archive (default: a temporary folder)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cuttings-desk-"))
    base = args.archive or folder / "base.sqlite3"
    if not base.exists():
        bench_browse.build(base, args.articles)
        add_variants(base, args.articles)
    path = folder / "desk.sqlite3"  # the merge changes it: a copy, so the base serves again
    shutil.copyfile(base, path)

    from desktop.core.duplicates import likely_duplicates
    from desktop.core.store.db import Archive

    archive = Archive(path)
    with archive.session() as session:
        entities = session.connection().exec_driver_sql("SELECT count(*) FROM entity").scalar()
    (_, first_s, first_cpu), (proposals, all_s, all_cpu) = (timed(likely_duplicates, archive, limit=50),
                                                           timed(likely_duplicates, archive))
    merged = merge_and_count(archive, path, args.articles)
    print(json.dumps({"articles": args.articles, "entities": entities, **merged,
                      "first_proposals_s": round(first_s, 3), "first_proposals_cpu_s": round(first_cpu, 3),
                      "duplicates_s": round(all_s, 3), "duplicates_cpu_s": round(all_cpu, 3),
                      "proposals": len(proposals)}))

if __name__ == "__main__":
    main()
