"""Archives for the corrections tests: articles stored with made-up entities (no model)."""

from __future__ import annotations


from desktop.core.article import CITY, ORG, PERSON, Article, Entity
from desktop.core.store.archive import store_article
from tests import db_rows

TABLES = ("entity", "mention", "quotation")


def article(n: int, entities: list[Entity], text: str = "") -> Article:
    """Article n at https://news.example/n with these entities."""
    return Article(url=f"https://news.example/{n}", title=f"Story {n}", publisher="Example News",
                   text=text or f"Words of story {n}.", entities=entities)


def person(name: str, mentions: int = 1, first_pos: int = 0, context: str = "", **more) -> Entity:
    return Entity(PERSON, name, mentions=mentions, first_pos=first_pos, context=context or f"{name} spoke.", **more)


def seeded(archive) -> dict[str, int]:
    """Three articles with a mistaken name, one man under two spellings, a city and an org;
    {name: entity id}."""
    store_article(archive, article(1, [person("Ursula von der", 2, 5), person("Alexey Navalny", 1, 9, "Alexey ran."),
                                       Entity(CITY, "Paris", geonameid=2988507, country="FR", first_pos=20)]))
    store_article(archive, article(2, [person("Alexei Navalny", 3, 3, "Alexei ran."),
                                       person("Alexey Navalny", 1, 1, "Alexey came."), Entity(ORG, "State", first_pos=7)]))
    store_article(archive, article(3, [person("Alexei Navalny", 1, 4), person("Yulia", local=True)]))
    return ids(archive)


def ids(archive) -> dict[str, int]:
    with db_rows.connect(archive) as con:
        return {name: i for i, name in con.execute("SELECT id, name FROM entity")}


def tables(archive) -> dict[str, list[tuple]]:
    """Every row of the entity, mention and quotation tables and the articles' person counts."""
    with db_rows.connect(archive) as con:
        found = {t: [tuple(r) for r in con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()] for t in TABLES}
        found["people"] = [tuple(r) for r in con.execute("SELECT id, person_count FROM article ORDER BY id")]
        return found


def mentions_of(archive, entity_id: int) -> dict[int, tuple[int, int, str]]:
    """{article id: (count, first_pos, context)} of one entity."""
    with db_rows.connect(archive) as con:
        rows = con.execute("SELECT article_id, count, first_pos, context FROM mention WHERE entity_id = ?", (entity_id,))
        return {a: (n, p, c) for a, n, p, c in rows}


def entity(archive, entity_id: int) -> dict | None:
    with db_rows.connect(archive) as con:
        cursor = con.execute("SELECT * FROM entity WHERE id = ?", (entity_id,))
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None
