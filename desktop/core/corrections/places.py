"""GeoNames places for corrections: the candidates a name may be (the place picker), and the
identity a corrected place takes."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.article import PLACE, Entity
from desktop.core.corrections.rules import identity, row_identity
from desktop.core.store.models import EntityRow


@dataclass
class PlaceCandidate:
    """One GeoNames place a name may be: its region (a US state's name; None where the
    gazetteer keeps no name for it), ISO2 country, population and kind (city, country, place)."""

    geonameid: int
    name: str
    admin1: str | None
    country: str | None
    population: int
    lat: float | None
    lon: float | None
    kind: str


def _gazetteer():
    from desktop.core.entities.gazetteer import gazetteer

    return gazetteer()


def place_candidates(name: str, limit: int = 20) -> list[PlaceCandidate]:
    """The GeoNames places `name` may be (countries and regions, then cities; each group most
    populous first, as the entity stage's own candidates), at most `limit`."""
    from desktop.core.entities.places import candidates

    gaz = _gazetteer()
    found = candidates(gaz, " ".join(name.split())) if name.strip() else []
    found = sorted(found, key=lambda p: (p.kind == "city", -p.population))[:limit]
    return [PlaceCandidate(p.geonameid, p.name, _region(gaz, p), p.country, p.population, p.lat, p.lon, str(p.kind))
            for p in found]


def _region(gaz, place) -> str | None:
    """The name of a city's first-level region where the gazetteer has it (US states)."""
    state = gaz.states.get(place.admin1) if place.country == "US" and place.kind == "city" else None
    return state.name if state else None


def _identity_of(place) -> dict:
    return identity(Entity(place.kind, place.name, geonameid=place.geonameid, country=place.country,
                           lat=place.lat, lon=place.lon))


def place_identity(row: EntityRow, geonameid: int | None) -> dict:
    """What the entity `row` becomes as the GeoNames place `geonameid` (an entity of the whole
    archive), or (None) as a place GeoNames does not have, under its own name (of one article
    if the row is). ValueError for an id the gazetteer lacks."""
    if geonameid is None:
        return row_identity(row) | {"kind": str(PLACE), "key": None, "geonameid": None, "country": None,
                                    "lat": None, "lon": None}
    place = _gazetteer().by_id(geonameid)
    if place is None:
        raise ValueError(f"GeoNames {geonameid} is not among the places Cuttings knows "
                         "(cities of 1,000 people or more, countries, US states, some regions).")
    return _identity_of(place)  # a GeoNames place is one of the whole archive


def likely_place(name: str) -> dict:
    """The identity of the place `name` most likely is (the first candidate), or of a place
    GeoNames does not have."""
    found = place_candidates(name, limit=1)
    if not found:
        return identity(Entity(PLACE, name))
    return place_identity(EntityRow(kind=PLACE, key="", name=name), found[0].geonameid)


def place_label(ident: dict, lead: str) -> str:
    """ "Paris, Texas, US (GeoNames 4717560)" after `lead`, for a place with a GeoNames id; ""."""
    if not ident.get("geonameid"):
        return ""
    place = _gazetteer().by_id(ident["geonameid"])
    parts = [ident["name"], _region(_gazetteer(), place) if place else None,
             ident["country"] if ident["kind"] != "country" else None]
    return f"{lead}{', '.join(p for p in parts if p)} (GeoNames {ident['geonameid']})"
