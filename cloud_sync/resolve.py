"""Carrying out what the merge rules (``merge.py``) decide for a record both sides changed."""

from __future__ import annotations

from typing import Any

from app.core.library import ItemFile, Library, SyncRecord
from app.core.spec import QrSpec
from cloud_sync.merge import merge
from cloud_sync.report import SyncReport


class Resolver:
    """Applies server records and merge decisions to the library (inside the caller's transaction)."""

    def __init__(self, library: Library, device_label: str) -> None:
        self.lib = library
        self.device_label = device_label

    def resolve(self, local: SyncRecord, server: SyncRecord, report: SyncReport) -> None:
        """Both sides changed ``local.id``: apply the merge decision."""
        decision = merge(self.lib.base_payload(local.id), local, server)
        if decision.outcome == "take_server":
            self.apply(server, report)
        elif decision.outcome == "keep_local":
            # The server deleted it: our edit is pushed again on top of that, and the last version both
            # sides shared stays the common ancestor.
            self.lib.rebase(local.id, server.rev or 0, self.lib.base_payload(local.id))
        elif decision.outcome == "merged":
            self.apply(server, report)
            self._write_payload(local.id, decision.payload or {}, decision.files)
            report.merged += 1
        else:
            self.apply(server, report)
            self._conflict_copy(local)
            report.conflicts += 1

    def apply(self, remote: SyncRecord, report: SyncReport) -> None:
        """Make the local item what the server holds (a tombstone removes it)."""
        existed = self.lib.local_record(remote.id) is not None
        self.lib.apply_remote([remote])
        if remote.deleted:
            report.deleted += int(existed)
        else:
            report.pulled += 1

    def _write_payload(self, item_id: str, payload: dict[str, Any], files: list[dict[str, Any]]) -> None:
        self.lib.update(item_id, name=payload.get("name") or None, tags=payload.get("tags") or [],
                        notes=payload.get("notes", ""), spec=QrSpec.from_dict(payload.get("spec")), check=False)
        item = self.lib.get(item_id)
        if bool(payload.get("trashed")) != item.trashed:
            (self.lib.trash if payload.get("trashed") else self.lib.restore)([item_id])
        have = {(f.kind, f.sha256) for f in item.files}
        for f in files:
            if (f["kind"], f["sha256"]) not in have:
                self.lib.attach_file(item_id, f["kind"], self.lib.files.read_bytes(f["sha256"]))

    def _conflict_copy(self, local: SyncRecord) -> None:
        payload = local.payload or {}
        name = f"{payload.get('name') or 'Untitled'} (conflict, {self.device_label})"
        files = [ItemFile.from_dict(f) for f in local.files]
        self.lib.add(QrSpec.from_dict(payload.get("spec")), name, payload.get("tags") or (),
                     payload.get("notes", ""), files, conflict_of=local.id, check=False)
