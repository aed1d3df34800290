"""The main window: library on the left, the editor in the middle, the live preview on the right.

The window owns no QR logic and little state of its own. It composes the views and wires them to plain
models: :class:`EditorModel` (the spec being edited, with undo), :class:`Document` (which library item that is
and whether it changed), :class:`LibraryStore` (the library), :class:`PresetStore`. Its parts live in their own
modules: the commands and toolbar (:mod:`app.ui.actions`), the preset row (:mod:`app.ui.preset_bar`), the
version/capacity/scan status (:mod:`app.ui.preview_status`), opening and saving library items
(:mod:`app.ui.document`), and sync (:mod:`app.ui.sync.wiring`). Every failure becomes a message box.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.batch.names import sanitize_stem
from app.core.errors import QrDeskError, SpecError
from app.core.export import ExportResult
from app.core.library import Item
from app.core.payloads import item_name
from app.core.spec import QrSpec, Style
from app.core.verify import ScanReport
from app.ui import export as ui_export
from app.ui.actions import MainActions, add_command, build_toolbar, make_action
from app.ui.decode_wiring import install_decode_ui
from app.ui.document import Document, save_document
from app.ui.editor.model import EditorModel, readable_error
from app.ui.editor.payload_form import PayloadForm
from app.ui.editor.shortcuts import install_command_keys
from app.ui.editor.style_panel import StylePanel
from app.ui.errors import show_error
from app.ui.icons import icon
from app.ui.library_store import LibraryStore
from app.ui.library_view import LibraryPanel
from app.ui.preset_bar import PresetBar
from app.ui.presets import PresetStore
from app.ui.preview import PreviewController, PreviewResult, PreviewState, PreviewWidget
from app.ui.preview_status import PreviewStatus
from app.ui.release import may_release, verdict
from app.ui.settings import Settings
from app.ui.themes import apply_theme
from app.ui.unsaved import Answer, ask_to_save
from app.ui.workers import Task, submit

if TYPE_CHECKING:
    from app.ui.sync.wiring import SyncUi

log = logging.getLogger("qrdesk.ui")

DEFAULT_SIZE = QSize(1200, 760)
EDITOR_MIN_WIDTH = 360  # the form's labels and fields stay usable
SAMPLE_SPEC = QrSpec(kind="url", fields={"url": "https://qrdesk.app/welcome"})
THEME_CHOICES = (("System theme", "system"), ("Light", "light"), ("Dark", "dark"))


class MainWindow(QMainWindow):
    exported = Signal(object)  # ExportResult, after a successful export

    def __init__(self, settings: Settings | None = None, presets: PresetStore | None = None,
                 library: LibraryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.presets = presets or PresetStore()
        self.library = library
        self.setWindowIcon(icon("qrdesk"))
        self.setObjectName("mainWindow")
        spec, self._document = self._initial_state()
        self.model = EditorModel(spec, self)
        self.preview_ctl = PreviewController(self)

        self.form = PayloadForm(self.model)
        self.style_panel = StylePanel(self.model)
        self.preview = PreviewWidget()
        self.preset_bar = PresetBar(self.presets, lambda: self.model.spec.style)
        self.preset_bar.chosen.connect(self._apply_preset)
        self.preset_bar.imported.connect(lambda n: self.statusBar().showMessage(f"Imported {n} preset(s)", 5000))
        self.library_panel = LibraryPanel(library) if library is not None else None
        if self.library_panel is not None:
            self.library_panel.open_requested.connect(self.open_item)
        self.preview_status = PreviewStatus(self.statusBar())
        self._build_layout()
        self.main_actions = self._create_actions()
        self.theme_combo = self._theme_combo()
        build_toolbar(self, self.main_actions.toolbar_groups(), self.theme_combo)
        self.decode_ui = install_decode_ui(self, self.preview_ctl, self.statusBar(), lambda: self.model.spec,
                                           self.open_spec, scan_badge=self.preview_status.scan_label)
        self._build_file_menu()
        self.sync: SyncUi | None = None
        if library is not None:
            from app.ui.sync.wiring import install_sync  # the sync client (httpx, keyring) only with a library

            self.sync = install_sync(self, library.core, self.library_panel, self.open_item)

        self.model.changed.connect(self.preview_ctl.request)
        self.model.changed.connect(lambda _spec: self._show_document())
        self.model.rejected.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        self.form.set_tab_exit(self.preset_bar.combo)
        app = QApplication.instance()
        if app is not None:
            install_command_keys(app)
        self._show_document()
        self.preview_ctl.rendered.connect(self._on_rendered)
        self.preview_ctl.checked.connect(self._on_checked)
        self.resize(DEFAULT_SIZE)
        self._restore_window()
        self.preview_ctl.request(self.model.spec)

    @property
    def current_item_id(self) -> str | None:
        """The library item the editor shows (None for a new code)."""
        return self.document.item_id

    @property
    def document(self) -> Document:
        """Which library item the editor holds and what it was when opened or saved."""
        return self._document

    @document.setter
    def document(self, document: Document) -> None:
        self._document = document
        self._show_document()

    def _show_document(self) -> None:
        """The title names the item and marks unsaved changes (Qt's ``[*]``)."""
        name = self.document.name or self.tr("New code")
        self.setWindowTitle(self.tr("{name}[*] — QRDesk").format(name=name))
        self.setWindowModified(self.document.is_modified(self.model.spec))

    # -- construction -----------------------------------------------------------------------------
    def _initial_state(self) -> tuple[QrSpec, Document]:
        """What the editor held when the app was last closed: the library item (as the library has it now),
        else the new code as it was."""
        item_id = self.settings.last_item_id
        if item_id and self.library is not None:
            try:
                item = self.library.get(item_id)
                return item.spec, Document.from_item(item)
            except (QrDeskError, OSError):
                log.info("the item the editor held is gone; starting with a new code")
        spec = SAMPLE_SPEC
        saved = self.settings.last_spec_json
        if saved:
            try:
                spec = QrSpec.from_json(saved)
            except QrDeskError:
                log.warning("ignoring an unreadable saved editor state")
        return spec, Document(spec)

    def _build_layout(self) -> None:
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(12, 12, 12, 12)
        editor_layout.setSpacing(12)
        content_box = QGroupBox("Content")
        QVBoxLayout(content_box).addWidget(self.form)
        style_box = QGroupBox("Style")
        style_layout = QVBoxLayout(style_box)
        style_layout.addWidget(self.preset_bar)
        style_layout.addWidget(self.style_panel)
        editor_layout.addWidget(content_box)
        editor_layout.addWidget(style_box)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setMinimumWidth(EDITOR_MIN_WIDTH)
        # The scroll area's own minimum is tiny: without this a narrow window squeezes the editor to a sliver.
        scroll.setMinimumWidth(EDITOR_MIN_WIDTH + scroll.verticalScrollBar().sizeHint().width())

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 12, 12, 12)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_status.summary)

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

    def _create_actions(self) -> MainActions:
        key = QKeySequence.StandardKey
        undo = self.model.undo_stack.createUndoAction(self, self.tr("Undo"))  # "Undo typing in URL"
        redo = self.model.undo_stack.createRedoAction(self, self.tr("Redo"))
        for action, shortcut, name in ((undo, key.Undo, "undo"), (redo, key.Redo, "redo")):
            action.setIcon(icon(name))
            add_command(self, action, shortcut)
        actions = MainActions(
            new=make_action(self, "New", self.new_code, shortcut=key.New, icon_name="new"),
            save=make_action(self, "Save to library", self.save_to_library, shortcut=key.Save, icon_name="save"),
            export=make_action(self, "Export…", self.export_dialog, shortcut="Ctrl+E", icon_name="export"),
            copy_image=make_action(self, "Copy image", self.copy_image, shortcut="Ctrl+Shift+C", icon_name="copy"),
            print=make_action(self, "Print…", self.print_dialog, shortcut=key.Print, icon_name="print"),
            batch=make_action(self, "Batch import…", self.open_batch, shortcut="Ctrl+B", icon_name="batch"),
            undo=undo,
            redo=redo,
            find=make_action(self, "Find in library", self._focus_search, shortcut=key.Find, icon_name="search"),
            light_theme=make_action(self, "Light theme", lambda: self.set_theme("light"), shortcut="Ctrl+Shift+L"),
            dark_theme=make_action(self, "Dark theme", lambda: self.set_theme("dark"), shortcut="Ctrl+Shift+D"),
        )
        actions.save.setEnabled(self.library is not None)
        actions.find.setEnabled(self.library_panel is not None)
        return actions

    def _build_file_menu(self) -> None:
        actions, decode = self.main_actions, self.decode_ui
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("fileMenu")
        menu.addActions([actions.new, decode.open_image, decode.paste_image])
        menu.addSeparator()
        menu.addActions([actions.save, actions.export, actions.copy_image, decode.copy_svg, actions.print])
        menu.addSeparator()
        menu.addActions([actions.batch, decode.details])

    def _theme_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName("Theme")
        for label, name in THEME_CHOICES:
            combo.addItem(label, name)
        combo.setCurrentIndex(combo.findData(self.settings.theme))
        combo.currentIndexChanged.connect(lambda: self.set_theme(combo.currentData()))
        return combo

    # -- editor and preview -----------------------------------------------------------------------
    def _on_rendered(self, result: PreviewResult) -> None:
        self.preview.show_result(result)
        self.preview_status.show_result(result)
        invalid = result.state is PreviewState.INVALID
        self.form.show_problem(result.field if invalid else "", result.message if invalid else "")

    def _on_checked(self, report: ScanReport) -> None:
        self.preview_status.show_report(report)

    def _apply_preset(self, name: str, style: Style) -> None:
        spec = self.model.spec
        self.model.end_edit()
        self.model.change(QrSpec(spec.kind, spec.fields, style),
                          self.tr("applying the preset {name}").format(name=name))

    # -- commands ---------------------------------------------------------------------------------
    def new_code(self) -> bool:
        """An empty form of the same kind and style (after asking about unsaved changes)."""
        if not self.confirm_discard():
            return False
        self.model.load(QrSpec(kind=self.model.spec.kind, fields={}, style=self.model.spec.style))
        self.document = Document(self.model.spec)
        return True

    def open_spec(self, spec: QrSpec, message: str = "") -> bool:
        """Open ``spec`` (e.g. a decoded picture) as a new item, not saved yet (after asking about unsaved
        changes); the title marks it unsaved, so it is not dropped without a question either."""
        if not self.confirm_discard():
            return False
        self.model.load(spec)
        self.document = Document(QrSpec(kind=spec.kind, style=spec.style))
        self.statusBar().showMessage(message, 8000)
        return True

    def confirm_discard(self) -> bool:
        """Whether what the editor holds may be replaced: nothing is unsaved, or the user saved it (and the save
        worked) or chose to discard it."""
        if not self.document.is_modified(self.model.spec):
            return True
        spec, document = self.model.spec, self.document
        name = document.name or item_name(spec.kind, spec.fields)  # what the library would call it
        answer = ask_to_save(self, name, new=not document.in_library, can_save=self.library is not None)
        if answer is Answer.SAVE:
            return self.save_to_library()
        return answer is Answer.DISCARD

    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "the main window needs a QApplication"
        apply_theme(app, theme)
        self.settings.theme = theme
        index = self.theme_combo.findData(theme)
        if index != self.theme_combo.currentIndex():
            self.theme_combo.blockSignals(True)
            self.theme_combo.setCurrentIndex(index)
            self.theme_combo.blockSignals(False)

    def export_dialog(self) -> None:
        spec = self.model.spec
        if not self._release(spec, self.tr("Export")):
            return
        anyway = not self._scans(spec)
        selected, suffix = ui_export.filter_for(self.settings.export_format)
        start = str(Path(self.settings.export_start_dir() or Path.home()) / f"{self._file_stem(spec)}{suffix}")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export QR code"), start, ui_export.file_filters(),
                                                   selected)
        if path:
            fmt, target = ui_export.format_for_filter(chosen, path)  # the chosen filter's suffix when none typed
            self.export_to(target, fmt, force=anyway)

    def _file_stem(self, spec: QrSpec) -> str:
        """A file name from the item's name (or what the payload means), safe on every OS."""
        name = self.document.name or item_name(spec.kind, spec.fields)
        return sanitize_stem(name) or "qr-code"

    def export_to(self, path: str | Path, fmt: str | None = None, force: bool = False) -> Task:
        """Export in a worker; the result or a message box follows. ``force``: the user chose "Export anyway"."""
        self.settings.last_export_dir = str(Path(path).parent)
        task = Task(ui_export.export_spec, self.model.spec, Path(path), self.settings.verify_exports, fmt, force)
        task.signals.finished.connect(self._exported)
        task.signals.failed.connect(lambda exc: show_error(self, "Export failed", exc))
        self.statusBar().showMessage(f"Exporting {Path(path).name}…")
        return submit(task)

    def _exported(self, result: ExportResult) -> None:
        note = " (checked: it scans)" if result.report is not None and result.report.ok else ""
        self.statusBar().showMessage(f"Exported {result.path}{note}", 8000)
        self.exported.emit(result)

    def _scans(self, spec: QrSpec) -> bool:
        try:
            return verdict(spec, self.preview_ctl.report_for(spec)).ok
        except QrDeskError:
            return False

    def _release(self, spec: QrSpec, action: str) -> bool:
        """The gate every way a code leaves the app passes (see app.ui.release)."""
        return may_release(self, spec, action, self.preview_ctl.report_for(spec))

    def copy_image(self) -> None:
        spec = self.model.spec
        if not self._release(spec, self.tr("Copy image")):
            return
        try:
            ui_export.copy_to_clipboard(spec)
        except QrDeskError as exc:
            show_error(self, self.tr("Copy failed"), exc)
            return
        self.statusBar().showMessage(self.tr("QR code copied to the clipboard"), 4000)

    def print_dialog(self) -> None:
        if not self._release(self.model.spec, self.tr("Print")):
            return
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
        from app.ui.batch_wizard import BatchWizard  # a big module only this command needs

        wizard = BatchWizard(self.model.spec.style, library=self.library, parent=self)
        if self.library_panel is not None:
            wizard.items_added.connect(self.library_panel.refresh)
        wizard.open()
        self.batch_wizard = wizard

    # -- library ----------------------------------------------------------------------------------
    def open_item(self, item: Item) -> bool:
        """Show a library item in the editor (after asking about unsaved changes)."""
        if item.id == self.document.item_id and not self.document.is_modified(self.model.spec):
            return True
        if not self.confirm_discard():
            return False
        self.model.load(item.spec)
        self.document = Document.from_item(item)
        self.statusBar().showMessage(self.tr("Opened {name}").format(name=item.name), 3000)
        return True

    def save_to_library(self) -> bool:
        """Save the editor into the library: a new item, or over the opened one. Refused, with the reason at the
        field, when the code cannot be made (the same check for new and opened items, in the library itself)."""
        if self.library is None:
            return False
        spec = self.model.spec
        try:
            self.document = save_document(self.library, self.document, spec)
        except SpecError as exc:
            reason = readable_error(exc, spec.kind)
            self.form.show_problem(exc.field, reason)
            show_error(self, self.tr("Not saved"), reason)
            return False
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Not saved"), exc)
            return False
        if self.document.baseline != spec:
            self.model.adopt(self.document.baseline)  # e.g. the logo is now the item's own file
        self.model.end_edit()  # typing after a save is a new undo step
        self._show_document()
        if self.library_panel is not None:
            self.library_panel.refresh()
        self.statusBar().showMessage(self.tr("Saved {name} to the library").format(name=self.document.name), 3000)
        if self.sync is not None:
            self.sync.controller.notify_changed()
        return True

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
        # Without a library there is nowhere to save to, and the editor comes back as it was on the next start.
        if self.library is not None and not self.confirm_discard():
            event.ignore()
            return
        if self.sync is not None:
            self.sync.controller.shutdown()
        self.decode_ui.thorough.shutdown()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        kept = self.model.spec if self.library is None else self.document.baseline  # unsaved edits were answered
        self.settings.last_spec_json = kept.to_json()
        self.settings.last_item_id = self.document.item_id or ""
        self.settings.sync()
        super().closeEvent(event)
