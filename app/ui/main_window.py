"""The main window: library on the left, the editor in the middle, the live preview on the right.

The window owns no QR logic and little state of its own. It composes the views and wires them to plain
models: :class:`EditorModel` (the spec being edited, with undo), :class:`Document` (which library item that is
and whether it changed), :class:`LibraryStore` (the library), :class:`PresetStore`. Its parts live in their own
modules: the commands and toolbar (:mod:`app.ui.actions`), the menu bar (:mod:`app.ui.menus`), the preset row
(:mod:`app.ui.preset_bar`), the version/capacity/scan status (:mod:`app.ui.preview_status`), opening and
saving library items (:mod:`app.ui.document`), preferences (:mod:`app.ui.preferences`), the Help menu's
windows (:mod:`app.ui.help`) and sync (:mod:`app.ui.sync.wiring`). Every failure becomes a message box.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QrDeskError, SpecError
from app.core.export import ExportResult
from app.core.library import Item, ItemNotFoundError
from app.core.payloads import item_name
from app.core.profile import Profile
from app.core.spec import QrSpec, Style
from app.core.verify import ScanReport
from app.ui import export as ui_export
from app.ui.actions import (
    MainActions,
    add_command,
    build_toolbar,
    free_keys,
    make_action,
    make_toggle,
    standard_keys,
)
from app.ui.decode_wiring import install_decode_ui
from app.ui.document import Document, save_document
from app.ui.editor.model import EditorModel, readable_error
from app.ui.editor.payload_form import PayloadForm
from app.ui.editor.shortcuts import install_command_keys
from app.ui.editor.style_panel import StylePanel
from app.ui.errors import log_path, show_error
from app.ui.help import ShortcutsDialog, open_folder, show_about
from app.ui.icons import icon
from app.ui.library_store import LibraryStore
from app.ui.library_view import LibraryPanel
from app.ui.menus import LibraryCommands, add_help_menu, build_menus
from app.ui.preferences import Preferences, PreferencesDialog
from app.ui.preset_bar import PresetBar
from app.ui.presets import PresetStore
from app.ui.preview import PreviewController, PreviewResult, PreviewState, PreviewWidget
from app.ui.preview_status import PreviewStatus
from app.ui.release import may_release, verdict
from app.ui.settings import ZOOM_LEVELS, Settings
from app.ui.themes import apply_theme
from app.ui.unsaved import Answer, ask_to_save
from app.ui.words import QT_TRANSLATE_NOOP
from app.ui.workers import Task, submit

if TYPE_CHECKING:
    from app.ui.sync.wiring import SyncUi

log = logging.getLogger("qrdesk.ui")

DEFAULT_SIZE = QSize(1200, 760)
EDITOR_MIN_WIDTH = 360  # the form's labels and fields stay usable
SAMPLE_SPEC = QrSpec(kind="url", fields={"url": "https://qrdesk.app/welcome"})
THEME_CHOICES = ((QT_TRANSLATE_NOOP("MainWindow", "System theme"), "system"),
                 (QT_TRANSLATE_NOOP("MainWindow", "Light"), "light"), (QT_TRANSLATE_NOOP("MainWindow", "Dark"), "dark"))


def _keep_with(dialog: QDialog, printer: QPrinter) -> None:
    """Keep ``printer`` alive as long as ``dialog``, which only points at it: a local QPrinter was freed when the
    command returned while its dialog still used it (a segfault in the theme soak after Print preview…). The
    connection holds the printer and goes with the dialog."""
    dialog.finished.connect(lambda _result, kept=printer: kept)


def _warm_up() -> None:
    """Runs in a worker once the window has been painted: NumPy and the encoder's NumPy path, which the
    preview uses for every keystroke once NumPy is loaded (app.core.encode: 10x faster per code than segno's
    pure-Python steps); imported here rather than before the window shows (a cold start's largest import)."""
    import numpy  # noqa: F401

    from app.core import fastsegno  # noqa: F401


class MainWindow(QMainWindow):
    exported = Signal(object)  # ExportResult, after a successful export

    def __init__(self, settings: Settings | None = None, presets: PresetStore | None = None,
                 library: LibraryStore | None = None, profile: Profile | None = None) -> None:
        super().__init__()
        self.profile = profile or Profile.current()
        self.settings = settings or Settings()
        self.presets = presets or PresetStore()
        self.library = library
        self.setWindowIcon(icon("qrdesk"))
        self.setObjectName("mainWindow")
        self._warm = False  # the typing path's libraries load after the first paint (see _warm_up)
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
            # Renamed, trashed or deleted in the grid, by an archive import or a sync: the editor follows.
            self.library_panel.model.modelReset.connect(self._follow_library)
            self.library_panel.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self.library_panel.drag_format = lambda: self.settings.export_format
            self.library_panel.drag_verify = lambda: self.settings.verify_exports
        self.preview_status = PreviewStatus(self.statusBar())
        self._build_layout()
        self.main_actions = self._create_actions()
        self.theme_combo = self._theme_combo()
        build_toolbar(self, self.main_actions.toolbar_groups(), self.theme_combo)
        self.decode_ui = install_decode_ui(self, self.preview_ctl, self.statusBar(), lambda: self.model.spec,
                                           self.open_spec, scan_badge=self.preview_status.scan_label)
        panel = self.library_panel
        self.menus = build_menus(self, self.main_actions,
                                 LibraryCommands(panel.act_delete, panel.act_rename) if panel is not None else None,
                                 self.decode_ui)
        self.sync: SyncUi | None = None
        if library is not None:
            from app.ui.sync.wiring import install_sync  # the sync client (httpx, keyring) only with a library

            self.sync = install_sync(self, library.core, self.library_panel, self.open_item)
        add_help_menu(self, self.main_actions)
        if panel is not None:
            free_keys(panel.view.actions(), self.actions())  # the window's commands keep their keys
        self._show_theme(self.settings.theme)
        self.preview.set_zoom(self.settings.zoom)
        if panel is not None:
            panel.setVisible(self.settings.library_visible)

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
        title = self.tr("{name}[*] — QRDesk").format(name=name)
        if title != self.windowTitle():  # runs on every keystroke: only tell the platform what changed
            self.setWindowTitle(title)
        modified = self.document.is_modified(self.model.spec)
        if modified != self.isWindowModified():
            self.setWindowModified(modified)

    # -- construction -----------------------------------------------------------------------------
    def _initial_state(self) -> tuple[QrSpec, Document]:
        """What the editor held when the app was last closed: the library item (as the library has it now),
        else the new code as it was."""
        item_id = self.settings.last_item_id
        if item_id and self.library is not None:
            try:
                item = self.library.get(item_id)
                if not item.trashed:
                    return item.spec, Document.from_item(item)
            except (QrDeskError, OSError):
                pass
            log.info("the item the editor held is gone or in the trash; starting with a new code")
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
        content_box = QGroupBox(self.tr("Content"))
        QVBoxLayout(content_box).addWidget(self.form)
        style_box = QGroupBox(self.tr("Style"))
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
        # No prefix: Qt's own "Undo %1" / "Redo %1" (qtbase catalogue) place the command's name where the language
        # wants it ("Undo typing in URL", "Eingabe in URL rückgängig machen"); a prefix can only go in front.
        undo = self.model.undo_stack.createUndoAction(self)
        redo = self.model.undo_stack.createRedoAction(self)
        for action, shortcut, name in ((undo, key.Undo, "undo"), (redo, key.Redo, "redo")):
            action.setIcon(icon(name))
            add_command(self, action, shortcut)
        panel = self.library_panel
        actions = MainActions(
            new=make_action(self, self.tr("&New"), self.new_code, shortcut=key.New, icon_name="new"),
            save=make_action(self, self.tr("&Save to library"), self.save_to_library, shortcut=key.Save,
                             icon_name="save"),
            duplicate=make_action(self, self.tr("D&uplicate"), self.duplicate_item, shortcut="Ctrl+D"),
            export=make_action(self, self.tr("&Export…"), self.export_dialog, shortcut="Ctrl+E", icon_name="export"),
            batch=make_action(self, self.tr("&Batch import…"), self.open_batch, shortcut="Ctrl+B", icon_name="batch"),
            import_archive=make_action(self, self.tr("&Import library archive…"),
                                       lambda: panel is not None and panel.import_archive()),
            export_archive=make_action(self, self.tr("Export library &archive…"),
                                       lambda: panel is not None and panel.export_archive()),
            print=make_action(self, self.tr("&Print…"), self.print_dialog, shortcut=key.Print, icon_name="print"),
            print_preview=make_action(self, self.tr("Print pre&view…"), self.print_preview, shortcut="Ctrl+Shift+P"),
            quit=make_action(self, self.tr("&Quit"), self.close, shortcut=standard_keys(key.Quit, "Ctrl+Q"),
                             role=QAction.MenuRole.QuitRole),
            undo=undo,
            redo=redo,
            copy_image=make_action(self, self.tr("&Copy image"), self.copy_image, shortcut="Ctrl+Shift+C",
                                   icon_name="copy"),
            preferences=make_action(self, self.tr("Prefere&nces…"), self.open_preferences,
                                    shortcut=standard_keys(key.Preferences, "Ctrl+,"),
                                    role=QAction.MenuRole.PreferencesRole),
            find=make_action(self, self.tr("&Find in library"), self._focus_search, shortcut=key.Find,
                             icon_name="search"),
            theme_system=make_action(self, self.tr("Follow the &system"), lambda: self.set_theme("system")),
            light_theme=make_action(self, self.tr("&Light"), lambda: self.set_theme("light"), shortcut="Ctrl+Shift+L"),
            dark_theme=make_action(self, self.tr("&Dark"), lambda: self.set_theme("dark"), shortcut="Ctrl+Shift+D"),
            show_library=make_toggle(self, self.tr("&Library panel"), self.show_library, self.settings.library_visible,
                                     shortcut="F9"),
            zoom_in=make_action(self, self.tr("Zoom &in"), lambda: self.zoom(+1), shortcut=key.ZoomIn),
            zoom_out=make_action(self, self.tr("Zoom &out"), lambda: self.zoom(-1), shortcut=key.ZoomOut),
            zoom_reset=make_action(self, self.tr("&Fit the preview"), lambda: self.zoom(0), shortcut="Ctrl+0"),
            shortcuts=make_action(self, self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                  shortcut=[*QKeySequence.keyBindings(key.HelpContents), QKeySequence("Ctrl+/")]),
            log_folder=make_action(self, self.tr("Open the &log folder"), self.open_log_folder),
            about=make_action(self, self.tr("&About QRDesk"), self.show_about, role=QAction.MenuRole.AboutRole),
        )
        for action in (actions.save, actions.duplicate, actions.import_archive, actions.export_archive):
            action.setEnabled(self.library is not None)
        actions.find.setEnabled(panel is not None)
        actions.show_library.setEnabled(panel is not None)
        return actions

    def _theme_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Theme"))
        for label, name in THEME_CHOICES:
            combo.addItem(self.tr(label), name)
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
        self._show_theme(theme)

    def _show_theme(self, theme: str) -> None:
        """The toolbar's chooser and View → Theme show ``theme`` (without switching again)."""
        index = self.theme_combo.findData(theme)
        if index != self.theme_combo.currentIndex():
            self.theme_combo.blockSignals(True)
            self.theme_combo.setCurrentIndex(index)
            self.theme_combo.blockSignals(False)
        action = self.main_actions.themes().get(theme)
        if action is not None:
            action.setChecked(True)

    def export_dialog(self) -> None:
        spec = self.model.spec
        if not self._release(spec, self.tr("Export")):
            return
        anyway = not self._scans(spec)
        # the folder and format chosen in the preferences; the file named after the item
        selected, suffix = ui_export.filter_for(self.settings.export_format)
        start = str(Path(self.settings.export_start_dir() or Path.home()) / f"{self._file_stem(spec)}{suffix}")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export QR code"), start, ui_export.file_filters(),
                                                   selected)
        if path:
            fmt, target = ui_export.format_for_filter(chosen, path)  # the chosen filter's suffix when none typed
            self.export_to(target, fmt, force=anyway)

    def _file_stem(self, spec: QrSpec) -> str:
        """A file name from the item's name (or what the payload means), safe on every OS."""
        from app.core.batch.names import sanitize_stem  # the batch package pulls reportlab: 1 s of start-up

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
        _keep_with(dialog, printer)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one dialog per Print…, not one more child each
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            size = ui_export.print_spec(self.model.spec, printer)
        except QrDeskError as exc:
            show_error(self, "Print failed", exc)
            return
        self.statusBar().showMessage(f"Printed at {size:.1f} mm", 5000)

    def print_preview(self) -> QPrintPreviewDialog | None:
        """The page as it will print: the code at its true size (what Print… would send). The preview prints
        too, so it passes the same gate as Print…"""
        if not self._release(self.model.spec, self.tr("Print")):
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        _keep_with(dialog, printer)  # the open preview paints on it after this method returns
        dialog.setObjectName("printPreviewDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        spec = self.model.spec

        def paint(target: QPrinter) -> None:
            try:
                ui_export.print_spec(spec, target)
            except QrDeskError as exc:
                show_error(dialog, self.tr("Print preview"), exc)

        dialog.paintRequested.connect(paint)
        dialog.open()
        return dialog

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
        self._show_item(item)
        return True

    def _show_item(self, item: Item) -> None:
        self.model.load(item.spec)
        self.document = Document.from_item(item)
        self.statusBar().showMessage(self.tr("Opened {name}").format(name=item.name), 3000)

    def _follow_library(self) -> None:
        """The item the editor holds changed in the library: the title takes its new name; when it left the
        library (trash, delete for good, another machine) the editor holds a new code: its unsaved edits stay,
        unsaved, so Save makes a new item and nothing is lost; without edits the form starts afresh."""
        document = self.document
        if self.library is None or document.item_id is None:
            return
        try:
            item: Item | None = self.library.get(document.item_id)
        except (ItemNotFoundError, OSError):
            item = None
        if item is not None and not item.trashed:
            if item.name != document.name:
                self.document = replace(document, name=item.name)
            return
        spec = self.model.spec
        if document.is_modified(spec):
            self.document = Document(QrSpec(kind=spec.kind, style=spec.style))
            message = self.tr("“{name}” is no longer in the library; your changes stay here as a new code")
        else:
            self.model.load(QrSpec(kind=spec.kind, fields={}, style=spec.style))
            self.document = Document(self.model.spec)
            message = self.tr("“{name}” is no longer in the library; the editor starts a new code")
        self.statusBar().showMessage(message.format(name=document.name), 8000)

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

    def duplicate_item(self) -> None:
        """A copy of the open item (with the editor's changes, its tags and notes) opens in its place; the
        original stays as it was saved."""
        if self.library is None or self.document.item_id is None:
            self.statusBar().showMessage(self.tr("Save the code to the library first, then duplicate it"), 5000)
            return
        spec = self.model.spec
        try:
            original = self.library.get(self.document.item_id)
            copy = self.library.add_spec(spec, name=self.tr("{name} (copy)").format(name=original.name),
                                         tags=original.tags)
            if original.notes:
                self.library.set_notes(copy.id, original.notes)
                copy = self.library.get(copy.id)
        except SpecError as exc:
            reason = readable_error(exc, spec.kind)
            self.form.show_problem(exc.field, reason)
            show_error(self, self.tr("Duplicate failed"), reason)
            return
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Duplicate failed"), exc)
            return
        self._show_item(copy)  # the editor's changes live on in the copy: nothing to ask about
        if self.library_panel is not None:
            self.library_panel.refresh()
            self.library_panel.select_item(copy.id)
        if self.sync is not None:
            self.sync.controller.notify_changed()

    def _focus_search(self) -> None:
        if self.library_panel is not None:
            self.library_panel.search.setFocus()

    # -- view, preferences and help ---------------------------------------------------------------
    def show_library(self, visible: bool) -> None:
        if self.library_panel is not None:
            self.library_panel.setVisible(visible)
            self.settings.library_visible = visible

    def zoom(self, step: int) -> None:
        """One zoom level in (+1) or out (-1) for the preview; 0 fits the code to the preview again."""
        levels = list(ZOOM_LEVELS)
        current = levels.index(self.settings.zoom)
        percent = 100 if step == 0 else levels[max(0, min(len(levels) - 1, current + step))]
        self.settings.zoom = percent
        self.preview.set_zoom(percent)
        self.main_actions.zoom_in.setEnabled(percent < levels[-1])
        self.main_actions.zoom_out.setEnabled(percent > levels[0])
        self.statusBar().showMessage(self.tr("Preview zoom {percent} %").format(percent=percent), 2000)

    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(Preferences.load(self.settings, self.profile), self.profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_preferences(dialog.value()))
        dialog.open()
        return dialog

    def _apply_preferences(self, chosen: Preferences) -> None:
        before = Preferences.load(self.settings, self.profile)
        try:
            chosen.save(self.settings, self.profile)
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Preferences"), exc)
            return
        if chosen.theme != before.theme:
            self.set_theme(chosen.theme)
        if (chosen.language, chosen.library_dir) != (before.language, before.library_dir):
            self.statusBar().showMessage(self.tr("The new language or library folder applies when QRDesk starts "
                                                 "again"), 8000)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions() + (self.library_panel.view.actions() if self.library_panel else []),
                                 self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_log_folder(self) -> None:
        folder = log_path().parent
        if not open_folder(folder):
            show_error(self, self.tr("Log folder"), self.tr("No file manager could open {folder}.")
                       .format(folder=folder))

    def show_about(self) -> None:
        show_about(self)

    # -- start-up ---------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._warm:
            self._warm = True
            QTimer.singleShot(0, lambda: submit(Task(_warm_up)))
        return super().event(event)

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
        if self.library_panel is not None:
            self.library_panel.cleanup()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        kept = self.model.spec if self.library is None else self.document.baseline  # unsaved edits were answered
        self.settings.last_spec_json = kept.to_json()
        self.settings.last_item_id = self.document.item_id or ""
        self.settings.sync()
        super().closeEvent(event)
