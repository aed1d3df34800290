"""Sign in to a sync server (URL + token) or sign out. The token goes to the OS keyring through
:class:`cloud_sync.account.Account`, never into QSettings or any file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.sync.controller import SyncController
from cloud_sync.errors import SyncError


class AccountDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync account"))
        self.server_edit = QLineEdit(controller.account.server or "")
        self.server_edit.setPlaceholderText("https://sync.example.com")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("paste the token from your sync server"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server URL"), self.server_edit)
        form.addRow(self.tr("Token"), self.token_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._refresh()

    def _refresh(self) -> None:
        signed_in = self.controller.account.signed_in()
        self.sign_out_button.setEnabled(signed_in)
        if signed_in:
            self.message.setText(self.tr("Signed in to {server}.").format(server=self.controller.account.server))

    def sign_in(self) -> None:
        try:
            self.controller.sign_in(self.server_edit.text(), self.token_edit.text())
        except SyncError as exc:  # bad URL, empty token, no keyring: say so in place, keep the dialog open
            self.message.setText(str(exc))
            return
        self.token_edit.clear()
        self.accept()

    def sign_out(self) -> None:
        try:
            removed = self.controller.sign_out()
        except SyncError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Signed out; the token was removed from the keyring.") if removed
                             else self.tr("Was not signed in."))
        self._refresh()
