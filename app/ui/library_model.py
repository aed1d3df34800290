"""The library grid's model: a paged ``QAbstractListModel`` over the SQLite library, with lazy thumbnails.

A library of 100,000 items is never loaded at once. The model holds the rows fetched so far and the view
asks for more as it scrolls (``canFetchMore``/``fetchMore``), one page of :data:`PAGE_SIZE` at a time; a page is
a few milliseconds of SQLite on the GUI thread. The count is exact: a plain listing is counted with its first
page, and a broad search (whose page total the core caps at 1,000 to keep typing fast) is counted exactly in a
worker, shown as "1,000+" until then.

Thumbnails are rendered in workers the first time a row is painted, at the screen's device pixel ratio with
whole-pixel modules (sharp on a 2x screen), and cached by content and ratio, so a rename does not re-render.
"""

from __future__ import annotations

import logging
from typing import Any

from PIL import Image
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QWidget

from app.core.encode import encode
from app.core.errors import QrDeskError
from app.core.library import Item
from app.core.payloads import shown_payload
from app.core.render import render_image
from app.core.spec import QrSpec
from app.ui.imaging import pil_to_qimage
from app.ui.library_store import LibraryStore, Listing
from app.ui.text import elide
from app.ui.workers import Task, submit

log = logging.getLogger("qrdesk.ui")

THUMB_PX = 96  # the thumbnail's size in device-independent pixels
PAGE_SIZE = 200  # rows fetched at a time: a screenful or two of thumbnails
ItemIdRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2  # the whole Item


def render_thumbnail(key: tuple[str, float], spec: QrSpec) -> tuple[tuple[str, float], QImage | None]:
    """Runs in a worker: the code in a ``THUMB_PX`` cell at device pixel ratio ``key[1]`` (None when the item
    cannot be encoded). Modules are whole physical pixels, so nothing is smoothed when the view paints it."""
    ratio = key[1]
    cell_px = round(THUMB_PX * ratio)
    try:
        code = encode(spec.data(), spec.style)
        module_px = max(1, cell_px // (code.size + 2 * spec.style.quiet_zone))
        image = render_image(code, spec.style, module_px=module_px)
    except (QrDeskError, ImportError):
        return key, None
    # Centred on a fixed-size transparent cell so the grid lines up.
    cell = Image.new("RGBA", (max(cell_px, image.width), max(cell_px, image.height)), (0, 0, 0, 0))
    cell.paste(image, ((cell.width - image.width) // 2, (cell.height - image.height) // 2))
    return key, pil_to_qimage(cell)


class LibraryModel(QAbstractListModel):
    """The items of one :class:`Listing`, fetched page by page."""

    count_changed = Signal()  # total / total_is_exact changed

    def __init__(self, store: LibraryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.listing = Listing()
        self.items: list[Item] = []
        self.total = 0
        self.total_is_exact = True
        self._generation = 0  # bumped by every reset, so a late exact count of an old listing is dropped
        self._more = False
        self._ratio = 1.0
        self._thumbs: dict[tuple[str, float], QPixmap] = {}
        self._rows_by_key: dict[tuple[str, float], list[int]] = {}
        self._pending: set[tuple[str, float]] = set()
        self._placeholder = QPixmap(THUMB_PX, THUMB_PX)
        self._placeholder.fill(QColor(0, 0, 0, 0))

    # -- listing ----------------------------------------------------------------------------------
    def set_listing(self, listing: Listing) -> None:
        """List ``listing`` from its first page (raises what the library raises; the model is then empty)."""
        self.beginResetModel()
        self._generation += 1
        self.listing = listing
        self.items, self._rows_by_key, self.total, self.total_is_exact, self._more = [], {}, 0, True, True
        try:
            self.items = self._next_page()
        finally:
            self.endResetModel()
        if not self.total_is_exact:
            self._count_exactly()
        self.count_changed.emit()

    def reload(self) -> None:
        """The same listing again (after a change), keeping as many rows as were fetched."""
        wanted = len(self.items)
        self.set_listing(self.listing)
        while len(self.items) < wanted and self.canFetchMore():
            self.fetchMore()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        exact_before = self.total_is_exact
        fresh = self._next_page()
        if fresh:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.items.extend(fresh)
            self.endInsertRows()
        if self.total_is_exact != exact_before:
            self.count_changed.emit()

    def _next_page(self) -> list[Item]:
        """The next page's items not listed yet; updates whether there are more and the count."""
        page = self.store.page(self.listing, offset=len(self.items), limit=PAGE_SIZE)
        known = {item.id for item in self.items[-PAGE_SIZE:]}  # an item edited meanwhile may move down a page
        fresh = [item for item in page.items if item.id not in known]
        self._more = len(page.items) == PAGE_SIZE
        listed = len(self.items) + len(fresh)
        if not self.items:
            self.total, self.total_is_exact = max(page.total, listed), page.total_is_exact
        if not self.total_is_exact:
            # Walked to the end of a search counted "1,000+": the rows are the exact count.
            self.total, self.total_is_exact = (listed, True) if not self._more else (max(self.total, listed), False)
        return fresh

    def _count_exactly(self) -> None:
        generation = self._generation
        task = Task(self.store.count, self.listing)
        task.signals.finished.connect(lambda total: self._counted(generation, total))
        task.signals.failed.connect(lambda exc: log.warning("counting the library failed: %s", exc))
        submit(task)

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation and not self.total_is_exact:
            self.total, self.total_is_exact = max(total, len(self.items)), True
            self.count_changed.emit()

    def fetch_all(self) -> None:
        """Fetch every remaining row (Select all means all, not the rows scrolled past)."""
        while self.canFetchMore():
            self.fetchMore()

    # -- rows -------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name or self.tr("(untitled)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon(self._thumbnail(index.row(), item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{name}, {kind} code").format(name=item.name, kind=item.spec.kind)
        if role == ItemIdRole:
            return item.id
        if role == ItemRole:
            return item
        return None

    def _tooltip(self, item: Item) -> str:
        spec = item.spec
        lines = [item.name, elide(shown_payload(spec.kind, spec.fields, spec.data()), 80)]  # never a password
        if item.tags:
            lines.append(self.tr("Tags: {tags}").format(tags=", ".join(item.tags)))
        if item.notes.strip():
            lines.append(self.tr("Notes: {notes}").format(notes=elide(item.notes, 120)))
        return "\n".join(lines)

    def row_of(self, item_id: str) -> int:
        """The row showing ``item_id`` among the rows fetched so far (-1: not fetched or not listed)."""
        return next((row for row, item in enumerate(self.items) if item.id == item_id), -1)

    # -- thumbnails -------------------------------------------------------------------------------
    def set_device_pixel_ratio(self, ratio: float) -> None:
        """Render thumbnails for a screen with this device pixel ratio (2.0 on a "Retina"/HiDPI screen)."""
        ratio = max(1.0, float(ratio))
        if ratio != self._ratio:
            self._ratio = ratio
            if self.items:
                self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1),
                                      [Qt.ItemDataRole.DecorationRole])

    def _thumbnail(self, row: int, item: Item) -> QPixmap:
        key = (item.spec.to_json(), self._ratio)  # same look, same thumbnail
        rows = self._rows_by_key.setdefault(key, [])
        if row not in rows:
            rows.append(row)
        pixmap = self._thumbs.get(key)
        if pixmap is not None:
            return pixmap
        if key not in self._pending:
            self._pending.add(key)
            task = Task(render_thumbnail, key, item.spec)
            task.signals.finished.connect(self._thumbnail_ready)
            submit(task)
        return self._placeholder

    def _thumbnail_ready(self, outcome: tuple[tuple[str, float], QImage | None]) -> None:
        key, image = outcome
        self._pending.discard(key)
        if image is None:
            pixmap = self._placeholder
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(key[1])
        self._thumbs[key] = pixmap
        for row in self._rows_by_key.get(key, ()):
            if row < len(self.items):
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def thumbnail_ready(self, row: int) -> bool:
        return (self.items[row].spec.to_json(), self._ratio) in self._thumbs
