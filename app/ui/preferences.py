"""Edit → Preferences: theme, language, export defaults, the scan check and the library's folder.

:class:`Preferences` is the plain value the dialog edits; it is read from and written to the profile
(:class:`Settings` for the app's preferences, :class:`Profile` for the library folder the CLI shares). The
window applies what changed (the theme at once; the language and the library folder at the next start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.profile import Profile
from app.ui.export import EXPORT_FORMATS
from app.ui.i18n import available_languages
from app.ui.settings import Settings


@dataclass(frozen=True)
class Preferences:
    theme: str = "system"
    language: str = ""  # "" follows the system
    export_dir: str = ""  # "" starts the export dialog in the last folder used
    export_format: str = "png"
    verify_exports: bool = True
    library_dir: Path | None = None  # None: the profile's default place

    @classmethod
    def load(cls, settings: Settings, profile: Profile) -> Preferences:
        return cls(settings.theme, settings.language, settings.default_export_dir, settings.export_format,
                   settings.verify_exports, profile.chosen_library_dir())

    def save(self, settings: Settings, profile: Profile) -> None:
        """Write every value (the library folder only when it changed: profile.json is shared with the CLI)."""
        settings.theme = self.theme
        settings.language = self.language
        settings.default_export_dir = self.export_dir
        settings.export_format = self.export_format
        settings.verify_exports = self.verify_exports
        settings.sync()
        if self.library_dir != profile.chosen_library_dir():
            profile.choose_library_dir(self.library_dir)


class PreferencesDialog(QDialog):
    """Edits a :class:`Preferences`; :meth:`value` is the result after ``accept``."""

    def __init__(self, current: Preferences, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.profile = profile
        self._initial = current

        self.theme = QComboBox()
        for label, name in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                            (self.tr("Dark"), "dark")):
            self.theme.addItem(label, name)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in available_languages():
            self.language.addItem(name, code)
        self.export_dir = QLineEdit()
        self.export_dir.setPlaceholderText(self.tr("The folder of the last export"))
        self.export_dir.setClearButtonEnabled(True)
        self.export_format = QComboBox()
        for label, fmt, patterns in EXPORT_FORMATS:
            self.export_format.addItem(f"{QCoreApplication.translate('Export', label)} ({patterns})", fmt)
        self.verify = QCheckBox(self.tr("Check that a code scans before it leaves QRDesk"))
        self.verify.setToolTip(self.tr("Export, copy, print and drag decode the code first. A code that does "
                                       "not scan is refused, with the choice to go ahead anyway."))
        self.library_dir = QLineEdit()
        self.library_dir.setPlaceholderText(str(profile.default_library_dir))
        self.library_dir.setClearButtonEnabled(True)
        for combo, name in ((self.theme, self.tr("Theme")), (self.language, self.tr("Language")),
                            (self.export_format, self.tr("Default export format"))):
            combo.setAccessibleName(name)
        self.export_dir.setAccessibleName(self.tr("Default export folder"))
        self.library_dir.setAccessibleName(self.tr("Library folder"))

        appearance = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(appearance)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", _note(self.tr("A new language applies when QRDesk starts again.")))
        export = QGroupBox(self.tr("Export"))
        form = QFormLayout(export)
        form.addRow(self.tr("Folder:"), _with_browse(self.export_dir, self._browse_export_dir, self.tr("Browse…")))
        form.addRow(self.tr("Format:"), self.export_format)
        form.addRow("", self.verify)
        library = QGroupBox(self.tr("Library"))
        form = QFormLayout(library)
        form.addRow(self.tr("Folder:"), _with_browse(self.library_dir, self._browse_library_dir, self.tr("Browse…")))
        form.addRow("", _note(self.tr("A library in another folder opens when QRDesk starts again; the qrdesk "
                                      "command uses it too. Preferences are kept in {path}.")
                              .format(path=profile.settings_path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel |
                                   QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(lambda: self.show_value(Preferences()))
        layout = QVBoxLayout(self)
        for box in (appearance, export, library):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self.show_value(current)

    def show_value(self, prefs: Preferences) -> None:
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.export_dir.setText(prefs.export_dir)
        self.export_format.setCurrentIndex(max(0, self.export_format.findData(prefs.export_format)))
        self.verify.setChecked(prefs.verify_exports)
        self.library_dir.setText(str(prefs.library_dir) if prefs.library_dir is not None else "")

    def value(self) -> Preferences:
        folder = self.library_dir.text().strip()
        library_dir = Path(folder).expanduser() if folder else None
        if library_dir == self.profile.default_library_dir:
            library_dir = None
        return replace(self._initial, theme=self.theme.currentData(), language=self.language.currentData(),
                       export_dir=self.export_dir.text().strip(), export_format=self.export_format.currentData(),
                       verify_exports=self.verify.isChecked(), library_dir=library_dir)

    def _browse_export_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Default export folder"), self.export_dir.text())
        if folder:
            self.export_dir.setText(folder)

    def _browse_library_dir(self) -> None:
        start = self.library_dir.text() or str(self.profile.default_library_dir)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), start)
        if folder:
            self.library_dir.setText(folder)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def _with_browse(edit: QLineEdit, browse: Callable[[], None], text: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton(text)
    button.setAccessibleName(f"{text} {edit.accessibleName()}")
    button.clicked.connect(lambda _checked=False: browse())
    layout.addWidget(button)
    return row
