"""The sync controller: owns the background sync, its timers and the status the views show.

It wires :mod:`cloud_sync` exactly like ``qrdesk sync`` (app/cli/sync.py) does: :class:`Account` for the server
and keyring token, :class:`SyncClient` + :class:`SyncEngine` for one sync. The sync runs in a private
single-thread ``QThreadPool`` so the GUI thread never waits on the network, and at most one sync runs at a
time; a request made while one runs is remembered and run right after it. Account calls (sign in with a
password or code, sign out, the account's devices) go through the same :class:`Account` as the CLI, on a
second single-thread pool, so a long sync never holds up a sign-in and the dialog never freezes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.core.library import Item, Library, Quarantined
from app.ui.errors import describe
from app.ui.workers import Task, submit
from cloud_sync.account import Account, check_server_url
from cloud_sync.errors import AccountError, AuthError, MassDeleteError, ServerUnavailable, SyncCancelled

if TYPE_CHECKING:
    from cloud_sync.client import SyncClient
    from cloud_sync.engine import SyncReport

log = logging.getLogger("qrdesk.ui.sync")

DEBOUNCE_MS = 5_000  # after a local change: batch a burst of edits into one sync
INTERVAL_MS = 5 * 60_000  # pull what other machines did even when nothing changes here
OFFLINE_RETRY_MS = 30_000  # catch up soon after the network comes back

class SyncState(StrEnum):
    """Where sync stands; decided from typed outcomes (the exception's class), never from message text."""

    SIGNED_OUT = "signed_out"
    IDLE = "idle"
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"  # the server cannot be reached: retried soon
    ERROR = "error"  # anything else, including a mass deletion waiting for the user's answer


@dataclass(frozen=True)
class SyncStatus:
    """What the status indicator shows; a plain value so views only listen (no logic in widgets)."""

    state: SyncState
    message: str = ""
    done: int = 0
    total: int = 0
    conflicts: int = 0
    quarantined: int = 0  # server records this library could not apply (set aside with the reason)


@dataclass(frozen=True)
class SyncOutcome:
    report: SyncReport
    conflicts: list[Item]
    quarantined: list[Quarantined]


class _ProgressSignals(QObject):
    # Lives on the GUI thread; emitted from the worker, so delivery is queued onto the GUI thread.
    progress = Signal(str, int, int)


def run_sync(library: Library, server: str, token: str, *, confirm_mass_delete: bool = False,
             progress: Callable[[str, int, int], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> SyncOutcome:
    """One sync, wired like the CLI; runs on a worker thread (the library is thread-safe)."""
    # The HTTP client and the engine (httpx: 0.4 s) are imported by the first sync, not by the app's start.
    from cloud_sync.client import SyncClient
    from cloud_sync.engine import SyncEngine, conflict_copies

    client = SyncClient(server, token)
    try:
        report = SyncEngine(library, client).sync(progress=progress, cancel=cancel,
                                                  confirm_mass_delete=confirm_mass_delete)
    finally:
        client.close()
    return SyncOutcome(report, conflict_copies(library), library.quarantined())


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport, after a successful sync
    mass_delete_requested = Signal(int, int)  # count, total: ask the user, then sync_now(confirm_mass_delete=True)
    account_changed = Signal()

    def __init__(self, library: Library, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS,
                 interval_ms: int = INTERVAL_MS, offline_retry_ms: int = OFFLINE_RETRY_MS) -> None:
        super().__init__(parent)
        self.library = library
        self.account = Account.load(library.folder)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # Sign-in, sign-out and device calls: apart from the sync, so a long sync never holds them up.
        self.account_pool = QThreadPool(self)
        self.account_pool.setMaxThreadCount(1)
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._again = False
        self._signals = _ProgressSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._conflicts = 0
        self._quarantined = len(library.quarantined())
        self.status = SyncStatus(SyncState.IDLE if self.account.signed_in() else SyncState.SIGNED_OUT,
                                 "" if self.account.signed_in() else self.tr("Not signed in"),
                                 quarantined=self._quarantined)

        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.sync_now)
        self._periodic = QTimer(self, interval=interval_ms)
        self._periodic.timeout.connect(self.sync_now)
        self._retry = QTimer(self, singleShot=True, interval=offline_retry_ms)
        self._retry.timeout.connect(self.sync_now)
        if self.account.signed_in():
            self._periodic.start()

    # -- account ----------------------------------------------------------------------------------
    # Every account call talks to the server, so each runs on the account pool (one thread: calls keep their
    # order) and reports through its Task's signals, queued onto the GUI thread. Workers use an Account of
    # their own, loaded from the library folder; the controller reloads its own when a call ends, so the GUI
    # thread never sees one half-changed.

    def sign_in_password(self, server: str, user: str, *, password: str | None = None,
                         enrollment_code: str | None = None, pairing_code: str | None = None,
                         new_password: str | None = None, device_name: str | None = None,
                         insecure: bool = False) -> Task:
        """Sign this library's device in with exactly one of password, enrollment code or pairing code, the
        way ``qrdesk sync --server URL --user NAME`` does. The task finishes with the signed-in Account or
        fails with a SyncError fit to show (a bad URL fails here, before any network call)."""
        check_server_url(server, insecure)
        self._stop_syncing()
        folder, device_id = self.library.folder, self.library.device_id

        def work() -> Account:
            account = Account.load(folder)
            account.set_server(server, insecure=insecure)
            account.sign_in_with_password(user, device_id, password=password, enrollment_code=enrollment_code,
                                          pairing_code=pairing_code, new_password=new_password,
                                          device_name=device_name)
            return account

        task = self._account_task(work)
        task.signals.finished.connect(self._on_signed_in)
        return task

    def sign_out(self) -> Task:
        """Revoke this device's token on the server and forget it here. Finishes with whether a token was
        stored; fails with ServerUnavailable when it was forgotten here but the server could not be told."""
        self._stop_syncing()
        self._show(SyncState.SIGNED_OUT, self.tr("Signing out…"))
        folder = self.library.folder
        task = self._account_task(lambda: Account.load(folder).sign_out())
        task.signals.finished.connect(self._on_signed_out)
        task.signals.failed.connect(self._on_signed_out)
        return task

    def devices(self) -> Task:
        """The account's devices (finishes with a DeviceList; ``current`` marks this one)."""
        return self._client_task(lambda client: client.devices())

    def revoke_device(self, device_id: str) -> Task:
        """Sign another device of the account out (its token stops working on the server)."""
        return self._client_task(lambda client: client.revoke_device(device_id))

    def pairing_code(self) -> Task:
        """A one-time code a new device signs in with (finishes with a PairingCode)."""
        return self._client_task(lambda client: client.pairing_code())

    def _client_task(self, call: Callable[[SyncClient], Any]) -> Task:
        folder = self.library.folder

        def work() -> Any:
            with Account.load(folder).client() as client:
                return call(client)

        return self._account_task(work)

    def _account_task(self, work: Callable[[], Any]) -> Task:
        task = Task(work)
        # Connected before the caller's slots: the controller's state is current when theirs run.
        task.signals.finished.connect(self._reload_account)
        task.signals.failed.connect(self._reload_account)
        submit(task, self.account_pool)
        return task

    def _reload_account(self, _result: object = None) -> None:
        try:
            self.account = Account.load(self.library.folder)
        except AccountError as exc:  # sync.json became unreadable meanwhile: keep the last good settings
            log.warning("sync settings not reloaded: %s", exc)

    def _on_signed_in(self, account: Account) -> None:
        self.account = account
        self._periodic.start()
        self._show(SyncState.IDLE, self.tr("Signed in to {server}").format(server=account.server))
        self.account_changed.emit()
        self.sync_now()

    def _on_signed_out(self, _result: object) -> None:
        self._show(SyncState.SIGNED_OUT, self.tr("Not signed in"))
        self.account_changed.emit()

    def _stop_syncing(self) -> None:
        for timer in (self._debounce, self._periodic, self._retry):
            timer.stop()
        self._cancel.set()
        self._again = False

    # -- triggers ---------------------------------------------------------------------------------
    def notify_changed(self) -> None:
        """A local change was made: sync after a quiet period (restarting the wait on every change)."""
        if self.account.signed_in():
            self._debounce.start()

    def notify_if_pending(self) -> None:
        """Something may have changed the library (a rename, trash or batch import in the library panel):
        schedule a sync when there are unsynced local changes. A one-row local query; no network."""
        if self.library.dirty_items(limit=1):
            self.notify_changed()

    def sync_now(self, confirm_mass_delete: bool = False) -> bool:
        """Start a sync in the background; returns whether one was started now."""
        self._debounce.stop()
        self._retry.stop()
        if self._task is not None:
            self._again = True
            return False
        try:
            token = self.account.token()
        except AccountError as exc:
            self._show(SyncState.SIGNED_OUT, str(exc))
            return False
        self._cancel = threading.Event()
        cancel = self._cancel
        task = Task(run_sync, self.library, self.account.server or "", token,
                    confirm_mass_delete=confirm_mass_delete, progress=self._signals.progress.emit,
                    cancel=cancel.is_set)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        self._show(SyncState.SYNCING, self.tr("Syncing…"))
        submit(task, self.pool)
        return True

    @property
    def busy(self) -> bool:
        return self._task is not None

    def shutdown(self, wait_ms: int = 5_000) -> None:
        """Stop timers, ask a running sync to stop, and give it a bounded time to do so (app quitting)."""
        self._stop_syncing()
        self.pool.waitForDone(wait_ms)
        self.account_pool.waitForDone(wait_ms)

    # -- results ----------------------------------------------------------------------------------
    def _on_progress(self, stage: str, done: int, total: int) -> None:
        if self._task is not None:
            self._show(SyncState.SYNCING, self.tr("Syncing: {stage}").format(stage=stage), done, total)

    def _on_finished(self, outcome: SyncOutcome) -> None:
        self._task = None
        self._conflicts, self._quarantined = len(outcome.conflicts), len(outcome.quarantined)
        if self.status.state is SyncState.SIGNED_OUT:  # signed out while this sync finished: keep saying so
            self._show(SyncState.SIGNED_OUT, self.status.message)
        else:
            self._show(SyncState.SYNCED, self.tr("Synced: {summary}").format(summary=outcome.report.summary()))
        self.synced.emit(outcome.report)
        self._follow_up()

    def _on_failed(self, exc: Any) -> None:
        self._task = None
        if isinstance(exc, ServerUnavailable):
            self._show(SyncState.OFFLINE, self.tr("Offline: {reason}").format(reason=exc))
            self._retry.start()
        elif isinstance(exc, SyncCancelled | AuthError) and not self.account.signed_in():
            # Stopped by signing out (or its token revoked meanwhile): say signed out, not failed.
            self._show(SyncState.SIGNED_OUT, self.tr("Not signed in"))
        elif isinstance(exc, SyncCancelled):  # quitting, or a sign-in to another account under way
            self._show(SyncState.IDLE, self.tr("Sync stopped"))
        elif isinstance(exc, MassDeleteError):
            self._show(SyncState.ERROR, self.tr("Waiting for confirmation: {reason}").format(reason=exc))
            self.mass_delete_requested.emit(exc.count, exc.total)
            return
        else:
            self._show(SyncState.ERROR, self.tr("Sync failed: {reason}").format(reason=describe(exc)))
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def conflicts(self) -> list[Item]:
        """Conflict copies to review (read on the GUI thread: a local query, no network)."""
        from cloud_sync.engine import conflict_copies

        items = conflict_copies(self.library)
        if len(items) != self._conflicts:
            self._conflicts = len(items)
            self._show(self.status.state, self.status.message, self.status.done, self.status.total)
        return items

    def quarantined(self) -> list[Quarantined]:
        """Server records this library could not apply, with the reasons (a local query, no network)."""
        entries = self.library.quarantined()
        if len(entries) != self._quarantined:
            self._quarantined = len(entries)
            self._show(self.status.state, self.status.message, self.status.done, self.status.total)
        return entries

    def _show(self, state: SyncState, message: str, done: int = 0, total: int = 0) -> None:
        self.status = SyncStatus(state, message, done, total, self._conflicts, self._quarantined)
        self.status_changed.emit(self.status)
