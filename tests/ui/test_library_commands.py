"""Commands on library items, driven through the real panel: keys, dialogs, the trash, notes, archives, drags.

Dialogs open window-modal and non-blocking; the tests find them as the user sees them (the active modal
window), fill them in and press their buttons.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QDrag
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QMessageBox
from pyzbar import pyzbar

from app.core.spec import QrSpec, Style
from app.ui.library_store import Listing, open_store


def _select(panel, *names: str) -> None:
    panel.view.clearSelection()
    selection = panel.view.selectionModel()
    rows = [row for row, item in enumerate(panel.model.items) if item.name in names]
    if len(rows) == 1:
        panel.view.setCurrentIndex(panel.model.index(rows[0]))
    for row in rows:
        selection.select(panel.model.index(row), selection.SelectionFlag.Select)
    assert len(panel.selected_ids()) == len(names)


def _modal(qtbot, kind=QDialog):
    found: list = []

    def shown() -> None:
        widget = QApplication.activeModalWidget()
        assert isinstance(widget, kind) and widget.isVisible(), widget
        found.append(widget)

    qtbot.waitUntil(shown)
    return found[-1]


def _zbar(data: bytes) -> list[str]:
    """Decoded by zbar: not the decoder the app's scan check uses (zxing-cpp)."""
    image = Image.open(io.BytesIO(data)).convert("L")
    return [r.data.decode("utf-8") for r in pyzbar.decode(np.asarray(image))]


def test_tags_on_a_multiple_selection_add_and_remove_keeping_the_rest(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    _select(panel, "Guest Wi-Fi card", "Support line", "Conference badge")  # office+wifi, office, events
    panel.act_tags.trigger()
    dialog = _modal(qtbot)
    assert dialog.objectName() == "tagsDialog"
    states = {dialog.list.item(r).text(): dialog.list.item(r).checkState() for r in range(dialog.list.count())}
    assert states == {"#events": Qt.CheckState.PartiallyChecked, "#office": Qt.CheckState.PartiallyChecked,
                      "#wifi": Qt.CheckState.PartiallyChecked}
    office = next(dialog.list.item(r) for r in range(dialog.list.count()) if dialog.list.item(r).text() == "#office")
    office.setCheckState(Qt.CheckState.Unchecked)  # remove "office" from all three
    QTest.keyClicks(dialog.new_tags, "urgent, Q3")  # add two to all three
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    tags = {i.name: set(i.tags) for i in library.items()}
    assert tags["Guest Wi-Fi card"] == {"wifi", "urgent", "Q3"}  # wifi kept: nobody touched it
    assert tags["Support line"] == {"urgent", "Q3"}
    assert tags["Conference badge"] == {"events", "urgent", "Q3"}
    assert tags["Menu — Café Nord"] == {"print"}  # not selected, not changed


def test_delete_and_f2_act_on_the_library_only_when_it_has_focus(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    _select(panel, "Support line")
    window.model.load(QrSpec("url", {"url": "https://example.org/a"}))
    edit = window.form.editor("url")
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Delete)  # a text field's Delete deletes text
    assert len(library.items()) == 5

    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_F2)
    rename = _modal(qtbot, QInputDialog)
    assert rename.textValue() == "Support line"
    rename.setTextValue("Hotline")
    rename.accept()
    assert "Hotline" in {i.name for i in library.items()}

    _select(panel, "Hotline")
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Delete)
    assert "Hotline" not in {i.name for i in library.items()}
    assert "trash" in window.statusBar().currentMessage()


def _open(window, name: str) -> None:
    panel = window.library_panel
    row = next(row for row, item in enumerate(panel.model.items) if item.name == name)
    assert window.open_item(panel.model.items[row])


def test_the_editor_follows_a_rename_of_the_item_it_holds(make_window, library, qtbot):
    # Seen on shell11 before: the title kept the old name until the item was opened again.
    window = make_window(library=library)
    _open(window, "Support line")
    _select(window.library_panel, "Support line")
    window.library_panel.view.setFocus()
    QTest.keyClick(window.library_panel.view, Qt.Key.Key_F2)
    rename = _modal(qtbot, QInputDialog)
    rename.setTextValue("Hotline")
    rename.accept()
    assert window.windowTitle().startswith("Hotline[*]") and not window.isWindowModified()
    assert window.save_to_library()
    assert {i.name for i in library.items()} >= {"Hotline"} and "Support line" not in {i.name for i in library.items()}


def test_trashing_the_item_the_editor_holds_starts_a_new_code_without_a_question(make_window, library, qtbot):
    window = make_window(library=library)
    _open(window, "Product sheet")
    _select(window.library_panel, "Product sheet")
    window.library_panel.act_delete.trigger()
    assert window.current_item_id is None and window.model.spec.fields == {}
    assert not window.isWindowModified() and window.windowTitle().startswith("New code")
    assert window.new_code()  # nothing to ask about: the question would have found no edit
    window.model.set_field("url", "https://qrdesk.app/p/4712")
    assert window.save_to_library()  # a new item; the one in the trash stays as it was
    assert [i.spec.fields["url"] for i in library.items(Listing(trashed=True))] == ["https://qrdesk.app/p/4711"]


def test_deleting_the_item_for_good_keeps_the_unsaved_edit_and_save_makes_a_new_item(make_window, library, qtbot):
    # Seen on shell11 before: Ctrl+S then failed with "no item with id …" and the edit could only be discarded.
    window = make_window(library=library)
    _open(window, "Menu — Café Nord")
    window.model.set_field("url", "https://cafe-nord.example/winter")
    _select(window.library_panel, "Menu — Café Nord")
    window.library_panel.delete_forever_selected()
    box = _modal(qtbot, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Delete").click()
    assert "Menu — Café Nord" not in {i.name for i in library.items()}
    assert window.model.spec.fields["url"] == "https://cafe-nord.example/winter"
    assert window.isWindowModified() and window.current_item_id is None
    assert window.save_to_library()
    saved = library.get(window.current_item_id)
    assert saved.spec.fields["url"] == "https://cafe-nord.example/winter" and not saved.trashed


def test_the_edit_menu_deletes_and_renames_the_selection(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    texts = [a.text() for a in window.menus.edit.actions()]
    assert panel.act_delete.text() in texts and panel.act_rename.text() in texts
    panel.view.clearSelection()
    assert not panel.act_delete.isEnabled() and not panel.act_rename.isEnabled()
    _select(panel, "Product sheet", "Support line")
    assert panel.act_delete.isEnabled() and not panel.act_rename.isEnabled()  # rename: one at a time
    panel.act_delete.trigger()  # as the menu does
    assert {i.name for i in library.items(Listing(trashed=True))} == {"Product sheet", "Support line"}


def test_delete_for_good_and_empty_trash_ask_first(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    panel.view.selectAll()
    panel.trash_selected()
    panel.show_trash.setChecked(True)
    assert panel.empty_trash_button.isVisible() and panel.model.rowCount() == 5

    _select(panel, "Support line")
    panel.act_delete_forever.trigger()
    box = _modal(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()  # Cancel keeps it
    assert panel.model.rowCount() == 5
    panel.act_delete_forever.trigger()
    box = _modal(qtbot, QMessageBox)
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    assert panel.model.rowCount() == 4

    panel.empty_trash_button.click()
    box = _modal(qtbot, QMessageBox)
    assert "4" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    assert panel.model.rowCount() == 0 and library.core.count(trashed=True) == 0
    assert not panel.empty_trash_button.isEnabled()


def test_notes_are_edited_kept_and_shown(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    _select(panel, "Product sheet")
    panel.act_notes.trigger()
    dialog = _modal(qtbot, QInputDialog)
    dialog.setTextValue("Printed on the spring flyer.\nReprint in June.")
    dialog.accept()
    item = next(i for i in library.items() if i.name == "Product sheet")
    assert item.notes == "Printed on the spring flyer.\nReprint in June."
    row = panel.model.row_of(item.id)
    assert "spring flyer" in panel.model.data(panel.model.index(row), Qt.ItemDataRole.ToolTipRole)
    panel.search.setText("reprint")  # notes are searched too
    assert [i.name for i in panel.model.items] == ["Product sheet"]


def test_a_library_archive_round_trips_into_another_library(make_window, library, qtbot, tmp_path):
    window = make_window(library=library)
    panel = window.library_panel
    _select(panel, "Support line")
    panel.trash_selected()
    archive = tmp_path / "backup.zip"
    with qtbot.waitSignal(panel.message, check_params_cb=lambda text: "backup.zip" in text and "5" in text):
        panel.export_archive(archive)

    other = open_store(str(tmp_path / "other"))
    try:
        second = make_window(library=other)
        with qtbot.waitSignal(second.library_panel.message, check_params_cb=lambda text: "5 new" in text):
            second.library_panel.import_archive(archive)
        assert second.library_panel.model.rowCount() == 4 and other.core.count(trashed=True) == 1
        with qtbot.waitSignal(second.library_panel.message, check_params_cb=lambda text: "5 unchanged" in text):
            second.library_panel.import_archive(archive)  # twice: nothing new
    finally:
        other.close()


def test_dragging_items_out_gives_files_and_pictures_that_scan(make_window, library, qtbot, monkeypatch):
    window = make_window(library=library)
    panel = window.library_panel
    dragged = []
    monkeypatch.setattr(QDrag, "exec", lambda self, *a: dragged.append(self.mimeData()) or Qt.DropAction.CopyAction)
    _select(panel, "Menu — Café Nord", "Support line")
    panel.view.startDrag(Qt.DropAction.CopyAction)  # what the view calls when the mouse drags a selection
    mime = dragged[-1]
    files = sorted(url.toLocalFile() for url in mime.urls())
    assert [f.rsplit("/", 1)[-1] for f in files] == ["Menu — Café Nord.png", "Support line.png"]
    texts = {_zbar(Path(f).read_bytes())[0] for f in files}
    assert texts == {"https://cafe-nord.example/menu", "tel:+4930123456"}
    assert _zbar(bytes(mime.data("image/png")))[0] in texts
    assert bytes(mime.data("image/svg+xml")).startswith((b"<?xml", b"<svg"))

    window.settings.export_format = "svg"  # the preferences' default format decides the file type
    _select(panel, "Support line")
    panel.view.startDrag(Qt.DropAction.CopyAction)
    assert dragged[-1].urls()[0].toLocalFile().endswith("Support line.svg")
    window.close()
    assert not any(Path(f).exists() for f in files)  # the session's drag files are gone


def test_a_code_that_does_not_scan_is_not_dragged_out(make_window, library, qtbot, monkeypatch):
    library.add_spec(QrSpec.text("grey on grey", Style(fg="#808080", bg="#8a8a8a")), name="Too pale")
    window = make_window(library=library)
    panel = window.library_panel
    dragged = []
    monkeypatch.setattr(QDrag, "exec", lambda self, *a: dragged.append(self.mimeData()) or Qt.DropAction.CopyAction)
    _select(panel, "Too pale")
    panel.view.startDrag(Qt.DropAction.CopyAction)
    box = _modal(qtbot, QMessageBox)
    assert "Too pale" in box.text() and "does not scan" in box.text()
    assert dragged == []
    box.close()
    window.settings.verify_exports = False  # the check is off in the preferences: the user asked for it
    panel.view.startDrag(Qt.DropAction.CopyAction)
    assert len(dragged) == 1


def test_a_user_preset_can_be_deleted_and_the_built_ins_stay(make_window, qtbot):
    window = make_window()
    bar = window.preset_bar
    built_in = list(bar.names())
    window.presets.save("Shop blue", Style(fg="#123456"))
    bar.reload()
    assert "Shop blue" in bar.names()
    dialog = bar.ask_delete()
    assert dialog is not None and dialog.comboBoxItems() == ["Shop blue"]  # only the user's own
    dialog.setTextValue("Shop blue")
    dialog.accept()
    assert bar.names() == built_in and "Shop blue" not in window.presets.user_presets()
