"""Citations: CSL-JSON, RIS and BibTeX parse back with their own libraries; names split."""

from __future__ import annotations

import io
import json
from datetime import datetime

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser import middlewares
from citeproc.source.json import CiteProcJSON

from desktop.core.citation_names import Name, split_name
from desktop.core.citations import format_citations, write_bibtex, write_csl_json, write_ris
from desktop.core.list_rows import Summary

# The shape CSL-JSON readers require of an item (CSL 1.0.2's csl-data.json: an `id`, a `type`
# from its list, names as family/given or literal, dates as date-parts); no maintained
# package on PyPI ships that schema, so the parts we write are written out here.
_NAME = {"type": "object", "additionalProperties": False, "properties": {
    "family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"},
    "non-dropping-particle": {"type": "string"}, "suffix": {"type": "string"}},
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}]}
_DATE = {"type": "object", "required": ["date-parts"], "properties": {"date-parts": {
    "type": "array", "minItems": 1, "maxItems": 2,
    "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}}}}}
CSL_SCHEMA = {"type": "array", "items": {"type": "object", "required": ["id", "type"], "properties": {
    "id": {"type": ["string", "number"]}, "type": {"const": "article-newspaper"},
    "title": {"type": "string"}, "container-title": {"type": "string"}, "URL": {"type": "string"},
    "author": {"type": "array", "items": _NAME}, "issued": _DATE, "accessed": _DATE}}}

ADDED = datetime(2026, 11, 30, 14, 5)


def _items() -> list[Summary]:
    return [
        Summary(1, "https://news.example/a_b?x=1&y=2", "Putin & the 50% “war”", ["Ben Noble", "Associated Press"],
                "2024-03-05T10:00:00+00:00", "The Guardian", added=ADDED),
        Summary(2, "https://news.example/2", "Ünïcode title", ["Ludwig van Beethoven"], "2024", None, added=ADDED),
        Summary(3, None, "No author", [], None, "BBC News", added=ADDED),
    ]


def _written(writer) -> str:
    out = io.StringIO()
    writer(iter(_items()), out)
    return out.getvalue()


@pytest.mark.parametrize("raw, name", [
    ("Ben Noble", Name(family="Noble", given="Ben")),
    ("Noble, Ben", Name(family="Noble", given="Ben")),
    ("Mary Ann  Smith", Name(family="Smith", given="Mary Ann")),
    ("Ludwig van Beethoven", Name(family="Beethoven", given="Ludwig", particle="van")),
    ("Martin Luther King Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("King, Martin Luther, Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("Bellingcat", Name(literal="Bellingcat")),
    ("Reuters", Name(literal="Reuters")),
    ("BBC News staff", Name(literal="BBC News staff")),
    ("Associated Press", Name(literal="Associated Press")),
    ("UN OCHA", Name(literal="UN OCHA")),
])
def test_names_split_into_family_and_given_or_stay_whole(raw, name):
    assert split_name(raw) == name


def test_csl_json_has_the_required_shape_and_reads_in_citeproc():
    data = json.loads(_written(write_csl_json))
    jsonschema.validate(data, CSL_SCHEMA)
    first = data[0]
    assert first["author"] == [{"family": "Noble", "given": "Ben"}, {"literal": "Associated Press"}]
    assert first["container-title"] == "The Guardian"
    assert first["issued"] == {"date-parts": [[2024, 3, 5]]}
    assert first["accessed"] == {"date-parts": [[2026, 11, 30]]}
    assert first["URL"] == "https://news.example/a_b?x=1&y=2"
    assert data[1]["issued"] == {"date-parts": [[2024]]} and "issued" not in data[2]
    assert len({item["id"] for item in data}) == 3
    assert set(CiteProcJSON(data)) == {item["id"] for item in data}


def test_ris_reads_back_with_rispy():
    entries = rispy.loads(_written(write_ris))
    assert [e["type_of_reference"] for e in entries] == ["NEWS"] * 3
    assert entries[0]["authors"] == ["Noble, Ben", "Associated Press"]
    assert entries[0]["secondary_title"] == "The Guardian"
    assert entries[0]["date"] == "2024/03/05/" and entries[0]["access_date"] == "2026/11/30/"
    assert entries[0]["urls"] == ["https://news.example/a_b?x=1&y=2"]
    assert entries[1]["authors"] == ["van Beethoven, Ludwig"] and entries[1]["date"] == "2024///"


def test_bibtex_reads_back_with_bibtexparser():
    written = _written(write_bibtex)
    library = bibtexparser.parse_string(written, append_middleware=[middlewares.LatexDecodingMiddleware()])
    assert not library.failed_blocks
    first, second, third = library.entries
    assert {e.entry_type for e in library.entries} == {"online"}
    assert first["title"] == "Putin & the 50% “war”"
    raw = bibtexparser.parse_string(written, append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]).entries[0]
    names = raw["author"]
    assert [(n.last, n.first) for n in names] == [(["Noble"], ["Ben"]), (["{Associated Press}"], [])]
    assert first["urldate"] == "2026-11-30" and first["date"] == "2024-03-05"
    assert raw["url"] == "https://news.example/a_b?x=1&y=2"  # verbatim, as biblatex reads a url
    assert second["title"] == "Ünïcode title" and "date" not in third.fields_dict


def test_bibtex_keeps_letters_latex_has_no_macro_for_silently_and_keys_them_by_id(capfd, caplog):
    item = Summary(7, "https://news.example/cn", "肖战的新闻", [], "2017", "新华社", added=ADDED)
    out = io.StringIO()
    write_bibtex([item], out)
    entry = bibtexparser.parse_string(out.getvalue()).entries[0]
    assert entry.key == "article72017" and entry["title"] == "肖战的新闻"
    assert capfd.readouterr().err == "" and not caplog.records  # no warning a character


def test_formatted_citations_in_apa_and_chicago():
    apa = format_citations(_items()[:1], "apa")[0]
    # American punctuation: a period after a closing quotation mark goes inside it.
    assert apa.text.startswith("Noble, B., & Associated Press. (2024, March 5). Putin & the 50% “war.” "
                               "The Guardian.")
    assert "<i>The Guardian</i>" in apa.html
    chicago = format_citations(_items()[:1], "chicago")[0].text
    assert chicago.startswith("Noble, Ben, and Associated Press.") and "March 5, 2024" in chicago
    plain = format_citations(_items()[1:2], "chicago")[0].text
    assert "“Ünïcode Title,” 2024." in plain and "”," not in plain  # a comma too


@pytest.mark.parametrize("published, parts", [
    ("2024-03-05T10:00:00+00:00", [2024, 3, 5]), ("2024-03", [2024, 3]), ("2024", [2024]),
    ("2024-13-01", [2024]), ("2024-02-00", [2024, 2]), ("March 2024", None), (None, None),
])
def test_issued_dates_keep_only_the_valid_parts(published, parts):
    from desktop.core.citations import csl_item

    item = csl_item(Summary(1, None, "T", [], published, None), "k")
    assert item.get("issued") == ({"date-parts": [parts]} if parts else None)
