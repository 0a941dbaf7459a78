"""Corrections as a file a colleague can apply to another archive: rules name entities by
their keys and articles by their web addresses (ids differ between archives)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.core.corrections.history import Change, apply_rule, record
from desktop.core.corrections.rules import ADD, ALIAS, DROP, EDIT, RECAST
from desktop.core.errors import CuttingsError
from desktop.core.store.db import Archive
from desktop.core.store.models import ArticleRow, Correction
from desktop.core.urls import normalize_url

FORMAT, VERSION = "cuttings-corrections", 1
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
        urls = dict(session.exec(select(ArticleRow.id, ArticleRow.source_url)).all())
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
            applied.changes.append(_apply(session, item["action"], rule, f"{item['summary']} (from {source})"))
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
    if not isinstance(url, str) or not url:
        return None
    try:
        normal = normalize_url(url)
    except CuttingsError:
        return None
    return session.exec(select(ArticleRow.id).where(ArticleRow.url == normal)).first()


def _apply(session: Session, action: str, rule: dict, summary: str) -> Change:
    before, entity_id = apply_rule(session, rule)
    return record(session, action, rule, before, summary, entity_id)
