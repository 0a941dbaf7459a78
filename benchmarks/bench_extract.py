"""Score our extractor and bare trafilatura on ../shared/corpus/readability and print both.

    .venv/bin/python benchmarks/bench_extract.py [CORPUS_DIR]

`score_page` is also the adapter for the project's scorer:
    .venv/bin/python ../shared/eval/score_extraction.py --corpus ../shared/corpus/readability \
        --python benchmarks.bench_extract:score_page
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from desktop.core.extract import extract_html  # noqa: E402

METRICS = ("body_f1", "title_em", "byline_f1", "date_acc")


def score_page(html: str, url: str) -> dict:
    """The scorer's view of our Article."""
    article = extract_html(html, url)
    return {"title": article.title, "authors": article.authors,
            "published": article.published, "text": article.text}


def trafilatura_page(html: str, url: str) -> dict:
    """Bare trafilatura: extract() for the body, extract_metadata() for the rest."""
    import trafilatura

    meta = trafilatura.extract_metadata(html, default_url=url)
    return {"title": (meta.title if meta else "") or "",
            "authors": (meta.author or "").split("; ") if meta and meta.author else [],
            "published": meta.date if meta else None,
            "text": trafilatura.extract(html, url=url) or ""}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "eval" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(scorer, extractor, corpus: Path) -> tuple[dict, float]:
    """Mean of each metric over the pages that have it, and the median seconds per page."""
    rows, seconds = [], []
    for page in scorer.load_corpus(corpus):
        html = scorer.decode(scorer.page_bytes(page))
        start = time.perf_counter()
        pred = extractor(html, page["url"])
        seconds.append(time.perf_counter() - start)
        rows.append(scorer.score_page(page, pred))
    means = {key: statistics.mean([r[key] for r in rows if key in r]) for key in METRICS}
    return means, statistics.median(seconds)


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "corpus" / "readability"
    scorer = load_scorer()
    print(f"{'extractor':<12}" + "".join(f"{key:>11}" for key in METRICS) + f"{'s/page':>9}")
    for name, extractor in (("cuttings", score_page), ("trafilatura", trafilatura_page)):
        means, median = run(scorer, extractor, corpus)
        print(f"{name:<12}" + "".join(f"{means[key]:>11.3f}" for key in METRICS) + f"{median:>9.4f}")


if __name__ == "__main__":
    main()
