"""Library browser: a thumbnail grid over the SQLite library, with search, tag filter and sort.

``LibraryModel`` is a ``QAbstractListModel`` over a list of items fetched from the library; thumbnails
are rendered lazily in workers the first time a row is painted and cached by content, so scrolling a
big library never renders on the GUI thread. The panel calls the :class:`LibraryStore` for every change
(rename, retag, duplicate, trash, restore) and reloads the list; opening an item emits it to the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PIL import Image
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.core.encode import encode
from app.core.errors import QrDeskError
from app.core.library import Item
from app.core.render import render_image
from app.core.spec import QrSpec
from app.ui.errors import show_error
from app.ui.imaging import pil_to_qimage
from app.ui.library_store import LibraryStore
from app.ui.text import elide
from app.ui.workers import Task, submit

log = logging.getLogger("qrdesk.ui")

THUMB_PX = 96
ItemIdRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2  # the whole Item
SORTS = (("Recently changed", "updated"), ("Name", "name"), ("Recently created", "created"))


def render_thumbnail(key: str, spec: QrSpec) -> tuple[str, QImage | None]:
    """Runs in a worker: a small picture of the code (None when the item cannot be encoded)."""
    try:
        code = encode(spec.data(), spec.style)
        module_px = max(1, THUMB_PX // (code.size + 2 * spec.style.quiet_zone))
        image = render_image(code, spec.style, module_px=module_px)
    except (QrDeskError, ImportError):
        return key, None
    # Whole-pixel modules (crisp), centred on a fixed-size transparent cell so the grid lines up.
    cell = Image.new("RGBA", (max(THUMB_PX, image.width), max(THUMB_PX, image.height)), (0, 0, 0, 0))
    cell.paste(image, ((cell.width - image.width) // 2, (cell.height - image.height) // 2))
    return key, pil_to_qimage(cell)


class LibraryModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Item] = []
        self._thumbs: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._placeholder = QPixmap(THUMB_PX, THUMB_PX)
        self._placeholder.fill(QColor(0, 0, 0, 0))

    def set_items(self, items: list[Item]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name or "(untitled)"
        if role == Qt.ItemDataRole.ToolTipRole:
            tags = ", ".join(item.tags)
            return f"{item.name}\n{elide(item.spec.data(), 80)}" + (f"\nTags: {tags}" if tags else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon(self._thumbnail(item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.name}, {item.spec.kind} code"
        if role == ItemIdRole:
            return item.id
        if role == ItemRole:
            return item
        return None

    def _thumbnail(self, item: Item) -> QPixmap:
        key = _thumb_key(item)
        pixmap = self._thumbs.get(key)
        if pixmap is not None:
            return pixmap
        if key not in self._pending:
            self._pending.add(key)
            task = Task(render_thumbnail, key, item.spec)
            task.signals.finished.connect(self._thumbnail_ready)
            submit(task)
        return self._placeholder

    def _thumbnail_ready(self, outcome: tuple[str, QImage | None]) -> None:
        key, image = outcome
        self._pending.discard(key)
        pixmap = QPixmap.fromImage(image) if image is not None else self._placeholder
        self._thumbs[key] = pixmap
        for row, item in enumerate(self.items):
            if _thumb_key(item) == key:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def thumbnail_ready(self, row: int) -> bool:
        return _thumb_key(self.items[row]) in self._thumbs


def _thumb_key(item: Item) -> str:
    return item.spec.to_json()  # same look, same thumbnail: a rename does not re-render


class LibraryPanel(QWidget):
    """Search, filter, sort and the grid; emits ``open_requested(item)`` on activation."""

    open_requested = Signal(object)  # the Item to open in the editor

    def __init__(self, library: LibraryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("libraryPanel")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library  (Ctrl+F)")
        self.search.setAccessibleName("Search the library")
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort by")
        for label, key in SORTS:
            self.sort.addItem(label, key)
        self.show_trash = QCheckBox("Trash")
        self.show_trash.setAccessibleName("Show the trash")
        self.model = LibraryModel(self)
        self.view = QListView()
        self.view.setAccessibleName("Library items")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.view.setGridSize(QSize(THUMB_PX + 36, THUMB_PX + 36))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.count = QLabel()
        self.count.setObjectName("libraryCount")

        title = QLabel("Library")
        font = title.font()  # a font, not a stylesheet of its own (see app/ui/themes.py)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.sort, 1)
        filters.addWidget(self.show_trash)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 4, 12)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self.refresh)
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.sort.currentIndexChanged.connect(self.refresh)
        self.show_trash.toggled.connect(self.refresh)
        self.refresh()

    # -- listing ------------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        try:
            self._reload_tags()
            items = self.library.items(query=self.search.text(), tag=self.tag_filter.currentData(),
                                       sort=self.sort.currentData(), trashed=self.show_trash.isChecked())
        except (QrDeskError, OSError) as exc:
            show_error(self, "Library", exc)
            return
        self.model.set_items(items)
        noun = "item" if len(items) == 1 else "items"
        self.count.setText(f"{len(items)} {noun}" + (" in the trash" if self.show_trash.isChecked() else ""))

    def _reload_tags(self) -> None:
        current = self.tag_filter.currentData()
        tags = self.library.tags()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in tags:
            self.tag_filter.addItem(f"#{tag}", tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def selected_ids(self) -> list[str]:
        return [index.data(ItemIdRole) for index in self.view.selectionModel().selectedIndexes()]

    # -- actions --------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = index.data(ItemRole)
        if isinstance(item, Item):
            self.open_requested.emit(item)

    def open_row(self, row: int) -> None:
        self._activated(self.model.index(row))

    def _run(self, title: str, fn: Callable[..., object], *args: Any) -> None:
        try:
            fn(*args)
        except (QrDeskError, OSError, KeyError) as exc:
            show_error(self, title, exc)
        self.refresh()

    def rename_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        item = self.library.get(ids[0])
        name, ok = QInputDialog.getText(self, "Rename", "Name:", text=item.name)
        if ok and name.strip():
            self._run("Rename failed", self.library.rename, ids[0], name.strip())

    def retag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = self.library.get(ids[0])
        text, ok = QInputDialog.getText(self, "Tags", "Tags (comma separated):", text=", ".join(first.tags))
        if ok:
            tags = tuple(t.strip() for t in text.split(",") if t.strip())
            self._run("Retag failed", _each(lambda item_id: self.library.set_tags(item_id, tags), ids))

    def duplicate_selected(self) -> None:
        self._run("Duplicate failed", _each(self.library.duplicate, self.selected_ids()))

    def trash_selected(self) -> None:
        self._run("Delete failed", self.library.trash, self.selected_ids())

    def restore_selected(self) -> None:
        self._run("Restore failed", self.library.restore, self.selected_ids())

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        if self.show_trash.isChecked():
            menu.addAction("Restore", self.restore_selected)
        else:
            menu.addAction("Open", lambda: self._activated(self.view.currentIndex()))
            menu.addAction("Rename…", self.rename_selected)
            menu.addAction("Tags…", self.retag_selected)
            menu.addAction("Duplicate", self.duplicate_selected)
            menu.addSeparator()
            menu.addAction("Move to trash", self.trash_selected)
        menu.exec(self.view.viewport().mapToGlobal(pos))


def _each(fn: Callable[[str], object], item_ids: list[str]) -> Callable[[], None]:
    """One call of ``fn`` per item, as a single step for ``LibraryPanel._run``."""

    def run() -> None:
        for item_id in item_ids:
            fn(item_id)

    return run
