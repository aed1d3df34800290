"""The sync engine: push local changes, pull remote ones, merge, and never lose an edit.

One :meth:`SyncEngine.sync` is: check the server's library id/epoch (a change means a full resync that keeps
local-only items), finish a push that was in flight when the last run died, push dirty items in batches with
their blobs, pull the changes feed from the saved cursor, and push again whatever the merges produced.

Every step is resumable after a crash (even SIGKILL). The jobs live in modules of their own: ``push``
(outbox, batches, answers), ``pull`` (feed, mass-delete guard), ``resolve`` with ``merge`` (what a record
both sides changed becomes), ``blobs`` (file transfers), ``wire`` (library records ↔ protocol records) and
``report``. The library's side (dirty items, merge bases, outbox, cursor) is its public API.
"""

from __future__ import annotations

import platform
from collections.abc import Callable

from app.core.library import Item, Library
from cloud_sync.blobs import TRANSFERS, BlobTransfer
from cloud_sync.client import SyncClient
from cloud_sync.errors import ResyncRequired
from cloud_sync.protocol import LibraryInfo
from cloud_sync.pull import PULL_PAGE, Puller
from cloud_sync.push import PUSH_BATCH, Pusher
from cloud_sync.report import SyncProgress, SyncReport, SyncRun
from cloud_sync.resolve import Resolver

__all__ = ["SyncEngine", "SyncProgress", "SyncReport", "conflict_copies"]

MAX_ROUNDS = 4  # push/pull rounds per sync; merges and conflict copies need a second push


class SyncEngine:
    """Syncs one open (writable) :class:`Library` with one server through ``client``."""

    def __init__(self, library: Library, client: SyncClient, *, device_id: str | None = None,
                 device_label: str | None = None, push_batch: int = PUSH_BATCH, pull_page: int = PULL_PAGE,
                 transfers: int = TRANSFERS) -> None:
        self.lib = library
        self.client = client
        self.device_id = device_id or library.device_id
        self.device_label = device_label or platform.node() or self.device_id[:8]
        blobs = BlobTransfer(library.files, client, transfers)
        resolver = Resolver(library, self.device_label)
        self._push = Pusher(library, client, blobs, resolver, self.device_id, push_batch)
        self._pull = Puller(library, client, blobs, resolver, pull_page)

    def sync(self, progress: SyncProgress | None = None, cancel: Callable[[], bool] | None = None, *,
             confirm_mass_delete: bool = False) -> SyncReport:
        """Run one full sync. Raises a :class:`~cloud_sync.errors.SyncError` subclass on failure; whatever
        was done before the failure is kept and the next call resumes from there."""
        run = SyncRun(SyncReport())
        if progress is not None:
            run.progress = progress
        if cancel is not None:
            run.cancel = cancel
        info = self.client.library_info()
        state = self.lib.sync_state()
        if state["library_id"] is not None and (state["library_id"], state["epoch"]) != (info.library_id,
                                                                                           info.epoch):
            self._start_resync(info, run)
        self._push.finish_inflight(run)
        for _round in range(MAX_ROUNDS):
            self._push.push_pending(run)
            try:
                self._pull.pull(run, confirm_mass_delete)
            except ResyncRequired:
                self._start_resync(self.client.library_info(), run)
                self._pull.pull(run, confirm_mass_delete)
            if not self._push.pending(run):
                break
        run.report.pending = len(self._push.pending())
        return run.report

    def pending_changes(self) -> int:
        """Local changes not yet on the server."""
        return len(self._push.pending())

    def _start_resync(self, info: LibraryInfo, run: SyncRun) -> None:
        """The server's log is not the one our cursor and revs refer to (reset, new server, new epoch).

        Union merge: every local item becomes a new local change (rev forgotten, merge base kept), the
        feed is read from the start, and whatever the server has is merged in; nothing is deleted.
        Unsent deletions stay: the merge keeps them unless the server's copy was edited since the merge base.
        """
        run.report.resynced = True
        with self.lib.transaction():
            self.lib.outbox_clear()
            self.lib.forget_sync_revisions()
            self.lib.save_cursor(info.library_id, info.epoch, None)


def conflict_copies(library: Library) -> list[Item]:
    """Conflict copies still in the library (made by any machine): the "conflicts to review" list.

    A copy stays listed until the user deletes it or clears it by keeping it as a normal item.
    """
    return [item for item in library.all_items() if item.conflict_of]
