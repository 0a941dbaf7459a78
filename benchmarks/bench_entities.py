"""Entity stage numbers: TR-News scores (ours beside plain spaCy), speed and load times, then
people, places and organisations on the English corpus pages.

    .venv/bin/python benchmarks/bench_entities.py [--corpus FILE.jsonl] [--limit N]

Scores come from ../shared/eval/score_entities.py's own functions. "plain spaCy" is the model
alone with, for each GPE/LOC name, the country or region of that name or else the most populous
GeoNames city (benchmarks/entities_adapter.py). benchmarks/gold/corpus-entities.jsonl lists the
people, places and organisations of 23 English pages of ../shared/corpus/readability
(expected.txt), annotated by hand in the CoNLL way (no bylines, credits or author notes; a
person's full name and each first name the text uses alone, "Fiona" for Fiona Parry).
Two sets of short wire stories written for this project, annotated the same way (teams on results
lines are organisations, a dateline city is a place), are development sets, not held-out ones:
benchmarks/gold/wire-entities.jsonl (eleven: results tables, start lists, line-ups, scorecards,
one-word surnames; the person rules were tuned on it) and benchmarks/gold/wire-dev.jsonl (twelve:
datelines, results, scoreboards, companies; the organisation and place rules were). For held-out
wire copy and geoparsing news see benchmarks/heldout_corpora.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Wall and CPU seconds: on a shared machine the CPU time is the steadier number.
LOAD_CODE = """
import time
w, c = time.perf_counter(), time.process_time()
from desktop.core.entities import ner
from desktop.core.entities.gazetteer import gazetteer
ner.load_model()
w1, c1 = time.perf_counter(), time.process_time()
gazetteer()
w2, c2 = time.perf_counter(), time.process_time()
print(w1 - w, c1 - c, w2 - w1, c2 - c1, ner.model_package())
"""


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_entities", SHARED / "eval" / "score_entities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, docs, predict, repeat):
    """Scores from one pass; wall and CPU seconds of the fastest of `repeat` passes (this
    machine is shared, and the slower passes measure its neighbours)."""
    tallies = {"persons": scorer.Tally(), "places": scorer.Tally(), "citycountry": scorer.Tally(),
               "orgs": scorer.Tally(), "geonameid": [], "km161": []}
    passes = []
    for i in range(repeat):
        wall = cpu = 0.0
        for doc in docs:
            w, c = time.perf_counter(), time.process_time()
            pred = predict(doc["text"])
            wall, cpu = wall + time.perf_counter() - w, cpu + time.process_time() - c
            if i == 0:
                scorer.score_doc(doc, pred, tallies)
        passes.append((wall, cpu))
    f1 = {k: tallies[k].prf()[2] for k in ("persons", "places", "citycountry", "orgs") if tallies[k].n_gold}
    acc = statistics.mean(tallies["geonameid"]) if tallies["geonameid"] else None
    return f1, acc, *min(passes)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "geoparsing" / "TR-News" / "tr-news.jsonl"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--gold", default=str(Path(__file__).parent / "gold" / "corpus-entities.jsonl"),
                    help="people/places/orgs gold for corpus pages (JSONL of id, persons, locations, orgs)")
    ap.add_argument("--wire", nargs="*", default=[str(Path(__file__).parent / "gold" / name)
                                                  for name in ("wire-entities.jsonl", "wire-dev.jsonl")],
                    help="the same for wire stories written for this project, each with its text")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes and loads; the fastest is printed")
    args = ap.parse_args()

    loads = []
    for _ in range(args.repeat):  # each in a new process, so that nothing is loaded yet
        out = subprocess.run([sys.executable, "-c", LOAD_CODE], capture_output=True, text=True, cwd=ROOT, check=True)
        *times, package = out.stdout.split()
        loads.append(tuple(map(float, times)))
    model_w, model_c, gaz_w, gaz_c = min(loads)
    print(f"model {package}: load {model_w:.2f} s wall / {model_c:.2f} s CPU (with importing spaCy); "
          f"gazetteer {gaz_w:.2f} s / {gaz_c:.2f} s; together {model_w + gaz_w:.2f} s / {model_c + gaz_c:.2f} s "
          f"(fastest of {args.repeat} new processes)")

    import entities_adapter
    from desktop.core.entities import find_entities

    scorer = load_scorer()
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()][: args.limit]
    words = sum(len(d["text"].split()) for d in docs)
    find_entities("Warm-up", "Warm-up text in Paris.")  # loads the model and the gazetteer

    print(f"{len(docs)} documents, {words} words; times: fastest of {args.repeat} passes")
    print(f"{'':<12}{'places F1':>10}{'city+ctry':>10}{'id acc':>8}"
          f"{'s/1000 words (wall, CPU)':>26}{'words/s (wall)':>15}")
    for name, predict in (("plain spaCy", entities_adapter.plain_spacy), ("ours", entities_adapter.ours)):
        f1, acc, wall, cpu = score(scorer, docs, predict, args.repeat)
        print(f"{name:<12}{f1.get('places', 0):>10.3f}{f1.get('citycountry', 0):>10.3f}{acc or 0:>8.3f}"
              f"{wall / words * 1000:>18.3f}, {cpu / words * 1000:.3f}{words / wall:>15.0f}")

    for gold, what in ((args.gold, "English corpus pages"), *((w, f"wire stories ({Path(w).name})") for w in args.wire)):
        print_gold_scores(scorer, gold, what)


def print_gold_scores(scorer, gold: str, what: str) -> None:
    """P / R / F1 of people, places and organisations on one gold file, plain spaCy and ours; a
    page without its own "text" is a corpus page (its expected.txt)."""
    import entities_adapter

    pages = [json.loads(line) for line in Path(gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    for page in pages:
        if "text" not in page:
            page["text"] = (SHARED / "corpus" / "readability" / page["id"] / "expected.txt").read_text(encoding="utf-8")
    print(f"\n{len(pages)} {what} (P / R / F1)")
    print(f"{'':<12}{'persons':>20}{'places':>20}{'orgs':>20}")
    for name, predict in (("plain spaCy", entities_adapter.plain_spacy), ("ours", entities_adapter.ours)):
        tallies = {k: scorer.Tally() for k in ("persons", "places", "citycountry", "orgs")}
        for page in pages:
            scorer.score_doc(page, predict(page["text"]), tallies)
        cells = ["{:.3f} {:.3f} {:.3f}".format(*tallies[k].prf()) for k in ("persons", "places", "orgs")]
        print(f"{name:<12}" + "".join(f"{c:>20}" for c in cells))


if __name__ == "__main__":
    main()
