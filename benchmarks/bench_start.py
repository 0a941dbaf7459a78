"""Start-up benchmark of the frozen app (the PyInstaller bundle in dist/Cuttings/).

    .venv/bin/python benchmarks/bench_start.py            # reuse dist/Cuttings if present, else build
    .venv/bin/python benchmarks/bench_start.py --build    # build first (bash packaging/build.sh --no-setup)
    .venv/bin/python benchmarks/bench_start.py --runs 7 --articles 1000

Prints one JSON line:

    {"version_s": ..., "window_s": ..., "articles": 1000, "folder_mb": ..., "targz_mb": ..., "build_s": ...}

version_s: `cuttings --version`, process start to exit (median). window_s: `cuttings --smoke` on an
archive of N articles (offscreen): process start until the window shows the stored articles and
the process has exited (median). Goals: 1 s and 2 s; folder 300 MB, tar.gz 120 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "Cuttings"
EXE = BUNDLE / ("cuttings.exe" if sys.platform.startswith("win") else "cuttings")
sys.path.insert(0, str(ROOT))

PEOPLE = ["Alexei Navalny", "Yulia Navalnaya", "Vladimir Putin", "Olaf Scholz", "Emmanuel Macron",
          "Aleksandar Vucic", "Nikol Pashinyan", "Ursula von der Leyen", "Maia Sandu", "Rishi Sunak"]
CITIES = [("Moscow", "RU"), ("Berlin", "DE"), ("Paris", "FR"), ("Belgrade", "RS"), ("Yerevan", "AM"),
          ("London", "GB"), ("Vilnius", "LT"), ("Chisinau", "MD"), ("Kyiv", "UA"), ("Tbilisi", "GE")]
WORDS = ("government minister talks agreement energy pipeline election protest border court trade "
         "sanctions parliament police economy market report officials said week statement").split()


def build_bundle() -> float:
    start = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--no-setup"], check=True,
                   env={**os.environ, "PYTHON": sys.executable})
    return time.perf_counter() - start


def make_archive(path: Path, n: int, seed: int = 3) -> None:
    """An archive of `n` synthetic articles with people, cities and countries, stored like imports."""
    from desktop.core.article import CITY, COUNTRY, PERSON, Article, Entity
    from desktop.core.store.archive import store_article
    from desktop.core.store.db import Archive

    rng = random.Random(seed)
    archive = Archive(path)
    for i in range(n):
        people = rng.sample(PEOPLE, 3)
        cities = rng.sample(CITIES, 2)
        text = "\n\n".join(" ".join(rng.choices(WORDS, k=60)) + f" {people[j]} in {cities[j % 2][0]}."
                           for j in range(3))
        entities = [Entity(PERSON, p, mentions=rng.randint(1, 4)) for p in people]
        entities += [Entity(CITY, c, country=cc) for c, cc in cities]
        entities += [Entity(COUNTRY, cc, country=cc) for cc in {cc for _, cc in cities}]
        article = Article(url=f"https://example.org/news/{i}", title=f"Article {i}: {' '.join(rng.choices(WORDS, k=6))}",
                          authors=[rng.choice(PEOPLE)], published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                          publisher=f"Outlet {i % 12}", language="en", text=text, entities=entities)
        store_article(archive, article)


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return took


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    build_s = None
    if args.build or not EXE.exists():
        build_s = round(build_bundle(), 1)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.sqlite3"
        make_archive(db, args.articles)
        env["CUTTINGS_DB"] = str(db)
        timed([str(EXE), "--version"], env)  # warm the page cache: we measure start, not disk
        version = [timed([str(EXE), "--version"], env) for _ in range(args.runs)]
        timed([str(EXE), "--smoke", "--db", str(db)], env)
        window = [timed([str(EXE), "--smoke", "--db", str(db)], env) for _ in range(args.runs)]

    targz = sorted(DIST.glob("Cuttings-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    print(json.dumps({
        "version_s": round(statistics.median(version), 3),
        "window_s": round(statistics.median(window), 3),
        "articles": args.articles,
        "folder_mb": round(folder_mb(BUNDLE), 1),
        "targz_mb": round(targz[-1].stat().st_size / 1e6, 1) if targz else None,
        "build_s": build_s,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
