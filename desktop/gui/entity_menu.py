"""What can be corrected about an entity, wherever it shows: the menu entries, and the
dialogs each opens before the desk (`gui/desk.py`) runs the correction.

`add_entries(menu, desk, entities)` appends Rename…, Merge into…, Split…, Change kind ▸,
Choose place…, Not an entity ▸ and Aliases… for one entity (or the bulk ones for several).
Dialogs are opened window-modal with `open()`, never `exec()`: the window keeps painting,
and tests find and fill them like a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QInputDialog, QMenu

from desktop.core import corrections, profiles
from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE
from desktop.gui.pickers import AliasEditor, ArticleChooser, EntityPicker
from desktop.gui.place_picker import NOT_IN_GEONAMES, PlacePicker

PLACE_KINDS = (CITY, COUNTRY, PLACE)
# Change kind ▸ entries: the kind given to corrections.change_kind, and its menu text.
KIND_CHOICES = ((PERSON, "&Person"), (ORG, "&Organisation"), (PLACE, "P&lace"))
SPLIT_ARTICLES = 5000  # articles offered in the split dialog (newest first)


@dataclass(frozen=True)
class EntityRef:
    """An entity as a menu knows it; `article_id` is the article it was right-clicked in
    (the reading pane), which "Not an entity ▸ In this article" needs."""

    id: int
    kind: str
    name: str
    article_id: int | None = None
    geonameid: int | None = None


def kind_group(kind: str) -> str:
    """person, org or place: what Change kind offers (a city and a country are places)."""
    return PLACE if kind in PLACE_KINDS else kind


def add_entries(menu: QMenu, desk, entities: Sequence[EntityRef]) -> None:
    """Append the desk's entries for `entities` (one, or a multi-selection of the entity list)."""
    if not entities:
        return
    one = entities[0] if len(entities) == 1 else None
    if one is None:
        names = ", ".join(e.name for e in entities[:3]) + ("…" if len(entities) > 3 else "")
        menu.addAction(f"{len(entities)} selected: {names}".replace("&", "&&")).setEnabled(False)
    else:
        menu.addAction("Re&name…", lambda: rename(desk, one))
    merge = menu.addAction("&Merge into…", lambda: merge_into(desk, entities))
    merge.setEnabled(len({e.kind for e in entities}) == 1)
    if one is not None:
        menu.addAction("&Split…", lambda: split(desk, one))
    kinds = menu.addMenu("Change &kind")
    for kind, text in KIND_CHOICES:
        action = kinds.addAction(text, lambda k=kind: change_kind(desk, entities, k))
        action.setEnabled(any(kind_group(e.kind) != kind for e in entities))
    if one is not None and one.kind in PLACE_KINDS:
        menu.addAction("C&hoose place…", lambda: choose_place(desk, one))
    remove = menu.addMenu("N&ot an entity")
    here = remove.addAction("In &this article", lambda: not_an_entity(desk, entities, one.article_id))
    here.setEnabled(one is not None and one.article_id is not None)
    remove.addAction("In &every article", lambda: not_an_entity(desk, entities, None))
    if one is not None:
        menu.addAction("&Aliases…", lambda: aliases(desk, one))


def rename(desk, entity: EntityRef) -> None:
    """Ask for the new name (the old one stays an alias; an existing name of the kind merges)."""
    dialog = QInputDialog(desk.window)
    dialog.setObjectName("renameDialog")
    dialog.setWindowTitle("Rename")
    dialog.setLabelText(f"New name for {entity.name} (the old name stays an alias):")
    dialog.setTextValue(entity.name)
    dialog.setOkButtonText("Rename")
    archive = desk.archive

    def chosen(name: str) -> None:
        if name.strip() and name.strip() != entity.name:
            desk.apply(lambda: corrections.rename_entity(archive, entity.id, name.strip()))

    dialog.textValueSelected.connect(chosen)
    dialog.open()


def merge_into(desk, entities: Sequence[EntityRef]) -> None:
    """The picker of entities of the same kind (its article counts shown); then merge."""
    archive, kind, ids = desk.archive, entities[0].kind, [e.id for e in entities]
    names = ", ".join(e.name for e in entities[:3]) + (f" and {len(entities) - 3} more" if len(entities) > 3 else "")

    def listed(listings: list) -> None:
        others = [item for item in listings if item.id not in ids]
        picker = EntityPicker(f"Merge {names} into…", f"Choose the entity that {names} "
                              f"{'is' if len(ids) == 1 else 'are'}: its mentions, aliases and articles "
                              "join it.", others, desk.window)

        def accepted() -> None:
            into = picker.chosen()
            if into is not None:
                desk.apply(lambda: corrections.merge_entities(archive, ids, into=into))

        picker.accepted.connect(accepted)
        picker.open()

    desk.runner.run("desk-read", lambda: corrections.entity_table(archive, kind), listed, desk.failed)


def split(desk, entity: EntityRef) -> None:
    """Tick the articles whose mentions move to a new entity of the same name."""
    archive = desk.archive

    def articles() -> list:
        found = profiles.profile(archive, entity.id, companions=0, contexts=0, articles=SPLIT_ARTICLES)
        return found.articles if found is not None else []

    def listed(summaries: list) -> None:
        chooser = ArticleChooser(f"Split {entity.name}", f"Tick the articles about another {entity.name}: "
                                 "their mentions move to a new entity of that name, which you can then rename.",
                                 summaries, desk.window)

        def split_off(changes: list) -> None:
            """The new entity has the old name: offer to name it at once."""
            new_id = changes[0].entity_id if changes else None
            if new_id is not None:
                rename(desk, EntityRef(new_id, entity.kind, entity.name))

        def accepted() -> None:
            chosen = chooser.chosen()
            desk.apply(lambda: corrections.split_entity(archive, entity.id, chosen), split_off)

        chooser.accepted.connect(accepted)
        chooser.open()

    desk.runner.run("desk-read", articles, listed, desk.failed)


def change_kind(desk, entities: Sequence[EntityRef], kind: str) -> None:
    """Person / organisation / place; one entity made a place first picks its GeoNames entry."""
    archive = desk.archive
    movers = [e for e in entities if kind_group(e.kind) != kind]
    if kind == PLACE and len(movers) == 1:
        _pick_place(desk, movers[0], lambda geonameid: desk.apply(
            lambda: corrections.change_kind(archive, movers[0].id, kind, geonameid)))
        return
    desk.apply(lambda: [corrections.change_kind(archive, e.id, kind) for e in movers])


def choose_place(desk, entity: EntityRef) -> None:
    """Pick another GeoNames entry for a place, or none (a place GeoNames does not have)."""
    archive = desk.archive
    _pick_place(desk, entity, lambda geonameid: desk.apply(
        lambda: corrections.resolve_place(archive, entity.id, geonameid)))


def _pick_place(desk, entity: EntityRef, then) -> None:
    """The place picker for `entity`'s name; `then(geonameid or None)` once one is chosen."""
    picker = PlacePicker(entity.name, desk.runner, desk.window, current=entity.geonameid)

    def accepted() -> None:
        chosen = picker.chosen()
        then(None if chosen == NOT_IN_GEONAMES else chosen)

    picker.accepted.connect(accepted)
    picker.open()


def not_an_entity(desk, entities: Sequence[EntityRef], article_id: int | None) -> None:
    """Remove the entities' mentions from article `article_id`, or (None) from every article."""
    archive = desk.archive
    desk.apply(lambda: [corrections.remove_entity(archive, e.id, article_id) for e in entities])


def aliases(desk, entity: EntityRef) -> None:
    """The alias editor; each add or remove is one correction, and the list shows the result."""
    archive = desk.archive

    def opened(card) -> None:
        if card is None:
            desk.status(f"{entity.name} is no longer in the archive.")
            return
        editor = None

        def reload(_changes) -> None:
            desk.runner.run("desk-read", lambda: corrections.entity_card(archive, entity.id),
                            lambda now: now is not None and editor.show_aliases(now.aliases), desk.failed)

        def request(action: str, text: str) -> None:
            desk.apply(lambda: corrections.edit_alias(archive, entity.id, action, text), reload)

        editor = AliasEditor(card.name, card.aliases, request, desk.window)
        editor.open()

    desk.runner.run("desk-read", lambda: corrections.entity_card(archive, entity.id), opened, desk.failed)


def mark(desk, article_id: int, text: str, kind: str) -> None:
    """Selected words of the reading pane: every occurrence in that article becomes a mention."""
    archive = desk.archive
    desk.apply(lambda: corrections.add_entity(archive, article_id, text, kind))
