"""The sync account: sign in to a sync server with a user name and a password (or a one-time enrollment or
pairing code), see the account's devices, sign another one out, sign this one out.

A thin view over :class:`~app.ui.sync.controller.SyncController`, which does each call through
:class:`cloud_sync.account.Account`, the code ``qrdesk sync --server URL --user NAME`` runs, on a worker thread:
the dialog never waits on the network. The password is sent once and never kept; the device's token goes to the
OS keyring, never into QSettings or a file. A failure is shown in words under the field it concerns (or under
the form), never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.errors import describe
from app.ui.sync.controller import SyncController
from app.ui.themes import Tone, set_tone
from app.ui.words import QT_TRANSLATE_NOOP
from app.ui.workers import Task
from cloud_sync.account import default_device_name, is_loopback
from cloud_sync.errors import AccountError, AuthError, ServerUnavailable

if TYPE_CHECKING:
    from cloud_sync.protocol import DeviceInfo

MIN_PASSWORD_CHARS = 8  # what the service asks of a new password (sync_service.accounts)
_DEVICE_ID = Qt.ItemDataRole.UserRole


class Secret(IntEnum):
    """What the user signs in with (the order of the "Sign in with" choices)."""

    PASSWORD = 0
    ENROLLMENT_CODE = 1
    PAIRING_CODE = 2


# lupdate extracts literal strings only: each text is listed once here, translated where it is shown.
_SECRET_LABELS = {Secret.PASSWORD: QT_TRANSLATE_NOOP("AccountDialog", "Password"),
                  Secret.ENROLLMENT_CODE: QT_TRANSLATE_NOOP("AccountDialog", "Enrollment code"),
                  Secret.PAIRING_CODE: QT_TRANSLATE_NOOP("AccountDialog", "Pairing code")}
_SECRET_MISSING = {Secret.PASSWORD: QT_TRANSLATE_NOOP("AccountDialog", "Give your password."),
                   Secret.ENROLLMENT_CODE: QT_TRANSLATE_NOOP("AccountDialog", "Give the one-time enrollment code."),
                   Secret.PAIRING_CODE: QT_TRANSLATE_NOOP("AccountDialog", "Give the pairing code.")}
_SECRET_PLACEHOLDERS = {Secret.PASSWORD: "", Secret.ENROLLMENT_CODE: "XXXX-XXXX-XXXX",
                        Secret.PAIRING_CODE: "XXXX-XXXX"}
_SECRET_CHOICES = {
    Secret.PASSWORD: QT_TRANSLATE_NOOP("AccountDialog", "Password"),
    Secret.ENROLLMENT_CODE: QT_TRANSLATE_NOOP("AccountDialog", "One-time enrollment code (first sign-in)"),
    Secret.PAIRING_CODE: QT_TRANSLATE_NOOP("AccountDialog", "Pairing code from a signed-in device")}


def _sentence(text: str) -> str:
    """Messages from cloud_sync are written to follow ``qrdesk: error:``; in a dialog they start a sentence."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16]


class AccountDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sync account"))
        self.setMinimumWidth(560)
        self.problems: dict[QWidget, QLabel] = {}
        self.cells: dict[QWidget, QWidget] = {}  # a field → the form's cell holding it and its problem note

        # -- sign in ------------------------------------------------------------------------------
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText("https://sync.example.com")
        self.insecure_box = QCheckBox(self.tr("Allow unencrypted http:// (a network you trust only)"))
        self.insecure_box.setToolTip(self.tr("Over http:// your password and this device's token cross the network "
                                             "in clear text: anyone on the way can read them"))
        self.insecure_box.setObjectName("insecureBox")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setPlaceholderText(self.tr("your user name on the server"))
        self.secret_kind = QComboBox()
        self.secret_kind.setObjectName("secretKind")
        for kind in Secret:
            self.secret_kind.addItem(self.tr(_SECRET_CHOICES[kind]), kind)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("secretEdit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_edit = QLineEdit()
        self.new_password_edit.setObjectName("newPasswordEdit")
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_edit.setPlaceholderText(self.tr("at least {n} characters").format(n=MIN_PASSWORD_CHARS))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("repeatPasswordEdit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_edit = QLineEdit()
        self.device_edit.setObjectName("deviceNameEdit")
        self.device_edit.setMaxLength(100)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)

        self.form = QFormLayout()
        self.secret_label = QLabel()
        self.new_password_label = QLabel(self.tr("New password"))
        self.repeat_label = QLabel(self.tr("Repeat it"))
        self._row(self.tr("Server URL"), self.server_edit)
        self.form.addRow("", self.insecure_box)
        self._row(self.tr("User"), self.user_edit)
        self._row(self.tr("Sign in with"), self.secret_kind, problem=False)
        self._row(self.secret_label, self.secret_edit)
        self._row(self.new_password_label, self.new_password_edit)
        self._row(self.repeat_label, self.repeat_edit)
        self._row(self.tr("This device's name"), self.device_edit)
        self.sign_in_row = QWidget()
        sign_in_row = QHBoxLayout(self.sign_in_row)
        sign_in_row.setContentsMargins(0, 0, 0, 0)
        sign_in_row.addStretch(1)
        sign_in_row.addWidget(self.sign_in_button)
        self.form.addRow(self.sign_in_row)
        self.sign_in_box = QGroupBox(self.tr("Account"))
        self.sign_in_box.setLayout(self.form)

        self.message = QLabel()
        self.message.setObjectName("accountMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- devices ------------------------------------------------------------------------------
        self.devices = QTreeWidget()
        self.devices.setObjectName("deviceList")
        self.devices.setAccessibleName(self.tr("Devices of this account"))
        self.devices.setHeaderLabels([self.tr("Device"), self.tr("Signed in"), self.tr("State")])
        self.devices.setRootIsDecorated(False)
        self.devices.setMinimumHeight(110)
        self.devices.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.devices.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.setToolTip(self.tr("Sign the chosen device out: its token stops working at once"))
        self.pair_button = QPushButton(self.tr("Pairing code for a new device"))
        self.pair_button.setObjectName("pairButton")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.pairing = QLabel()
        self.pairing.setObjectName("pairingCode")
        self.pairing.setWordWrap(True)
        self.pairing.setTextFormat(Qt.TextFormat.RichText)
        self.pairing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pairing.hide()
        buttons = QHBoxLayout()
        for button in (self.revoke_button, self.pair_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        self.devices_box = QGroupBox(self.tr("Devices of this account"))
        box = QVBoxLayout(self.devices_box)
        box.addWidget(self.devices)
        box.addLayout(buttons)
        box.addWidget(self.pairing)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.setToolTip(self.tr("Revoke this device's token on the server and remove it here"))
        self.buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = self.main_layout = QVBoxLayout(self)
        layout.addWidget(self.sign_in_box)
        layout.addWidget(self.message)
        layout.addWidget(self.devices_box)
        layout.addWidget(self.buttons)

        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.pair_button.clicked.connect(self.make_pairing_code)
        self.refresh_button.clicked.connect(self.refresh_devices)
        self.secret_kind.currentIndexChanged.connect(self._secret_kind_changed)
        for edit in (self.server_edit, self.user_edit, self.secret_edit, self.new_password_edit, self.repeat_edit,
                     self.device_edit):
            edit.textEdited.connect(lambda _text, e=edit: self._problem(e, ""))
            edit.returnPressed.connect(self.sign_in_button.click)
        self.insecure_box.toggled.connect(lambda _on: self._problem(self.server_edit, ""))
        controller.account_changed.connect(self.show_account)
        self._busy = False
        self._revoking = ""
        self._secret_kind_changed()
        self.show_account()

    def _row(self, label: str | QLabel, field: QWidget, problem: bool = True) -> None:
        """A form row with, under the field, the place its problem is said (hidden while there is none)."""
        if not problem:
            self.form.addRow(label, field)
            return
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        note = QLabel()
        note.setObjectName(f"problem_{field.objectName()}")
        note.setWordWrap(True)
        set_tone(note, Tone.FAIL)
        note.hide()
        column.addWidget(note)
        self.problems[field] = note
        self.cells[field] = cell
        self.form.addRow(label, cell)
        if isinstance(label, QLabel):
            label.setBuddy(field)

    # -- state ------------------------------------------------------------------------------------
    def show_account(self) -> None:
        """Fill the form from the saved account; when signed in, list its devices."""
        account = self.controller.account
        signed_in = account.signed_in()
        self.server_edit.setText(account.server or "")
        self.insecure_box.setChecked(account.insecure)
        self.user_edit.setText(account.user or "")
        self.device_edit.setText(account.device_name or default_device_name())
        for edit in (self.secret_edit, self.new_password_edit, self.repeat_edit):
            edit.clear()
        for field in self.problems:
            self._problem(field, "")
        if signed_in:
            who = f" as {account.user}" if account.user else ""
            self._say(self.tr("Signed in to {server}{who}; this device is listed as “{device}”.").format(
                server=account.server, who=who, device=account.device_name or default_device_name()))
            self.refresh_devices()
        else:
            self.devices.clear()
            self.pairing.hide()
            self._say(self.tr("Not signed in. Sign in with the user name and password from whoever runs your "
                              "sync server (or a code), and this library syncs with your other machines."))
        self._set_busy(False)

    def _secret_kind_changed(self) -> None:
        kind = Secret(self.secret_kind.currentData())
        self.secret_label.setText(self.tr(_SECRET_LABELS[kind]))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password if kind == Secret.PASSWORD
                                     else QLineEdit.EchoMode.Normal)  # codes are read off a screen
        self.secret_edit.setPlaceholderText(_SECRET_PLACEHOLDERS[kind])
        for field in (self.secret_edit, self.new_password_edit, self.repeat_edit):
            self._problem(field, "")
        self._layout_rows()

    def _layout_rows(self) -> None:
        """Signed in: the account without secrets to fill in; signed out: the rows the chosen secret needs."""
        signed_in = self.controller.account.signed_in()
        enrolling = self.secret_kind.currentData() == Secret.ENROLLMENT_CODE
        for row, shown in ((self.secret_kind, not signed_in), (self._cell(self.secret_edit), not signed_in),
                           (self._cell(self.new_password_edit), enrolling and not signed_in),
                           (self._cell(self.repeat_edit), enrolling and not signed_in),
                           (self.sign_in_row, not signed_in)):
            self.form.setRowVisible(row, shown)
        self._fit()

    def _cell(self, field: QWidget) -> QWidget:
        return self.cells[field]

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        signed_in = self.controller.account.signed_in()
        for field in (self.server_edit, self.user_edit, self.device_edit, self.insecure_box, self.secret_kind,
                      self.secret_edit, self.new_password_edit, self.repeat_edit):
            field.setEnabled(not signed_in and not busy)
        self.sign_in_button.setEnabled(not signed_in and not busy)
        self.sign_out_button.setEnabled(signed_in and not busy)
        self.devices_box.setEnabled(signed_in and not busy)
        self.devices_box.setVisible(signed_in)
        self._layout_rows()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.devices.currentItem()
        device = self._device(row)
        can_revoke = device is not None and not device.current and not device.revoked
        self.revoke_button.setEnabled(can_revoke and not self._busy)
        if device is not None and device.current:
            self.revoke_button.setToolTip(self.tr("This is this device: use Sign out"))
        else:
            self.revoke_button.setToolTip(self.tr("Sign the chosen device out: its token stops working at once"))

    def _problem(self, field: QWidget, text: str) -> None:
        note = self.problems.get(field)
        if note is None:
            return
        note.setText(text)
        note.setVisible(bool(text))
        if text:
            field.setFocus()
            self._fit()

    def _fit(self) -> None:
        """Fit the dialog to what it shows now: notes that wrap get the height they need (a form in a group box
        does not pass height-for-width up), and rows shown or hidden leave no gap."""
        for field, note in self.problems.items():
            if not note.isHidden():
                note.setMinimumHeight(note.heightForWidth(max(self._cell(field).width(), 240)))
        layout = self.main_layout
        layout.activate()
        width = max(self.width(), self.minimumSizeHint().width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for field, note in self.problems.items():  # wrapped notes take the height the new width needs
            if not note.isHidden():
                note.setMinimumHeight(note.heightForWidth(max(self._cell(field).width(), 240)))

    def _follow(self, task: Task, done: Callable[[object], None],
                failed: Callable[[object], None] | None = None) -> None:
        """Hear how ``task`` ends. Bound methods only: Qt drops them with the dialog, so a call that ends after
        the dialog is gone reaches nobody."""
        task.signals.finished.connect(done)
        task.signals.failed.connect(failed or self._device_call_failed)

    def _say(self, text: str, tone: Tone = Tone.NORMAL) -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self._fit()

    # -- sign in ----------------------------------------------------------------------------------
    def sign_in(self) -> None:
        if self._busy or self.controller.account.signed_in():
            return
        kind = Secret(self.secret_kind.currentData())
        server, user = self.server_edit.text().strip(), self.user_edit.text().strip()
        secret = self.secret_edit.text() if kind == Secret.PASSWORD else self.secret_edit.text().strip()
        new_password = self.new_password_edit.text() if kind == Secret.ENROLLMENT_CODE else None
        missing = [(self.server_edit, not server, self.tr("Give the address of your sync server.")),
                   (self.user_edit, not user, self.tr("Give your user name on the server.")),
                   (self.secret_edit, not secret, self.tr(_SECRET_MISSING[kind]))]
        if new_password is not None:
            missing += [(self.new_password_edit, len(new_password) < MIN_PASSWORD_CHARS,
                         self.tr("Choose a password of at least {n} characters.").format(n=MIN_PASSWORD_CHARS)),
                        (self.repeat_edit, self.repeat_edit.text() != new_password,
                         self.tr("The two passwords differ."))]
        if server.startswith("http://") and not is_loopback(server) and not self.insecure_box.isChecked():
            missing.append((self.server_edit, True, self.tr(
                "This server is not encrypted (http://): your password and token would cross the network in "
                "clear text. Use https://, or tick “Allow unencrypted http://” if you trust this network.")))
        for field in self.problems:
            self._problem(field, "")
        problems = [(field, text) for field, bad, text in missing if bad]
        for field, text in reversed(problems):  # focus ends on the first
            self._problem(field, text)
        if problems:
            return
        try:
            task = self.controller.sign_in_password(
                server, user, password=secret if kind == Secret.PASSWORD else None,
                enrollment_code=secret if kind == Secret.ENROLLMENT_CODE else None,
                pairing_code=secret if kind == Secret.PAIRING_CODE else None, new_password=new_password,
                device_name=self.device_edit.text().strip() or None, insecure=self.insecure_box.isChecked())
        except AccountError as exc:  # the URL: not http(s), or plain http:// to another machine
            self._problem(self.server_edit, _sentence(str(exc)))
            return
        self._say(self.tr("Signing in to {server}…").format(server=server))
        self._set_busy(True)
        self._follow(task, self._signed_in, self._sign_in_failed)

    def _signed_in(self, _account: object) -> None:
        self.show_account()  # the controller has the new account already (its slot ran first)

    def _sign_in_failed(self, exc: object) -> None:
        self._set_busy(False)
        text = _sentence(describe(exc) if isinstance(exc, BaseException) else str(exc))
        if isinstance(exc, AuthError):  # wrong user, password or code (never says which), or too many tries
            self._say("")
            self._problem(self.secret_edit, text)
        elif isinstance(exc, ServerUnavailable):
            self._say("")
            self._problem(self.server_edit, text)
        else:  # no keyring, the server is not a QRDesk sync server, ...
            self._say(text, Tone.FAIL)

    # -- sign out ---------------------------------------------------------------------------------
    def sign_out(self) -> None:
        self._set_busy(True)
        self._say(self.tr("Signing out…"))
        self._follow(self.controller.sign_out(), self._signed_out, self._sign_out_failed)

    def _signed_out(self, removed: object) -> None:
        self.show_account()
        self._say(self.tr("Signed out: this device's token was revoked on the server and removed from the "
                          "keyring.") if removed else self.tr("This device was not signed in."))

    def _sign_out_failed(self, exc: object) -> None:
        self.show_account()
        self._say(_sentence(describe(exc) if isinstance(exc, BaseException) else str(exc)), Tone.FAIL)

    # -- devices ----------------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        self._follow(self.controller.devices(), self._show_devices)

    def _show_devices(self, listed: object) -> None:
        from cloud_sync.protocol import DeviceList  # the wire models (pydantic) load with the first answer

        if not isinstance(listed, DeviceList):
            return
        chosen = self._device(self.devices.currentItem())
        self.devices.clear()
        for device in sorted(listed.devices, key=lambda d: (d.revoked, not d.current, d.name.lower())):
            state = (self.tr("this device") if device.current else
                     self.tr("signed out") if device.revoked else self.tr("signed in"))
            row = QTreeWidgetItem([device.name, _when(device.signed_in_at), state])
            row.setData(0, _DEVICE_ID, device)
            row.setToolTip(0, self.tr("Device id {id}").format(id=device.device_id))
            if device.revoked:
                row.setDisabled(True)
            self.devices.addTopLevelItem(row)
            if chosen is not None and chosen.device_id == device.device_id:
                self.devices.setCurrentItem(row)
        for column in (1, 2):
            self.devices.resizeColumnToContents(column)
        self._update_buttons()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = (self.devices.topLevelItem(i) for i in range(self.devices.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def device_rows(self) -> list[tuple[str, str]]:
        """(name, state) of each listed device, as shown."""
        return [(row.text(0), row.text(2)) for row in self._rows()]

    def select_device(self, name: str) -> None:
        """Choose the listed device called ``name`` that is still signed in."""
        row = next(r for r in self._rows() if r.text(0) == name and not r.isDisabled())
        self.devices.setCurrentItem(row)

    @staticmethod
    def _device(row: QTreeWidgetItem | None) -> DeviceInfo | None:
        device = row.data(0, _DEVICE_ID) if row is not None else None
        from cloud_sync.protocol import DeviceInfo

        return device if isinstance(device, DeviceInfo) else None

    def revoke_selected(self) -> None:
        device = self._device(self.devices.currentItem())
        if device is None or device.current or device.revoked:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Revoke a device"),
                          self.tr("Sign “{name}” out of this account?").format(name=device.name),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("revokeDeviceBox")
        box.setInformativeText(self.tr("Its token stops working at once: it keeps its library, but does not sync "
                                       "until someone signs it in again."))
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not revoke:
            return
        self._say(self.tr("Signing “{name}” out…").format(name=device.name))
        self._revoking = device.name
        self._follow(self.controller.revoke_device(device.device_id), self._revoked)

    def _revoked(self, _result: object) -> None:
        self._say(self.tr("“{name}” is signed out; its token no longer works.").format(name=self._revoking))
        self.refresh_devices()

    def make_pairing_code(self) -> None:
        self._follow(self.controller.pairing_code(), self._show_pairing_code)

    def _show_pairing_code(self, made: object) -> None:
        from cloud_sync.protocol import PairingCode

        if not isinstance(made, PairingCode):
            return
        account = self.controller.account
        self.pairing.setText(self.tr(
            "Pairing code: <b>{code}</b> (one-time, valid {minutes} minutes). On the new device, open Sync → "
            "Sync account…, give server {server} and user {user}, choose “Pairing code” and type it.").format(
                code=escape(made.code), minutes=max(1, made.expires_in // 60), server=escape(account.server or ""),
                user=escape(account.user or self.tr("your user name"))))
        self.pairing.show()

    def _device_call_failed(self, exc: object) -> None:
        self._say(_sentence(describe(exc) if isinstance(exc, BaseException) else str(exc)), Tone.FAIL)
