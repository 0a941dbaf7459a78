"""`cuttings export` in the citation formats, `cuttings cite`, `backup` and `restore`."""

from __future__ import annotations

import json

import pytest
import rispy

from desktop.core.store.archive import store_article
from tests.test_store import make_article


def test_export_citations_of_ids_or_a_filter(cli, archive, tmp_path):
    for n in (1, 2, 3):
        store_article(archive, make_article(n, authors=["Ben Noble"], title=f"Story {n} about Belgrade" if n != 2
                                            else "Story 2 about Paris"))
    code, out, _ = cli("export", "--format", "csl-json", "--ids", "3", "1")
    assert code == 0 and [i["title"] for i in json.loads(out)] == ["Story 3 about Belgrade", "Story 1 about Belgrade"]
    code, out, _ = cli("export", "--format", "ris", "--search", "title:paris")
    assert code == 0 and [e["title"] for e in rispy.loads(out)] == ["Story 2 about Paris"]
    path = tmp_path / "all.bib"
    assert cli("export", "--format", "bibtex", "--out", str(path))[0] == 0
    assert path.read_text(encoding="utf-8").count("@online{") == 3
    code, _, err = cli("export", "--format", "ris", "--ids", "9")
    assert code == 1 and "There is no article 9" in err
    code, out, err = cli("export", "--format", "bibtex", "--search", "title:lisbon", "--out", str(path))
    assert code == 1 and "No article matches" in err
    assert path.read_text(encoding="utf-8").count("@online{") == 3  # left as it was


def test_cite_prints_one_reference_per_article(cli, archive):
    store_article(archive, make_article(1, authors=["Ben Noble"], published="2024-03-05"))
    code, out, _ = cli("cite", "1")
    assert code == 0 and out.startswith("Noble, B. (2024, March 5). Story 1. Example News.")
    code, out, _ = cli("cite", "1", "--style", "chicago")
    assert code == 0 and out.startswith("Noble, Ben. “Story 1")
    assert cli("cite", "7")[0] == 1


@pytest.mark.sqlite_only("backs up and restores a file")
def test_backup_and_restore_commands(cli, archive, tmp_path):
    store_article(archive, make_article(1))
    code, out, _ = cli("backup", str(tmp_path / "saved.sqlite3"))
    assert code == 0 and out.startswith("backed up ")
    store_article(archive, make_article(2))
    code, out, _ = cli("restore", str(tmp_path / "saved.sqlite3"))
    assert code == 0 and "the archive that was there is kept as " in out
    kept = out.rsplit("kept as ", 1)[1].strip()
    assert cli("list", "--json")[1].count('"id"') == 1
    assert cli("list", "--json", "--db", kept, db=False)[1].count('"id"') == 2
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 1000)
    code, _, err = cli("restore", str(tmp_path / "junk.sqlite3"))
    assert code == 1 and err.count("\n") == 1 and "nothing was restored" in err


def test_backup_of_a_team_archive_points_to_pg_dump_or_copy(cli, archive, tmp_path):
    if archive.is_file:
        pytest.skip("a file can be backed up")
    code, out, err = cli("backup", str(tmp_path))
    assert (code, out) == (1, "") and "pg_dump" in err and "cuttings copy" in err and list(tmp_path.iterdir()) == []
    code, _, err = cli("restore", str(tmp_path / "b.sqlite3"))
    assert code == 1 and "pg_dump" in err
