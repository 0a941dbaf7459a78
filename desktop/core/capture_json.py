"""The evidence of capture and the earlier versions in a JSON export, written and read back
losslessly: the record's `capture` (its newest version's) and `versions` (every version,
oldest first; the earlier ones with their text and offline copy)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from datetime import datetime, timezone

from sqlmodel import Session, select

from desktop.core.article import CAPTURE_METHODS, Original
from desktop.core.store.archive import inflate
from desktop.core.store.captures import Evidence, evidence_of
from desktop.core.store.models import ArticleVersion, Snapshot
from desktop.core.store.versions import Earlier


def versions_json(session: Session, article_id: int, title: str) -> dict:
    """An exported record's `capture` and `versions` (see the module's docstring)."""
    captures = {e.version: e for e in evidence_of(session, article_id)}
    earlier = list(session.exec(select(ArticleVersion).where(ArticleVersion.article_id == article_id)
                                .order_by(ArticleVersion.version)))
    newest = len(earlier) + 1
    versions = [_earlier_json(v, captures.get(v.version)) for v in earlier]
    versions.append({"version": newest, "title": title, "newest": True, "capture": _capture(captures.get(newest))})
    return {"capture": _capture(captures.get(newest)), "versions": versions}


def _capture(evidence: Evidence | None) -> dict | None:
    return None if evidence is None else evidence.as_json()


def _earlier_json(version: ArticleVersion, evidence: Evidence | None) -> dict:
    copy = None
    if version.data:
        data = inflate(Snapshot(article_id=version.article_id, data=version.data))
        copy = {"content_type": version.content_type, "charset": version.charset,
                "data": base64.b64encode(data).decode("ascii")}
    return {"version": version.version, "title": version.title, "newest": False, "capture": _capture(evidence),
            "text": version.text, "original": copy}


def _text(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"The capture's '{key}' should be text")
    return value


def with_capture(original: Original | None, capture: object) -> Original | None:
    """`original` carrying the evidence of a record's `capture` object (absent: as it was);
    ValueError saying what is wrong with the object."""
    if original is None or capture is None:
        return original
    if not isinstance(capture, dict):
        raise ValueError("'capture' should be an object")
    method, status, headers = capture.get("method"), capture.get("status"), capture.get("headers")
    if method not in CAPTURE_METHODS:
        raise ValueError(f"The capture's 'method' should be one of {', '.join(CAPTURE_METHODS)}")
    if status is not None and (not isinstance(status, int) or isinstance(status, bool)):
        raise ValueError("The capture's 'status' should be a number")
    if headers is not None and not (isinstance(headers, list) and all(
            isinstance(h, list) and len(h) == 2 and all(isinstance(p, str) for p in h) for h in headers)):
        raise ValueError("The capture's 'headers' should be a list of [name, value] pairs")
    try:
        captured = datetime.fromisoformat(_text(capture, "captured") or "")
    except ValueError:
        raise ValueError("The capture's 'captured' should be an ISO 8601 time") from None
    captured = captured.replace(tzinfo=captured.tzinfo or timezone.utc).astimezone(timezone.utc)
    return replace(original, method=method, final_url=_text(capture, "final_url"), status=status,
                   headers=None if headers is None else [tuple(h) for h in headers], captured=captured)


def earlier_versions(record: dict) -> list[Earlier]:
    """The earlier versions of a record's `versions` (the newest is the record itself);
    ValueError saying what is wrong with one."""
    value = record.get("versions") or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError("'versions' should be a list of objects")
    found = []
    for version in value[:-1]:
        title, text, copy = version.get("title"), version.get("text"), version.get("original")
        if not isinstance(title, str) or not isinstance(text, str) or not isinstance(copy, dict | None):
            raise ValueError("An earlier version needs its 'title' and 'text'")
        found.append(Earlier(title, text, with_capture(_copy(copy), version.get("capture"))))
    return found


def _copy(data: dict | None) -> Original | None:
    if data is None:
        return None
    try:
        raw = base64.b64decode(data.get("data") or "", validate=True)
    except (binascii.Error, TypeError):
        raise ValueError("An earlier version's 'original' data is not base64") from None
    return Original(raw, _text(data, "content_type") or "text/html", _text(data, "charset"))
