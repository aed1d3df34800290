"""Reading the server's changes feed from the saved cursor and applying it, page by page.

Each page's records and the cursor that covers them are saved in one SQLite transaction, so a sync killed
between pages resumes after the last applied one. A pull that would delete many items stops first and asks. A
record this library cannot apply is quarantined with its reason in that same transaction, and the pull goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.core.library import Library, Quarantined, SyncRecord
from cloud_sync.blobs import BlobTransfer
from cloud_sync.client import SyncClient
from cloud_sync.errors import MassDeleteError
from cloud_sync.report import SyncRun
from cloud_sync.resolve import Resolver
from cloud_sync.wire import checked

PULL_PAGE = 500
HELD_PAGES = 4  # feed pages held for the mass-delete guard before a longer feed is read twice (bounded memory)
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
        """Read the feed from the saved cursor and apply it page by page.

        The mass-delete guard must see every pulled deletion before anything is applied, so pages are read
        and held first, up to :data:`HELD_PAGES` of them (the common case: read once, then applied). A longer
        feed is read on for the guard alone, keeping only what it needs, then read again from the same cursor
        and applied as each page comes: memory stays bounded however far behind the library is.
        """
        state = self.lib.sync_state()
        start = state["cursor"]
        guard = _DeleteGuard(self.lib)
        held: list[CheckedPage] | None = []
        seen = 0
        for page in self._pages(start, run):
            guard.see(page.records)
            if held is not None:
                held.append(page)
                if len(held) > HELD_PAGES:
                    held = None  # too far behind to hold it all: read on for the guard, then again to apply
            seen += page.size
            run.progress("pull", seen, 0)
        library_id, epoch = state["library_id"], state["epoch"]
        if library_id is None:
            info = self.client.library_info()
            library_id, epoch = info.library_id, info.epoch
        guard.check(confirmed=confirm_mass_delete)
        done = 0
        for page in held if held is not None else self._pages(start, run):
            run.check_cancel()
            self.blobs.download([f for rec in page.records if not rec.deleted for f in rec.files], run.report)
            with self.lib.transaction():
                for rec in page.records:
                    self._pull_one(rec, run)
                # Set aside in the transaction that moves the cursor past them: the sync goes on, nothing is lost.
                self.lib.quarantine(page.quarantined)
                self.lib.save_cursor(library_id, epoch, page.cursor)
            run.report.quarantined += len(page.quarantined)
            done += page.size
            run.progress("pull", done, seen)
            if done >= seen:
                break  # what arrived after the guard's read waits for the next pull (and its guard)

    def _pages(self, cursor: str | None, run: SyncRun) -> Iterator[CheckedPage]:
        """The feed from ``cursor``, one checked page at a time."""
        while True:
            run.check_cancel()
            page = self.client.changes(cursor, self.page)
            records, bad = checked(page.changes)
            yield CheckedPage(records, bad, page.cursor, len(page.changes))
            if not page.has_more:
                return
            cursor = page.cursor

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


@dataclass(frozen=True)
class CheckedPage:
    """A feed page sorted into the records to apply and the ones set aside; ``cursor`` covers all of them."""

    records: list[SyncRecord]
    quarantined: list[Quarantined]
    cursor: str
    size: int


class _DeleteGuard:
    """The mass-delete guard over a feed read page by page: the live, clean local items the pulled tombstones
    would delete (an item the feed brings back later is not counted)."""

    def __init__(self, library: Library) -> None:
        self.lib = library
        self.doomed: set[str] = set()

    def see(self, records: list[SyncRecord]) -> None:
        for rec in records:
            if rec.deleted:
                local = self.lib.local_record(rec.id)
                if local is not None and not local.deleted and not self.lib.is_dirty(rec.id):
                    self.doomed.add(rec.id)
            else:
                self.doomed.discard(rec.id)

    def check(self, confirmed: bool) -> None:
        total = self.lib.count() + self.lib.count(trashed=True)
        doomed = len(self.doomed)
        big = doomed > MASS_DELETE_ITEMS or (doomed >= MASS_DELETE_FLOOR and doomed > MASS_DELETE_SHARE * total)
        if big and not confirmed:
            raise MassDeleteError(doomed, total)
