"""The main window: library on the left, the editor in the middle, the live preview on the right.

The window owns no QR logic: it wires views to the :class:`EditorModel`, the preview controller and
core functions, and turns every failure into a message box.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QrDeskError
from app.core.spec import QrSpec
from app.core.verify import ScanReport
from app.ui import export as ui_export
from app.ui.editor.model import EditorModel
from app.ui.editor.payload_form import PayloadForm
from app.ui.editor.style_panel import StylePanel
from app.ui.errors import show_error
from app.ui.icons import icon
from app.ui.presets import PresetStore
from app.ui.preview import PreviewController, PreviewResult, PreviewWidget
from app.ui.settings import Settings
from app.ui.themes import apply_theme
from app.ui.workers import Task, submit

log = logging.getLogger("qrdesk.ui")

DEFAULT_SIZE = QSize(1200, 760)
SAMPLE_SPEC = QrSpec(kind="url", fields={"url": "https://qrdesk.app/welcome"})


class MainWindow(QMainWindow):
    exported = Signal(object)  # ExportResult, after a successful export

    def __init__(self, settings: Settings | None = None, presets: PresetStore | None = None,
                 library: object | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.presets = presets or PresetStore()
        self.setWindowTitle("QRDesk")
        self.setWindowIcon(icon("qrdesk"))
        self.setObjectName("mainWindow")
        self.model = EditorModel(self._initial_spec(), self)
        self.preview_ctl = PreviewController(self)
        self.current_item_id: object | None = None

        self.form = PayloadForm(self.model)
        self.style_panel = StylePanel(self.model)
        self.preview = PreviewWidget()
        self.library_panel = self._make_library_panel(library)
        self._build_layout()
        self._build_actions()
        self._build_status()
        self.sync = self._build_sync(library)

        self.model.changed.connect(self._spec_changed)
        self.model.rejected.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        self.preview_ctl.rendered.connect(self._on_rendered)
        self.preview_ctl.checked.connect(self._on_checked)
        self.resize(DEFAULT_SIZE)
        self._restore_window()
        self.preview_ctl.request(self.model.spec)

    # -- construction -----------------------------------------------------------------------------
    def _initial_spec(self) -> QrSpec:
        saved = self.settings.last_spec_json
        if saved:
            try:
                return QrSpec.from_json(saved)
            except QrDeskError:
                log.warning("ignoring an unreadable saved editor state")
        return SAMPLE_SPEC

    def _make_library_panel(self, library: object | None) -> QWidget | None:
        if library is None:
            return None
        from app.ui.library_view import LibraryPanel

        panel = LibraryPanel(library)
        panel.open_requested.connect(self.open_item)
        return panel

    def _build_layout(self) -> None:
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(12, 12, 12, 12)
        editor_layout.setSpacing(12)
        content_box = QGroupBox("Content")
        QVBoxLayout(content_box).addWidget(self.form)
        style_box = QGroupBox("Style")
        style_layout = QVBoxLayout(style_box)
        style_layout.addLayout(self._preset_row())
        style_layout.addWidget(self.style_panel)
        editor_layout.addWidget(content_box)
        editor_layout.addWidget(style_box)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setMinimumWidth(360)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 12, 12, 12)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.summary)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        if self.library_panel is not None:
            self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        sizes = [300, 430, 470] if self.library_panel is not None else [520, 680]
        self.splitter.setSizes(sizes)
        self.splitter.setStretchFactor(self.splitter.count() - 1, 1)
        self.setCentralWidget(self.splitter)

    def _preset_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Style preset")
        self.preset_combo.setToolTip("Apply a saved style preset")
        self._reload_presets()
        self.preset_combo.activated.connect(self._apply_preset)
        save = QToolButton(text="Save…")
        save.setAccessibleName("Save style as preset")
        save.clicked.connect(self.save_preset)
        more = QToolButton(text="Share")
        more.setAccessibleName("Import or export presets")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.addAction("Import presets…", self.import_presets)
        more.addAction("Export presets…", self.export_presets)
        row.addWidget(QLabel("Preset"))
        row.addWidget(self.preset_combo, 1)
        row.addWidget(save)
        row.addWidget(more)
        return row

    def _build_actions(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)

        def action(text: str, slot, shortcut=None, icon_name: str = "", on_bar: bool = True) -> QAction:
            act = QAction(icon(icon_name) if icon_name else icon("blank"), text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            if on_bar:
                bar.addAction(act)
            return act

        self.act_new = action("New", self.new_code, QKeySequence.StandardKey.New, icon_name="new")
        self.act_save = action("Save to library", self.save_to_library, QKeySequence.StandardKey.Save, icon_name="save")
        self.act_save.setEnabled(self.library_panel is not None)
        bar.addSeparator()
        self.act_export = action("Export…", self.export_dialog, "Ctrl+E", icon_name="export")
        self.act_copy = action("Copy image", self.copy_image, "Ctrl+Shift+C", icon_name="copy")
        self.act_print = action("Print…", self.print_dialog, QKeySequence.StandardKey.Print, icon_name="print")
        self.act_batch = action("Batch import…", self.open_batch, "Ctrl+B", icon_name="batch")
        bar.addSeparator()
        self.act_undo = self.model.undo_stack.createUndoAction(self, "Undo")
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = self.model.undo_stack.createRedoAction(self, "Redo")
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.act_redo.setIcon(icon("redo"))
        for act in (self.act_undo, self.act_redo):
            self.addAction(act)
            bar.addAction(act)

        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Theme")
        for label, name in (("System theme", "system"), ("Light", "light"), ("Dark", "dark")):
            self.theme_combo.addItem(label, name)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self.settings.theme))
        self.theme_combo.currentIndexChanged.connect(lambda: self.set_theme(self.theme_combo.currentData()))
        bar.addWidget(self.theme_combo)

        theme_group = QActionGroup(self)
        for name, key in (("light", "Ctrl+Shift+L"), ("dark", "Ctrl+Shift+D")):
            act = QAction(f"{name.title()} theme", self, shortcut=QKeySequence(key))
            act.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            theme_group.addAction(act)
            self.addAction(act)
        focus_search = QAction("Find in library", self, shortcut=QKeySequence.StandardKey.Find)
        focus_search.triggered.connect(self._focus_search)
        self.addAction(focus_search)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.version_label = QLabel()
        self.version_label.setAccessibleName("Version and error correction")
        self.capacity_label = QLabel()
        self.capacity_label.setAccessibleName("Capacity used")
        self.scan_label = QLabel()
        self.scan_label.setAccessibleName("Scan check")
        for label in (self.version_label, self.capacity_label, self.scan_label):
            bar.addPermanentWidget(label)

    def _build_sync(self, library: object | None):
        """Sync menu, actions and status indicator (only with a library); see app/ui/sync/."""
        if library is None:
            return None
        from app.ui.sync.wiring import install_sync

        return install_sync(self, getattr(library, "core", library))

    # -- editor and preview -----------------------------------------------------------------------
    def _spec_changed(self, spec: QrSpec) -> None:
        self.preview_ctl.request(spec)

    def _on_rendered(self, result: PreviewResult) -> None:
        self.preview.show_result(result)
        if result.code is None:
            self.version_label.setText("—")
            self.capacity_label.setText("")
            self._set_scan("fail" if result.error and "Nothing" not in result.error else "", result.error)
            self.summary.setText(result.error)
            return
        code = result.code
        self.version_label.setText(f"Version {code.version} · ECC {code.ecc or '—'}")
        self.capacity_label.setText(f"{code.capacity_used:.0%} of capacity")
        self.summary.setText(_short(code.data, 90))
        self._set_scan("", "Checking…")

    def _on_checked(self, report: ScanReport) -> None:
        if not report.ok:
            self._set_scan("fail", "Fails: " + ("; ".join(report.errors) or "does not decode"))
        elif report.warnings:
            self._set_scan("warn", "Scannable, but: " + "; ".join(report.warnings))
        else:
            self._set_scan("ok", "✓ Scannable")

    def _set_scan(self, state: str, text: str) -> None:
        names = {"ok": "scanOk", "warn": "scanWarn", "fail": "scanFail"}
        self.scan_label.setObjectName(names.get(state, "scanIdle"))
        self.scan_label.setText(_short(text, 110))
        self.scan_label.setToolTip(text)
        self.scan_label.style().unpolish(self.scan_label)
        self.scan_label.style().polish(self.scan_label)

    # -- actions ----------------------------------------------------------------------------------
    def new_code(self) -> None:
        self.current_item_id = None
        self.model.load(QrSpec(kind=self.model.spec.kind, fields={}, style=self.model.spec.style))

    def set_theme(self, theme: str) -> None:
        apply_theme(QApplication.instance(), theme)
        self.settings.theme = theme
        index = self.theme_combo.findData(theme)
        if index != self.theme_combo.currentIndex():
            self.theme_combo.blockSignals(True)
            self.theme_combo.setCurrentIndex(index)
            self.theme_combo.blockSignals(False)

    def export_dialog(self) -> None:
        start = str(Path(self.settings.last_export_dir or Path.home()) / "qr-code.png")
        path, _ = QFileDialog.getSaveFileName(self, "Export QR code", start, ui_export.FILE_FILTERS)
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Task:
        """Export in a worker; the result or a message box follows."""
        self.settings.last_export_dir = str(Path(path).parent)
        task = Task(ui_export.export_spec, self.model.spec, Path(path), self.settings.verify_exports)
        task.signals.finished.connect(self._exported)
        task.signals.failed.connect(lambda exc: show_error(self, "Export failed", exc))
        self.statusBar().showMessage(f"Exporting {Path(path).name}…")
        return submit(task)

    def _exported(self, result) -> None:
        note = " (checked: it scans)" if result.report is not None and result.report.ok else ""
        self.statusBar().showMessage(f"Exported {result.path}{note}", 8000)
        self.exported.emit(result)

    def copy_image(self) -> None:
        try:
            ui_export.copy_to_clipboard(self.model.spec)
        except QrDeskError as exc:
            show_error(self, "Copy failed", exc)
            return
        self.statusBar().showMessage("QR code copied to the clipboard", 4000)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            size = ui_export.print_spec(self.model.spec, printer)
        except QrDeskError as exc:
            show_error(self, "Print failed", exc)
            return
        self.statusBar().showMessage(f"Printed at {size:.1f} mm", 5000)

    def open_batch(self) -> None:
        try:
            from app.ui.batch_wizard import BatchWizard
        except ImportError as exc:
            show_error(self, "Batch import", f"Batch import is not available in this build ({exc}).")
            return
        wizard = BatchWizard(self.model.spec.style, library=getattr(self.library_panel, "library", None),
                             parent=self)
        if self.library_panel is not None:
            wizard.items_added.connect(self.library_panel.refresh)
        wizard.open()
        self.batch_wizard = wizard

    # -- presets ----------------------------------------------------------------------------------
    def _reload_presets(self) -> None:
        try:
            presets = self.presets.load()
        except QrDeskError as exc:
            presets = {}
            message = str(exc)
            QTimer.singleShot(0, lambda: show_error(self, "Presets", message))
        self._preset_styles = presets
        self.preset_combo.clear()
        self.preset_combo.addItem("Choose…", None)
        for name in presets:
            self.preset_combo.addItem(name, name)

    def _apply_preset(self) -> None:
        name = self.preset_combo.currentData()
        if name in self._preset_styles:
            self.model.change(QrSpec(self.model.spec.kind, self.model.spec.fields, self._preset_styles[name]),
                              f"Apply preset {name}")

    def save_preset(self) -> None:
        name, ok = QInputDialog.getText(self, "Save style preset", "Name:")
        if not ok:
            return
        try:
            self.presets.save(name, self.model.spec.style)
        except (QrDeskError, OSError) as exc:
            show_error(self, "Save preset failed", exc)
            return
        self._reload_presets()

    def import_presets(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import presets", "", "Presets (*.json)")
        if not path:
            return
        try:
            names = self.presets.import_file(Path(path))
        except (QrDeskError, OSError) as exc:
            show_error(self, "Import presets failed", exc)
            return
        self._reload_presets()
        self.statusBar().showMessage(f"Imported {len(names)} preset(s)", 5000)

    def export_presets(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export presets", "qrdesk-presets.json", "Presets (*.json)")
        if not path:
            return
        try:
            self.presets.export_file(Path(path))
        except (QrDeskError, OSError) as exc:
            show_error(self, "Export presets failed", exc)

    # -- library ----------------------------------------------------------------------------------
    def open_item(self, item_id: object, spec: QrSpec) -> None:
        self.current_item_id = item_id
        self.model.load(spec)
        self.statusBar().showMessage("Opened from the library", 3000)

    def save_to_library(self) -> None:
        if self.library_panel is None:
            return
        try:
            self.current_item_id = self.library_panel.save_spec(self.current_item_id, self.model.spec)
        except (QrDeskError, OSError) as exc:
            show_error(self, "Save failed", exc)
            return
        self.statusBar().showMessage("Saved to the library", 3000)
        if self.sync is not None:
            self.sync.controller.notify_changed()

    def _focus_search(self) -> None:
        if self.library_panel is not None:
            self.library_panel.search.setFocus()

    # -- window state -----------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sync is not None:
            self.sync.controller.shutdown()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.last_spec_json = self.model.spec.to_json()
        self.settings.sync()
        super().closeEvent(event)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

