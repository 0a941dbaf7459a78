"""Browse benchmark: the archive window on N synthetic articles.

    python benchmarks/bench_browse.py --articles 100000
    python benchmarks/bench_browse.py --articles 100000 --db postgresql://user@host/empty_db
    python benchmarks/bench_browse.py --articles 1000000 --db postgresql://user@host/empty_db --no-sqlite

Builds a temporary archive (bulk inserts, CHUNK articles a transaction; the FTS triggers fill
the index) in a child process, opens the window offscreen and prints one JSON line:

    {"articles": N, "first_rows_s": ..., "all_rows_s": ..., "facet_filter_ms": ..., "fts_ms": ..., "rss_mb": ...}

first_rows_s: window created until its first rows are on screen; all_rows_s: until the list
holds every id (it loads them after its first page). facet_filter_ms: a
sidebar entry clicked until the filtered rows are painted (median over common and rare
people and cities). fts_ms: a search until its rows are on screen (median over a name, common,
middling and rare words, two words, and a word in most articles). rss_mb: the
window process's resident memory at the end. Goals at 100k: 1 s, 50 ms, 100 ms, 300 MB.
With --db, the same archive is also built in that PostgreSQL database (when it holds no
articles) and measured there: one JSON line {"sqlite": {...}, "postgresql": {...}}.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIRST = ["Pyotr", "Anna", "Ivan", "Maria", "John", "Elena", "Dragan", "Sofia", "Ahmed", "Li", "Olga", "Marko",
         "Yulia", "Sergei", "Laura", "Tomas", "Nina", "Pavel", "Irina", "David", "Amira", "Jonas", "Ewa", "Luis"]
LAST = ["Nikitin", "Petrova", "Jovanovic", "Schmidt", "Kowalski", "Novak", "Garcia", "Haddad", "Chen", "Ivanova",
        "Markovic", "Smith", "Horvat", "Dubois", "Rossi", "Sokolov", "Berg", "Nagy", "Popescu", "Kaya", "Silva"]
WORDS = ("government minister talks agreement energy pipeline election protest border court trade sanctions "
         "parliament police economy market report officials said week spokesman statement investigation "
         "ceasefire refugees budget inflation strike union vote campaign opposition summit delegation").split()


SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "va", "dre", "po", "lin", "ta", "mar", "sel", "no", "vik", "ro", "den"]


def vocabulary(size: int) -> list[str]:
    """Made-up words, used with Zipf frequencies: a few everywhere, most rare (like real text)."""
    words = []
    for i in range(size):
        parts, n = [], i + len(SYLLABLES)
        while n:
            n, r = divmod(n, len(SYLLABLES))
            parts.append(SYLLABLES[r])
        words.append("".join(parts))
    return words


VOCABULARY = vocabulary(5000)


def zipf_picker(n: int, s: float, rng: random.Random):
    cum = list(itertools.accumulate(1 / (r ** s) for r in range(1, n + 1)))
    top = cum[-1]
    return lambda: bisect.bisect_left(cum, rng.random() * top)


ENTITY_SIZES = {"person": 20000, "city": 3000, "country": 150, "org": 2500}
PER_ARTICLE = {"person": (0, 6), "city": (1, 3), "country": (1, 2), "org": (0, 3)}
PUBLISHERS = [f"Outlet {i}" for i in range(60)]
AUTHORS = 1500


CHUNK = 20_000  # articles a transaction: memory stays flat however many are built


def _entities() -> tuple[list[dict], dict[str, int]]:
    """The synthetic entities (people, cities, countries, organisations) and each kind's first id."""
    entities, offsets, next_id = [], {}, 1
    for kind, size in ENTITY_SIZES.items():
        offsets[kind] = next_id
        for i in range(size):
            if kind == "person":
                name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
                name += "" if i < len(FIRST) * len(LAST) else f" {i}"
            else:
                name = f"{kind.title()} {i}"
            entities.append(dict(id=next_id, kind=kind, key=f"{kind}:{i}", name=name, aliases="",
                                 country="RS" if kind == "city" else None))
            next_id += 1
    return entities, offsets


def _articles(n: int, entities: list[dict], offsets: dict[str, int], rng: random.Random):
    """Yield (article, mentions, author links) rows for articles 1..n, drawn from `rng`."""
    pickers = {kind: zipf_picker(size, 1.05, rng) for kind, size in ENTITY_SIZES.items()}
    pick_publisher = zipf_picker(len(PUBLISHERS), 0.8, rng)
    pick_author = zipf_picker(AUTHORS, 1.0, rng)
    pick_word = zipf_picker(len(VOCABULARY), 1.0, rng)
    for a in range(1, n + 1):
        chosen = []
        for kind, (lo, hi) in PER_ARTICLE.items():
            ids = {offsets[kind] + pickers[kind]() for _ in range(rng.randint(lo, hi))}
            chosen += sorted(ids)
        names = [entities[i - 1]["name"] for i in chosen]
        words = rng.choices(WORDS, k=20) + [VOCABULARY[pick_word()] for _ in range(60)]
        rng.shuffle(words)
        for name in names:
            words.insert(rng.randrange(len(words)), name)
        title = " ".join(rng.choices(WORDS, k=5)).capitalize() + (f" — {names[0]}" if names else "")
        authors = sorted({pick_author() + 1 for _ in range(rng.randint(1, 2))})
        persons = sum(entities[i - 1]["kind"] == "person" for i in chosen)
        published = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = dict(id=a, url=f"https://outlet.example/{a}", source_url=f"https://outlet.example/{a}",
                       title=title, authors_text=", ".join(f"Author {x}" for x in authors),
                       published=published, publisher=PUBLISHERS[pick_publisher()], text=" ".join(words),
                       text_hash=f"{a:064x}", person_count=persons)
        mentions = [dict(article_id=a, entity_id=entity_id, count=1, first_pos=pos,
                         context=f"{names[pos]} was mentioned.") for pos, entity_id in enumerate(chosen)]
        links = [dict(article_id=a, author_id=author, position=pos) for pos, author in enumerate(authors)]
        yield article, mentions, links


def build(path: Path | str, n: int, seed: int = 7) -> None:
    """Build `n` synthetic articles into the empty archive at `path`, CHUNK articles a
    transaction, then ANALYZE; prints the build's counts and times on stderr."""
    from desktop.core.store.db import Archive
    from desktop.core.store.models import ArticleAuthor, ArticleRow, Author, EntityRow, Mention

    rng = random.Random(seed)
    archive = Archive(path)
    entities, offsets = _entities()
    with archive._write_engine.begin() as conn:
        conn.execute(EntityRow.__table__.insert(), entities)
        conn.execute(Author.__table__.insert(), [dict(id=i, name=f"Author {i}") for i in range(1, AUTHORS + 1)])
    rows = _articles(n, entities, offsets, rng)
    mention_count, start = 0, time.perf_counter()
    for done in range(0, n, CHUNK):
        chunk = list(itertools.islice(rows, CHUNK))
        mentions = [m for _, ms, _ in chunk for m in ms]
        mention_count += len(mentions)
        with archive._write_engine.begin() as conn:
            conn.execute(ArticleRow.__table__.insert(), [article for article, _, _ in chunk])
            conn.execute(Mention.__table__.insert(), mentions)
            conn.execute(ArticleAuthor.__table__.insert(), [link for _, _, ls in chunk for link in ls])
        if (done // CHUNK) % 10 == 9:
            print(f"{done + len(chunk)} articles in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    with archive._write_engine.begin() as conn:
        archive.backend.fix_id_sequences(conn, ["article", "entity", "author"])
    with archive._write_engine.begin() as conn:  # committed: PostgreSQL drops a rolled-back ANALYZE's statistics
        conn.exec_driver_sql("ANALYZE")
    print(f"built {n} articles, {mention_count} mentions", file=sys.stderr)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _timed(app, window, change) -> float:
    """Milliseconds from `change()` to its rows painted, after everything pending has settled
    (the sidebar's recount, paints), as it has by a user's next click."""
    _settle(app, window)
    window.loaded = False
    t = time.perf_counter()
    change()
    assert window.wait_loaded(60_000)
    app.processEvents()  # paints the new rows
    return (time.perf_counter() - t) * 1000


def _settle(app, window, quiet_s: float = 0.1) -> None:
    """Process events until the window's runner has had nothing to do for `quiet_s`: the last
    query's recount and the rest of its ids start a frame after its rows are painted
    (window.RECOUNT_AFTER_ROWS_MS), so an idle runner alone does not mean settled."""
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < quiet_s:
        app.processEvents()
        time.sleep(0.005)
        if window.runner.busy():
            window.runner.wait(60_000)
            quiet_since = time.perf_counter()


def _facet_times(archive, app, window, details: dict) -> list[float]:
    """Times of clicking people and cities of several ranks in the sidebar (each undone)."""
    from desktop.core import facets
    from desktop.core.query import Filter

    times = []
    for kind in ("person", "city"):
        ranked = facets.facet(archive, kind)
        for rank in (0, 1, 10, 100, len(ranked) // 2):
            term = ranked[rank].term
            ms = _timed(app, window, lambda: window.add_term(term))
            times.append(ms)
            details[f"{kind}#{rank} ({ranked[rank].count} articles)"] = round(ms, 1)
            _timed(app, window, lambda: window.set_filter(Filter(sort=window.filter.sort)))
    return times


def _search_times(app, window, details: dict) -> list[float]:
    """Times of full-text searches from a rare word to one in most articles."""
    from desktop.core.query import Filter

    times = []
    searches = ("nikitin", VOCABULARY[30], VOCABULARY[300], VOCABULARY[3000],
                f"{VOCABULARY[20]} {VOCABULARY[60]}", "pipeline")
    for word in searches:
        ms = _timed(app, window, lambda: window.set_filter(Filter(text=word)))
        times.append(ms)
        window.wait_loaded(60_000, every_row=True)
        details[f"search {word!r} ({window.model.rowCount()} articles)"] = round(ms, 1)
    return times


def measure(path: Path, n: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from desktop.core.store.db import Archive
    from desktop.gui.app import application
    from desktop.gui.window import MainWindow

    app = application()
    archive = Archive(path)
    # Fresh settings, so a kept archive does not bring the last run's splitter back.
    ini = Path(tempfile.mkdtemp()) / "bench.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)

    start = time.perf_counter()
    window = MainWindow(archive, settings=settings)
    window.resize(1280, 800)  # a laptop screen, whatever size the offscreen screen claims
    window.show()
    assert window.wait_loaded(60_000)
    app.processEvents()
    first_rows = time.perf_counter() - start
    assert window.wait_loaded(60_000, every_row=True)
    all_rows = time.perf_counter() - start
    assert window.model.rowCount() == n, (window.model.rowCount(), n)

    details: dict[str, float] = {}
    facet_times = _facet_times(archive, app, window, details)
    fts_times = _search_times(app, window, details)
    print(json.dumps(details), file=sys.stderr)
    result = {
        "articles": n,
        "first_rows_s": round(first_rows, 3),
        "all_rows_s": round(all_rows, 3),
        "facet_filter_ms": round(statistics.median(facet_times), 1),
        "fts_ms": round(statistics.median(fts_times), 1),
        "rss_mb": round(rss_mb(), 1),
    }
    window.close()
    shutil.rmtree(ini.parent)
    return result


def run_on_archive(description: str, measure) -> int:
    """The main of a benchmark on this synthetic archive: parse --articles and --keep, build
    the archive at --keep (reused when it exists; a benchmark that changes it changes that
    copy) or in a temporary folder, then print `measure(path, articles)` as JSON. A child
    process builds it, so the measuring process's memory is its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", metavar="PATH", help="build (or reuse) the archive at PATH and keep it")
    parser.add_argument("--db", metavar="URL", help="also on this PostgreSQL database (built there when empty)")
    parser.add_argument("--no-sqlite", action="store_true", help="with --db, measure PostgreSQL alone")
    parser.add_argument("--build-only", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build(args.build_only if args.build_only.startswith("postgresql") else Path(args.build_only), args.articles)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.sqlite3"
        results = {}
        if not (args.db and args.no_sqlite):
            results["sqlite"] = _built_and_measured(path, path.exists(), args.articles, measure)
        if args.db:
            results["postgresql"] = _built_and_measured(args.db, _has_articles(args.db), args.articles, measure)
        print(json.dumps(results if args.db else results["sqlite"]))
    return 0


def _has_articles(location: str) -> bool:
    from desktop.core import query
    from desktop.core.store.db import Archive

    return query.total(Archive(location)) > 0


def _built_and_measured(location, built: bool, articles: int, measure) -> dict:
    """`measure(location, articles)`, after building the archive there in a child process
    unless `built`; the build time (s) printed on stderr."""
    if not built:
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--articles", str(articles), "--build-only", str(location)],
                       check=True)
        print(f"build of {location} took {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return measure(location, articles)


def main() -> int:
    return run_on_archive(__doc__.splitlines()[0], measure)

if __name__ == "__main__":
    sys.exit(main())
