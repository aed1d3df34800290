"""Sync in the GUI against the real sync service over HTTP on 127.0.0.1: sign in through the dialog,
"Sync now", offline and catch-up, conflicts list, sign-out. The token lives in an in-memory keyring."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.library import Library
from app.core.spec import QrSpec
from cloud_sync.account import KEYRING_SERVICE, SETTINGS_FILE
from cloud_sync.client import SyncClient
from cloud_sync.engine import SyncEngine
from tests.sync_service import helpers
from tests.sync_service.helpers import ServiceProcess, add_user, inject_log_entry, make_token

PASSWORD = "a long enough password"
WAIT_MS = 30_000  # generous: the machine is shared; waits end as soon as the condition holds


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ServiceProcess]:
    data = tmp_path / "sync-data"
    data.mkdir()
    proc = ServiceProcess(tmp_path / "service.log", store="local", data_dir=str(data))
    proc.data_dir = str(data)  # type: ignore[attr-defined]
    yield proc
    proc.stop()


def _token(service: ServiceProcess, user: str, lib: Library) -> str:
    return make_token(user, lib.device_id, store="local", data_dir=service.data_dir)  # type: ignore[attr-defined]


def _other_machine_sync(service: ServiceProcess, url: str, token: str, lib: Library) -> None:
    client = SyncClient(url, token, attempts=1)
    try:
        SyncEngine(lib, client, device_label="machine-2").sync()
    finally:
        client.close()


def _new_user(service: ServiceProcess) -> str:
    user = f"user-{uuid.uuid4().hex[:8]}"
    add_user(service.data_dir, user, PASSWORD)  # type: ignore[attr-defined]
    return user


def _signed_in_window(make_window, library, service: ServiceProcess, qtbot):
    """A main window signed in as a fresh user through the dialog, after its first sync; returns (window, user)."""
    window = make_window(library)
    user = _new_user(service)
    _sign_in_through_dialog(window, qtbot, service.url, user)
    _wait_state(qtbot, window, "synced")
    return window, user


def _sign_in_through_dialog(window, qtbot, url: str, user: str):
    from app.ui.sync.wiring import open_account_dialog

    dialog = open_account_dialog(window, window.sync.controller)
    qtbot.addWidget(dialog)
    dialog.server_edit.setText(url)
    dialog.user_edit.setText(user)
    dialog.secret_edit.setText(PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Signed in"), timeout=WAIT_MS)
    return dialog


def _wait_state(qtbot, window, *states: str) -> None:
    qtbot.waitUntil(lambda: window.sync.controller.status.state in states, timeout=WAIT_MS)


def test_sign_in_sync_now_pushes_and_sign_out_removes_token(make_window, library, service, memory_keyring,
                                                            qtbot, tmp_path) -> None:
    window = make_window(library)
    ui = window.sync
    assert ui.indicator.state == "signed_out"
    seen: list[str] = []
    ui.controller.status_changed.connect(lambda s: seen.append(s.state))
    user = _new_user(service)

    _sign_in_through_dialog(window, qtbot, service.url, user)
    [(slot, token)] = memory_keyring.secrets.items()
    assert slot == (KEYRING_SERVICE, f"{service.url} device {library.core.device_id}")
    _wait_state(qtbot, window, "synced")  # signing in syncs at once

    # A new item, then "Sync now": the indicator goes syncing → synced and the item is on the server.
    window.model.load(QrSpec.text("pushed from the GUI"))
    window.save_to_library()
    new_id = window.current_item_id
    seen.clear()
    ui.act_sync_now.trigger()
    assert seen[0] == "syncing"  # set before the worker starts; the GUI thread did not wait
    _wait_state(qtbot, window, "synced")
    assert "syncing" in seen and seen[-1] == "synced"
    assert ui.indicator.label.text() == "Synced"

    other = Library.open(tmp_path / "machine-2")
    try:
        _other_machine_sync(service, service.url, _token(service, user, other), other)
        assert other.get(new_id).spec.fields["text"] == "pushed from the GUI"
    finally:
        other.close()

    # The token is in the keyring only: not in any file of the library folder (sync settings, database),
    # not in QSettings.
    window.close()  # writes QSettings, stops the sync timers
    files = [p for p in library.core.folder.rglob("*") if p.is_file()] + [tmp_path / "settings.ini"]
    assert library.core.folder / SETTINGS_FILE in files and (tmp_path / "settings.ini").exists()
    for path in files:
        assert token.encode() not in path.read_bytes(), path

    from app.ui.sync.wiring import open_account_dialog

    dialog = open_account_dialog(window, ui.controller)
    assert dialog.sign_out_button.isEnabled()
    dialog.sign_out_button.click()
    qtbot.waitUntil(lambda: "removed" in dialog.message.text(), timeout=WAIT_MS)
    assert memory_keyring.secrets == {}
    assert ui.indicator.state == "signed_out"
    assert not dialog.sign_out_button.isEnabled()


def test_service_down_shows_offline_app_stays_usable_and_catches_up(make_window, library, service, qtbot,
                                                                    monkeypatch, tmp_path) -> None:
    window, user = _signed_in_window(make_window, library, service, qtbot)
    ui = window.sync

    port = service.port
    service.stop()
    window.model.load(QrSpec.text("made while offline"))
    window.save_to_library()
    offline_id = window.current_item_id
    ui.act_sync_now.trigger()
    _wait_state(qtbot, window, "offline", "error")
    assert ui.indicator.label.text() in ("Offline", "Sync error")
    assert ui.controller.status.message  # the reason, shown as the indicator's tooltip
    assert ui.indicator.label.toolTip() == ui.controller.status.message

    # Still usable: make and save another code locally while offline.
    window.new_code()
    window.model.load(QrSpec.text("second offline edit"))
    window.save_to_library()
    second_id = window.current_item_id
    assert second_id != offline_id
    assert library.core.get(second_id).spec.fields["text"] == "second offline edit"

    # The service comes back on the same address: the next sync catches up.
    monkeypatch.setattr(helpers, "free_port", lambda: port)
    back = ServiceProcess(tmp_path / "service.log", store="local", data_dir=service.data_dir)
    try:
        ui.act_sync_now.trigger()
        _wait_state(qtbot, window, "synced")
        other = Library.open(tmp_path / "machine-2")
        try:
            _other_machine_sync(back, back.url, _token(service, user, other), other)
            assert other.get(offline_id).spec.fields["text"] == "made while offline"
            assert other.get(second_id).spec.fields["text"] == "second offline edit"
        finally:
            other.close()
    finally:
        back.stop()


def test_conflict_from_two_libraries_shows_in_conflicts_list(make_window, library, service, qtbot,
                                                              tmp_path) -> None:
    from app.ui.sync.wiring import open_conflicts

    window, user = _signed_in_window(make_window, library, service, qtbot)
    ui = window.sync
    assert not ui.indicator.conflicts_button.isVisibleTo(window)

    other = Library.open(tmp_path / "machine-2")
    try:
        other_token = _token(service, user, other)
        _other_machine_sync(service, service.url, other_token, other)
        shared = next(i for i in other.all_items() if i.name == "Support line")
        # Both machines change the same code while apart.
        other.update(shared.id, spec=QrSpec.text("tel:+49 from machine 2"))
        _other_machine_sync(service, service.url, other_token, other)
    finally:
        other.close()
    library.update_spec(shared.id, QrSpec.text("tel:+49 from the GUI"))
    ui.controller.notify_changed()
    ui.act_sync_now.trigger()
    _wait_state(qtbot, window, "synced")

    assert ui.controller.status.conflicts == 1
    assert ui.indicator.conflicts_button.isVisibleTo(window)
    assert ui.indicator.conflicts_button.text() == "1 conflict to review"
    dialog = open_conflicts(window, ui.controller, window.open_item)
    qtbot.addWidget(dialog)
    [copy_id] = dialog.item_ids()
    copy = library.core.get(copy_id)
    assert copy.conflict_of == shared.id
    dialog.open_button.click()
    assert window.current_item_id == copy_id
    assert window.model.spec == copy.spec


def test_local_change_syncs_automatically_after_the_quiet_period(make_window, library, service, qtbot,
                                                                  tmp_path) -> None:
    window, user = _signed_in_window(make_window, library, service, qtbot)
    ui = window.sync
    ui.controller._debounce.setInterval(200)  # the app waits ~5 s; the mechanism is the same

    seen: list[str] = []
    ui.controller.status_changed.connect(lambda s: seen.append(s.state))
    window.model.load(QrSpec.text("saved, not synced by hand"))
    window.save_to_library()
    assert seen == []  # the save itself does not sync: it waits for a quiet period
    qtbot.waitUntil(lambda: seen[-1:] == ["synced"], timeout=WAIT_MS)
    other = Library.open(tmp_path / "machine-2")
    try:
        _other_machine_sync(service, service.url, _token(service, user, other), other)
        assert other.get(window.current_item_id).spec.fields["text"] == "saved, not synced by hand"

        # A change made in the library panel (here a rename; the panel reloads after each) syncs too.
        seen.clear()
        library.rename(window.current_item_id, "Renamed in the panel")
        window.library_panel.refresh()
        qtbot.waitUntil(lambda: seen[-1:] == ["synced"], timeout=WAIT_MS)
        _other_machine_sync(service, service.url, _token(service, user, other), other)
        assert other.get(window.current_item_id).name == "Renamed in the panel"
    finally:
        other.close()


def test_mass_delete_from_the_server_asks_first(make_window, library, service, qtbot, monkeypatch,
                                               tmp_path) -> None:
    from app.ui.sync import wiring

    window, user = _signed_in_window(make_window, library, service, qtbot)
    ui = window.sync
    ids = {i.id for i in library.core.all_items()}
    other = Library.open(tmp_path / "machine-2")
    try:
        other_token = _token(service, user, other)
        _other_machine_sync(service, service.url, other_token, other)
        other.delete_forever(ids)
        _other_machine_sync(service, service.url, other_token, other)
    finally:
        other.close()

    questions: list[tuple[int, int]] = []
    answer = {"yes": False}

    def ask(_parent, count: int, total: int) -> bool:
        questions.append((count, total))
        return answer["yes"]

    monkeypatch.setattr(wiring, "ask_mass_delete", ask)
    ui.act_sync_now.trigger()
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=WAIT_MS)
    assert questions == [(len(ids), len(ids))]
    assert {i.id for i in library.core.all_items()} == ids  # "No": nothing deleted
    assert ui.controller.status.state == "error" and "confirmation" in ui.controller.status.message

    answer["yes"] = True
    ui.act_sync_now.trigger()
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=WAIT_MS)
    _wait_state(qtbot, window, "synced")
    assert not ids & {i.id for i in library.core.all_items()}


def test_a_record_that_cannot_be_applied_is_listed_and_syncing_goes_on(make_window, library, service, qtbot,
                                                                      tmp_path) -> None:
    from app.ui.sync.wiring import open_quarantine

    window, user = _signed_in_window(make_window, library, service, qtbot)
    ui = window.sync
    assert not ui.indicator.quarantine_button.isVisibleTo(window)
    poison = {"id": str(uuid.uuid4()), "updated_at": "1700000000.0",
              "payload": {"spec": {"kind": "text", "style": {"fg": "no such colour"}}, "name": "Poison"}}
    inject_log_entry(service.data_dir, user, [poison])  # type: ignore[attr-defined]
    window.model.load(QrSpec.text("made after the poison"))
    window.save_to_library()
    ui.act_sync_now.trigger()
    _wait_state(qtbot, window, "synced")
    assert ui.controller.status.quarantined == 1
    assert ui.indicator.quarantine_button.isVisibleTo(window)
    assert ui.indicator.quarantine_button.text() == "1 record not applied"
    dialog = open_quarantine(window, ui.controller)
    qtbot.addWidget(dialog)
    [(item, _version, why)] = dialog.rows()
    assert poison["id"].startswith(item) and "style.fg" in why
    # Syncing went on: the item made here reached the server.
    other = Library.open(tmp_path / "machine-2")
    try:
        _other_machine_sync(service, service.url, _token(service, user, other), other)
        assert other.get(window.current_item_id).spec.fields["text"] == "made after the poison"
    finally:
        other.close()
