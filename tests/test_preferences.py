"""Preferences: the file, validation, the `cuttings config` command, and the entities switch."""

from __future__ import annotations

import json
import logging

import pytest

from desktop.cli import run
from desktop.core import pipeline, preferences
from desktop.core.article import PERSON, Entity
from desktop.core.preferences import Preferences
from desktop.core.profiles import entity_counts
from desktop.core.query import detail
from desktop.core.store.db import Archive


def test_defaults_when_there_is_no_file(config_file):
    assert not config_file.exists()
    assert preferences.load() == Preferences()
    assert Preferences().import_concurrency == 3 and Preferences().trash_days == 30


def test_round_trip_through_the_env_file(config_file):
    prefs = Preferences(theme="dark", archive="/data/news.sqlite3", import_concurrency=6,
                        entities=False, trash_days=0)
    assert preferences.save(prefs) == config_file
    assert json.loads(config_file.read_text())["theme"] == "dark"
    assert preferences.load() == prefs


@pytest.mark.parametrize("fields, words", [
    ({"theme": "blue"}, "theme must be one of system, light, dark"),
    ({"import_concurrency": 9}, "from 1 to 8"),
    ({"import_concurrency": True}, "from 1 to 8"),
    ({"trash_days": -1}, "from 0 to 3650"),
    ({"entities": "yes"}, "on or off"),
    ({"archive": "  "}, "path of an archive file"),
])
def test_bad_values_raise_one_sentence(fields, words):
    with pytest.raises(ValueError, match=words) as error:
        Preferences(**fields)
    assert str(error.value).count(".") <= 2 and "\n" not in str(error.value)


@pytest.mark.parametrize("content", ["not json", "[1, 2]", "\xff\xfe"])
def test_a_broken_file_gives_the_defaults_and_a_warning(config_file, caplog, content):
    config_file.parent.mkdir(parents=True)
    config_file.write_bytes(content.encode("latin-1"))
    with caplog.at_level(logging.WARNING):
        assert preferences.load() == Preferences()
    assert "using the defaults" in caplog.text


def test_a_bad_value_in_the_file_is_dropped_and_the_rest_kept(config_file, caplog):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(json.dumps({"theme": "dark", "trash_days": "soon", "colour": 1}))
    with caplog.at_level(logging.WARNING):
        assert preferences.load() == Preferences(theme="dark")
    assert "trash_days" in caplog.text and "colour" in caplog.text


def test_parse_typed_values(tmp_path):
    assert preferences.parse("entities", "Off") is False
    assert preferences.parse("import_concurrency", " 4 ") == 4
    assert preferences.parse("archive", "default") is None
    assert preferences.parse("archive", str(tmp_path / "a.sqlite3")) == str(tmp_path / "a.sqlite3")
    with pytest.raises(ValueError, match="whole number"):
        preferences.parse("trash_days", "many")
    with pytest.raises(ValueError, match="not a preference"):
        preferences.parse("colour", "red")


def test_cli_config_prints_sets_and_refuses(config_file, capsys):
    assert run(["config"]) == 0
    assert "theme = system\narchive = default\nimport_concurrency = 3\nentities = on\ntrash_days = 30" \
        in capsys.readouterr().out
    assert run(["config", "theme", "dark"]) == 0
    assert run(["config", "entities", "off"]) == 0
    capsys.readouterr()
    assert run(["config", "theme"]) == 0
    assert capsys.readouterr().out == "dark\n"
    assert preferences.load() == Preferences(theme="dark", entities=False)
    for argv in (["config", "import_concurrency", "12"], ["config", "colour"], ["config", "theme", "pink"]):
        assert run(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("cuttings config: ") and err.count("\n") == 1
    assert preferences.load() == Preferences(theme="dark", entities=False)


def test_cli_import_follows_the_archive_and_entities_preferences(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CUTTINGS_DB", raising=False)
    chosen = tmp_path / "chosen.sqlite3"
    preferences.save(Preferences(archive=str(chosen), entities=False))
    page = tmp_path / "note.txt"
    page.write_text("A note\n\nAnn Lee met Boris Kent in Paris on Monday.", encoding="utf-8")
    assert run(["import", str(page)]) == 0
    assert chosen.exists() and entity_counts(Archive(chosen)) == []  # no language model was run
    capsys.readouterr()
    assert run(["list"]) == 0 and "A note" in capsys.readouterr().out
    monkeypatch.setenv("CUTTINGS_DB", str(tmp_path / "other.sqlite3"))  # the variable still wins
    assert run(["list"]) == 0 and capsys.readouterr().out == ""


@pytest.mark.parametrize("entities", [True, False])
def test_the_entities_switch_reaches_the_store(archive, tmp_path, monkeypatch, entities):
    import desktop.core.entities as entity_package

    monkeypatch.setattr(entity_package, "find_entities", lambda title, text: [Entity(PERSON, "Ann Lee")])
    page = tmp_path / "story.txt"
    page.write_text("Ann Lee wins\n\nAnn Lee won the race on Sunday.", encoding="utf-8")
    outcome = pipeline.import_one(archive, str(page), entities=entities)
    assert [e.name for e in detail(archive, outcome.id).entities] == (["Ann Lee"] if entities else [])
