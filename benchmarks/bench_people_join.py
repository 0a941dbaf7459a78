"""One person across articles, and confirmed names, on the development corpus archive.

    python benchmarks/bench_people_join.py [--pages DIR] [--seed DIR] [--jsonl FILE ...]

Extracts the pages of ../shared/corpus/readability (each folder's source.html) and the seed
(../shared/seed/*.txt), and any --jsonl articles, once, with the real model, then stores the same articles into three
new archives: as the store was before (no join, no confirmed names), with the surname join
(store.people_join), and with confirmed names too (store.confirmed). For each it prints:

- person entities: how many person entities the archive holds;
- people as 2+ entities: people who appear as more than one entity, counted as the groups
  the likely-duplicates finder forms over people (a surname alone beside a full name, one
  name in other spellings, initials or a middle name), and the entities in those groups;
- the persons / places / orgs P, R, F1 of the stored entities of the 23 pages of
  benchmarks/gold/corpus-entities.jsonl (scored by ../shared/eval/score_entities.py).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from desktop.core import pipeline  # noqa: E402
from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE  # noqa: E402
from desktop.core.entities import ner  # noqa: E402
from desktop.core.store import archive as store, confirmed as names, people_join  # noqa: E402


def extracted(pages: Path, seed: Path, jsonl: list[Path]) -> list[tuple[str, object, object]]:
    """(name, Article with entities, Original or None) of every corpus page, seed file and
    JSON line (its "id", "title", "text" and "url")."""
    from desktop.core.article import Article

    sources = [(d.name, d / "source.html") for d in sorted(pages.iterdir()) if (d / "source.html").exists()]
    sources += [(f.stem, f) for f in sorted(seed.glob("*.txt"))]
    found = []
    for name, path in sources:
        article, original = pipeline.read(str(path))
        found.append((name, pipeline.add_entities(article), original))
    for path in jsonl:
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            article = Article(url=doc.get("url") or f"https://corpus.example/{doc['id']}", title=doc.get("title", ""),
                              text=doc["text"])
            found.append((doc["id"], pipeline.add_entities(article), None))
    return found


def build(items, where: Path, join: bool, confirmed: bool):
    """A new archive at `where` holding `items`, stored with or without the join and names."""
    from desktop.core.store.db import Archive

    keep = lambda _session, _article_id, entities: entities
    store.with_known_people = people_join.with_known_people if join else keep
    store.join_earlier_surnames = people_join.join_earlier_surnames if join else (lambda *_: 0)
    store.with_confirmed = names.with_confirmed if confirmed else (lambda _s, _t, _x, e: e)
    archive = Archive(where)
    ids = {name: store.store_article(archive, copy.deepcopy(article), original).id
           for name, article, original in items}
    return archive, ids


def people_as_many(archive) -> tuple[int, int, int]:
    """(person entities, people seen as 2+ entities, the entities of those people)."""
    from desktop.core.corrections import entity_table
    from desktop.core.duplicates import likely_duplicates

    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for p in likely_duplicates(archive, PERSON):
        parent[root(p.other.id)] = root(p.keep.id)
    groups: dict[int, int] = {}
    for i in parent:
        groups[root(i)] = groups.get(root(i), 0) + 1
    many = [n for n in groups.values() if n > 1]
    return len(entity_table(archive, PERSON)), len(many), sum(many)


def gold_scores(archive, ids: dict[str, int]) -> dict[str, str]:
    """P / R / F1 of the stored entities of the gold pages, by kind."""
    from desktop.core.query import detail

    spec = importlib.util.spec_from_file_location("score_entities", SHARED / "eval" / "score_entities.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    tallies = {k: scorer.Tally() for k in ("persons", "places", "citycountry", "orgs")}
    gold = ROOT / "benchmarks" / "gold" / "corpus-entities.jsonl"
    for page in (json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()):
        item = detail(archive, ids[page["id"]])
        text = f"{item.title}\n\n{item.text}"
        of = lambda *kinds: [e for e in item.entities if e.kind in kinds]
        in_text = lambda name: next(ner.occurrences(text, name), None) is not None
        names = lambda e: [n for n in [e.name, *e.aliases] if in_text(n)] or [e.name]
        places = [{"name": n, "geonameid": e.geonameid, "lat": e.lat, "lon": e.lon}
                  for e in of(CITY, COUNTRY, PLACE) for n in names(e)]
        scorer.score_doc(page, {"persons": [e.name for e in of(PERSON)], "cities": places,
                                "orgs": [e.name for e in of(ORG)]}, tallies)
    return {k: "{:.3f} {:.3f} {:.3f}".format(*tallies[k].prf()) for k in ("persons", "places", "orgs")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=SHARED / "corpus" / "readability")
    ap.add_argument("--seed", type=Path, default=SHARED / "seed")
    ap.add_argument("--jsonl", type=Path, action="append", default=[],
                    help="more articles, one JSON object a line "
                         "(e.g. ../shared/corpus/geoparsing/TR-News/tr-news.jsonl)")
    args = ap.parse_args()
    items = extracted(args.pages, args.seed, args.jsonl)
    folder = Path(tempfile.mkdtemp(prefix="cuttings-join-"))
    print(f"{len(items)} articles; people as 2+ entities = groups of likely duplicates (entities in them)")
    print(f"{'':<28}{'person entities':>16}{'people as 2+':>14}{'persons P R F1':>22}{'places':>20}{'orgs':>20}")
    for label, join, confirmed in (("store alone (before)", False, False), ("+ one person across", True, False),
                                   ("+ confirmed names", True, True)):
        archive, ids = build(items, folder / f"{label.split()[1]}.sqlite3", join, confirmed)
        persons, many, entities = people_as_many(archive)
        scores = gold_scores(archive, ids)
        print(f"{label:<28}{persons:>16}{f'{many} ({entities})':>14}{scores['persons']:>22}"
              f"{scores['places']:>20}{scores['orgs']:>20}")


if __name__ == "__main__":
    main()
