"""The Sync account dialog against the real sync service on 127.0.0.1: a user added with `sync-service user add`,
the dialog typed into as a user would, signing in on a worker thread, the account's devices, revoking another
device (its token stops working on the server), signing out (this device's token too). Wrong passwords, an
unreachable server and a plain http:// server elsewhere are said in words at their field; nothing crashes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from uihelpers import answering

from cloud_sync.account import KEYRING_SERVICE
from tests.sync_service.helpers import ServiceProcess, add_user, auth, free_port

PASSWORD = "a long enough password"
WAIT_MS = 30_000  # generous: the machine is shared; waits end as soon as the condition holds


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    data = tmp_path_factory.mktemp("account-dialog-data")
    proc = ServiceProcess(data.parent / "account-dialog.log", store="local", data_dir=str(data))
    proc.data_dir = data  # type: ignore[attr-defined]
    yield proc
    proc.stop()


def new_user(service: ServiceProcess) -> str:
    user = f"ann{uuid.uuid4().hex[:8]}"
    add_user(service.data_dir, user, PASSWORD)  # type: ignore[attr-defined]
    return user


def other_device(service: ServiceProcess, user: str, name: str) -> tuple[str, str]:
    """Another machine of the user signs in (over plain HTTP, as any client would): (device id, token)."""
    device_id = uuid.uuid4().hex
    answer = httpx.post(service.url + "/v1/auth/login", json={"user": user, "device_id": device_id,
                                                              "device_name": name, "password": PASSWORD}, timeout=30)
    assert answer.status_code == 200, answer.text
    return device_id, answer.json()["token"]


def token_works(service: ServiceProcess, token: str) -> bool:
    return httpx.get(service.url + "/v1/library", headers=auth(token), timeout=10).status_code == 200


def open_dialog(window, qtbot):
    from app.ui.sync.wiring import open_account_dialog

    window.sync.act_account.trigger()  # Sync → Sync account…, as the user reaches it
    dialog = open_account_dialog(window, window.sync.controller)  # the same, one dialog per window
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog, server: str, user: str, secret: str, device: str | None = None) -> None:
    for edit, text in ((dialog.server_edit, server), (dialog.user_edit, user), (dialog.secret_edit, secret)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    if device is not None:
        dialog.device_edit.clear()
        qtbot.keyClicks(dialog.device_edit, device)


def problem(dialog, edit) -> str:
    note = dialog.problems[edit]
    return note.text() if note.isVisibleTo(dialog) else ""


def test_sign_in_list_devices_revoke_another_and_sign_out(make_window, library, service, memory_keyring,
                                                          qtbot) -> None:
    user = new_user(service)
    phone_id, phone_token = other_device(service, user, "Ann's phone")
    window = make_window(library)
    assert window.sync.indicator.account_button.isVisibleTo(window)  # "Sign in…" beside "Sync: off"
    dialog = open_dialog(window, qtbot)
    assert not dialog.devices_box.isVisibleTo(dialog) and not dialog.sign_out_button.isEnabled()

    fill(qtbot, dialog, service.url, user, PASSWORD, device="Studio laptop")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    # The call runs on a worker: the dialog says so and answers events, nothing is decided yet.
    assert dialog.message.text().startswith("Signing in") and not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Signed in"), timeout=WAIT_MS)
    assert user in dialog.message.text() and "Studio laptop" in dialog.message.text()
    assert not dialog.secret_edit.text()  # the password is not kept, not even in the widget
    slot = f"{service.url} device {library.core.device_id}"
    token = memory_keyring.secrets[(KEYRING_SERVICE, slot)]  # in the OS keyring, where the CLI keeps it
    assert PASSWORD not in token and token_works(service, token)
    qtbot.waitUntil(lambda: window.sync.controller.status.state == "synced", timeout=WAIT_MS)  # and it syncs
    assert not window.sync.indicator.account_button.isVisibleTo(window)

    # The account's devices: this one (which Revoke does not apply to: that is Sign out) and the phone.
    qtbot.waitUntil(lambda: len(dialog.device_rows()) == 2, timeout=WAIT_MS)
    assert sorted(dialog.device_rows()) == [("Ann's phone", "signed in"), ("Studio laptop", "this device")]
    dialog.select_device("Studio laptop")
    assert not dialog.revoke_button.isEnabled()
    dialog.select_device("Ann's phone")
    assert dialog.revoke_button.isEnabled()
    with answering("Cancel", "revokeDeviceBox") as asked:
        dialog.revoke_button.click()
    assert asked.asked and token_works(service, phone_token)  # asked first; Cancel changes nothing
    with answering("Revoke", "revokeDeviceBox"):
        dialog.revoke_button.click()
    qtbot.waitUntil(lambda: ("Ann's phone", "signed out") in dialog.device_rows(), timeout=WAIT_MS)
    assert not token_works(service, phone_token) and token_works(service, token)
    assert phone_id not in dialog.message.text()

    # A pairing code for a new machine, shown in words with what to do with it.
    dialog.pair_button.click()
    qtbot.waitUntil(dialog.pairing.isVisible, timeout=WAIT_MS)
    assert "Pairing code" in dialog.pairing.text() and user in dialog.pairing.text()

    # Sign out: this device's token is revoked on the server and gone from the keyring.
    dialog.sign_out_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Signed out"), timeout=WAIT_MS)
    assert not memory_keyring.secrets and not token_works(service, token)
    assert window.sync.controller.status.state == "signed_out"
    assert window.sync.indicator.account_button.isVisibleTo(window)
    assert not dialog.devices_box.isVisibleTo(dialog) and dialog.sign_in_button.isEnabled()
    assert dialog.user_edit.text() == user and dialog.server_edit.text() == service.url  # ready to sign in again


def test_wrong_password_unreachable_server_and_plain_http_are_said_at_the_field(
        make_window, library, service, memory_keyring, qtbot) -> None:
    user = new_user(service)
    window = make_window(library)
    dialog = open_dialog(window, qtbot)

    fill(qtbot, dialog, service.url, user, "not the password")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: problem(dialog, dialog.secret_edit) != "", timeout=WAIT_MS)
    assert "password or code is wrong" in problem(dialog, dialog.secret_edit)
    assert dialog.sign_in_button.isEnabled() and dialog.isVisible() and not memory_keyring.secrets
    qtbot.keyClicks(dialog.secret_edit, "x")  # typing again clears the complaint
    assert problem(dialog, dialog.secret_edit) == ""

    # Nothing listens on this port: the address is what is wrong, said at the address.
    fill(qtbot, dialog, f"http://127.0.0.1:{free_port()}", user, PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: problem(dialog, dialog.server_edit) != "", timeout=WAIT_MS)
    assert "cannot be reached" in problem(dialog, dialog.server_edit)
    assert "Traceback" not in problem(dialog, dialog.server_edit) and not memory_keyring.secrets

    # Plain http:// to another machine: refused before anything is sent, unless the user allows it.
    fill(qtbot, dialog, "http://sync.example.com", user, PASSWORD)
    dialog.sign_in_button.click()
    said = problem(dialog, dialog.server_edit)
    assert "clear text" in said and "Allow unencrypted" in said
    assert dialog.sign_in_button.isEnabled() and window.sync.controller.status.state == "signed_out"
    assert "Allow unencrypted" in dialog.insecure_box.text()

    # Empty fields and a short new password are named before any call.
    dialog.secret_kind.setCurrentIndex(1)  # one-time enrollment code
    fill(qtbot, dialog, service.url, "", "")
    qtbot.keyClicks(dialog.new_password_edit, "short")
    dialog.sign_in_button.click()
    assert problem(dialog, dialog.user_edit) and problem(dialog, dialog.secret_edit)
    assert "at least 8" in problem(dialog, dialog.new_password_edit)
    assert not dialog.message.text().startswith("Signing in")


def test_first_sign_in_with_an_enrollment_code_sets_the_password(make_window, library, service, memory_keyring,
                                                                  qtbot, tmp_path: Path) -> None:
    user = f"new{uuid.uuid4().hex[:8]}"
    code = add_user(service.data_dir, user)  # type: ignore[attr-defined]
    window = make_window(library)
    dialog = open_dialog(window, qtbot)
    dialog.secret_kind.setCurrentIndex(1)
    assert dialog.new_password_edit.isVisibleTo(dialog)
    fill(qtbot, dialog, service.url, user, code.lower())
    for edit in (dialog.new_password_edit, dialog.repeat_edit):
        qtbot.keyClicks(edit, "my own new password")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Signed in"), timeout=WAIT_MS)
    # The code is used up and the chosen password now signs another device in.
    other = httpx.post(service.url + "/v1/auth/login", timeout=30, json={
        "user": user, "device_id": uuid.uuid4().hex, "device_name": "x", "password": "my own new password"})
    assert other.status_code == 200
