"""What the editor shows, relative to the library: a plain value (no Qt) the main window keeps.

A :class:`Document` says which library item the editor came from (none for a new code) and what the spec was
when it was last opened or saved. "Modified" is then a comparison of values, so no view has to remember to
set a flag, and undo back to the saved state makes the document unmodified again.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.library import Item
from app.core.spec import QrSpec
from app.ui.library_store import LibraryStore


@dataclass(frozen=True)
class Document:
    baseline: QrSpec  # the spec as opened, saved or started fresh
    item_id: str | None = None  # None: a new code, not in the library yet
    name: str = ""  # the library item's name ("" for a new code)

    @classmethod
    def from_item(cls, item: Item) -> Document:
        return cls(item.spec, item.id, item.name)

    @property
    def in_library(self) -> bool:
        return self.item_id is not None

    def is_modified(self, spec: QrSpec) -> bool:
        return spec != self.baseline


def save_document(store: LibraryStore, document: Document, spec: QrSpec) -> Document:
    """Write ``spec`` to the library (a new item, or over the one the document came from)."""
    if document.item_id is None:
        return Document.from_item(store.add_spec(spec))  # the library names it from the payload
    return Document.from_item(store.update_spec(document.item_id, spec))
