"""End-to-end import of local pages (read, extract, entities, store) into a temporary archive.

    python benchmarks/bench_import.py [CORPUS_DIR]

Prints the model load time once, then the median seconds per page of `pipeline.import_one`
over the saved pages of ../shared/corpus/readability, with the language model already loaded.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core import pipeline  # noqa: E402
from desktop.core.entities import find_entities  # noqa: E402
from desktop.core.store.db import Archive  # noqa: E402


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "readability"
    pages = sorted(corpus.glob("*/source.html"))
    start = time.perf_counter()
    # Long enough for the language check too, so its model loads here as well.
    find_entities("Warm up", "The model loads once per process, in Belgrade. " * 10)
    print(f"models load {time.perf_counter() - start:.2f} s (spaCy, gazetteer, language identifier)")
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive(Path(folder) / "bench.sqlite3")
        times = []
        for page in pages:
            start = time.perf_counter()
            pipeline.import_one(archive, str(page), url=f"https://example.org/{page.parent.name}")
            times.append(time.perf_counter() - start)
    print(f"{len(pages)} pages imported end to end: median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s per page")
    english = [t for page, t in zip(pages, times) if _in_english(page)]
    print(f"{len(english)} of them in English (entities found): median {statistics.median(english):.3f} s")


def _in_english(page: Path) -> bool:
    from desktop.core.extract import extract_html
    from desktop.core.entities.language import is_english

    article = extract_html(page.read_text(encoding="utf-8", errors="replace"))
    return is_english(f"{article.title}\n{article.text}")


if __name__ == "__main__":
    main()
