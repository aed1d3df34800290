"""The Help menu's windows: every keyboard shortcut, About (with the versions a bug report needs), the log.

The shortcut list is made from the window's own actions, so it can never disagree with what the keys do.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__

translate = QCoreApplication.translate


def versions() -> list[tuple[str, str]]:
    """``(component, version)`` of QRDesk and what it runs on, as a bug report wants them."""

    def dist(name: str, module: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:  # a bundle may carry a package without its metadata
            return str(getattr(sys.modules.get(module) or __import__(module), "__version__", "?"))

    return [("QRDesk", __version__), ("Qt", qVersion()), ("PySide6", pyside_version),
            ("Python", platform.python_version()), ("segno", dist("segno", "segno")),
            ("zxing-cpp", dist("zxing-cpp", "zxingcpp")),
            (translate("AboutBox", "Operating system"), platform.platform(terse=True))]


def show_about(parent: QWidget) -> QMessageBox:
    rows = "".join(f"<tr><td>{name}</td><td>&nbsp;{version}</td></tr>" for name, version in versions())
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("AboutBox", "About QRDesk"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(translate("AboutBox", "<b>QRDesk</b> {version}<br>Make, check and keep QR codes, offline.")
                .format(version=__version__))
    box.setInformativeText(f"<table>{rows}</table>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager (created first, so there is something to show)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """``(command, keys)`` for every action with a shortcut, in the platform's notation, sorted by command."""
    rows = {}
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
            rows[name] = ", ".join(keys)
    return sorted(rows.items(), key=lambda row: row[0].casefold())


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(440, 520)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            cells = (cell.text().casefold() for col in (0, 1) if (cell := self.table.item(row, col)) is not None)
            self.table.setRowHidden(row, bool(needle) and not any(needle in cell for cell in cells))
