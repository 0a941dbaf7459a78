"""Issue 18, nothing stuck: work that must stay linear in a page's size, or bounded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.core import extract
from desktop.core import entities
from desktop.core.entities import leading_part, ner


class _Doc:
    """A stand-in for spaCy's Doc: its entities, and a `text` that counts its reads (spaCy
    rebuilds it from every token on each read, so one read per entity is quadratic)."""

    reads = 0

    def __init__(self, text: str, name: str):
        self._text = text
        self.ents = [SimpleNamespace(start_char=i, end_char=i + len(name), label_="PERSON")
                     for i in ner.occurrences(text, name)]

    @property
    def text(self) -> str:
        _Doc.reads += 1
        return self._text

    def __len__(self) -> int:  # no tokens: no sentences to split
        return 0


class _NLP:
    def __init__(self, name: str):
        self.name, self.read, self.batches = name, [], []

    def pipe(self, texts):
        texts = list(texts)
        self.batches.append(sum(map(len, texts)))
        for text in texts:
            self.read.append(text)
            yield _Doc(text, self.name)


def test_the_entity_stage_reads_no_whole_paragraph_per_entity():
    _Doc.reads = 0
    analysis = ner.analyse(_NLP("Ada Lovelace"), "Title", "Ada Lovelace wrote. " * 500)
    assert len(analysis.mentions) == 500
    assert _Doc.reads == 0


def test_a_paragraph_too_long_for_the_model_is_read_in_pieces_at_sentence_ends():
    body = "Then Ada Lovelace wrote a note on the engine. " * 2000  # 92,000 characters, one line
    nlp = _NLP("Ada Lovelace")
    analysis = ner.analyse(nlp, "Title", body)
    assert max(map(len, nlp.read)) <= ner.PIECE_CHARS
    assert len(nlp.batches) > 1 and max(nlp.batches) <= ner.BATCH_CHARS  # the model's memory
    assert all(piece.endswith(". ") for piece in nlp.read[1:-1])
    assert "".join(nlp.read[1:]) == body.rstrip("\n")
    assert len(analysis.mentions) == 2000
    assert all(analysis.text[m.start:m.end] == "Ada Lovelace" for m in analysis.mentions)


@pytest.mark.parametrize("line, limit, first", [("word " * 10, 7, "word "), ("x" * 12, 4, "xxxx")])
def test_a_line_without_sentence_ends_is_cut_at_a_space_else_anywhere(monkeypatch, line, limit, first):
    monkeypatch.setattr(ner, "PIECE_CHARS", limit)
    pieces = ner.pieces(line)
    assert "".join(p for _, p in pieces) == line
    assert pieces[0] == (0, first)
    assert all(line[at:at + len(p)] == p for at, p in pieces)


def _scanned(text: str, form: str, joiners: str = "") -> list[int]:
    """Whole-word occurrences by brute force: what ner.occurrences must agree with."""
    word = lambda i: 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_" or text[i] in joiners)
    return [i for i in range(len(text)) if text.startswith(form, i) and form
            and not word(i - 1) and not word(i + len(form))]


@pytest.mark.parametrize("form", ["Ann", "Ann Lee", "Lee", "Ann-Lee", "ann", "(AP)", "Zoë", "A", "Ann Lee Ann"])
@pytest.mark.parametrize("joiners", ["", "-"])
@pytest.mark.parametrize("copies", [3, 130])  # a story, found by str.find; a long page, from its index
def test_whole_word_occurrences_agree_with_a_scan(form, joiners, copies):
    text = ("Ann Lee met Ann-Lee and Anne Lee; (AP) ann Ann_Lee Zoë, Zoëy A. A-Ann Lee Ann "
            "Lee Ann Lee Ann") * copies
    assert (len(text) >= ner.INDEXED_TEXT) == (copies == 130)
    assert list(ner.occurrences(text, form, joiners)) == _scanned(text, form, joiners)


def test_a_page_of_thousands_of_names_is_indexed_once_not_scanned_per_name(monkeypatch):
    text = " ".join(f"Name{i} Surname{i}" for i in range(5_000))
    scans = []
    monkeypatch.setattr(ner, "_find_all", lambda *a: scans.append(a) or iter(()))
    assert all(list(ner.occurrences(text, f"Name{i} Surname{i}")) for i in range(0, 5_000, 7))
    assert scans == []


@pytest.mark.parametrize("limit, value, separator", [("ENTITY_CHARS", 5_000, " "), ("ENTITY_LINES", 40, "\n")])
def test_the_model_reads_no_more_than_the_entity_stage_limits(monkeypatch, limit, value, separator):
    nlp = _NLP("Ada Lovelace")
    monkeypatch.setattr(ner, "load_model", lambda: nlp)
    monkeypatch.setattr(entities, limit, value)
    found = entities.find_entities("Notes", separator.join(["Then Ada Lovelace wrote a note on the engine."] * 2000))
    # Only this article's reads: an import thread of an earlier GUI test may still be running.
    ours = [t for t in nlp.read if t.startswith(("Notes", "Then Ada"))]
    assert sum(map(len, ours)) <= 5_000 if limit == "ENTITY_CHARS" else len(ours) <= 40 + 1  # and the title
    assert [e.name for e in found] == ["Ada Lovelace"]


@pytest.mark.parametrize("text, limit, lines, part", [
    ("one two three", 20, 9, "one two three"), ("one two three", 9, 9, "one two"), ("one two three", 8, 9, "one two"),
    ("one\ntwo three", 6, 9, "one"), ("onetwothree", 5, 9, "onetw"),
    ("one\n\ntwo\nthree\n", 99, 2, "one\n\ntwo"), ("one\ntwo", 99, 2, "one\ntwo")])
def test_the_entity_stage_reads_an_opening_cut_between_words(text, limit, lines, part):
    assert leading_part(text, limit, lines) == part


_WINDOW = """
import multiprocessing, sys, time
from desktop.core.analyser import Analyser
analyser = Analyser()
analyser.submit(0, None, entities=False).exception()  # starts the worker; the article is junk
print(*[p.pid for p in multiprocessing.active_children()], flush=True)
time.sleep(60)
"""


def test_the_analyser_worker_ends_when_its_window_is_killed():
    window = subprocess.Popen([sys.executable, "-c", _WINDOW], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
    workers = [int(pid) for pid in window.stdout.readline().split()]
    assert len(workers) == 1
    window.kill()
    window.wait()
    for _ in range(100):  # a liveness check, not a time goal: the exit follows within moments
        if not Path(f"/proc/{workers[0]}").exists():
            break
        time.sleep(0.1)
    else:
        os.kill(workers[0], signal.SIGKILL)
        pytest.fail("the analyser worker outlived its window")


def test_trafilatura_gets_a_bounded_tree_and_the_article_comes_first(monkeypatch):
    from desktop.core.extract import body, extract_html, parse_html

    monkeypatch.setattr(body, "MAX_ELEMENTS", 300)
    sizes = []
    extract = body._main_content
    monkeypatch.setattr(body, "_main_content", lambda tree, *a, **k: (
        sizes.append(sum(1 for _ in tree.iter())), extract(tree, *a, **k))[1])
    paragraphs = "".join(f"<p>Paragraph {i} of the storm story, as the harbour reopened.</p>" for i in range(1200))
    article = extract_html(f"<html><body><article><h1>Storm</h1>{paragraphs}</article></body></html>")
    assert sizes and max(sizes) <= 300
    assert article.text.startswith("Paragraph 0 of the storm story")
    _, soup = parse_html(f"<html><body><article><h1>Storm</h1>{paragraphs}</article></body></html>")
    assert len(soup.find_all(True)) <= 300  # the metadata readers' soup too


def test_a_title_that_swallowed_the_page_is_cut_before_site_names_are_tried():
    from desktop.core.extract.metadata import MAX_TITLE_CHARS

    # A broken </title>: the page's text, with hundreds of " | " separators, became the title.
    body = " | ".join(f"Part {n} of a page that never closed its title" for n in range(300))
    html = f"<html><head><title>{body}</head><body><p>{body}</p></body></html>"
    article = extract.extract_html(html, "https://news.example/broken")
    assert len(article.title) <= MAX_TITLE_CHARS


class _Hang:
    """An argument whose unpickling, in the worker, sleeps for ten minutes: a stuck page."""

    def __reduce__(self):
        return time.sleep, (600,)


class _Hog:
    """An argument whose unpickling, in the worker, fills 600 MB and then waits: a page that
    takes all memory."""

    def __reduce__(self):
        return exec, ("import time; hog = b'x' * (600 << 20); time.sleep(600)",)


def _gone(pid: int) -> bool:
    for _ in range(100):  # a liveness check, not a time goal: termination follows within moments
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("stop", ["budget", "memory", "cancel"])
def test_a_stuck_worker_is_terminated_and_replaced(stop):
    import multiprocessing

    from desktop.core.analyser import Analyser
    from desktop.core.errors import CuttingsError

    # A real spawned process; it holds ~100 MB before its first page.
    analyser = Analyser(budget=1 if stop == "budget" else 600, memory_mb=400)
    try:
        stuck = analyser.submit(0, _Hog() if stop == "memory" else _Hang())
        behind = analyser.submit(1, None, entities=False)  # junk: any answer shows a live worker
        for _ in range(100):
            workers = [p.pid for p in multiprocessing.active_children() if p.pid]
            if workers:
                break
            time.sleep(0.1)
        if stop == "cancel":
            assert stuck.cancel()
        else:
            exc = stuck.exception(timeout=60)
            assert isinstance(exc, CuttingsError)
            assert str(exc) == {"budget": "Analysing this page took longer than 1 s; it was stopped.",
                                "memory": "Analysing this page needed more than 400 MB of memory; it was stopped."}[stop]
        assert not isinstance(behind.exception(timeout=60), CuttingsError)  # answered by a new worker
        assert all(_gone(pid) for pid in workers)
    finally:
        analyser.shutdown()
