"""Wires reading codes in and the thorough scan check into the main window.

Kept apart from the window's own module (as sync is): :func:`install_decode_ui` adds the commands (Open
image…, Paste image, Copy as SVG, Scan details…; the window places them in its menus), the drop target, the
robustness badge beside the scan badge and the thorough check that feeds it. The window only provides its
preview controller, status line, the spec being edited and a way to open a spec as a new item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStatusBar

from app.core.errors import QrDeskError
from app.core.spec import QrSpec
from app.ui import export as ui_export
from app.ui.actions import make_action
from app.ui.code_import import CodeImporter, DropTarget
from app.ui.errors import show_error
from app.ui.preview import PreviewController, PreviewResult
from app.ui.release import may_release
from app.ui.scan_details import ClickFilter, RobustnessBadge, ScanDetailsDialog, Thorough, ThoroughCheck

translate = QCoreApplication.translate


@dataclass
class DecodeUi:
    importer: CodeImporter
    drop: DropTarget
    badge: RobustnessBadge
    thorough: ThoroughCheck
    open_image: QAction
    paste_image: QAction
    copy_svg: QAction
    details: QAction
    dialog: ScanDetailsDialog | None = None


def install_decode_ui(window: QMainWindow, preview: PreviewController, status: QStatusBar,
                      spec: Callable[[], QrSpec], open_spec: Callable[[QrSpec, str], object],
                      scan_badge: QObject | None = None) -> DecodeUi:
    """Add the commands and widgets to ``window``; ``open_spec(spec, message)`` opens a decoded code as a new
    item, ``spec()`` is the code being edited, ``scan_badge`` the status label a click on opens the details."""
    importer = CodeImporter(window)
    importer.opened.connect(open_spec)
    importer.failed.connect(lambda message: status.showMessage(message, 8000))
    importer.busy.connect(lambda message: status.showMessage(message))
    badge = RobustnessBadge()
    status.addPermanentWidget(badge)
    thorough = ThoroughCheck(window)
    ui: DecodeUi = DecodeUi(
        importer=importer, drop=DropTarget(window, importer), badge=badge, thorough=thorough,
        open_image=make_action(window, translate("DecodeUi", "Open image…"), importer.open_dialog,
                               shortcut=QKeySequence.StandardKey.Open, icon_name="blank"),
        paste_image=make_action(window, translate("DecodeUi", "Paste image"), importer.paste,
                                shortcut=QKeySequence.StandardKey.Paste),
        copy_svg=make_action(window, translate("DecodeUi", "Copy as SVG"),
                             lambda: _copy_svg(window, status, preview, spec()), shortcut="Ctrl+Alt+C"),
        details=make_action(window, translate("DecodeUi", "Scan details…"), lambda: _show_details(window, ui),
                            shortcut="Ctrl+I"),
    )

    def on_rendered(result: PreviewResult) -> None:
        thorough.request(result.code, result.spec)
        if result.code is None:
            badge.clear()

    preview.rendered.connect(on_rendered)
    thorough.started.connect(badge.show_checking)
    thorough.finished.connect(lambda result: _show_result(ui, result))
    badge.clicked.connect(ui.details.trigger)
    if scan_badge is not None:
        clicks = ClickFilter(window)
        clicks.clicked.connect(ui.details.trigger)
        scan_badge.installEventFilter(clicks)
    return ui


def _show_result(ui: DecodeUi, result: Thorough) -> None:
    ui.badge.show_result(result)
    if ui.dialog is not None and ui.dialog.isVisible():
        ui.dialog.show_result(result)


def _show_details(window: QMainWindow, ui: DecodeUi) -> None:
    if ui.dialog is None:
        ui.dialog = ScanDetailsDialog(ui.thorough.last, window)
    else:
        ui.dialog.show_result(ui.thorough.last)
    ui.dialog.show()
    ui.dialog.raise_()


def _copy_svg(window: QMainWindow, status: QStatusBar, preview: PreviewController, spec: QrSpec) -> None:
    if not may_release(window, spec, translate("DecodeUi", "Copy as SVG"), preview.report_for(spec)):  # the one gate
        return
    try:
        ui_export.copy_svg_to_clipboard(spec)
    except QrDeskError as exc:
        show_error(window, translate("DecodeUi", "Copy failed"), exc)
        return
    status.showMessage(translate("DecodeUi", "QR code copied to the clipboard as SVG"), 4000)
