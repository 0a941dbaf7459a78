"""The entity desk's core: corrections of entities and article details, kept as rules.

Every correction takes the open Archive first, is one transaction and one row in the
`correction` table, changes the stored rows at once, and (entity corrections) is applied
again by reindex and to every later import (`rules.apply_corrections`). Bad input raises
ValueError with one sentence, and nothing changes.
"""

from desktop.core.corrections.articles import edit_article, take_page_values
from desktop.core.corrections.entity_actions import (
    add_entity,
    change_kind,
    edit_alias,
    merge_entities,
    remove_entity,
    rename_entity,
    resolve_place,
    split_entity,
)
from desktop.core.corrections.history import Change, CorrectionInfo, history, redo, undo
from desktop.core.corrections.listing import EntityCard, EntityListing, entity_card, entity_table
from desktop.core.corrections.places import PlaceCandidate, place_candidates
from desktop.core.corrections.rules import apply_corrections

__all__ = [
    "Change", "CorrectionInfo", "EntityCard", "EntityListing", "PlaceCandidate",
    "add_entity", "apply_corrections", "change_kind", "edit_alias", "edit_article", "entity_card",
    "entity_table", "history", "merge_entities", "place_candidates", "redo", "remove_entity",
    "rename_entity", "resolve_place", "split_entity", "take_page_values", "undo",
]
