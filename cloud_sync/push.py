"""Sending local changes: dirty items in batches, each request kept in the library's outbox until answered.

A request is stored before it is sent and removed in the transaction that records its answer, so a lost
answer (even after SIGKILL) is retried with the same idempotency key and the server replays its first
answer instead of committing twice.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError

from app.core.library import Library, SyncRecord
from cloud_sync.blobs import BlobTransfer
from cloud_sync.client import SyncClient
from cloud_sync.errors import ProtocolError
from cloud_sync.protocol import PushRequest, PushResult
from cloud_sync.report import SyncRun
from cloud_sync.resolve import Resolver
from cloud_sync.wire import checked, printable, to_wire

PUSH_BATCH = 100


class Pusher:
    def __init__(self, library: Library, client: SyncClient, blobs: BlobTransfer, resolver: Resolver,
                 device_id: str, batch: int = PUSH_BATCH) -> None:
        self.lib = library
        self.client = client
        self.blobs = blobs
        self.resolver = resolver
        self.device_id = device_id
        self.batch = batch

    def pending(self, run: SyncRun | None = None) -> list[SyncRecord]:
        """Every local change not yet acknowledged by the server (but those it refused in ``run``: a refused
        change stays a local change, and is sent again by the next sync, not by the same one)."""
        dirty = self.lib.dirty_items(limit=1_000_000)
        return [rec for rec in dirty if rec.id not in run.refused] if run is not None and run.refused else dirty

    def push_pending(self, run: SyncRun) -> None:
        dirty = self.pending(run)
        for start in range(0, len(dirty), self.batch):
            run.check_cancel()
            batch = dirty[start:start + self.batch]
            run.progress("push", start, len(dirty))
            self.blobs.upload([f for rec in batch if not rec.deleted for f in rec.files], run.report)
            request = PushRequest(device_id=self.device_id, idempotency_key=f"qd-{uuid.uuid4().hex}",
                                  changes=[to_wire(rec, self.device_id) for rec in batch])
            # Stored before sending: if the answer is lost, the retry reuses this key (see module doc).
            self.lib.outbox_put(request.model_dump(mode="json"))
            self._send(request, run)
        run.progress("push", len(dirty), len(dirty))

    def finish_inflight(self, run: SyncRun) -> None:
        """Send again the request whose answer the last sync never recorded."""
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
        self._send(request, run)

    def _send(self, request: PushRequest, run: SyncRun) -> None:
        try:
            response = self.client.push(request)
        except ProtocolError:
            # The server rejected this body for good; retrying the same key would fail forever. The items
            # are still dirty, so the next sync builds a fresh request.
            self.lib.outbox_clear()
            raise
        servers = {r.id: self._server_version(r.server, run) for r in response.results
                   if r.status == "conflict" and r.server is not None}
        for server in servers.values():
            if server is not None:
                self.blobs.download(server.files, run.report)
        # Our own records, read back; one that fails the wire checks (a local item with more tags than the wire
        # allows, say) is refused by the server too and stays a local change: it must not stop the sync.
        pushed = {rec.id: rec for rec in checked(request.changes)[0]}
        sizes = {str(f["sha256"]): int(f["size"]) for rec in pushed.values() for f in rec.files}
        missing = {sha: sizes[sha] for r in response.results if r.status == "missing_blobs" for sha in r.missing
                   if sha in sizes}
        with self.lib.transaction():
            for result in response.results:
                self._record(result, pushed, servers.get(result.id), run)
            self.lib.outbox_clear()
        self.blobs.upload_again(missing, run.report)

    def _server_version(self, raw: Any, run: SyncRun) -> SyncRecord | None:
        """The server's version from a conflict answer, or None when it cannot be applied (then quarantined)."""
        good, bad = checked([raw])
        if bad:
            self.lib.quarantine(bad)
            run.report.quarantined += len(bad)
            return None
        return good[0]

    def _record(self, result: PushResult, pushed: dict[str, SyncRecord], server: SyncRecord | None,
                run: SyncRun) -> None:
        if result.status == "applied" and result.rev is not None and result.id in pushed:
            self.lib.mark_pushed(pushed[result.id], result.rev)
            run.report.pushed += 1
        elif result.status == "rejected":
            # It stays a local change (nothing is lost); the reason is the server's, made printable.
            run.report.rejected.append(printable(result.reason or "no reason given"))
            run.refused.add(result.id)
        elif result.status == "conflict" and result.server is not None:
            local = self.lib.local_record(result.id)
            if server is None:
                # The server's version cannot be applied here (it is quarantined): ours, which can, goes on top.
                rev = result.server.get("rev")
                if local is not None and isinstance(rev, int) and not isinstance(rev, bool) and rev > 0:
                    self.lib.rebase(local.id, rev, self.lib.base_payload(local.id))
            elif local is None:
                self.resolver.apply(server, run.report)
            else:
                self.resolver.resolve(local, server, run.report)
