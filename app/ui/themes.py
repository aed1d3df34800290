"""Light, dark and follow-the-system themes, switchable at run time: a theme is a palette and nothing else.

Fusion with explicit palettes looks the same on every OS and lets the dark theme work where the platform
has none (e.g. offscreen in tests). "System" hands the colour scheme back to the platform through
``QStyleHints.setColorScheme``. Only the chrome changes: the preview paints the code on its own background.
The palettes are data in ``resources/themes/``.

Why only a palette: the app once switched themes with ``setStyle("Fusion")`` and ``setStyleSheet`` each time.
Replacing the application's QStyle while a stylesheet is set makes Qt wrap the new style in a new
QStyleSheetStyle and delete the old one while widgets polished under it (a wizard page's children) still refer
to it; the next ``setStyleSheet`` repolishes them and crashes (the segfault on the second switch after the batch
wizard had been open). And while any stylesheet is set, a new application palette no longer reaches widgets
that exist already. So: the style is set once (:func:`install_style`), there is no stylesheet, and the few
coloured texts (scan verdicts, field errors) get their colour from :func:`set_tone`, a palette of their own.
"""

from __future__ import annotations

import json
from enum import Enum
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.resources import resource

_STYLED = "qrdesk_style_installed"


class Tone(Enum):
    """A text colour that means something; each reads on the light and the dark palette."""

    NORMAL = ""
    OK = "#1f9d55"
    WARN = "#c27c0e"
    FAIL = "#d64545"


@cache
def _palette_colours(theme: str) -> dict[QPalette.ColorRole, str]:
    """``{role: colour}`` from resources/themes/THEME.json (``{"palette": {"Window": "#f4f5f7", ...}}``)."""
    raw = json.loads(resource("themes", f"{theme}.json").read_text(encoding="utf-8"))
    return {QPalette.ColorRole[role]: colour for role, colour in raw["palette"].items()}


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


def install_style(app: QApplication) -> None:
    """Fusion, once for the life of the application (never replaced afterwards; see the module's doc)."""
    if app.property(_STYLED):
        return
    app.setStyle("Fusion")
    app.setProperty(_STYLED, True)


def apply_theme(app: QApplication, theme: str) -> str:
    """Switch the whole app to ``theme`` (system/light/dark); returns the effective light/dark name.

    Safe at any time and any number of times, with any windows and dialogs open: only the palette changes.
    """
    install_style(app)
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    effective = effective_theme(theme)
    app.setPalette(palette_for(effective))
    app.setProperty("qrdesk_theme", effective)
    return effective


def set_tone(widget: QWidget, tone: Tone) -> None:
    """Colour ``widget``'s text by what it says. Only the text roles are set (a fresh QPalette resolves nothing
    else), so every other colour still follows the theme; :attr:`Tone.NORMAL` gives the text back to it."""
    palette = QPalette()
    if tone is not Tone.NORMAL:
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, QColor(tone.value))
    widget.setPalette(palette)
