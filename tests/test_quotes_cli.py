"""`cuttings quotes`, quotations in `show --json` and `list --quoted`, and in the JSON, CSV and
Markdown exports (the JSON one read back by `import`)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.core.query import detail
from desktop.core.store.archive import store_article
from desktop.core.store.db import Archive
from tests.test_quotations import quoting


@pytest.fixture
def quoted(archive):
    store_article(archive, quoting(1, [("We will win", "Ben Noble"), ("Prices will rise", "Ben Noble")]))
    store_article(archive, quoting(2, [("No to war", "Yulia")]))
    store_article(archive, quoting(3, [("The war is long", "Ben Noble"), ("Talks failed", None)]))
    return archive


def test_quotes_lists_who_said_what_newest_first(cli, quoted):
    code, out, _ = cli("quotes")
    assert code == 0
    assert out.splitlines() == [
        "2024-01-03  Ben Noble: “The war is long”  — 3 Story 3",
        "2024-01-03  (unnamed): “Talks failed”  — 3 Story 3",
        "2024-01-02  Yulia: “No to war”  — 2 Story 2",
        "2024-01-01  Ben Noble: “We will win”  — 1 Story 1",
        "2024-01-01  Ben Noble: “Prices will rise”  — 1 Story 1",
    ]
    assert len(cli("quotes", "--person", "noble")[1].splitlines()) == 3
    assert cli("quotes", "--search", "war")[1].splitlines() == [
        "2024-01-03  Ben Noble: “The war is long”  — 3 Story 3",  # verbatim: [] would be an insertion
        "2024-01-02  Yulia: “No to war”  — 2 Story 2",
    ]
    assert cli("quotes", "--article", "1", "--limit", "1")[1].splitlines() == [
        "2024-01-01  Ben Noble: “We will win”  — 1 Story 1"]


def test_quotes_as_json(cli, quoted):
    code, out, _ = cli("quotes", "--person", "Ben Noble", "--search", "war", "--json")
    [said] = json.loads(out)
    assert code == 0
    assert {k: said[k] for k in ("quote", "speaker", "article_id", "title", "published", "start", "end")} == {
        "quote": "The war is long", "speaker": "Ben Noble", "article_id": 3, "title": "Story 3",
        "published": "2024-01-03", "start": 1, "end": 16}


@pytest.mark.parametrize("args, code, message", [
    (("--person", "Nobody Atall"), 1, "no person named 'Nobody Atall'"),
    (("--article", "99"), 1, "There is no article 99"),
    (("--search", "title:war"), 2, "title: and author: do not apply"),
    (("--search=-war",), 2, "cannot only exclude"),
])
def test_quotes_refuses_what_it_cannot_answer(cli, quoted, args, code, message):
    got, out, err = cli("quotes", *args)
    assert (got, out) == (code, "") and message in err


def test_show_json_and_list_quoted(cli, quoted):
    shown = json.loads(cli("show", "3", "--json")[1])
    assert [(q["speaker"], q["quote"], q["start"]) for q in shown["quotes"]] == [
        ("Ben Noble", "The war is long", 1), (None, "Talks failed", 36)]
    ids = lambda out: [r["id"] for r in json.loads(out)]  # noqa: E731
    assert ids(cli("list", "--person", "Ben Noble", "--json")[1]) == [3, 2, 1]
    assert ids(cli("list", "--quoted", "Ben Noble", "--json")[1]) == [3, 1]
    assert ids(cli("list", "--quoted", "Yulia", "--json")[1]) == [2]
    assert cli("list", "--quoted", "Nobody", "--json")[:2] == (1, "")  # tests/test_quotes_cli_fixes.py
    assert ids(cli("export", "--quoted", "Yulia")[1]) == [2]


def test_exports_carry_the_quotations(cli, quoted):
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv")[1])))
    assert (rows[2]["speakers"], rows[2]["quotes"]) == ("Ben Noble", "Ben Noble: “The war is long”\n(unnamed): “Talks failed”")
    assert rows[1]["speakers"] == "Yulia"
    markdown = cli("export", "--format", "md", "--ids", "3")[1]
    assert markdown.endswith("## Quoted\n\n- **Ben Noble:** “The war is long”\n- **(unnamed):** “Talks failed”\n")


def test_json_export_round_trip_keeps_quotations_and_speakers(cli, quoted, tmp_path):
    path = tmp_path / "export.json"
    assert cli("export", "--out", str(path))[0] == 0
    record = json.loads(path.read_text())[2]
    assert record["quotes"] == [{"speaker": "Ben Noble", "quote": "The war is long", "start": 1, "end": 16},
                                {"speaker": None, "quote": "Talks failed", "start": 36, "end": 48}]
    again = tmp_path / "again.sqlite3"
    assert cli("import", str(path), "--db", str(again), db=False)[0] == 0
    again = Archive(again)
    for article_id in (1, 2, 3):
        before, after = detail(quoted, article_id), detail(again, article_id)
        assert [(q.quote, q.start, q.end, q.speaker) for q in after.quotes] == [
            (q.quote, q.start, q.end, q.speaker) for q in before.quotes]
        assert all(q.speaker_id is not None for q in after.quotes if q.speaker)


@pytest.mark.parametrize("quotes, message", [
    ("no list", "'quotes' should be a list"),
    (["text"], "Each of 'quotes' should be an object"),
    ([{"quote": "Hi", "start": 5, "end": 500}], "inside the text"),
    ([{"quote": "", "start": 0}], "needs its 'quote'"),
    ([{"quote": "Hi", "start": "0"}], "'start' should be a whole number"),
])
def test_a_record_with_bad_quotations_is_refused_alone(archive, tmp_path, quotes, message):
    from desktop.core.export_file import import_export

    good = {"title": "Fine", "text": "Hi there, all of you."}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([good | {"quotes": [{"quote": "Hi", "start": 0}]},
                                good | {"title": "Bad", "text": "Other text here.", "quotes": quotes}]))
    fine, bad = import_export(archive, path)
    assert isinstance(bad, ValueError) and message in str(bad)
    assert [(q.quote, q.start, q.end) for q in detail(archive, fine.id).quotes] == [("Hi", 0, 2)]
