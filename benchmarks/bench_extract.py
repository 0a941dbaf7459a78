"""Score our extractor and bare trafilatura on ../shared/corpus/readability and print both.

    .venv/bin/python benchmarks/bench_extract.py [--pages DIR] [--per-page]

--pages takes any folder of pages laid out as Readability.js's test pages
(<name>/source.html + expected-metadata.json + expected.txt), e.g. pages kept out of the
development corpus; --per-page prints each page's body F1 for both extractors.

`score_page` is also the adapter for the project's scorer:
    .venv/bin/python ../shared/eval/score_extraction.py --corpus ../shared/corpus/readability \
        --python benchmarks.bench_extract:score_page
"""

from __future__ import annotations

import argparse
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


def run(scorer, extractor, corpus: Path) -> tuple[dict, float, dict]:
    """Mean of each metric over the pages that have it, the median seconds per page, and each
    page's body F1 by page name."""
    rows, seconds, body = [], [], {}
    for page in scorer.load_corpus(corpus):
        html = scorer.decode(scorer.page_bytes(page))
        start = time.perf_counter()
        pred = extractor(html, page["url"])
        seconds.append(time.perf_counter() - start)
        rows.append(scorer.score_page(page, pred))
        body[page["id"]] = rows[-1]["body_f1"]
    means = {key: statistics.mean([r[key] for r in rows if key in r] or [float("nan")])
             for key in METRICS}
    return means, statistics.median(seconds), body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=SHARED / "corpus" / "readability",
                        help="a folder of Readability-style test pages")
    parser.add_argument("--per-page", action="store_true", help="print each page's body F1")
    args = parser.parse_args()
    scorer = load_scorer()
    print(f"{'extractor':<12}" + "".join(f"{key:>11}" for key in METRICS) + f"{'s/page':>9}")
    bodies = {}
    for name, extractor in (("cuttings", score_page), ("trafilatura", trafilatura_page)):
        means, median, bodies[name] = run(scorer, extractor, args.pages)
        print(f"{name:<12}" + "".join(f"{means[key]:>11.3f}" for key in METRICS) + f"{median:>9.4f}")
    if args.per_page:
        print(f"\n{'page':<40}{'cuttings':>10}{'trafilat.':>10}{'diff':>8}")
        for page, ours in sorted(bodies["cuttings"].items(),
                                 key=lambda item: item[1] - bodies["trafilatura"][item[0]]):
            theirs = bodies["trafilatura"][page]
            print(f"{page[:39]:<40}{ours:>10.3f}{theirs:>10.3f}{ours - theirs:>+8.3f}")


if __name__ == "__main__":
    main()
