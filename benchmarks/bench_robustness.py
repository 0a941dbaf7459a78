"""Robustness numbers: a bounded, seeded fuzz of mutated corpus pages through the pipeline.

    .venv/bin/python benchmarks/bench_robustness.py [--pages 200] [--seed 18] [--timeout 30]
        [--jobs 1] [--corpus ../shared/corpus/readability]

Each page is a real corpus page (`*/source.html`) with 1 to 3 mutations applied to its bytes
(byte flips, truncation, thousands of nested divs, JSON-LD nested 5,000 deep or of several MB,
one paragraph of 200k to 1.1M characters, 80k tiny paragraphs, many capitalised names, random
charset declarations, null bytes, unclosed tags, huge attribute values, canonical-link junk, a
false byte-order mark). The bytes are decoded as a saved file is (`decode_html`), then
`pipeline.analyse(loaded, entities=True)` extracts the article and finds its entities.

Each page runs in its own forked child process, so a hang or a memory blow-up is measured, then
killed at the timeout, without disturbing the other pages. The parent loads spaCy, the gazetteer
and the language identifier once before forking: every child starts with a warm model (no ~2.5 s
load per page) and a clean heap. A child's peak memory is its VmHWM (peak resident set, the
shared model pages included, so it is what the machine has to hold for that page), polled from
/proc while it runs and reported by the child itself when it finishes.

A `CuttingsError` ("No article text found on the page") is the pipeline refusing a page in the
way it tells the user; it is counted as `rejected`, not as an exception. Any other exception is
printed on stderr (type, first line of the message, mutations) and counted.

Goal on this machine: 0 exceptions, 0 timeouts, every page <= 30 s, peak <= 1.5 GB. The last
line on stdout is one JSON object:
    {"pages", "exceptions", "timeouts", "rejected", "slowest_s", "slowest_page", "peak_mb"}
Pages run one at a time by default (`--jobs 1`) so that wall times are not shared-CPU times.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from desktop.core import pipeline  # noqa: E402
from desktop.core.article import Original  # noqa: E402
from desktop.core.entities import load_models  # noqa: E402
from desktop.core.errors import CuttingsError  # noqa: E402
from desktop.core.fetch import decode_html  # noqa: E402

WORDS = ("the minister said that talks would resume after the summer recess and that "
         "officials in the capital expected a vote before the end of the year").split()
CHARSETS = ("utf-8", "utf-16", "utf-16le", "utf-32", "utf-7", "iso-8859-1", "windows-1250",
            "shift_jis", "euc-kr", "koi8-r", "gb18030", "x-user-defined", "bogus-charset",
            "", "utf-8\x00", "\u00e9\u00e8")
POLL_S = 0.05


def _insert(page: bytes, snippet: bytes, rng: random.Random) -> bytes:
    """`page` with `snippet` before one of its paragraph ends (else at a random offset)."""
    ends = [m.start() for m in re.finditer(rb"</p>", page)]
    at = rng.choice(ends) if ends else rng.randrange(len(page) + 1)
    return page[:at] + snippet + page[at:]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def flip_bytes(page: bytes, rng: random.Random) -> bytes:
    """Flip one random bit in about 0.1% of the bytes."""
    data = bytearray(page)
    for _ in range(max(1, len(data) // 1000)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncate(page: bytes, rng: random.Random) -> bytes:
    """Cut the page at a random point, mid-tag or mid-character as it falls."""
    return page[:rng.randrange(len(page) + 1)]


def deep_divs(page: bytes, rng: random.Random) -> bytes:
    """Thousands of nested divs around a paragraph, closed or not."""
    depth = rng.randint(2_000, 20_000)
    closing = b"</div>" * depth if rng.random() < 0.5 else b""
    return _insert(page, b"<div>" * depth + b"<p>" + _sentence(rng, 30).encode() + b"</p>" + closing, rng)


def deep_json_ld(page: bytes, rng: random.Random) -> bytes:
    """A JSON-LD block of objects and arrays nested 5,000 deep."""
    depth = 5_000
    opener, closer = ('{"@graph":', "}") if rng.random() < 0.5 else ("[", "]")
    body = opener * depth + '{"@type":"NewsArticle","headline":"Deep"}' + closer * depth
    script = f'<script type="application/ld+json">{body}</script>'.encode()
    return page.replace(b"</head>", script + b"</head>", 1) if b"</head>" in page else script + page


def huge_json_ld(page: bytes, rng: random.Random) -> bytes:
    """A NewsArticle JSON-LD with a multi-MB articleBody and thousands of authors."""
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": _sentence(rng, 12),
           "articleBody": " ".join(_sentence(rng, 20) for _ in range(rng.randint(5_000, 30_000))),
           "author": [{"@type": "Person", "name": f"Author {i}"} for i in range(rng.randint(1_000, 20_000))]}
    script = f'<script type="application/ld+json">{json.dumps(doc)}</script>'.encode()
    return page.replace(b"</head>", script + b"</head>", 1) if b"</head>" in page else script + page


def enormous_paragraph(page: bytes, rng: random.Random) -> bytes:
    """One paragraph of 200k to 1.1M characters."""
    size = rng.randint(200_000, 1_100_000)
    text = []
    while sum(map(len, text)) < size:
        text.append(_sentence(rng, 25))
    return _insert(page, b"<p>" + " ".join(text)[:size].encode() + b"</p>", rng)


def tiny_paragraphs(page: bytes, rng: random.Random) -> bytes:
    """80k paragraphs of one or two words each."""
    return _insert(page, b"".join(b"<p>%s.</p>" % rng.choice(WORDS).encode() for _ in range(80_000)), rng)


def capitalised_names(page: bytes, rng: random.Random) -> bytes:
    """Paragraphs packed with thousands of made-up capitalised names."""
    def name() -> str:
        return " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                                for _ in range(rng.randint(2, 4))).capitalize() for _ in range(rng.randint(1, 3)))
    paras = [f"<p>{', '.join(name() for _ in range(200))} met {name()} in {name()}.</p>"
             for _ in range(rng.randint(20, 100))]
    return _insert(page, "".join(paras).encode(), rng)


def random_charset(page: bytes, rng: random.Random) -> bytes:
    """Replace (or add) the charset declaration with a random, possibly bogus, one."""
    meta = f'<meta charset="{rng.choice(CHARSETS)}">'.encode()
    page, n = re.subn(rb"<meta[^>]*charset[^>]*>", meta, page, count=1, flags=re.I)
    return page if n else meta + page


def null_bytes(page: bytes, rng: random.Random) -> bytes:
    """Scatter NUL bytes through the page, inside tags and text alike."""
    data = bytearray(page)
    for _ in range(rng.randint(1, 500)):
        data.insert(rng.randrange(len(data) + 1), 0)
    return bytes(data)


def unclosed_tags(page: bytes, rng: random.Random) -> bytes:
    """Drop every closing tag of a few kinds and open thousands of inline tags that never close."""
    kinds = rng.sample([b"p", b"div", b"span", b"a", b"b", b"li", b"article", b"section", b"script"], 3)
    for kind in kinds:
        page = page.replace(b"</" + kind + b">", b"")
    return _insert(page, b"<b><i><span><a href=x>" * rng.randint(500, 5_000), rng)


def huge_attribute(page: bytes, rng: random.Random) -> bytes:
    """An element with an attribute value of 1 to 8 MB."""
    value = b"x" * rng.randint(1 << 20, 8 << 20)
    quote = rng.choice([b'"', b"'", b""])
    return _insert(page, b'<div data-junk=' + quote + value + quote + b'>Junk.</div>', rng)


def canonical_junk(page: bytes, rng: random.Random) -> bytes:
    """Thousands of <link rel=canonical> and og:url tags with junk addresses."""
    junk = [b"javascript:alert(1)", b"http://", b"::::", b"http://[::1", b"//" + b"a" * 5_000,
            b"http://example.com/" + b"%" * 100, b"\xff\xfe", b"data:text/html,x"]
    tags = b"".join(b'<link rel="canonical" href="' + rng.choice(junk) + b'">'
                    b'<meta property="og:url" content="' + rng.choice(junk) + b'">'
                    for _ in range(rng.randint(1_000, 5_000)))
    return page.replace(b"</head>", tags + b"</head>", 1) if b"</head>" in page else tags + page


def false_bom(page: bytes, rng: random.Random) -> bytes:
    """Prefix a byte-order mark that does not match the page's encoding."""
    return rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xff\xfe", b"\x00\x00\xfe\xff"]) + page


MUTATIONS = (flip_bytes, truncate, deep_divs, deep_json_ld, huge_json_ld, enormous_paragraph,
             tiny_paragraphs, capitalised_names, random_charset, null_bytes, unclosed_tags,
             huge_attribute, canonical_junk, false_bom)


@dataclass
class Case:
    """One fuzzed page: its number, its corpus page and the mutations applied in order."""

    index: int
    source: Path
    mutations: list[str]

    def label(self) -> str:
        return f"{self.source.parent.name}+{'+'.join(self.mutations)}"


@dataclass
class Result:
    """What became of one case."""

    case: Case
    outcome: str  # "ok", "rejected", "exception" or "timeout"
    seconds: float
    peak_mb: float
    error: str = ""


def make_cases(corpus: Path, pages: int, seed: int) -> list[Case]:
    """`pages` cases, the same for the same seed and corpus."""
    sources = sorted(corpus.glob("*/source.html"))
    if not sources:
        raise SystemExit(f"No */source.html under {corpus}")
    rng = random.Random(seed)
    return [Case(i, rng.choice(sources), [m.__name__ for m in rng.sample(MUTATIONS, rng.randint(1, 3))])
            for i in range(pages)]


def mutated_bytes(case: Case, seed: int) -> bytes:
    """The case's page with its mutations applied, from a generator seeded by seed and case."""
    rng = random.Random(seed * 1_000_003 + case.index)
    page = case.source.read_bytes()
    by_name = {m.__name__: m for m in MUTATIONS}
    for name in case.mutations:
        page = by_name[name](page, rng)
    return page


def run_child(case: Case, seed: int, conn) -> None:
    """Child process: run the pipeline on the mutated page; send (outcome, error, peak KB)."""
    outcome, error = "ok", ""
    try:
        raw = mutated_bytes(case, seed)
        content, charset = decode_html(raw, None)
        loaded = pipeline.Loaded(content, True, None, Original(raw, "text/html", charset), "fuzz.html")
        pipeline.analyse(loaded, entities=True)
    except CuttingsError as exc:
        outcome, error = "rejected", str(exc)
    except BaseException as exc:  # noqa: BLE001 - every exception is what we count
        outcome, error = "exception", f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"
    conn.send((outcome, error, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    conn.close()


def vm_hwm_kb(pid: int) -> int:
    """The process's peak resident set in KB so far, 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Running:
    """One child process at work on one case, polled for peak memory and killed at the timeout."""

    def __init__(self, ctx, case: Case, seed: int):
        self.case = case
        self.recv, send = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=run_child, args=(case, seed, send), daemon=True)
        self.start = time.monotonic()
        self.proc.start()
        send.close()
        self.peak_kb = 0

    def poll(self, timeout: float) -> Result | None:
        """The result once the child is done or over time; None while it runs."""
        self.peak_kb = max(self.peak_kb, vm_hwm_kb(self.proc.pid))
        elapsed = time.monotonic() - self.start
        if self.recv.poll():
            outcome, error, child_kb = self.recv.recv()
            self.proc.join()
            return Result(self.case, outcome, elapsed, max(self.peak_kb, child_kb) / 1024, error)
        if not self.proc.is_alive():
            self.proc.join()
            code = self.proc.exitcode
            return Result(self.case, "exception", elapsed, self.peak_kb / 1024, f"child died (exit code {code})")
        if elapsed > timeout:
            self.proc.kill()
            self.proc.join()
            return Result(self.case, "timeout", elapsed, self.peak_kb / 1024, f"over {timeout:g} s")
        return None


def run_all(cases: list[Case], seed: int, timeout: float, jobs: int) -> list[Result]:
    """Run every case in its own child, at most `jobs` at a time; print progress on stderr."""
    ctx = multiprocessing.get_context("fork")
    pending, running, results = list(reversed(cases)), [], []
    while pending or running:
        while pending and len(running) < jobs:
            running.append(Running(ctx, pending.pop(), seed))
        time.sleep(POLL_S)
        for job in list(running):
            result = job.poll(timeout)
            if result is not None:
                running.remove(job)
                results.append(result)
                report(result, len(results), len(cases))
    return sorted(results, key=lambda r: r.case.index)


def report(result: Result, done: int, total: int) -> None:
    """One progress line on stderr; exceptions and timeouts get a line of their own."""
    print(f"[{done}/{total}] {result.outcome:9} {result.seconds:6.2f} s {result.peak_mb:7.0f} MB "
          f"{result.case.label()}", file=sys.stderr, flush=True)
    if result.outcome in ("exception", "timeout"):
        print(f"  {result.outcome.upper()} {result.error} | mutations: {'+'.join(result.case.mutations)}",
              file=sys.stderr, flush=True)


def summary(results: list[Result]) -> dict:
    """The numbers of the run, as the final JSON line shows them."""
    slowest = max(results, key=lambda r: r.seconds)
    count = lambda outcome: sum(r.outcome == outcome for r in results)
    return {"pages": len(results), "exceptions": count("exception"), "timeouts": count("timeout"),
            "rejected": count("rejected"), "slowest_s": round(slowest.seconds, 2),
            "slowest_page": slowest.case.label(), "peak_mb": round(max(r.peak_mb for r in results))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page")
    parser.add_argument("--jobs", type=int, default=1, help="pages at a time")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "readability")
    args = parser.parse_args()
    cases = make_cases(args.corpus, args.pages, args.seed)
    started = time.monotonic()
    model = load_models()
    print(f"model {model or 'none (entities off)'} loaded in {time.monotonic() - started:.1f} s; "
          f"{args.pages} pages, seed {args.seed}, timeout {args.timeout:g} s", file=sys.stderr)
    results = run_all(cases, args.seed, args.timeout, max(1, args.jobs))
    print(f"total {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(json.dumps(summary(results)))


if __name__ == "__main__":
    main()
