"""The sync indicator in the status bar: a label, a small progress bar while syncing, a conflicts button, a
button for server records this library could not apply, and while signed out a way to the account dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from app.ui.sync.controller import SyncState, SyncStatus
from app.ui.words import QT_TRANSLATE_NOOP

_SHORT = {SyncState.SIGNED_OUT: QT_TRANSLATE_NOOP("SyncStatusWidget", "Sync: off"),
          SyncState.IDLE: QT_TRANSLATE_NOOP("SyncStatusWidget", "Sync"),
          SyncState.SYNCING: QT_TRANSLATE_NOOP("SyncStatusWidget", "Syncing…"),
          SyncState.SYNCED: QT_TRANSLATE_NOOP("SyncStatusWidget", "Synced"),
          SyncState.OFFLINE: QT_TRANSLATE_NOOP("SyncStatusWidget", "Offline"),
          SyncState.ERROR: QT_TRANSLATE_NOOP("SyncStatusWidget", "Sync error")}


class SyncStatusWidget(QWidget):
    conflicts_clicked = Signal()
    quarantine_clicked = Signal()
    account_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Sync status"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(90)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.conflicts_button = QToolButton()
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        self.conflicts_button.hide()
        self.quarantine_button = QToolButton()
        self.quarantine_button.setAutoRaise(True)
        self.quarantine_button.setToolTip(self.tr("Records from the server this library could not apply: see why"))
        self.quarantine_button.clicked.connect(self.quarantine_clicked)
        self.quarantine_button.hide()
        self.account_button = QToolButton()
        self.account_button.setObjectName("syncSignInButton")
        self.account_button.setText(self.tr("Sign in…"))
        self.account_button.setToolTip(self.tr("Sign in to a sync server to sync this library with your other "
                                                "machines"))
        self.account_button.setAutoRaise(True)
        self.account_button.clicked.connect(self.account_clicked)
        self.account_button.hide()
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.quarantine_button)
        layout.addWidget(self.account_button)
        self.state: SyncState | None = None

    def show_status(self, status: SyncStatus) -> None:
        self.state = status.state
        self.label.setText(self.tr(_SHORT[status.state]))
        # The full reason (offline cause, error) is one hover away without crowding the status bar.
        self.label.setToolTip(status.message)
        self.setToolTip(status.message)
        syncing = status.state is SyncState.SYNCING
        self.account_button.setVisible(status.state is SyncState.SIGNED_OUT)
        self.progress.setVisible(syncing)
        if syncing:
            self.progress.setRange(0, status.total)  # 0..0 shows a busy indicator until totals are known
            self.progress.setValue(min(status.done, status.total))
        n = status.conflicts
        self.conflicts_button.setText(self.tr("%n conflict(s) to review", "", n))
        self.conflicts_button.setVisible(n > 0)
        q = status.quarantined
        self.quarantine_button.setText(self.tr("%n record(s) not applied", "", q))
        self.quarantine_button.setVisible(q > 0)
