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
    find_entities("Warm up", "The model loads once per process, in Belgrade.")
    print(f"model load {time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive(Path(folder) / "bench.sqlite3")
        times = []
        for page in pages:
            start = time.perf_counter()
            pipeline.import_one(archive, str(page), url=f"https://example.org/{page.parent.name}")
            times.append(time.perf_counter() - start)
    print(f"{len(pages)} pages imported end to end: median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s per page")


if __name__ == "__main__":
    main()
