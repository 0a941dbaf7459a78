"""Adapters for ../shared/eval/score_quotes.py --python MODULE:FUNC (run from benchmarks/ or
with it on PYTHONPATH): `ours` is the entity stage then desktop.core.quotes; two trivial
baselines: `said_regex` (every quoted span; the speaker is the nearest "said NAME" or "NAME
said" after it, else before it) and `capitalised` (the one in ../shared/corpus/quotes/SOURCES.md:
every quoted span of 4+ words; the speaker is the nearest run of capitalised words outside
quotation marks in its sentence, else its paragraph)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.entities import find_entities_analysed  # noqa: E402
from desktop.core.quotes import find_quotes  # noqa: E402

_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")
_NAME = r"[A-Z][\w.\u2019'-]*(?: [A-Z][\w.\u2019'-]*)*"
_SAID_NAME = re.compile(rf"\b(?:said|says|told|added|wrote) ({_NAME})")
_NAME_SAID = re.compile(rf"({_NAME}) (?:said|says|told|added|wrote)\b")
# How far from a quotation the baseline looks for its "said NAME" (characters).
REACH = 150


def ours(text: str) -> dict:
    entities, analysis = find_entities_analysed("", text)
    quotes = find_quotes(text, entities) if analysis is not None else []
    return {"quotes": [{"speaker": q.speaker, "quote": q.quote} for q in quotes]}


def said_regex(text: str) -> dict:
    quotes = []
    for m in _QUOTED.finditer(text):
        after, before = text[m.end():m.end() + REACH], text[max(0, m.start() - REACH):m.start()]
        found = [(f.start(), f.group(1)) for pattern in (_SAID_NAME, _NAME_SAID) for f in pattern.finditer(after)]
        if not found:
            found = [(-f.end(), f.group(1)) for pattern in (_SAID_NAME, _NAME_SAID) for f in pattern.finditer(before)]
        speaker = min(found)[1] if found else None
        quotes.append({"speaker": speaker, "quote": m.group(1).strip().rstrip(",")})
    return {"quotes": quotes}


_CAPITALISED = re.compile(r"[A-Z][\w\u2019'.-]*(?: [A-Z][\w\u2019'.-]*)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def capitalised(text: str) -> dict:
    quotes = []
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    outside = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    for start, end in spans:
        words = text[start + 1:end - 1].strip().rstrip(",")
        if len(words.split()) < 4:
            continue
        quotes.append({"speaker": _nearest_capitalised(outside, start, end), "quote": words})
    return {"quotes": quotes}


def _nearest_capitalised(outside: str, start: int, end: int) -> str | None:
    para_start = outside.rfind("\n", 0, start) + 1
    para_end = outside.find("\n", end) % (len(outside) + 1)
    for scope in (_sentence_around(outside, start, end, para_start, para_end), (para_start, para_end)):
        runs = [(min(abs(m.start() - end), abs(start - m.end())), m.group())
                for m in _CAPITALISED.finditer(outside, *scope)]
        if runs:
            return min(runs)[1]
    return None


def _sentence_around(outside: str, start: int, end: int, para_start: int, para_end: int) -> tuple[int, int]:
    before = max(outside.rfind(". ", para_start, start), para_start)
    after = outside.find(". ", end, para_end)
    return before, after if after >= 0 else para_end
