"""The library operations the views need, over :class:`app.core.library.Library`: the UI's plain model of
the library (no Qt), typed, so views call methods rather than probing an object.

Keeping the calls in one small class keeps the widgets free of SQL-library details (paging, tag counts)
and gives the views one place to adapt if the core API grows. ``core`` is the library itself, for the parts
of the app that work on it directly (sync).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.library import Item, Library, resolve_library_dir
from app.core.library.models import SortKey
from app.core.spec import QrSpec

LIST_LIMIT = 500  # items shown at once; search narrows a bigger library


class LibraryStore:
    def __init__(self, library: Library) -> None:
        self.core: Library = library

    def items(self, query: str = "", tag: str | None = None, sort: SortKey | None = None,
              trashed: bool = False) -> list[Item]:
        page = self.core.list(query or "", tag=tag or None, trashed=trashed, sort=sort or "updated",
                              limit=LIST_LIMIT)
        return list(page.items)

    def tags(self) -> list[str]:
        return [tag for tag, _count in self.core.tags()]

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

    def duplicate(self, item_id: str) -> Item:
        return self.core.duplicate(item_id)

    def trash(self, item_ids: Iterable[str]) -> int:
        return self.core.trash(item_ids)

    def restore(self, item_ids: Iterable[str]) -> int:
        return self.core.restore(item_ids)

    def close(self) -> None:
        self.core.close()


def open_store(folder: str | None) -> LibraryStore:
    """Open the user's library (``--library``, ``$QRDESK_HOME`` or the user data folder)."""
    return LibraryStore(Library.open(resolve_library_dir(folder)))
