"""Theme switching is safe with any dialog, any number of times (seen on main: a segfault in
QApplication.setStyleSheet on the second switch after the batch wizard had been open)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
# The windows issue 11 added: preferences, help, print preview, the library's commands, deleting a preset.
ISSUE_11_DIALOGS = ("preferencesDialog", "shortcutsDialog", "aboutBox", "printPreviewDialog", "tagsDialog",
                    "renameDialog", "notesDialog", "confirmDeleteBox", "deletePresetDialog")


def test_every_dialog_then_fifty_theme_switches_in_a_process_of_its_own(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "QRDESK_HOME": str(tmp_path),
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests" / "ui")])}
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "soak_themes.py"), str(tmp_path), "50"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "soak ok" in proc.stdout
    for dialog in ("batchWizard", "QPrintDialog", "QFileDialog", "QColorDialog", "errorBox", *ISSUE_11_DIALOGS):
        assert dialog in proc.stdout, f"{dialog} was never opened:\n{proc.stdout}"


def test_a_theme_switch_changes_the_palette_only_and_it_reaches_every_widget(make_window, library, qtbot):
    # Replacing the QStyle while a stylesheet was set is what crashed; and while any stylesheet is set a new
    # application palette never reaches the widgets that exist (the editor stayed light in the dark theme).
    from dialogs import dialog_openers, open_and_close

    from app.ui.themes import palette_for

    window = make_window(library=library)
    open_and_close(dialog_openers(window)["action Batch import…"])
    app = QApplication.instance()
    window.set_theme("light")
    style = app.style()
    for theme in ("dark", "system", "light", "dark"):
        window.set_theme(theme)
        assert app.style() is style and app.styleSheet() == ""
    QApplication.processEvents()  # the new palette reaches widgets through posted events
    dark = palette_for("dark")
    for widget in window.findChildren(QWidget):
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            assert widget.palette().color(role) == dark.color(role), (widget, role)
    # What the user sees: the editor column is dark too, not only the window frame.
    editor = window.form.kind_combo.parentWidget()
    shot = editor.grab().toImage()
    assert shot.pixelColor(2, 2).lightness() < 80
