"""Decide what one record becomes when the local and the server version both changed.

Rules (docs/sync-protocol.md, "Merge rules"): identical content is no conflict; an edit beats a delete (a delete
beats a copy that was not edited since the common ancestor); otherwise a
three-way merge against the stored base — tags as sets, name/notes/trash state from whichever side changed
them, files as a union. Where both sides changed the code itself (the spec) — or both changed the same text
field differently — the server's version is kept and the local one becomes a visible conflict copy, so no
edit is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from app.core.library import SyncRecord

Outcome = Literal["take_server", "keep_local", "merged", "conflict_copy"]


@dataclass(frozen=True)
class Merge:
    """``take_server``: apply the server record as is. ``keep_local``: keep the local edit, rebased on the
    server's rev (it is pushed again). ``merged``: apply the server record, then write ``payload``/``files``
    as a local edit. ``conflict_copy``: apply the server record and keep the local version as a new item."""

    outcome: Outcome
    payload: dict[str, Any] | None = None
    files: list[dict[str, Any]] = field(default_factory=list)


def merge(base: dict[str, Any] | None, local: SyncRecord, server: SyncRecord) -> Merge:
    if local.content_hash == server.content_hash and local.deleted == server.deleted:
        return Merge("take_server")
    # A delete against the other side's unchanged copy (its payload is still the common ancestor: typical after a
    # resync, when every local item counts as changed) is a delete; against a real edit, the edit wins.
    if local.deleted:
        return Merge("keep_local" if _unchanged(server, base) else "take_server")
    if server.deleted:
        return Merge("take_server" if _unchanged(local, base) else "keep_local")
    ours, theirs, old = local.payload or {}, server.payload or {}, base or {}
    if not base:
        # No common ancestor (both created the same id, or a resync): only identical content merges.
        if any(ours.get(k) != theirs.get(k) for k in ("spec", "name", "notes")):
            return Merge("conflict_copy")
        return _merged(
            {**theirs, "tags": sorted(_union(ours.get("tags"), theirs.get("tags")), key=str.casefold)},
            local, server)
    merged: dict[str, Any] = dict(theirs)
    for key in ("spec", "name", "notes", "trashed"):
        a, b, o = ours.get(key), theirs.get(key), old.get(key)
        if a in (b, o):
            merged[key] = b
        elif b == o:
            merged[key] = a
        else:
            return Merge("conflict_copy")
    o_tags, a_tags, b_tags = _tagset(old.get("tags")), _tagset(ours.get("tags")), _tagset(theirs.get("tags"))
    removed = (o_tags - a_tags) | (o_tags - b_tags)
    spelled = {t.casefold(): t for t in [*(ours.get("tags") or ()), *(theirs.get("tags") or ())]}
    merged["tags"] = sorted((spelled[t] for t in (a_tags | b_tags) - removed), key=str.casefold)
    return _merged(merged, local, server)


def _merged(payload: dict[str, Any], local: SyncRecord, server: SyncRecord) -> Merge:
    files = {(f["kind"], f["sha256"]): f for f in [*server.files, *local.files]}
    union = sorted(files.values(), key=lambda f: (f["kind"], f["sha256"]))
    if payload == (server.payload or {}) and len(union) == len(server.files):
        return Merge("take_server")
    return Merge("merged", payload, union)


def _unchanged(rec: SyncRecord, base: dict[str, Any] | None) -> bool:
    return base is not None and not rec.deleted and rec.payload == base


def _tagset(tags: Any) -> set[str]:
    return {str(t).casefold() for t in tags or ()}


def _union(a: Any, b: Any) -> list[str]:
    seen: dict[str, str] = {}
    for t in [*(b or ()), *(a or ())]:
        seen.setdefault(str(t).casefold(), str(t))
    return list(seen.values())
