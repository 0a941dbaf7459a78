"""The quotation stage end to end on the seed article, with the model: every quotation of the
gold key with its speaker, and none of the strings that are nobody's speech attributed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.entities import ner

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_80b6c875fc732354.txt"
GOLD = SHARED / "gold" / "seed-quotes.json"


@pytest.fixture(scope="module")
def seed():
    if ner.model_package() is None:
        pytest.skip("no spaCy English model installed")
    if not SEED.exists():
        pytest.skip("../shared is not beside the repository")
    from desktop.core.extract import extract_textfile
    from desktop.core.pipeline import add_entities

    article = add_entities(extract_textfile(SEED.read_text(encoding="utf-8")))
    return article, json.loads(GOLD.read_text(encoding="utf-8"))


def test_seed_quotations_have_their_speakers(seed):
    article, gold = seed
    found = {q.quote: q.speaker for q in article.quotes}
    assert {g["quote"]: found.get(g["quote"], "(not found)") for g in gold["quotes"]} == \
        {g["quote"]: g["speaker"] for g in gold["quotes"]}


def test_seed_non_speech_is_nobodys(seed):
    article, gold = seed
    named = {q.quote for q in article.quotes if q.speaker is not None}
    assert [s for s in gold["not_attributed"] if s in named] == []


def test_seed_quotations_stand_at_their_offsets(seed):
    article, _ = seed
    assert article.quotes and all(article.text[q.start:q.end] == q.quote for q in article.quotes)
    speakers = {e.name for e in article.entities_of("person")}
    assert {q.speaker for q in article.quotes} - {None} <= speakers


def test_extract_json_lists_quotations(seed, cli, tmp_path):
    page = tmp_path / "rally.txt"
    page.write_text("Emigres rally in Belgrade\n\nRussians rallied in Belgrade on Saturday.\n\n"
                    "\u201cI came here because I want the war to end,\u201d said Pyotr Nikitin, a programmer.\n",
                    encoding="utf-8")
    code, out, _ = cli("extract", str(page), "--json", db=False)
    data = json.loads(out)
    assert code == 0
    [quote] = data["quotes"]
    start = data["text"].index("I came")
    assert quote == {"speaker": "Pyotr Nikitin", "quote": "I came here because I want the war to end",
                     "start": start, "end": start + len(quote["quote"])}
