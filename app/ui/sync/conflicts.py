"""The conflicts list: conflict copies made by sync (items whose record has ``conflict_of``), to open in
the editor and review."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.sync.controller import SyncController


class ConflictsDialog(QDialog):
    open_requested = Signal(object)  # the Item to open (as LibraryPanel.open_requested)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync conflicts to review"))
        self.list = QListWidget()
        self.list.itemActivated.connect(self._open)
        self.hint = QLabel(self.tr("Both machines changed these items; the other version was kept as a copy. "
                                   "Open one to compare it with the original, then keep or delete it."))
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open in editor"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for item in self.controller.conflicts():
            row = QListWidgetItem(item.name or item.id[:8])
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(self.tr("conflict copy of {item}").format(item=item.conflict_of))
            self.list.addItem(row)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(self.list.count() > 0)

    def item_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _open(self, row: QListWidgetItem | None) -> None:
        if row is None:
            return
        self.open_requested.emit(self.controller.library.get(row.data(Qt.ItemDataRole.UserRole)))
