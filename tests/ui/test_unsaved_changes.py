"""Unsaved edits are never dropped without a question, and nothing that does not encode reaches the library.

Seen on main: New, opening another item and quitting dropped edits silently; Ctrl+S on an opened item with an
invalid URL said "Saved" and wrote it over a good item; the title never said which item was open.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from uihelpers import answering, wait_preview

from app.core.encode import check_spec
from app.core.spec import QrSpec

Button = QMessageBox.StandardButton


def _open(window, name: str):
    panel = window.library_panel
    row = next(r for r in range(panel.model.rowCount()) if panel.model.items[r].name == name)
    panel.open_row(row)
    return panel.model.items[row]


def _type(qtbot, window, field: str, text: str) -> None:
    editor = window.form.editor(field)
    window.activateWindow()  # a closed question may leave no window active
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)  # the window becomes active through events; shortcuts need that
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_the_title_names_the_item_and_marks_unsaved_changes(make_window, library, qtbot):
    window = make_window(library=library)
    _open(window, "Product sheet")
    assert window.windowTitle() == "Product sheet[*] — QRDesk" and not window.isWindowModified()
    _type(qtbot, window, "url", "https://qrdesk.app/p/4712")
    assert window.isWindowModified()
    window.main_actions.undo.trigger()
    assert not window.isWindowModified()  # back to what was opened


@pytest.mark.parametrize("command", ["new", "open another", "open a decoded picture", "quit"])
def test_every_way_to_replace_the_editor_asks_first(make_window, library, qtbot, command):
    window = make_window(library=library)
    item = _open(window, "Product sheet")
    _type(qtbot, window, "url", "https://qrdesk.app/p/edited")
    edited = window.model.spec
    replace = {"new": window.new_code,
               "open another": lambda: _open(window, "Menu — Café Nord"),
               "open a decoded picture": lambda: window.open_spec(QrSpec.text("decoded")),
               "quit": window.close}[command]

    with answering(Button.Cancel) as question:
        replace()
    assert question.asked and "Product sheet" in question.asked[0]
    assert window.model.spec == edited and window.isVisible()  # Cancel: nothing changed

    with answering(Button.Save):
        replace()
    assert library.get(item.id).spec.fields["url"] == "https://qrdesk.app/p/edited"  # Save: kept, then replaced
    if command == "quit":
        assert not window.isVisible()


def test_discard_drops_the_edit_and_keeps_the_library_as_it_was(make_window, library, qtbot):
    window = make_window(library=library)
    item = _open(window, "Product sheet")
    _type(qtbot, window, "url", "https://qrdesk.app/p/dropped")
    with answering(Button.Discard):
        assert window.new_code()
    assert window.model.spec.fields == {} and not window.isWindowModified()
    assert library.get(item.id).spec == item.spec
    assert window.form.problem() == ("", "")  # a fresh New shows no error
    wait_preview(qtbot, window)
    assert window.preview_status.summary.text() == "Nothing to encode yet"


def test_a_decoded_picture_opens_unsaved_so_it_is_not_dropped_either(make_window, library):
    window = make_window(library=library)
    window.open_spec(QrSpec("url", {"url": "https://decoded.example/x"}), "Opened the URL code from a.png.")
    assert window.isWindowModified() and window.current_item_id is None
    with answering(Button.Cancel) as question:
        assert not window.new_code()
    assert "decoded.example/x" in question.asked[0]  # named by what it holds


def test_ctrl_s_on_an_opened_item_with_invalid_input_refuses_with_the_reason_like_a_new_item(make_window, library,
                                                                                             qtbot):
    window = make_window(library=library)
    item = _open(window, "Product sheet")
    _type(qtbot, window, "url", "not a url")
    before = {i.id: i.spec for i in library.items()}
    with answering(Button.Ok, name="errorBox") as refusal:
        qtbot.keyClick(window.form.editor("url"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(refusal.asked))
    assert refusal.asked[0].startswith("URL: ")  # the field's label, not "url:"
    assert window.form.problem()[0] == "url" and window.form.problem()[1].startswith("URL: ")
    assert {i.id: i.spec for i in library.items()} == before and library.get(item.id).spec == item.spec
    assert window.isWindowModified()

    with answering(Button.Discard):
        window.new_code()
    _type(qtbot, window, "url", "still not a url")
    with answering(Button.Ok, name="errorBox") as refusal:
        window.main_actions.save.trigger()
        qtbot.waitUntil(lambda: bool(refusal.asked))
    assert refusal.asked[0].startswith("URL: ")
    assert {i.id: i.spec for i in library.items()} == before
    for stored in library.items():
        check_spec(stored.spec)


def test_save_then_reopen_the_app_shows_the_same_item(make_window, library, qtbot, settings):
    window = make_window(library=library)
    _type(qtbot, window, "url", "https://qrdesk.app/kept")
    window.main_actions.save.trigger()
    saved_id = window.current_item_id
    assert saved_id is not None and window.windowTitle().startswith("qrdesk.app/kept[*]")
    window.close()
    again = make_window(library=library)
    assert again.current_item_id == saved_id and not again.isWindowModified()
