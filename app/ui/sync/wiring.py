"""Puts sync into the main window: a Sync menu, the status-bar indicator, the mass-delete question."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.core.library import Item, Library
from app.ui.library_view import LibraryPanel
from app.ui.sync.account_dialog import AccountDialog
from app.ui.sync.conflicts import ConflictsDialog
from app.ui.sync.controller import SyncController
from app.ui.sync.quarantine import QuarantineDialog
from app.ui.sync.status_widget import SyncStatusWidget

translate = QCoreApplication.translate


@dataclass
class SyncUi:
    controller: SyncController
    indicator: SyncStatusWidget
    act_sync_now: QAction
    act_account: QAction
    act_conflicts: QAction
    act_quarantine: QAction


def ask_mass_delete(parent: QMainWindow, count: int, total: int) -> bool:
    answer = QMessageBox.question(
        parent, translate("SyncUi", "Delete items from this library?"),
        # Only a mass deletion asks (many items by definition), so the sentence needs no singular.
        translate("SyncUi", "Your other machines deleted {count} of the {total} items in this library.").format(
            count=count, total=total) + "\n\n" + translate(
            "SyncUi", "Delete them here too? If you did not expect this, choose No: nothing is deleted and you can "
            "check your other machines first."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def install_sync(window: QMainWindow, library: Library, panel: LibraryPanel | None,
                 open_item: Callable[[Item], object]) -> SyncUi:
    """Sync for ``window``: ``panel`` is reloaded after a sync and its changes schedule one; ``open_item``
    opens a conflict copy in the editor."""
    controller = SyncController(library, window)
    indicator = SyncStatusWidget()
    window.statusBar().addPermanentWidget(indicator)
    controller.status_changed.connect(indicator.show_status)
    indicator.show_status(controller.status)

    menu = window.menuBar().addMenu(translate("SyncUi", "&Sync"))
    act_sync_now = QAction(translate("SyncUi", "Sync now"), window, shortcut=QKeySequence("F5"))
    act_sync_now.triggered.connect(lambda: controller.sync_now())
    act_account = QAction(translate("SyncUi", "Sync account…"), window)
    act_account.triggered.connect(lambda: open_account_dialog(window, controller))
    act_conflicts = QAction(translate("SyncUi", "Conflicts to review…"), window)
    act_conflicts.triggered.connect(lambda: open_conflicts(window, controller, open_item))
    indicator.conflicts_clicked.connect(act_conflicts.trigger)
    act_quarantine = QAction(translate("SyncUi", "Records not applied…"), window)
    act_quarantine.triggered.connect(lambda: open_quarantine(window, controller))
    indicator.quarantine_clicked.connect(act_quarantine.trigger)
    indicator.account_clicked.connect(act_account.trigger)
    for act in (act_sync_now, act_account, act_conflicts, act_quarantine):
        menu.addAction(act)
        window.addAction(act)

    if panel is not None:
        controller.synced.connect(panel.refresh)
        # The panel reloads its list after every change it makes (rename, tags, trash, batch import); there
        # is no finer "changed" signal, so a reload checks for unsynced changes.
        panel.model.modelReset.connect(controller.notify_if_pending)
    controller.mass_delete_requested.connect(
        lambda count, total: ask_mass_delete(window, count, total) and controller.sync_now(confirm_mass_delete=True))
    return SyncUi(controller, indicator, act_sync_now, act_account, act_conflicts, act_quarantine)


def open_account_dialog(window: QMainWindow, controller: SyncController) -> AccountDialog:
    """The window's one account dialog (a sign-in still under way reports to the dialog that started it)."""
    dialog = window.findChild(AccountDialog, "syncAccountDialog")
    if dialog is None:
        dialog = AccountDialog(controller, window)
        dialog.setObjectName("syncAccountDialog")
    elif not dialog.isVisible():
        dialog.show_account()
    dialog.open()
    dialog.raise_()
    return dialog


def open_conflicts(window: QMainWindow, controller: SyncController, open_item: Callable[[Item], object]
                   ) -> ConflictsDialog:
    dialog = ConflictsDialog(controller, window)
    dialog.setObjectName("syncConflictsDialog")
    dialog.open_requested.connect(open_item)
    dialog.open()
    return dialog


def open_quarantine(window: QMainWindow, controller: SyncController) -> QuarantineDialog:
    dialog = QuarantineDialog(controller, window)
    dialog.setObjectName("syncQuarantineDialog")
    dialog.open()
    return dialog
