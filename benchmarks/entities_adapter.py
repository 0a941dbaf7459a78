"""Adapters for ../shared/eval/score_entities.py --python MODULE:FUNC (run from benchmarks/ or
with it on PYTHONPATH): `ours` is desktop.core.entities, `plain_spacy` the model alone with the
country, region or else most populous GeoNames city of each GPE/LOC name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE  # noqa: E402
from desktop.core.entities import find_entities, ner  # noqa: E402
from desktop.core.entities.gazetteer import gazetteer  # noqa: E402
from desktop.core.entities.places import is_demonym  # noqa: E402


def _places(entities, text: str) -> list[dict]:
    """One prediction per name a place goes by in the text, all with its id: "US" and "UK"
    where the text says so, not the canonical "United States" and "United Kingdom"; "Belgrade"
    where a dateline says "BELGRADE", not the gazetteer's "Beograd". An adjective ("French") is no
    name of its country: a country the text names only so is given by its own name."""
    in_text = lambda name: any(next(ner.occurrences(text, form), None) is not None for form in (name, name.upper()))
    named = lambda e: [n for n in [e.name, *e.aliases] if in_text(n) and not is_demonym(n)] or [e.name]
    return [{"name": name, "geonameid": e.geonameid, "lat": e.lat, "lon": e.lon} for e in entities for name in named(e)]


def ours(text: str) -> dict:
    """Every name each person goes by in the text ("Wasim Akram", "Wasim"), as CoNLL lists a
    person's forms and as _places gives a place's: the scorer matches a surname alone to the full
    name, a first name or an East Asian surname alone to none."""
    entities = find_entities("", text)
    of = lambda kind: [e for e in entities if e.kind == kind]
    return {"persons": [name for e in of(PERSON) for name in (e.name, *e.aliases)], "cities": _places(of(CITY), text),
            "countries": _places(of(COUNTRY), text), "places": _places(of(PLACE), text),
            "orgs": [e.name for e in of(ORG)]}


def plain_spacy(text: str) -> dict:
    doc = ner.load_model()(text)
    gaz = gazetteer()
    places = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            found = gaz.lookup(ent.text)  # countries and regions first, then the most populous city
            best = found[0] if found else None
            places.append({"name": ent.text, "geonameid": best and best.geonameid,
                           "lat": best and best.lat, "lon": best and best.lon})
    return {"persons": [e.text for e in doc.ents if e.label_ == "PERSON"], "cities": places,
            "orgs": [e.text for e in doc.ents if e.label_ == "ORG"]}
