"""The records from the server this library could not apply: which item, which version and why. The sync moved
on past them; a later version of the item that applies replaces an entry (docs/sync-protocol.md, "Quarantine")."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.ui.sync.controller import SyncController


class QuarantineDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Records not applied"))
        self.setMinimumWidth(640)
        self.hint = QLabel(self.tr("Another device or the server sent these records, and this library could not "
                                   "apply them (a newer QRDesk may, or the record is damaged). Syncing goes on without "
                                   "them and your library is unchanged by them; a later version of the same item "
                                   "replaces its entry."))
        self.hint.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Item"), self.tr("Version"), self.tr("Set aside"), self.tr("Why")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for q in self.controller.quarantined():
            when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(q.quarantined_at)),
                                      QLocale.FormatType.ShortFormat) if q.quarantined_at else ""
            row = QTreeWidgetItem([q.record_id[:8] or self.tr("(no id)"), "?" if q.rev is None else str(q.rev), when,
                                   q.reason])
            row.setToolTip(0, q.record_id or self.tr("the record has no valid id"))
            row.setToolTip(3, q.reason)
            self.list.addTopLevelItem(row)
        for column in range(3):
            self.list.resizeColumnToContents(column)

    def rows(self) -> list[tuple[str, str, str]]:
        """(item, version, why) of each row, as shown."""
        return [(r.text(0), r.text(1), r.text(3)) for i in range(self.list.topLevelItemCount())
                if (r := self.list.topLevelItem(i))]
