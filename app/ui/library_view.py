"""Library browser: a thumbnail grid over the whole library, with search, tag filter, sort and the trash.

The grid shows a :class:`LibraryModel` (paged, so a library of any size scrolls to its end). Every command on
items is a ``QAction`` of the panel, scoped to the grid (Delete and F2 act on the library only when it has
focus, never on a text field) and placed by the window in its Edit menu and by the panel in the context menu.
The panel asks the :class:`LibraryStore` for every change and reloads the rows it has; opening an item emits
it to the window. Dialogs are opened window-modal and non-blocking (``open()``), with object names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QDrag, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QrDeskError
from app.core.library import Item
from app.core.library.archive import ImportReport
from app.ui.drag_out import DragFolder, drag_data
from app.ui.errors import show_error
from app.ui.library_model import THUMB_PX, ItemIdRole, ItemRole, LibraryModel
from app.ui.library_store import LibraryStore, Listing
from app.ui.tags_dialog import TagsDialog
from app.ui.workers import Task, submit

log = logging.getLogger("qrdesk.ui")

__all__ = ["ItemIdRole", "ItemRole", "LibraryPanel"]


class LibraryGrid(QListView):
    """The thumbnail grid: follows the screen's pixel ratio, and drags items out as files and pictures."""

    def __init__(self, model: LibraryModel, drag: Callable[[list[Item]], object]) -> None:
        super().__init__()
        self._drag = drag
        self.setModel(model)
        self.setAccessibleName(self.tr("Library items"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setGridSize(QSize(THUMB_PX + 36, THUMB_PX + 36))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def library_model(self) -> LibraryModel:
        model = self.model()
        assert isinstance(model, LibraryModel)
        return model

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.library_model().set_device_pixel_ratio(self.devicePixelRatioF())

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.ScreenChangeInternal):
            self.library_model().set_device_pixel_ratio(self.devicePixelRatioF())
        return super().event(event)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        items = [index.data(ItemRole) for index in self.selectedIndexes()]
        self._drag([item for item in items if isinstance(item, Item)])


class LibraryPanel(QWidget):
    """Search, filter, sort and the grid; emits ``open_requested(item)`` on activation."""

    open_requested = Signal(object)  # the Item to open in the editor
    message = Signal(str)  # a short outcome for the status bar ("3 items moved to the trash")

    def __init__(self, library: LibraryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("libraryPanel")
        self.drag_format: Callable[[], str] = lambda: "png"  # the window hands in the preferences
        self.drag_verify: Callable[[], bool] = lambda: True
        self._drag_folder = DragFolder()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the library  ({keys})").format(
            keys=QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort by"))
        for label, key in ((self.tr("Recently changed"), "updated"), (self.tr("Name"), "name"),
                           (self.tr("Recently created"), "created")):
            self.sort.addItem(label, key)
        self.show_trash = QCheckBox(self.tr("Trash"))
        self.show_trash.setAccessibleName(self.tr("Show the trash"))
        self.model = LibraryModel(library, self)
        self.view = LibraryGrid(self.model, self.drag_out)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.count = QLabel()
        self.count.setObjectName("libraryCount")
        self.empty_trash_button = QPushButton(self.tr("Empty trash…"))
        self.empty_trash_button.setVisible(False)
        self._create_actions()
        self.empty_trash_button.clicked.connect(self.act_empty_trash.trigger)

        title = QLabel(self.tr("Library"))
        font = title.font()  # a font, not a stylesheet of its own (see app/ui/themes.py)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.sort, 1)
        filters.addWidget(self.show_trash)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.empty_trash_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 4, 12)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

        self.search.textChanged.connect(self.relist)
        self.tag_filter.currentIndexChanged.connect(self.relist)
        self.sort.currentIndexChanged.connect(self.relist)
        self.show_trash.toggled.connect(self.relist)
        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._update_actions)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.relist()

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey

        def action(text: str, slot: Callable[[], object],
                   shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
            act = QAction(text, self)
            if isinstance(shortcut, QKeySequence.StandardKey):
                act.setShortcuts(shortcut)  # every binding the platform has (Delete: Del, and Backspace on macOS)
            elif shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            # Only while the grid has focus: Delete in a text field deletes text, not library items.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False: slot())
            self.view.addAction(act)
            return act

        self.act_open = action(self.tr("Open"), lambda: self._activated(self.view.currentIndex()))
        self.act_rename = action(self.tr("Rename…"), self.rename_selected, "F2")
        self.act_tags = action(self.tr("Tags…"), self.retag_selected, "Ctrl+T")
        self.act_notes = action(self.tr("Notes…"), self.edit_notes)
        self.act_duplicate = action(self.tr("Duplicate"), self.duplicate_selected)
        self.act_delete = action(self.tr("Move to trash"), self.delete_selected, key.Delete)
        self.act_restore = action(self.tr("Restore"), self.restore_selected)
        self.act_delete_forever = action(self.tr("Delete for good…"), self.delete_forever_selected, "Shift+Del")
        self.act_empty_trash = action(self.tr("Empty trash…"), self.empty_trash)
        self.act_delete_forever.setObjectName("deleteForever")

    # -- listing ------------------------------------------------------------------------------
    def listing(self) -> Listing:
        return Listing(self.search.text(), self.tag_filter.currentData(), self.sort.currentData(),
                       self.show_trash.isChecked())

    def relist(self, *_args: object) -> None:
        """List from the top (after the search, filter, sort or trash choice changed)."""
        self._load(self.model.set_listing, self.listing())

    def refresh(self, *_args: object) -> None:
        """Reload after a change, keeping the rows already scrolled through."""
        self._load(lambda _listing: self.model.reload(), self.listing())

    def _load(self, load: Callable[[Listing], None], listing: Listing) -> None:
        try:
            self._reload_tags()
            load(listing)
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Library"), exc)
        self.empty_trash_button.setVisible(listing.trashed)
        self._update_actions()

    def _show_count(self) -> None:
        total = self.model.total
        if not self.model.total_is_exact:
            text = self.tr("{count}+ items").format(count=QLocale().toString(total))
        elif self.model.listing.trashed:
            text = self.tr("%Ln item(s) in the trash", "", total)
        else:
            text = self.tr("%Ln item(s)", "", total)
        self.count.setText(text)
        self.empty_trash_button.setEnabled(self.model.listing.trashed and total > 0)

    def _reload_tags(self) -> None:
        current = self.tag_filter.currentData()
        tags = self.library.tags()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(f"#{tag}", tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def selected_items(self) -> list[Item]:
        items = [index.data(ItemRole) for index in self.view.selectionModel().selectedIndexes()]
        return [item for item in items if isinstance(item, Item)]

    def selected_ids(self) -> list[str]:
        return [item.id for item in self.selected_items()]

    def select_item(self, item_id: str) -> None:
        """Make ``item_id`` the current, only selected item (when it is among the rows listed so far)."""
        row = self.model.row_of(item_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _update_actions(self) -> None:
        count = len(self.view.selectionModel().selectedIndexes())
        trash = self.model.listing.trashed
        for act, enabled in ((self.act_open, count == 1 and not trash), (self.act_rename, count == 1 and not trash),
                             (self.act_tags, count > 0 and not trash), (self.act_notes, count == 1 and not trash),
                             (self.act_duplicate, count > 0 and not trash), (self.act_delete, count > 0 and not trash),
                             (self.act_restore, count > 0 and trash), (self.act_delete_forever, count > 0),
                             (self.act_empty_trash, trash and self.model.total > 0)):
            act.setEnabled(enabled)

    # -- commands -------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = index.data(ItemRole)
        if isinstance(item, Item) and not item.trashed:
            self.open_requested.emit(item)

    def open_row(self, row: int) -> None:
        self._activated(self.model.index(row))

    def _run(self, title: str, fn: Callable[..., Any], *args: Any,
             done: Callable[[int], str] | None = None) -> bool:
        """``fn(*args)``, then the rows reloaded; a failure becomes a message box, a count ``done(count)``."""
        try:
            result = fn(*args)
        except (QrDeskError, OSError, KeyError) as exc:
            show_error(self, title, exc)
            self.refresh()
            return False
        self.refresh()
        if done is not None and isinstance(result, int):
            self.message.emit(done(result))
        return True

    def rename_selected(self) -> None:
        items = self.selected_items()
        if len(items) != 1:
            return
        item = items[0]
        dialog = self._input(self.tr("Rename"), self.tr("Name:"), item.name, "renameDialog")
        dialog.textValueSelected.connect(
            lambda name: name.strip() and self._run(self.tr("Rename failed"), self.library.rename, item.id,
                                                    name.strip()))
        dialog.open()

    def edit_notes(self) -> None:
        items = self.selected_items()
        if len(items) != 1:
            return
        item = items[0]
        dialog = self._input(self.tr("Notes"), self.tr("Notes on “{name}”:").format(name=item.name), item.notes,
                             "notesDialog")
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.textValueSelected.connect(
            lambda notes: self._run(self.tr("Saving the notes failed"), self.library.set_notes, item.id, notes))
        dialog.open()

    def _input(self, title: str, label: str, text: str, name: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def retag_selected(self) -> TagsDialog | None:
        items = self.selected_items()
        if not items:
            return None
        ids = [item.id for item in items]
        dialog = TagsDialog(items, self.library.tags(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            change = dialog.change()
            if change:
                self._run(self.tr("Changing tags failed"), self.library.retag, ids, change.add, change.remove)

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        self._run(self.tr("Duplicate failed"), lambda: len([self.library.duplicate(i) for i in ids]),
                  done=lambda n: self.tr("Duplicated %n item(s)", "", n))

    def delete_selected(self) -> None:
        """Delete: to the trash from the library; for good (after asking) from the trash."""
        if self.model.listing.trashed:
            self.delete_forever_selected()
        else:
            self.trash_selected()

    def trash_selected(self) -> None:
        self._run(self.tr("Delete failed"), self.library.trash, self.selected_ids(),
                  done=lambda n: self.tr("Moved %n item(s) to the trash", "", n))

    def restore_selected(self) -> None:
        self._run(self.tr("Restore failed"), self.library.restore, self.selected_ids(),
                  done=lambda n: self.tr("Restored %n item(s)", "", n))

    def delete_forever_selected(self) -> QMessageBox | None:
        ids = self.selected_ids()
        if not ids:
            return None
        return self._confirm(self.tr("Delete for good?"),
                             self.tr("Delete %n item(s) for good? This cannot be undone.", "", len(ids)),
                             lambda: self._run(self.tr("Delete failed"), self.library.delete_forever, ids,
                                               done=lambda n: self.tr("Deleted %n item(s) for good", "", n)))

    def empty_trash(self) -> QMessageBox | None:
        count = self.library.count(Listing(trashed=True))
        if not count:
            return None
        return self._confirm(self.tr("Empty the trash?"),
                             self.tr("Delete the %n item(s) in the trash for good? This cannot be undone.", "",
                                     count),
                             lambda: self._run(self.tr("Emptying the trash failed"), self.library.empty_trash,
                                               done=lambda n: self.tr("Deleted %n item(s) for good", "", n)))

    def _confirm(self, title: str, text: str, then: Callable[[], object]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmDeleteBox")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is delete and then())
        box.open()
        return box

    # -- archives -------------------------------------------------------------------------------
    def export_archive(self, target: Path | None = None) -> Task | None:
        """The whole library (trash included) with its files as one ZIP, written in a worker."""
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export library archive"),
                                                  str(Path.home() / "qrdesk-library.zip"),
                                                  self.tr("QRDesk library archive (*.zip)"))
            if not name:
                return None
            target = Path(name) if Path(name).suffix else Path(name).with_suffix(".zip")
        task = Task(self.library.export_archive, target)
        task.signals.finished.connect(
            lambda n: self.message.emit(self.tr("Exported %n item(s) to {file}", "", n).format(file=target.name)))
        task.signals.failed.connect(lambda exc: show_error(self, self.tr("Export library archive failed"), exc))
        self.message.emit(self.tr("Exporting the library to {file}…").format(file=target.name))
        return submit(task)

    def import_archive(self, source: Path | None = None) -> Task | None:
        """Merge a library archive in (all or nothing), in a worker; the grid reloads after."""
        if source is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import library archive"), str(Path.home()),
                                                  self.tr("QRDesk library archive (*.zip)"))
            if not name:
                return None
            source = Path(name)
        task = Task(self.library.import_archive, source)
        task.signals.finished.connect(self._imported)
        task.signals.failed.connect(lambda exc: show_error(self, self.tr("Import library archive failed"), exc))
        self.message.emit(self.tr("Importing {file}…").format(file=source.name))
        return submit(task)

    def _imported(self, report: ImportReport) -> None:
        self.refresh()
        self.message.emit(self.tr("Imported: {added} new, {updated} updated, {unchanged} unchanged, {kept} kept "
                                  "(newer here)").format(added=report.added, updated=report.updated,
                                                         unchanged=report.unchanged, kept=report.kept_newer))

    # -- drag out -------------------------------------------------------------------------------
    def drag_out(self, items: list[Item]) -> Qt.DropAction | None:
        """Start dragging ``items`` out of the app (refused, with the reason, when one does not scan)."""
        if not items:
            return None
        try:
            mime = drag_data(items, self._drag_folder.new_batch(), self.drag_format(), self.drag_verify())
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Drag"), exc)
            return None
        drag = QDrag(self.view)
        drag.setMimeData(mime)
        icon = self.view.currentIndex().data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            drag.setPixmap(icon.pixmap(QSize(THUMB_PX // 2, THUMB_PX // 2), self.devicePixelRatioF()))
        return drag.exec(Qt.DropAction.CopyAction)

    def cleanup(self) -> None:
        """Remove what drags left behind (the window calls this when it closes)."""
        self._drag_folder.cleanup()

    # -- context menu -----------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        if self.show_trash.isChecked():
            menu.addActions([self.act_restore, self.act_delete_forever])
            menu.addSeparator()
            menu.addAction(self.act_empty_trash)
        else:
            menu.addActions([self.act_open, self.act_rename, self.act_tags, self.act_notes, self.act_duplicate])
            menu.addSeparator()
            menu.addActions([self.act_delete, self.act_delete_forever])
        menu.exec(self.view.viewport().mapToGlobal(pos))
