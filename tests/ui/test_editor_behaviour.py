"""The editor as a person uses it all day: type switches, undo steps, keys from any field, tab order, a narrow
window, export names, the gate every copy passes, the logo's level, the style options the core has.

Seen on main: a filled URL switched to Text showed "url: is not a field of text" forever; Ctrl+E did nothing
in a text field; tab order broke after a type change; the editor shrank to ~60 px; Copy image put a code that
does not scan on the clipboard without a word; the ECC box said M while a logo made the code H.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from uihelpers import answering, decode, wait_preview

from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import QrSpec, Style
from app.ui.preview import PreviewState

INTERNAL = re.compile(r"\b(?:style\.)?[a-z]+_?[a-z]*: ")  # "ssid: ", "first_name: ", "style.logo: "
FILLED = {
    "text": {"text": "Front desk"}, "url": {"url": "https://cafe.example/menu"},
    "wifi": {"ssid": "Guest", "password": "welcome-2026", "security": "WPA"},
    "vcard": {"first_name": "Ada", "last_name": "Lovelace", "mobile": "+44 20 7946 0000"},
    "mecard": {"first_name": "Grace", "last_name": "Hopper", "phone": "+1 555 0100"},
    "email": {"email": "jane@example.com", "subject": "Lunch"}, "sms": {"number": "+49 170 1234567"},
    "phone": {"number": "+49 30 123456"}, "geo": {"latitude": "48.8584", "longitude": "2.2945"},
    "event": {"summary": "Team lunch", "start": "2025-06-01 12:30"},
}


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _pick_kind(window, kind: str) -> None:
    window.form.kind_combo.setCurrentIndex(window.form.kind_combo.findData(kind))  # what choosing in the box does
    # New fields are shown by a posted event, which a person's next key press queues behind; keyClick does not.
    QApplication.processEvents()


def test_every_pair_of_kinds_switches_cleanly_filled_or_empty(make_window, qtbot):
    window = make_window()
    for source, target in itertools.permutations(PAYLOAD_KINDS, 2):
        for fields in (FILLED[source], {}):
            window.model.load(QrSpec(source, fields))
            _pick_kind(window, target)
            wait_preview(qtbot, window)
            result = window.preview_ctl.last
            assert set(window.model.spec.fields) <= {f.name for f in PAYLOAD_KINDS[target].fields}
            assert "is not a field of" not in result.message, (source, target, result.message)
            assert not INTERNAL.match(result.message), (source, target, result.message)
            if not fields:
                assert result.state is PreviewState.EMPTY and window.form.problem() == ("", "")
            # The form is usable at once: typing into the new kind's first field reaches the spec.
            first = PAYLOAD_KINDS[target].fields[0].name
            editor = window.form.editor(first)
            if hasattr(editor, "setText"):
                editor.setText("x")
                editor.textEdited.emit("x")
                assert window.model.spec.fields[first] == "x"


def test_a_filled_url_switched_to_text_keeps_the_text_and_shows_its_code(make_window, qtbot):
    window = make_window()
    window.model.load(QrSpec("url", {"url": "https://cafe.example/menu"}))
    _pick_kind(window, "text")
    assert window.form.editor("text").toPlainText() == "https://cafe.example/menu"
    wait_preview(qtbot, window, "https://cafe.example/menu")
    _pick_kind(window, "sms")  # a text that is no phone number is dropped, not kept as a wrong one
    assert window.model.spec.fields == {}


def test_undo_names_the_edit_and_never_spans_two_edits_or_a_save(make_window, library, qtbot):
    window = make_window(library=library)
    url = window.form.editor("url")
    _focus(qtbot, window, url)
    url.selectAll()
    qtbot.keyClicks(url, "https://a.example")
    assert window.main_actions.undo.text() == "Undo typing in URL"
    window.style_panel.quiet.setFocus()  # leaving the field ends the edit
    _focus(qtbot, window, url)
    qtbot.keyClicks(url, "/b")
    window.main_actions.undo.trigger()
    assert window.model.spec.fields["url"] == "https://a.example"  # only the second edit is undone

    qtbot.keyClicks(url, "/c")
    window.main_actions.save.trigger()
    qtbot.keyClicks(url, "/d")
    window.main_actions.undo.trigger()
    assert window.model.spec.fields["url"] == "https://a.example/c"  # the save split the typing
    _pick_kind(window, "text")
    assert window.main_actions.undo.text() == "Undo changing the type to Text"
    window.style_panel.micro.click()
    assert window.main_actions.undo.text() == "Undo changing the Micro QR"


@pytest.mark.parametrize("field", ["url", "caption", "search", "quiet zone"])
def test_command_keys_work_from_any_field(make_window, library, qtbot, monkeypatch, field):
    window = make_window(library=library)
    widget = {"url": window.form.editor("url"), "caption": window.style_panel.caption,
              "search": window.library_panel.search, "quiet zone": window.style_panel.quiet}[field]
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (asked.append(args[1]), ("", ""))[1]))
    _focus(qtbot, window, widget)
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # a QLineEdit's "end of line"
    assert asked == ["Export QR code"]
    with answering(QMessageBox.StandardButton.Cancel, name="unsavedPrompt"):
        window.model.set_field("url", "https://typed.example")
        qtbot.keyClick(widget, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.model.spec.fields.get("url") == "https://typed.example"  # asked, and Cancel kept it
    _focus(qtbot, window, widget)  # the question had the focus
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.current_item_id is not None and not window.isWindowModified()


def test_a_field_keeps_the_keys_it_needs_to_edit_text(make_window, qtbot):
    window = make_window()
    url = window.form.editor("url")
    _focus(qtbot, window, url)
    url.selectAll()
    qtbot.keyClick(url, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == window.model.spec.fields["url"]


def test_tab_goes_through_the_new_fields_in_order_after_a_type_change(make_window, qtbot):
    window = make_window()
    _pick_kind(window, "wifi")
    _focus(qtbot, window, window.form.kind_combo)
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    fields = [window.form.editor(f.name) for f in PAYLOAD_KINDS["wifi"].fields]
    assert visited[:4] == fields
    assert visited[4] is window.preset_bar.combo  # then on into the style, not back to the top


def test_a_narrow_window_keeps_the_editor_usable(make_window, library, qtbot):
    window = make_window(library=library)
    window.resize(640, 600)
    qtbot.waitUntil(lambda: window.width() <= 1000)
    editor = window.splitter.widget(1)
    assert editor.width() >= 360


def test_export_names_the_file_after_the_item_and_the_filter_adds_its_suffix(make_window, library, qtbot,
                                                                              monkeypatch, tmp_path):
    window = make_window(library=library)
    window.library_panel.open_row(next(r for r in range(window.library_panel.model.rowCount())
                                       if window.library_panel.model.items[r].name == "Menu — Café Nord"))
    offered = []

    def save_dialog(parent, title, start, filters, selected=""):
        offered.append(start)
        return str(tmp_path / "menu"), "SVG vector (*.svg)"  # typed without a suffix, SVG chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    with qtbot.waitSignal(window.exported, timeout=20000) as done:
        window.main_actions.export.trigger()
    assert Path(offered[0]).name == "Menu — Café Nord.png"
    assert done.args[0].path == tmp_path / "menu.svg" and (tmp_path / "menu.svg").read_text().startswith("<")


PALE = QrSpec("url", {"url": "https://pale.example"}, Style(fg="#eeeeee", bg="#ffffff"))


@pytest.mark.parametrize("action", ["copy_image", "copy_svg", "print", "print_preview", "export"])
def test_a_code_that_does_not_scan_leaves_only_after_an_explicit_anyway(make_window, qtbot, monkeypatch, action):
    window = make_window()
    window.model.load(PALE)
    QGuiApplication.clipboard().setText("before")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    trigger = {"copy_image": window.main_actions.copy_image.trigger, "copy_svg": window.decode_ui.copy_svg.trigger,
               "print": window.main_actions.print.trigger, "export": window.main_actions.export.trigger,
               "print_preview": window.main_actions.print_preview.trigger}[action]  # its Print button prints
    with answering(QMessageBox.StandardButton.Cancel, name="releaseGate") as gate:
        trigger()
    assert gate.asked and gate.asked[0].startswith("A phone may not read this code: ")
    assert QGuiApplication.clipboard().text() == "before"  # nothing left the app
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "printPreviewDialog" and w.isVisible()]
    if action == "copy_image":
        label = "Copy image anyway"
        with answering(label, name="releaseGate"):
            trigger()
        assert QGuiApplication.clipboard().image().width() > 0


def test_copy_image_of_a_good_code_asks_nothing(make_window):
    window = make_window()
    window.model.load(QrSpec("url", {"url": "https://good.example"}))
    window.main_actions.copy_image.trigger()
    assert decode(QGuiApplication.clipboard().image()) == ["https://good.example"]


def test_with_a_logo_the_ecc_box_shows_the_level_the_code_uses(make_window, qtbot, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (32, 32), "#e63946").save(logo)
    window = make_window()
    window.model.load(QrSpec("url", {"url": "https://logo.example"}, Style(ecc="M")))
    assert window.style_panel.ecc.currentData() == "M" and window.style_panel.ecc.isEnabled()
    window.model.set_style(logo=str(logo))
    assert window.style_panel.ecc.currentData() == "H" and not window.style_panel.ecc.isEnabled()
    wait_preview(qtbot, window, "https://logo.example")
    assert window.preview_ctl.last.code.ecc == "H"
    assert window.style_panel.logo.text() == "logo.png" and window.style_panel.logo_size.isEnabled()


def test_the_style_panel_sets_eye_colour_logo_size_micro_and_charset(make_window, qtbot):
    window = make_window()
    panel = window.style_panel
    window.model.load(QrSpec("text", {"text": "12345"}))
    panel.eye_colour.picked.emit("#c1121f")
    panel.micro.click()
    panel.charset.setCurrentIndex(panel.charset.findData("iso-8859-1"))
    style = window.model.spec.style
    assert (style.eye_color, style.micro, style.charset) == ("#c1121f", True, "iso-8859-1")
    wait_preview(qtbot, window, "12345")
    assert window.preview_ctl.last.code.micro
    panel.eye_reset.click()
    assert window.model.spec.style.eye_color is None and panel.eye_colour.text() == "module colour"
    window.model.set_style(micro=False, logo=None)
    panel.logo_size.setValue(30)
    assert window.model.spec.style.logo_scale == pytest.approx(0.30)
