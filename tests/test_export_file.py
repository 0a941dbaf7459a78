"""Export files: every field kept both ways, read a record at a time, each record checked alone."""

from __future__ import annotations

import json

import pytest

from desktop.core.article import Original
from desktop.core.errors import CuttingsError
from desktop.core.query import detail, total
from desktop.core.store.archive import SAVED, delete_articles, store_article
from desktop.core.store.db import Archive
from tests.test_store import make_article, rows


def test_failed_export_import_saves_nothing(archive, tmp_path, monkeypatch):
    from desktop.core.export import write_export
    from desktop.core.export_file import import_export
    from desktop.core.store import archive as archive_module

    store_article(archive, make_article(1), Original(b"x"))
    path = tmp_path / "export.json"
    with path.open("w", encoding="utf-8") as out:
        write_export(archive, "json", out)
    fresh = Archive(tmp_path / "fresh.sqlite3")
    exported = json.loads(path.read_text(encoding="utf-8"))
    records = [{**r, "url": f"https://news.example/copy-{i}"} for i, r in enumerate(2 * exported)]
    path.write_text(json.dumps(records), encoding="utf-8")
    calls = []
    real = archive_module._write_entities

    def fail_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("crash on the second article")
        real(*args)

    monkeypatch.setattr(archive_module, "_write_entities", fail_second)
    with pytest.raises(RuntimeError):
        import_export(fresh, path)
    assert rows(fresh) == dict.fromkeys(rows(fresh), 0)


def _exported(archive, path) -> list[dict]:
    from desktop.core.export import write_export

    with path.open("w", encoding="utf-8") as out:
        write_export(archive, "json", out)
    return [json.loads(line.rstrip(",")) for line in path.read_text(encoding="utf-8").splitlines()[1:-1]]


def test_export_and_import_keep_ids_dates_and_links(archive, tmp_path):
    from desktop.core.export_file import import_export
    from desktop.core.store.details import update_details

    store_article(archive, make_article(1, canonical_url="https://news.example/canonical-1"), Original(b"<p>1"))
    second = store_article(archive, make_article(2), Original(b"<p>2")).id
    delete_articles(archive, [1])
    store_article(archive, make_article(3))
    with archive.transaction() as session:  # an edit without a correction to carry
        update_details(session, second, title="Corrected")
    before = _exported(archive, tmp_path / "export.json")
    assert {r["id"] for r in before} == {2, 3}
    assert before[0]["edited"] and before[0]["original"]["fetched"] and before[1]["original"] is None
    fresh = Archive(tmp_path / "fresh.sqlite3")
    assert [o.status for o in import_export(fresh, tmp_path / "export.json")] == [SAVED, SAVED]
    assert _exported(fresh, tmp_path / "again.json") == before  # ids 2 and 3, every date, every link


def test_each_export_record_is_checked_alone(archive, tmp_path):
    from desktop.core.export_file import import_export

    good = {"url": "https://news.example/a", "title": "A", "text": "Text of A."}
    records = [
        good,
        {"title": ["a", "list"], "text": "x"},
        {"url": "javascript:alert(1)", "text": "x"},
        {"text": "x", "entities": [{"kind": "person", "name": "Ann", "mentions": "2"}]},
        {"text": "x", "authors": "Ann Writer"},
        {"title": "No text"},
        "a string",
        {"text": "x", "id": 2**70},
        {**good, "url": "https://news.example/b", "added": "yesterday"},
        {**good, "url": "https://news.example/c", "id": 99, "added": "2020-05-01T10:00:00"},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    results = import_export(archive, path)
    assert [r.status if not isinstance(r, ValueError) else None for r in results] == [SAVED] + [None] * 8 + [SAVED]
    assert "'title' should be text, not a list" in str(results[1])
    assert "http or https" in str(results[2]) and "'mentions'" in str(results[3]) and "'authors'" in str(results[4])
    assert results[-1].id == 99 and total(archive) == 2
    assert detail(archive, 99).added.isoformat().startswith("2020-05-01T10:00:00")


def test_an_export_is_read_a_record_at_a_time(archive, tmp_path, monkeypatch):
    from desktop.core import export_file

    monkeypatch.setattr(export_file, "CHUNK", 7)  # every record spans several reads
    records = [{"url": f"https://news.example/{n}", "title": f"T{n}", "text": "é " * 50} for n in range(3)]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")  # the old format
    assert [r.id for r in export_file.import_export(archive, path)] == [1, 2, 3]
    path.write_text(json.dumps(records)[:-40], encoding="utf-8")  # cut short in the third record
    fresh = Archive(tmp_path / "fresh.sqlite3")
    *saved, cut = export_file.import_export(fresh, path)
    assert [r.status for r in saved] == [SAVED, SAVED] and "Not JSON from here on" in str(cut)
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CuttingsError, match="not a JSON array"):
        export_file.import_export(fresh, path)
