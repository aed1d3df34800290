"""The preset row of the style box: apply, save, import and export style presets.

A thin view over :class:`PresetStore`: it lists the presets, asks for names and files, and emits ``chosen``
with the preset's style; the window decides what applying a style means (an undoable editor change).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu, QPushButton, QWidget

from app.core.errors import QrDeskError
from app.core.spec import Style
from app.ui.actions import tool_button
from app.ui.errors import show_error
from app.ui.presets import PresetStore
from app.ui.words import preset_name


class PresetBar(QWidget):
    chosen = Signal(str, object)  # preset name, its Style
    imported = Signal(int)  # how many presets a file brought in

    def __init__(self, presets: PresetStore, current_style: Callable[[], Style], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presets = presets
        self._current_style = current_style
        self._styles: dict[str, Style] = {}
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Style preset"))
        self.combo.setToolTip(self.tr("Apply a saved style preset"))
        self.combo.activated.connect(self._activated)
        save = tool_button(self.tr("Save…"), self.tr("Save style as preset"), self.save_current)
        # A push button, not a tool button: Fusion draws a tool button's menu arrow over its text ("Share" read
        # "Shar▾"), while a push button makes room for it.
        share = QPushButton(self.tr("Share"))
        share.setToolTip(self.tr("Import or export presets"))
        menu = QMenu(share)
        menu.addAction(self.tr("Import presets…"), self.import_file)
        menu.addAction(self.tr("Export presets…"), self.export_file)
        menu.addSeparator()
        self.delete_action = menu.addAction(self.tr("Delete a preset…"), self.ask_delete)
        share.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Preset")))
        row.addWidget(self.combo, 1)
        row.addWidget(save)
        row.addWidget(share)
        self.reload()

    def names(self) -> list[str]:
        return list(self._styles)

    def reload(self) -> None:
        try:
            styles = self.presets.load()
        except QrDeskError as exc:
            styles = {}
            message = str(exc)
            # After construction: the window that owns this row may not be shown yet.
            title = self.tr("Presets")
            QTimer.singleShot(0, lambda: show_error(self.window(), title, message))
        self._styles = styles
        self.combo.clear()
        self.combo.addItem(self.tr("Choose…"), None)
        for name in styles:
            self.combo.addItem(preset_name(name), name)

    def choose(self, name: str) -> None:
        """Apply the preset called ``name`` (as picking it in the list does)."""
        if name in self._styles:
            self.chosen.emit(name, self._styles[name])

    def _activated(self) -> None:
        name = self.combo.currentData()
        if isinstance(name, str):
            self.choose(name)

    def save_current(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save style preset"), self.tr("Name:"))
        if not ok:
            return
        try:
            self.presets.save(name, self._current_style())
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Save preset failed"), exc)
            return
        self.reload()

    def ask_delete(self) -> QInputDialog | None:
        """Choose one of the user's presets to delete (the built-in ones stay)."""
        try:
            names = sorted(self.presets.user_presets(), key=str.casefold)
        except QrDeskError as exc:
            show_error(self, self.tr("Presets"), exc)
            return None
        if not names:
            show_error(self, self.tr("Delete a preset"), self.tr("There are no presets of yours to delete; the "
                                                                 "built-in presets cannot be deleted."))
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("deletePresetDialog")
        dialog.setWindowTitle(self.tr("Delete a preset"))
        dialog.setLabelText(self.tr("Preset to delete:"))
        dialog.setComboBoxItems(names)
        current = self.combo.currentData()
        if current in names:
            dialog.setTextValue(current)
        dialog.setOkButtonText(self.tr("Delete"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.delete)
        dialog.open()
        return dialog

    def delete(self, name: str) -> None:
        try:
            self.presets.delete(name)
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Delete preset failed"), exc)
            return
        self.reload()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import presets"), "", self.tr("Presets (*.json)"))
        if not path:
            return
        try:
            names = self.presets.import_file(Path(path))
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Import presets failed"), exc)
            return
        self.reload()
        self.imported.emit(len(names))

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export presets"), "qrdesk-presets.json",
                                              self.tr("Presets (*.json)"))
        if not path:
            return
        try:
            self.presets.export_file(Path(path))
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Export presets failed"), exc)
