"""Reading the server's changes feed from the saved cursor and applying it, page by page.

Each page's records and the cursor that covers them are saved in one SQLite transaction, so a sync killed
between pages resumes after the last applied one. A pull that would delete many items stops first and asks. A
record this library cannot apply is quarantined with its reason in that same transaction, and the pull goes on.
"""

from __future__ import annotations

from app.core.library import Library, SyncRecord
from cloud_sync.blobs import BlobTransfer
from cloud_sync.client import SyncClient
from cloud_sync.errors import MassDeleteError
from cloud_sync.protocol import ChangesPage
from cloud_sync.report import SyncRun
from cloud_sync.resolve import Resolver
from cloud_sync.wire import checked

PULL_PAGE = 500
# A pull that deletes more than this many items, or more than half the library, needs the user's consent.
MASS_DELETE_ITEMS = 100
MASS_DELETE_SHARE = 0.5
MASS_DELETE_FLOOR = 5  # below this many deletions the share rule does not apply (1 of 2 items is no "mass")


class Puller:
    def __init__(self, library: Library, client: SyncClient, blobs: BlobTransfer, resolver: Resolver,
                 page: int = PULL_PAGE) -> None:
        self.lib = library
        self.client = client
        self.blobs = blobs
        self.resolver = resolver
        self.page = page

    def pull(self, run: SyncRun, confirm_mass_delete: bool) -> None:
        state = self.lib.sync_state()
        cursor = state["cursor"]
        pages: list[ChangesPage] = []
        while True:
            run.check_cancel()
            page = self.client.changes(cursor, self.page)
            pages.append(page)
            cursor = page.cursor
            run.progress("pull", sum(len(p.changes) for p in pages), 0)
            if not page.has_more:
                break
        library_id, epoch = state["library_id"], state["epoch"]
        if library_id is None:
            info = self.client.library_info()
            library_id, epoch = info.library_id, info.epoch
        pages_checked = [checked(p.changes) for p in pages]
        self._guard_mass_delete([rec for records, _bad in pages_checked for rec in records], confirm_mass_delete)
        total = sum(len(p.changes) for p in pages)
        done = 0
        for page, (records, bad) in zip(pages, pages_checked, strict=True):
            run.check_cancel()
            self.blobs.download([f for rec in records if not rec.deleted for f in rec.files], run.report)
            with self.lib.transaction():
                for rec in records:
                    self._pull_one(rec, run)
                # Set aside in the transaction that moves the cursor past them: the sync goes on, nothing is lost.
                self.lib.quarantine(bad)
                self.lib.save_cursor(library_id, epoch, page.cursor)
            run.report.quarantined += len(bad)
            done += len(page.changes)
            run.progress("pull", done, total)

    def _pull_one(self, remote: SyncRecord, run: SyncRun) -> None:
        local = self.lib.local_record(remote.id)
        if local is None:
            if not remote.deleted:
                self.resolver.apply(remote, run.report)
            return
        if not self.lib.is_dirty(remote.id):
            if local.rev is not None and (remote.rev or 0) <= local.rev:
                return  # our own push coming back, or already applied
            self.resolver.apply(remote, run.report)
            return
        if (remote.rev or 0) <= (local.base_rev or 0):
            return  # the local edit is already based on this version
        self.resolver.resolve(local, remote, run.report)

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
