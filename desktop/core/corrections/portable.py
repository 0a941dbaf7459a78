"""Corrections as a file a colleague can apply to another archive: rules name entities by
their keys and articles by their web addresses, or an article without one (imported from a
file) by its text's hash, "text-hash:" and the hex digest (ids differ between archives)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.core.corrections.history import Change, apply_rule, record
from desktop.core.corrections.rules import ADD, ALIAS, DROP, EDIT, RECAST, key_of
from desktop.core.corrections.stored import rows_of, row_with_key
from desktop.core.errors import CuttingsError
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, Correction
from desktop.core.urls import normalize_url

FORMAT, VERSION = "cuttings-corrections", 1
TEXT_HASH = "text-hash:"  # an article without an address, named by ArticleRow.text_hash
OPS = (RECAST, DROP, ALIAS, ADD, EDIT)


@dataclass
class Applied:
    """What applying a corrections file did: one Change per correction applied, and how many
    were skipped (an article they name is not in this archive, or the archive has them)."""

    changes: list[Change] = field(default_factory=list)
    skipped: int = 0


def corrections_document(archive: Archive, article_ids: set[int] | None = None) -> dict:
    """The archive's corrections not undone, oldest first, in the portable form; with
    `article_ids`, only those of every article or of some of those articles."""
    with archive.session() as session:
        rows = session.exec(select(Correction).where(col(Correction.undone).is_(None)).order_by(Correction.id)).all()
        urls = {i: url or f"{TEXT_HASH}{digest}" for i, url, digest in
                session.exec(select(ArticleRow.id, ArticleRow.source_url, ArticleRow.text_hash)).all()}
    items = []
    for row in rows:
        rule = json.loads(row.rule)
        scope = set(rule.get("articles") or ()) | {m["article"] for m in rule.get("match", ()) if "article" in m}
        if article_ids is not None and scope and not scope & article_ids:
            continue
        items.append({"action": row.action, "made": row.made.isoformat(), "summary": row.summary,
                      "rule": _portable(rule, urls)})
    return {"format": FORMAT, "version": VERSION, "corrections": items}


def _portable(rule: dict, urls: dict[int, str | None]) -> dict:
    """`rule` with article ids as addresses, and the keys of one article's entities without
    that article's id."""
    out = dict(rule)
    if "articles" in rule:
        out["articles"] = [urls.get(a) for a in rule["articles"]]
    if "match" in rule:
        out["match"] = [_portable_match(m, urls) for m in rule["match"]]
    return out


def _portable_match(match: dict, urls: dict[int, str | None]) -> dict:
    if "article" not in match:
        return match
    return match | {"key": match["key"].removesuffix(str(match["article"])), "article": urls.get(match["article"])}


def export_corrections(archive: Archive, path: str | Path) -> int:
    """Write the corrections file to `path`; return how many corrections it holds."""
    from desktop.core.export import whole_file

    document = corrections_document(archive)
    with whole_file(path) as stream:
        json.dump(document, stream, ensure_ascii=False, indent=1)
    return len(document["corrections"])


def import_corrections(archive: Archive, path: str | Path) -> Applied:
    """Apply each correction of the file at `path` as a correction of this archive, in one
    transaction. A correction naming an article this archive lacks, or one it has already, is
    skipped. ValueError if the file cannot be read or is not a corrections file."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"Cannot read {path}: {exc.strerror}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not a corrections file (not JSON).") from exc
    return apply_document(archive, document, Path(path).name)


def apply_document(archive: Archive, document: object, source: str) -> Applied:
    """Apply the corrections of a portable document (see import_corrections)."""
    items = check_document(document, source)
    applied = Applied()
    with archive.transaction() as session:
        have = {row for row in session.exec(select(Correction.rule).where(col(Correction.undone).is_(None)))}
        for item in items:
            rule = _local(session, item["rule"])
            if rule is None or json.dumps(rule, ensure_ascii=False) in have:
                applied.skipped += 1
                continue
            applied.changes.append(_apply(session, item["action"], rule, item["summary"], source))
            have.add(json.dumps(rule, ensure_ascii=False))
    return applied


def check_document(document: object, source: str) -> list[dict]:
    """The corrections of a document, checked; ValueError (one sentence) if it is not one."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"Not a Cuttings corrections file ({source}).")
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise ValueError(f"Corrections written by a newer Cuttings ({source}): please update to apply them.")
    items = document.get("corrections")
    if not isinstance(items, list):
        raise ValueError(f"No list of corrections in {source}.")
    for n, item in enumerate(items, 1):
        rule = item.get("rule") if isinstance(item, dict) else None
        if not isinstance(rule, dict) or rule.get("op") not in OPS or not isinstance(item.get("summary"), str):
            raise ValueError(f"Correction {n} of {source} cannot be read; nothing was applied.")
    return items


def _local(session: Session, rule: dict) -> dict | None:
    """A portable rule with this archive's article ids; None if it names an article not here."""
    ids = {}
    wanted = [*rule.get("articles", ()), *(m["article"] for m in rule.get("match", ()) if "article" in m)]
    for url in wanted:
        found = _article_at(session, url)
        if found is None:
            return None
        ids[url] = found
    out = dict(rule)
    if "articles" in rule:
        out["articles"] = [ids[u] for u in rule["articles"]]
    if "match" in rule:
        out["match"] = [m | {"key": m["key"] + str(ids[m["article"]]), "article": ids[m["article"]]}
                        if "article" in m else m for m in rule["match"]]
    return out


def _article_at(session: Session, url: object) -> int | None:
    """This archive's article at the portable reference `url`: an address, or a text's hash
    (the first of several copies of one text, as store.same finds it); None if none."""
    if not isinstance(url, str) or not url:
        return None
    if url.startswith(TEXT_HASH):
        digest = url.removeprefix(TEXT_HASH)
        return session.exec(select(ArticleRow.id).where(ArticleRow.text_hash == digest).order_by(ArticleRow.id)).first()
    try:
        normal = normalize_url(url)
    except CuttingsError:
        return None
    return session.exec(select(ArticleRow.id).where(ArticleRow.url == normal)).first()


def _apply(session: Session, action: str, rule: dict, summary: str, source: str) -> Change:
    """Apply and record a rule of the file `source`, its summary with this archive's ids."""
    ids = _local_ids(session, rule)
    before, entity_id = apply_rule(session, rule)
    if rule.get("to") and entity_id is not None:
        ids.setdefault(rule["to"]["name"], entity_id)  # made by the rule (a rename's new name)
    summary = _with_ids(summary, ids, entity_id, rule.get("articles") or [])
    return record(session, action, rule, before, f"{summary} (from {source})", entity_id)


def _local_ids(session: Session, rule: dict) -> dict[str, int]:
    """Name -> this archive's id of the entities a rule names (its matches, then its `to` if
    stored), as they are before it applies: the ids its summary speaks of."""
    ids = {row.name: row.id for row in rows_of(session, rule.get("match", []))}
    to, articles = rule.get("to"), rule.get("articles")
    found = to and row_with_key(session, to["kind"], key_of(to, articles[0] if to["local"] and articles else None))
    if found:  # a merge's target; a split's namesake is new, and "entity ID" says its id
        ids.setdefault(to["name"], found.id)
    return ids


def _with_ids(summary: str, ids: dict[str, int], holder: int | None, articles: list[int]) -> str:
    """A summary written in another archive ("Renamed 138 'Grace' ...") with this archive's ids:
    each "ID 'NAME'" of an entity named here, "entity ID" (the one holding the mentions now) and
    "article ID" of a rule about one article."""
    for name, found in ids.items():
        summary = re.sub(rf"\b\d+ '{re.escape(name)}'", lambda _, f=found, n=name: f"{f} '{n}'", summary)
    if holder is not None:
        summary = re.sub(r"\bentity \d+", f"entity {holder}", summary)
    if len(articles) == 1:
        summary = re.sub(r"\barticle \d+", f"article {articles[0]}", summary)
    return summary
