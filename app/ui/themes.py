"""Light, dark and follow-the-system themes, switchable at run time.

Fusion with explicit palettes looks the same on every OS and lets the dark theme work where the platform
has none (e.g. offscreen in tests). "System" hands the colour scheme back to the platform through
``QStyleHints.setColorScheme``. Only the chrome changes: the preview paints the code on its own background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7",
    QPalette.ColorRole.WindowText: "#1d1f23",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#e9ebef",
    QPalette.ColorRole.Text: "#1d1f23",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1d1f23",
    QPalette.ColorRole.Highlight: "#2f6fde",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1d1f23",
    QPalette.ColorRole.PlaceholderText: "#8a8f98",
    QPalette.ColorRole.Mid: "#c9ccd3",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e1e3e8",
    QPalette.ColorRole.Dark: "#a0a4ac",
    QPalette.ColorRole.Link: "#2f6fde",
}
_DARK = {
    QPalette.ColorRole.Window: "#1f2126",
    QPalette.ColorRole.WindowText: "#e6e7ea",
    QPalette.ColorRole.Base: "#272a30",
    QPalette.ColorRole.AlternateBase: "#2f333a",
    QPalette.ColorRole.Text: "#e6e7ea",
    QPalette.ColorRole.Button: "#2c2f36",
    QPalette.ColorRole.ButtonText: "#e6e7ea",
    QPalette.ColorRole.Highlight: "#4a86f0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2c2f36",
    QPalette.ColorRole.ToolTipText: "#e6e7ea",
    QPalette.ColorRole.PlaceholderText: "#80858f",
    QPalette.ColorRole.Mid: "#454952",
    QPalette.ColorRole.Light: "#3a3e46",
    QPalette.ColorRole.Midlight: "#33363d",
    QPalette.ColorRole.Dark: "#15171a",
    QPalette.ColorRole.Link: "#7aa7ff",
}

_STYLESHEET = """
QToolBar { border: none; spacing: 6px; padding: 4px 8px; }
QGroupBox { font-weight: 600; border: 1px solid palette(mid); border-radius: 8px; margin-top: 14px;
            padding: 10px 10px 8px 10px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox { padding: 4px 6px; }
QStatusBar QLabel { padding: 0 6px; }
QLabel#scanOk { color: #1f9d55; font-weight: 600; }
QLabel#scanWarn { color: #c27c0e; font-weight: 600; }
QLabel#scanFail { color: #d64545; font-weight: 600; }
QListView { border: none; }
"""


def palette_for(theme: str) -> QPalette:
    roles = _DARK if theme == "dark" else _LIGHT
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(roles[QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def effective_theme(theme: str) -> str:
    """``light`` or ``dark``: what ``system`` resolves to on this platform right now."""
    if theme in ("light", "dark"):
        return theme
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, theme: str) -> str:
    """Switch the whole app to ``theme`` (system/light/dark); returns the effective light/dark name."""
    app.setStyle("Fusion")
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    effective = effective_theme(theme)
    app.setPalette(palette_for(effective))
    app.setStyleSheet(_STYLESHEET)
    app.setProperty("qrdesk_theme", effective)
    return effective
