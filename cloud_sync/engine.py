"""The sync engine: push local changes, pull remote ones, merge, and never lose an edit.

One :meth:`SyncEngine.sync` is: check the server's library id/epoch (a change means a full resync that keeps
local-only items), finish a push that was in flight when the last run died, upload missing blobs, push dirty
items in batches, pull the changes feed from the saved cursor, and push again whatever the merges produced.

Every step is resumable after a crash (even SIGKILL):

- a push request is stored in the library database *before* it is sent and removed in the same transaction
  that records its answer, so a lost answer is retried with the same idempotency key and the server replays
  its first answer instead of committing twice;
- pulled changes and the cursor that covers them are saved in one SQLite transaction.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.core.library import FileRef, Item, Library, SyncRecord
from app.core.spec import QrSpec
from cloud_sync.client import SyncClient
from cloud_sync.errors import (
    MassDeleteError,
    ProtocolError,
    ResyncRequired,
    SyncCancelled,
)
from cloud_sync.merge import merge
from cloud_sync.protocol import ChangesPage, LibraryInfo, PushRequest, PushResult, Record, check_record

PUSH_BATCH = 100
PULL_PAGE = 500
ASK_FIRST_BYTES = 256 * 1024  # blobs above this size are uploaded only after a HEAD says they are missing
TRANSFERS = 4  # blob uploads/downloads in flight at once (each is one small request; latency dominates)
MAX_ROUNDS = 4  # push/pull rounds per sync; merges and conflict copies need a second push
# A pull that deletes more than this many items, or more than half the library, needs the user's consent.
MASS_DELETE_ITEMS = 100
MASS_DELETE_SHARE = 0.5
MASS_DELETE_FLOOR = 5  # below this many deletions the share rule does not apply (1 of 2 items is no "mass")

Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    """What one sync did, for a status line."""

    pushed: int = 0
    pulled: int = 0
    deleted: int = 0
    merged: int = 0
    conflicts: int = 0  # conflict copies made: the user should review these
    blobs_up: int = 0
    blobs_down: int = 0
    resynced: bool = False
    pending: int = 0  # local changes still waiting (e.g. a blob the server keeps asking for)

    def summary(self) -> str:
        parts = [f"pushed {self.pushed}", f"pulled {self.pulled}"]
        if self.deleted:
            parts.append(f"deleted {self.deleted}")
        if self.merged:
            parts.append(f"merged {self.merged}")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict cop{'y' if self.conflicts == 1 else 'ies'} to review")
        if self.resynced:
            parts.append("full resync")
        if self.pending:
            parts.append(f"{self.pending} change(s) still pending")
        return ", ".join(parts)


class SyncEngine:
    """Syncs one open (writable) :class:`Library` with one server through ``client``."""

    def __init__(self, library: Library, client: SyncClient, *, device_id: str | None = None,
                 device_label: str | None = None, push_batch: int = PUSH_BATCH, pull_page: int = PULL_PAGE,
                 transfers: int = TRANSFERS) -> None:
        self.lib = library
        self.transfers = max(1, transfers)
        self.push_batch = push_batch
        self.pull_page = pull_page
        self.client = client
        self.device_id = device_id or library.device_id
        self.device_label = device_label or platform.node() or self.device_id[:8]
        self._uploaded: set[str] = set()

    # ------------------------------------------------------------------------------------------- entry point

    def sync(self, progress: Progress | None = None, cancel: Callable[[], bool] | None = None, *,
             confirm_mass_delete: bool = False) -> SyncReport:
        """Run one full sync. Raises a :class:`~cloud_sync.errors.SyncError` subclass on failure; whatever
        was done before the failure is kept and the next call resumes from there."""
        report = SyncReport()
        self._progress = progress or (lambda stage, done, total: None)
        self._cancel = cancel or (lambda: False)
        info = self.client.library_info()
        state = self.lib.sync_state()
        if state["library_id"] is not None and (state["library_id"], state["epoch"]) != (info.library_id,
                                                                                           info.epoch):
            self._start_resync(info, report)
        self._finish_inflight(report)
        for _round in range(MAX_ROUNDS):
            self._push_dirty(report)
            try:
                self._pull(report, confirm_mass_delete)
            except ResyncRequired:
                self._start_resync(self.client.library_info(), report)
                self._pull(report, confirm_mass_delete)
            if not self._dirty():
                break
        report.pending = len(self._dirty())
        return report

    def pending_changes(self) -> int:
        """Local changes not yet on the server."""
        return len(self._dirty())

    # ------------------------------------------------------------------------------------------- resync

    def _start_resync(self, info: LibraryInfo, report: SyncReport) -> None:
        """The server's log is not the one our cursor and revs refer to (reset, new server, new epoch).

        Union merge: every local item becomes a new local change (rev forgotten, merge base kept), the
        feed is read from the start, and whatever the server has is merged in; nothing is deleted.
        Unsent deletions are dropped: bringing an item back is the safe side of not knowing.
        """
        report.resynced = True
        with self.lib.transaction():
            self.lib.outbox_clear()
            self.lib.forget_sync_revisions()
            self.lib.save_cursor(info.library_id, info.epoch, None)

    # ------------------------------------------------------------------------------------------- push

    def _dirty(self) -> list[SyncRecord]:
        return self.lib.dirty_items(limit=1_000_000)

    def _push_dirty(self, report: SyncReport) -> None:
        dirty = self._dirty()
        for start in range(0, len(dirty), self.push_batch):
            self._check_cancel()
            batch = dirty[start:start + self.push_batch]
            self._progress("push", start, len(dirty))
            self._upload_files([f for rec in batch if not rec.deleted for f in rec.files], report)
            request = PushRequest(device_id=self.device_id, idempotency_key=f"qd-{uuid.uuid4().hex}",
                                  changes=[self._to_wire(rec) for rec in batch])
            # Stored before sending: if the answer is lost, the retry reuses this key (see module doc).
            self.lib.outbox_put(request.model_dump(mode="json"))
            self._send(request, report)
        self._progress("push", len(dirty), len(dirty))

    def _finish_inflight(self, report: SyncReport) -> None:
        stored = self.lib.outbox_get()
        if stored is None:
            return
        try:
            request = PushRequest.model_validate(stored)
        except ValidationError:
            # Unreadable (written by another version?): the items are still dirty, so the next push
            # builds a fresh request for them.
            self.lib.outbox_clear()
            return
        self._send(request, report)

    def _send(self, request: PushRequest, report: SyncReport) -> None:
        try:
            response = self.client.push(request)
        except ProtocolError:
            # The server rejected this body for good; retrying the same key would fail forever. The items
            # are still dirty, so the next sync builds a fresh request.
            self.lib.outbox_clear()
            raise
        conflicts = [r for r in response.results if r.status == "conflict" and r.server is not None]
        for r in conflicts:
            self._download_files(_from_wire(r.server).files, report)  # type: ignore[arg-type]
        missing = sorted({sha for r in response.results if r.status == "missing_blobs" for sha in r.missing})
        pushed = {rec.id: rec for rec in map(_from_wire, request.changes)}
        with self.lib.transaction():
            for result in response.results:
                self._record_result(result, pushed, report)
            self.lib.outbox_clear()
        for sha in missing:
            self._uploaded.discard(sha)
            self._upload_blob(sha, report)

    def _record_result(self, result: PushResult, pushed: dict[str, SyncRecord], report: SyncReport) -> None:
        if result.status == "applied" and result.rev is not None and result.id in pushed:
            self.lib.mark_pushed(pushed[result.id], result.rev)
            report.pushed += 1
        elif result.status == "conflict" and result.server is not None:
            local = self.lib.local_record(result.id)
            server = _from_wire(result.server)
            if local is None:
                self._apply(server, report)
            else:
                self._resolve(local, server, report)

    # ------------------------------------------------------------------------------------------- pull

    def _pull(self, report: SyncReport, confirm_mass_delete: bool) -> None:
        state = self.lib.sync_state()
        cursor = state["cursor"]
        pages: list[ChangesPage] = []
        while True:
            self._check_cancel()
            page = self.client.changes(cursor, self.pull_page)
            pages.append(page)
            cursor = page.cursor
            self._progress("pull", sum(len(p.changes) for p in pages), 0)
            if not page.has_more:
                break
        info_id, epoch = state["library_id"], state["epoch"]
        if info_id is None:
            info = self.client.library_info()
            info_id, epoch = info.library_id, info.epoch
        self._guard_mass_delete([_from_wire(r) for p in pages for r in p.changes], confirm_mass_delete)
        total = sum(len(p.changes) for p in pages)
        done = 0
        for page in pages:
            self._check_cancel()
            records = [_from_wire(r) for r in page.changes]
            self._download_files([f for rec in records if not rec.deleted for f in rec.files], report)
            with self.lib.transaction():
                for rec in records:
                    self._pull_one(rec, report)
                self.lib.save_cursor(info_id, epoch, page.cursor)
            done += len(records)
            self._progress("pull", done, total)

    def _pull_one(self, remote: SyncRecord, report: SyncReport) -> None:
        local = self.lib.local_record(remote.id)
        if local is None:
            if not remote.deleted:
                self._apply(remote, report)
            return
        dirty = self.lib.is_dirty(remote.id)
        if not dirty:
            if local.rev is not None and (remote.rev or 0) <= local.rev:
                return  # our own push coming back, or already applied
            self._apply(remote, report)
            return
        if (remote.rev or 0) <= (local.base_rev or 0):
            return  # the local edit is already based on this version
        self._resolve(local, remote, report)

    def _guard_mass_delete(self, records: list[SyncRecord], confirmed: bool) -> None:
        doomed: set[str] = set()
        for rec in records:
            if rec.deleted:
                local = self.lib.local_record(rec.id)
                if local is not None and not local.deleted and not self.lib.is_dirty(rec.id):
                    doomed.add(rec.id)
            else:
                doomed.discard(rec.id)
        total = self.lib.count() + self.lib.count(trashed=True)
        big = len(doomed) > MASS_DELETE_ITEMS or (len(doomed) >= MASS_DELETE_FLOOR
                                                   and len(doomed) > MASS_DELETE_SHARE * total)
        if big and not confirmed:
            raise MassDeleteError(len(doomed), total)

    # ------------------------------------------------------------------------------------------- merging

    def _resolve(self, local: SyncRecord, server: SyncRecord, report: SyncReport) -> None:
        """Both sides changed ``local.id``: apply the merge decision (inside the caller's transaction)."""
        decision = merge(self.lib.base_payload(local.id), local, server)
        if decision.outcome == "take_server":
            self._apply(server, report)
        elif decision.outcome == "keep_local":
            # The server deleted it: our edit is pushed again on top of that, and the last version both
            # sides shared stays the common ancestor.
            self.lib.rebase(local.id, server.rev or 0, self.lib.base_payload(local.id))
        elif decision.outcome == "merged":
            self._apply(server, report)
            self._write_payload(local.id, decision.payload or {}, decision.files)
            report.merged += 1
        else:
            self._apply(server, report)
            self._conflict_copy(local)
            report.conflicts += 1

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
        files = [FileRef(str(f["kind"]), str(f["sha256"]), int(f["size"])) for f in local.files]
        self.lib.add(QrSpec.from_dict(payload.get("spec")), name, payload.get("tags") or (),
                     payload.get("notes", ""), files, conflict_of=local.id, check=False)

    def _apply(self, remote: SyncRecord, report: SyncReport) -> None:
        existed = self.lib.local_record(remote.id) is not None
        self.lib.apply_remote([remote])
        if remote.deleted:
            report.deleted += int(existed)
        else:
            report.pulled += 1

    # ------------------------------------------------------------------------------------------- blobs

    def _upload_files(self, files: list[dict[str, Any]], report: SyncReport) -> None:
        sizes = {str(f["sha256"]): int(f["size"]) for f in files}
        wanted = sorted(set(sizes) - self._uploaded)

        def one(sha: str) -> bool:
            # Storing a blob the server has is a no-op there, so a small one is sent without asking first:
            # one round trip instead of two. A big one is only sent when the server lacks it.
            if sizes[sha] > ASK_FIRST_BYTES and self.client.has_blob(sha):
                return False
            self.client.put_blob(sha, self.lib.files.read_bytes(sha))
            return True

        for sha, uploaded in zip(wanted, self._parallel(one, wanted), strict=True):
            self._uploaded.add(sha)
            report.blobs_up += int(uploaded)

    def _upload_blob(self, sha: str, report: SyncReport) -> None:
        self.client.put_blob(sha, self.lib.files.read_bytes(sha))
        self._uploaded.add(sha)
        report.blobs_up += 1

    def _download_files(self, files: list[dict[str, Any]], report: SyncReport) -> None:
        wanted = sorted({str(f["sha256"]) for f in files if not self.lib.files.has(str(f["sha256"]))})

        def one(sha: str) -> None:
            stored, _size = self.lib.files.put_bytes(self.client.get_blob(sha))
            if stored != sha:
                self.lib.files.remove(stored)
                raise ProtocolError(f"blob {sha[:12]}… from the server does not match its hash")

        self._parallel(one, wanted)
        report.blobs_down += len(wanted)

    def _parallel(self, fn: Callable[[str], Any], items: list[str]) -> list[Any]:
        """``fn`` over ``items`` with up to ``transfers`` in flight; the first error is raised after all end."""
        if len(items) <= 1 or self.transfers == 1:
            return [fn(x) for x in items]
        with ThreadPoolExecutor(max_workers=self.transfers) as pool:
            futures = [pool.submit(fn, x) for x in items]
        return [f.result() for f in futures]

    # ------------------------------------------------------------------------------------------- helpers

    def _check_cancel(self) -> None:
        if self._cancel():
            raise SyncCancelled("sync cancelled; what was done so far is kept")

    def _to_wire(self, rec: SyncRecord) -> Record:
        return Record(id=rec.id, base_rev=rec.base_rev or 0, device_id=self.device_id,
                      updated_at=repr(float(rec.updated_at or 0.0)), deleted=rec.deleted,
                      content_hash=rec.content_hash, payload=rec.payload or {}, files=rec.files,
                      conflict_of=rec.conflict_of)


def _from_wire(rec: Record | dict[str, Any]) -> SyncRecord:
    if isinstance(rec, dict):  # pages and conflict answers carry records as stored: check each one
        rec = check_record(rec)
    try:
        updated = float(rec.updated_at)
    except ValueError:
        updated = 0.0
    return SyncRecord(id=rec.id, rev=rec.rev, base_rev=rec.base_rev, device_id=rec.device_id or "",
                      updated_at=updated, deleted=rec.deleted, content_hash=rec.content_hash,
                      payload=None if rec.deleted else dict(rec.payload),
                      files=[f.model_dump() for f in rec.files], conflict_of=rec.conflict_of)


def conflict_copies(library: Library) -> list[Item]:
    """Conflict copies still in the library (made by any machine): the "conflicts to review" list.

    A copy stays listed until the user deletes it or clears it by keeping it as a normal item.
    """
    return [item for item in library.all_items() if item.conflict_of]
