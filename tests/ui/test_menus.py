"""The menu bar and what its commands do: File, Edit, View, Sync, Help, with the platform's standard keys."""

from __future__ import annotations

import importlib.metadata
import platform

import numpy as np
import segno
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox
from uihelpers import wait_preview

from app import __version__
from app.core.spec import QrSpec
from app.ui.imaging import qimage_to_pil

KEY = QKeySequence.StandardKey


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _modal(qtbot, name: str):
    found: list = []

    def shown() -> None:
        widget = QApplication.activeModalWidget()
        assert widget is not None and widget.objectName() == name and widget.isVisible(), widget
        found.append(widget)

    qtbot.waitUntil(shown)
    return found[-1]


def test_the_menu_bar_has_the_desktop_menus_in_order(make_window, library):
    window = make_window(library=library)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Sync", "Help"]
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert _texts(menus["File"]) == ["New", "Open image…", "Save to library", "Duplicate", "Export…", "Batch import…",
                                     "Import library archive…", "Export library archive…", "Print…",
                                     "Print preview…", "Quit"]
    assert _texts(menus["Edit"]) == ["Undo", "Redo", "Copy image", "Copy as SVG", "Paste image", "Move to trash",
                                     "Rename…", "Find in library", "Preferences…"]
    assert _texts(menus["View"]) == ["Theme", "Library panel", "Scan details…", "Zoom in", "Zoom out",
                                     "Fit the preview"]
    assert _texts(menus["Help"]) == ["Keyboard shortcuts", "Open the log folder", "About QRDesk"]


def test_commands_use_the_platforms_standard_keys(make_window, library):
    window = make_window(library=library)
    actions = window.main_actions
    for action, key in ((actions.new, KEY.New), (actions.save, KEY.Save), (actions.print, KEY.Print),
                        (actions.undo, KEY.Undo), (actions.redo, KEY.Redo), (actions.find, KEY.Find),
                        (actions.zoom_in, KEY.ZoomIn), (actions.zoom_out, KEY.ZoomOut)):
        assert action.shortcuts() and action.shortcuts() == QKeySequence.keyBindings(key), action.text()
    for action, key in ((actions.quit, KEY.Quit), (actions.preferences, KEY.Preferences)):
        assert action.shortcuts() == (QKeySequence.keyBindings(key) or action.shortcuts())
        assert action.shortcuts(), f"{action.text()} has a key even where the platform has none"
    assert window.library_panel.act_delete.shortcuts() == QKeySequence.keyBindings(KEY.Delete)
    assert window.library_panel.act_rename.shortcut() == QKeySequence("F2")
    every = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(every) == len(set(every)), "two commands share a key"


def test_no_key_does_two_things(make_window, library):
    # Qt runs neither command when two shortcuts match a key; the grid's keys are active while it has focus.
    window = make_window(library=library)
    owners: dict[str, list[str]] = {}
    for action in window.actions() + window.library_panel.view.actions():
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_the_window_keeps_its_keys_when_the_platforms_delete_is_also_ctrl_d(make_window, library):
    # X11 desktops bind QKeySequence.Delete to Del and Ctrl+D; Ctrl+D is Duplicate here (seen under Xvfb).
    from app.ui.actions import free_keys

    window = make_window(library=library)
    grid_delete = window.library_panel.act_delete
    grid_delete.setShortcuts([QKeySequence("Del"), QKeySequence("Ctrl+D")])
    free_keys(window.library_panel.view.actions(), window.actions())
    assert [k.toString() for k in grid_delete.shortcuts()] == ["Del"]
    assert window.main_actions.duplicate.shortcut().toString() == "Ctrl+D"


def test_the_shortcuts_window_lists_every_key_the_window_knows(make_window, library, qtbot):
    window = make_window(library=library)
    window.main_actions.shortcuts.trigger()
    dialog = _modal(qtbot, "shortcutsDialog")
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for action in window.actions() + window.library_panel.view.actions():
        for key in action.shortcuts():
            assert any(key.toString(QKeySequence.SequenceFormat.NativeText) in cell for cell in listed), action.text()
    dialog.filter.setText("trash")
    visible = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())
               if not dialog.table.isRowHidden(r)]
    assert visible == ["Move to trash"]
    dialog.reject()


def test_about_names_the_versions_a_bug_report_needs(make_window, qtbot):
    window = make_window()
    window.main_actions.about.trigger()
    box = _modal(qtbot, "aboutBox")
    text = box.text() + box.informativeText()
    for version in (__version__, qVersion(), pyside_version, platform.python_version(), segno.__version__,
                    importlib.metadata.version("zxing-cpp")):
        assert version in text
    box.close()


def test_open_the_log_folder_shows_the_profiles_log_folder(make_window, monkeypatch, tmp_path):
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window = make_window()
    window.main_actions.log_folder.trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "home" / "logs")]


def test_preferences_are_kept_and_applied(make_window, library, qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    from app.core.profile import Profile

    window = make_window(library=library)
    window.profile = Profile.current()
    window.main_actions.preferences.trigger()
    dialog = _modal(qtbot, "preferencesDialog")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.export_dir.setText(str(tmp_path / "exports"))
    dialog.export_format.setCurrentIndex(dialog.export_format.findData("svg"))
    dialog.verify.setChecked(False)
    dialog.library_dir.setText(str(tmp_path / "moved"))
    dialog.accept()
    assert QApplication.instance().property("qrdesk_theme") == "dark"
    assert window.main_actions.dark_theme.isChecked() and window.theme_combo.currentData() == "dark"
    assert (settings.theme, settings.default_export_dir, settings.export_format, settings.verify_exports) == \
        ("dark", str(tmp_path / "exports"), "svg", False)
    assert Profile.current().library_dir == tmp_path / "moved"  # what the next start (and the CLI) opens
    assert "starts again" in window.statusBar().currentMessage()

    window.main_actions.preferences.trigger()
    dialog = _modal(qtbot, "preferencesDialog")
    assert dialog.value().export_format == "svg" and dialog.library_dir.text() == str(tmp_path / "moved")
    dialog.reject()
    window.set_theme("light")


def test_the_library_panel_can_be_hidden_and_stays_hidden(make_window, library, settings):
    window = make_window(library=library)
    window.main_actions.show_library.trigger()
    assert not window.library_panel.isVisible() and settings.library_visible is False
    window.close()
    again = make_window(library=library)
    assert not again.library_panel.isVisible() and not again.main_actions.show_library.isChecked()
    again.main_actions.show_library.trigger()
    assert again.library_panel.isVisible()


def _code_width(window) -> int:
    image = np.asarray(qimage_to_pil(window.preview.grab().toImage()).convert("L"))
    dark = np.where(image < 60)
    return int(dark[1].max() - dark[1].min())


def test_zoom_magnifies_the_preview_and_fit_brings_it_back(make_window, qtbot):
    window = make_window()
    window.model.load(QrSpec.text("zoom"))
    wait_preview(qtbot, window, "zoom")
    fitted = _code_width(window)
    window.main_actions.zoom_out.trigger()
    smaller = _code_width(window)
    window.main_actions.zoom_reset.trigger()
    window.main_actions.zoom_in.trigger()
    window.main_actions.zoom_in.trigger()
    larger = _code_width(window)
    assert smaller < fitted < larger
    window.main_actions.zoom_reset.trigger()
    assert _code_width(window) == fitted and window.settings.zoom == 100


def test_duplicate_opens_a_copy_with_the_edits_and_keeps_the_original(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    row = next(r for r, item in enumerate(panel.model.items) if item.name == "Product sheet")
    original = panel.model.items[row]
    panel.open_row(row)
    window.model.load(QrSpec("url", {"url": "https://qrdesk.app/p/4712"}, original.spec.style))
    window.main_actions.duplicate.trigger()
    items = {i.name: i for i in library.items()}
    assert items["Product sheet"].spec == original.spec
    copy = items["Product sheet (copy)"]
    assert copy.spec.fields["url"] == "https://qrdesk.app/p/4712" and window.current_item_id == copy.id


def test_duplicate_of_a_code_not_in_the_library_says_what_to_do(make_window, library):
    window = make_window(library=library)
    window.new_code()
    window.main_actions.duplicate.trigger()
    assert len(library.items()) == 5 and "Save" in window.statusBar().currentMessage()


def test_print_preview_shows_the_page(make_window, qtbot):
    window = make_window()
    window.main_actions.print_preview.trigger()
    dialog = _modal(qtbot, "printPreviewDialog")
    assert isinstance(dialog, QPrintPreviewDialog)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    dialog.reject()


def test_quit_closes_the_window(make_window):
    window = make_window()
    window.main_actions.quit.trigger()
    assert not window.isVisible()
