"""Quotation stage numbers: who said what on the seed and the development set, ours beside two
trivial baselines, and the stage's time beside the entity stage's.

    .venv/bin/python benchmarks/bench_quotes.py [--repeat N] [--parser]

Scores come from ../shared/eval/score_quotes.py's own functions (quotation P/R/F1, speaker
accuracy on matched quotations, end-to-end attributed P/R/F1, non-speech strings given a
speaker). The development set is also scored in two parts: the 11 articles the rules were
developed on and the 5 checked on afterwards (HELD_OUT). Times are CPU seconds per 1,000 words
of the corpus texts, the fastest of `--repeat` passes (this machine is shared). `--parser` also
times spaCy's dependency parser on the same paragraphs: what using the parse would cost.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_adapter  # noqa: E402

CORPORA = {"seed": SHARED / "gold" / "seed-quotes.json", "dev": SHARED / "corpus" / "quotes" / "quotes.jsonl"}
HELD_OUT = ("buzzfeed-1", "nytimes-3", "quanta-1", "telegraph", "wapo-2")
SYSTEMS = (("Cuttings", quotes_adapter.ours), ("said-NAME regex", quotes_adapter.said_regex),
           ("capitalised words (SOURCES.md)", quotes_adapter.capitalised))


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(scorer, docs: dict[str, list[dict]]) -> None:
    """One table row per system and document set."""
    sets = {"seed": docs["seed"], "dev (16)": docs["dev"],
            "dev: developed on (11)": [d for d in docs["dev"] if d["id"] not in HELD_OUT],
            "dev: checked on (5)": [d for d in docs["dev"] if d["id"] in HELD_OUT]}
    print(f"{'system / set':<30} {'docs':>4} {'gold':>5} {'pred':>5}  {'quote P/R/F1':<17}  "
          f"{'spk_acc (n)':<11}  {'attributed P/R/F1':<17}  {'na_named':<7} {'err':>3}")
    for name, predict in SYSTEMS:
        print(name)
        for label, subset in sets.items():
            tally = scorer.Tally()
            for doc in subset:
                tally.add(scorer.score_doc(doc, scorer.predicted_quotes(predict(doc["text"]))))
            print(scorer.row(f"  {label}", tally))


def timings(texts: list[str], repeat: int, parser: bool) -> None:
    """CPU seconds per 1,000 words: the entity stage, the quotation stage, and their ratio."""
    from desktop.core.entities import find_entities_analysed
    from desktop.core.quotes import find_quotes

    words = sum(len(t.split()) for t in texts) / 1000
    analysed = [find_entities_analysed("", t) for t in texts]
    entity = _fastest(lambda: [find_entities_analysed("", t) for t in texts], repeat)
    quotes = _fastest(lambda: [find_quotes(t, e) for t, (e, _) in zip(texts, analysed)], repeat)
    print(f"\n{words * 1000:,.0f} words; CPU s per 1,000 words, fastest of {repeat}:")
    print(f"  entity stage     {entity / words:.4f}")
    print(f"  quotation stage  {quotes / words:.4f}  ({quotes / entity:.1%} of the entity stage; the goal is <= 15%)")
    if parser:
        _parser_cost(texts, words, entity, repeat)


def _parser_cost(texts: list[str], words: float, entity: float, repeat: int) -> None:
    """The model with its dependency parser on the entity stage's paragraphs, against without."""
    from thinc.api import use_ops

    from desktop.core.entities import ner
    import spacy

    plain = ner.load_model()
    with use_ops("numpy", use_blis=False):
        parsing = spacy.load(ner.model_package(), exclude=[p for p in ner.UNUSED_PIPES if p not in ("tok2vec", "parser")])
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    without = _fastest(lambda: list(plain.pipe(paragraphs)), repeat)
    with_parser = _fastest(lambda: list(parsing.pipe(paragraphs)), repeat)
    extra = with_parser - without
    print(f"  the model with tok2vec + parser: {with_parser / words:.4f} (without {without / words:.4f}); "
          f"the parse would add {extra / entity:.0%} to the entity stage")


def _fastest(run, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest counts")
    ap.add_argument("--parser", action="store_true", help="also time spaCy's dependency parser")
    args = ap.parse_args()
    scorer = load_scorer()
    docs = {name: scorer.load_gold(path) for name, path in CORPORA.items()}
    scores(scorer, docs)
    timings([d["text"] for d in docs["dev"] + docs["seed"]], args.repeat, args.parser)


if __name__ == "__main__":
    main()
