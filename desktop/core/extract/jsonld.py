"""A page's JSON-LD as it really is: arrays, @graph, a WebPage's mainEntity, and nodes that name
each other only by "@id" (Yoast's WordPress graph: the Article's author is {"@id": ".../person/1"}
and the name sits on the Person node of that id)."""

from __future__ import annotations

import html
import json
import re

from bs4 import BeautifulSoup

from .normalize import match_key

# schema.org's Article and its subtypes (NewsArticle, Report, SocialMediaPosting, BlogPosting,
# LiveBlogPosting, DiscussionForumPosting...), and NewsStory.
ARTICLE_TYPE = re.compile(r"Article|Posting|Report|NewsStory")
# A page's JSON-LD is a few kilobytes a few levels deep; past these limits it is not
# metadata but an accident or an attack (json.loads recurses: 5,000 levels is a RecursionError).
MAX_LD_CHARS = 1_000_000
MAX_LD_DEPTH = 32


def ld_objects(value) -> list[dict]:
    """Every object in a JSON-LD value, walking arrays, @graph and a WebPage's mainEntity."""
    if isinstance(value, list):
        return [obj for item in value for obj in ld_objects(item)]
    if isinstance(value, dict):
        return [value, *ld_objects(value.get("@graph")), *ld_objects(value.get("mainEntity"))]
    return []


def ld_types(obj: dict) -> list[str]:
    """The @type of a node as a list of strings ("NewsArticle" or ["Article", "NewsArticle"])."""
    kind = obj.get("@type", [])
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def load_json(text: str):
    """The JSON value in a script's text, nested at most MAX_LD_DEPTH deep; None if it is
    not JSON, too large or too deep to parse."""
    if len(text) > MAX_LD_CHARS:
        return None
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text.strip())
    try:
        return _pruned(json.loads(text, strict=False), MAX_LD_DEPTH)
    except (ValueError, RecursionError):
        return None


def _pruned(value, depth: int):
    """`value` with the arrays and objects nested more than `depth` deep replaced by None, so
    the recursive walkers stay far from the recursion limit."""
    if isinstance(value, list):
        return [_pruned(item, depth - 1) for item in value] if depth else None
    if isinstance(value, dict):
        return {key: _pruned(item, depth - 1) for key, item in value.items()} if depth else None
    return value


def _is_reference(value) -> bool:
    """{"@id": "..."} alone (or with only @type): a pointer to a node elsewhere in the graph."""
    return isinstance(value, dict) and isinstance(value.get("@id"), str) and set(value) <= {"@id", "@type"}


# Keys whose plain string value may be a node's @id rather than a name.
PARTY_KEYS = ("author", "creator", "contributor", "publisher", "editor")


def _resolved(value, nodes: dict[str, dict], ids_as_strings: bool = False):
    """`value` with each @id reference replaced by the node of that id, one level deep (an
    author list of references, a publisher reference); unknown ids stay as they are. With
    `ids_as_strings`, a bare string equal to a node's @id is such a reference too."""
    if isinstance(value, list):
        return [_resolved(item, nodes, ids_as_strings) for item in value]
    if _is_reference(value):
        return nodes.get(value["@id"], value)
    if ids_as_strings and isinstance(value, str) and value in nodes:
        return nodes[value]
    return value


def json_ld_article(soup: BeautifulSoup, headlines: tuple[str, ...] = ()) -> dict:
    """The JSON-LD object typed as an article (NewsArticle, ReportageNewsArticle, BlogPosting...)
    whose headline is one of `headlines` (og:title, <h1>: related stories are articles too),
    else the first; its @id references resolved against every node of the page's JSON-LD;
    {} when there is none."""
    objects = [obj for script in soup.find_all("script", type=re.compile("ld\\+json", re.I))
               for obj in ld_objects(load_json(script.string or script.get_text()))]
    articles = [obj for obj in objects if any(ARTICLE_TYPE.search(kind) for kind in ld_types(obj))]
    if not articles:
        return {}
    wanted = {match_key(h) for h in headlines if h}
    article = next((a for a in articles if match_key(ld_text(a.get("headline")) or "") in wanted), articles[0])
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and not _is_reference(obj)}
    return {key: _resolved(value, nodes, key in PARTY_KEYS) for key, value in article.items()}


def ld_names(value, people_only: bool = False) -> list[str]:
    """Names from a JSON-LD person/organisation value: a string, an object or a list of them."""
    if isinstance(value, str):
        return [html.unescape(value)]
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item, people_only)]
    if isinstance(value, dict):
        if people_only and "Organization" in "".join(ld_types(value)):
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [html.unescape(name)]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
    return []


def ld_text(value) -> str | None:
    """One string from a JSON-LD value: the first of a list, an object's url/@id/name."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("name")
    # JSON-LD strings are sometimes HTML-escaped a second time ("Q&amp;A").
    return html.unescape(value.strip()) if isinstance(value, str) and value.strip() else None


def article_body(ld: dict) -> str:
    """The JSON-LD articleBody as paragraphs separated by blank lines: its own line breaks and
    HTML paragraph/line-break tags are kept as breaks, other markup dropped."""
    body = ld.get("articleBody")
    if isinstance(body, list):
        body = "\n\n".join(part for part in body if isinstance(part, str))
    if not isinstance(body, str):
        return ""
    body = re.sub(r"(?i)<\s*(?:br|/p|/div|/h\d|/li)\s*/?\s*>", "\n", body)
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.split("\n"))
    return "\n\n".join(line for line in lines if line)
