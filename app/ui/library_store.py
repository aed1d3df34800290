"""The library operations the views need, over :class:`app.core.library.Library`: the UI's plain model of
the library (no Qt), typed, so views call methods rather than probing an object.

Keeping the calls in one small class keeps the widgets free of SQL-library details (paging, tag counts)
and gives the views one place to adapt if the core API grows. ``core`` is the library itself, for the parts
of the app that work on it directly (sync).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.library import Item, Library, Page, archive, resolve_library_dir
from app.core.library.models import SortKey
from app.core.spec import QrSpec

PAGE_LIMIT = 1000  # the most a page can hold (app.core.library.query.MAX_PAGE)


@dataclass(frozen=True)
class Listing:
    """What the library grid lists: the search text, tag filter, sort order and whether it shows the trash."""

    query: str = ""
    tag: str | None = None
    sort: SortKey = "updated"
    trashed: bool = False


class LibraryStore:
    def __init__(self, library: Library) -> None:
        self.core: Library = library

    def page(self, listing: Listing, offset: int = 0, limit: int = 200) -> Page:
        """One page of ``listing`` (the views fetch the next page as the user scrolls)."""
        return self.core.list(listing.query, tag=listing.tag or None, trashed=listing.trashed, sort=listing.sort,
                              limit=limit, offset=offset)

    def count(self, listing: Listing) -> int:
        """Exactly how many items ``listing`` holds (slower than a page's total for a broad search)."""
        return self.core.count(listing.query, tag=listing.tag or None, trashed=listing.trashed)

    def items(self, listing: Listing | None = None) -> list[Item]:
        """Every item of ``listing`` (for small jobs and tests; views page through :meth:`page`)."""
        listing = listing or Listing()
        found: list[Item] = []
        while True:
            page = self.page(listing, offset=len(found), limit=PAGE_LIMIT)
            found.extend(page.items)
            if len(page.items) < PAGE_LIMIT:
                return found

    def tags(self) -> list[str]:
        return self.core.tag_names()

    def get(self, item_id: str) -> Item:
        return self.core.get(item_id)

    def add_spec(self, spec: QrSpec, name: str = "", tags: Iterable[str] = ()) -> Item:
        """A new item; without a name the library names it from the payload."""
        return self.core.add(spec, name=name, tags=tags)

    def update_spec(self, item_id: str, spec: QrSpec) -> Item:
        return self.core.update(item_id, spec=spec)

    def rename(self, item_id: str, name: str) -> None:
        self.core.rename(item_id, name)

    def set_tags(self, item_id: str, tags: Iterable[str]) -> None:
        self.core.update(item_id, tags=tags)

    def retag(self, item_ids: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = ()) -> int:
        """Add and remove tags on every item, in one transaction; an item's other tags stay."""
        add, remove = tuple(add), tuple(remove)
        count = 0
        with self.core.transaction():
            for item_id in item_ids:
                self.core.retag(item_id, add=add, remove=remove)
                count += 1
        return count

    def set_notes(self, item_id: str, notes: str) -> None:
        self.core.update(item_id, notes=notes)

    def duplicate(self, item_id: str) -> Item:
        return self.core.duplicate(item_id)

    def trash(self, item_ids: Iterable[str]) -> int:
        return self.core.trash(item_ids)

    def restore(self, item_ids: Iterable[str]) -> int:
        return self.core.restore(item_ids)

    def delete_forever(self, item_ids: Iterable[str]) -> int:
        """Delete items for good (no undo; the views ask first)."""
        return self.core.delete_forever(item_ids)

    def empty_trash(self) -> int:
        return self.core.empty_trash()

    def export_archive(self, target: Path) -> int:
        """The whole library (trash included) and its files as one ZIP; returns the item count."""
        return archive.export_archive(self.core, target)

    def import_archive(self, source: Path) -> archive.ImportReport:
        """Merge an archive in (all or nothing; importing the same archive twice adds nothing)."""
        return archive.import_archive(self.core, source)

    def close(self) -> None:
        self.core.close()


def open_store(folder: str | None) -> LibraryStore:
    """Open the user's library (``--library``, else the profile's: see :mod:`app.core.profile`)."""
    return LibraryStore(Library.open(resolve_library_dir(folder)))
