"""Light, dark and follow-the-system themes, switchable at run time.

Fusion with explicit palettes looks the same on every OS and lets the dark theme work where the platform
has none (e.g. offscreen in tests). "System" hands the colour scheme back to the platform through
``QStyleHints.setColorScheme``. Only the chrome changes: the preview paints the code on its own background.
The colours and the stylesheet are data in ``resources/themes/``.
"""

from __future__ import annotations

import json
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import resource


@cache
def _palette_colours(theme: str) -> dict[QPalette.ColorRole, str]:
    """``{role: colour}`` from resources/themes/THEME.json (``{"palette": {"Window": "#f4f5f7", ...}}``)."""
    raw = json.loads(resource("themes", f"{theme}.json").read_text(encoding="utf-8"))
    return {QPalette.ColorRole[role]: colour for role, colour in raw["palette"].items()}


@cache
def _stylesheet() -> str:
    return resource("themes", "qrdesk.qss").read_text(encoding="utf-8")


def palette_for(theme: str) -> QPalette:
    roles = _palette_colours("dark" if theme == "dark" else "light")
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
    app.setStyleSheet(_stylesheet())
    app.setProperty("qrdesk_theme", effective)
    return effective
