"""Plain values the library hands out: items, and the sync records the sync client exchanges."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from app.core.spec import QrSpec

SortKey = Literal["updated", "created", "name"]
SORT_KEYS: tuple[str, ...] = ("updated", "created", "name")


@dataclass(frozen=True)
class ItemFile:
    """A file attached to an item, kept in the library's file store; ``kind`` says what it is for
    (``export``, ``logo``, ...)."""

    kind: str
    sha256: str
    size: int

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_dict(cls, entry: dict[str, Any]) -> ItemFile:
        """From the ``{"kind", "sha256", "size"}`` entry a sync record lists."""
        return cls(str(entry["kind"]), str(entry["sha256"]), int(entry["size"]))


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    spec: QrSpec
    tags: tuple[str, ...] = ()
    notes: str = ""
    created_at: float = 0.0
    updated_at: float = 0.0
    trashed_at: float | None = None
    files: tuple[ItemFile, ...] = ()
    rev: int | None = None
    base_rev: int | None = None
    dirty: bool = True
    device_id: str = ""
    content_hash: str = ""
    conflict_of: str | None = None

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def trashed(self) -> bool:
        return self.trashed_at is not None


@dataclass(frozen=True)
class Page:
    items: list[Item]
    total: int  # matching items, for "1–100 of 12,345"
    total_is_exact: bool = True  # False: a search matched more than ``total`` (show "1,000+")


class SyncPosition(TypedDict):
    """Where the library is in a server's log: its library id and epoch, and the cursor of the last pull
    (all None before the first sync)."""

    library_id: str | None
    epoch: int | None
    cursor: str | None


@dataclass(frozen=True)
class SyncRecord:
    """One record as the sync protocol defines it (docs/sync-protocol.md, "Records")."""

    id: str
    rev: int | None
    base_rev: int | None
    device_id: str
    updated_at: float
    deleted: bool
    content_hash: str
    payload: dict[str, Any] | None  # None for a tombstone
    files: list[dict[str, Any]] = field(default_factory=list)
    conflict_of: str | None = None


@dataclass(frozen=True)
class Quarantined:
    """A record pulled from the server that this client could not apply, kept aside with why (the sync moved
    on past it). ``record_id`` is "" when the record had no valid id; ``record`` is its JSON as received."""

    record_id: str
    rev: int | None
    reason: str
    record: str
    quarantined_at: float = 0.0


def make_payload(spec: QrSpec, name: str, tags: tuple[str, ...], notes: str, trashed: bool) -> dict[str, Any]:
    """The synced part of an item. Notes and the trash state travel too, so no device loses them."""
    return {"spec": spec.to_dict(), "name": name, "tags": sorted(tags), "notes": notes, "trashed": trashed}


def content_hash(payload: dict[str, Any] | None, files: list[dict[str, Any]]) -> str:
    """Same content → same hash on every device (canonical JSON), so identical edits are no conflict."""
    canonical = json.dumps({"payload": payload, "files": sorted(files, key=lambda f: (f["kind"], f["sha256"]))},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def clean_tags(tags: Any) -> tuple[str, ...]:
    """Trimmed, non-empty, de-duplicated (case-insensitively, first spelling wins), sorted."""
    seen: dict[str, str] = {}
    for tag in tags or ():
        text = " ".join(str(tag).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(sorted(seen.values(), key=str.casefold))
