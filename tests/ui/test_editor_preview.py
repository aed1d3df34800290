"""Typing into the real editor changes the live preview; undo/redo; style changes; bad input."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from uihelpers import decode, wait_preview

from app.core.spec import QrSpec
from app.ui import preview
from app.ui.preview import PreviewState
from app.ui.preview_status import ScanState


def _type_url(qtbot, window, text: str) -> None:
    edit = window.form.editor("url")
    edit.clear()
    window.model.set_field("url", "")
    qtbot.keyClicks(edit, text)


def test_typing_a_url_changes_the_preview_and_it_decodes(make_window, qtbot):
    window = make_window()
    wait_preview(qtbot, window)
    before = window.preview.image().copy()

    _type_url(qtbot, window, "https://example.org/typed")
    wait_preview(qtbot, window, "https://example.org/typed")

    shown = window.preview.image()
    assert shown != before
    assert decode(shown) == ["https://example.org/typed"]
    # What the user sees on screen decodes too, not only the image behind it.
    assert decode(window.preview.grab().toImage()) == ["https://example.org/typed"]
    assert window.preview_status.version_label.text().startswith("Version ")
    qtbot.waitUntil(lambda: window.preview_status.scan_state is ScanState.OK, timeout=5000)
    assert window.preview_status.scan_label.text() == "✓ Scannable"


def test_undo_restores_the_whole_typed_text_and_redo_reapplies_it(make_window, qtbot):
    window = make_window()
    _type_url(qtbot, window, "https://a.example")
    window.model.undo_stack.clear()
    qtbot.keyClicks(window.form.editor("url"), "/more")
    assert window.model.spec.fields["url"] == "https://a.example/more"

    window.main_actions.undo.trigger()  # the keystrokes merged into one step
    assert window.model.spec.fields["url"] == "https://a.example"
    assert window.form.editor("url").text() == "https://a.example"
    window.main_actions.redo.trigger()
    assert window.form.editor("url").text() == "https://a.example/more"
    wait_preview(qtbot, window, "https://a.example/more")


def test_ctrl_z_shortcut_undoes_a_style_change(make_window, qtbot):
    window = make_window()
    window.style_panel.ecc.setCurrentIndex(window.style_panel.ecc.findData("H"))
    assert window.model.spec.style.ecc == "H"
    url = window.form.editor("url")
    url.setFocus()
    qtbot.waitUntil(lambda: url.hasFocus())
    qtbot.keyClick(url, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # from inside a text field
    assert window.model.spec.style.ecc == "M"
    assert window.style_panel.ecc.currentData() == "M"


def test_typing_during_a_slow_render_coalesces_and_never_shows_a_stale_picture(make_window, qtbot, monkeypatch):
    """Keys typed while a render runs wait in one slot: one render for the first key, one for the final text,
    and the first one's result (stale by then) is never shown. The render is held by a gate the test opens, so
    the overlap is certain rather than a matter of speed."""
    window = make_window()
    wait_preview(qtbot, window)
    gate = threading.Event()
    started: list[str] = []
    real_make_preview = preview.make_preview

    def gated_make_preview(generation, spec):
        started.append(spec.fields["url"])
        gate.wait(timeout=30)  # bounded: the test opens the gate below
        return real_make_preview(generation, spec)

    monkeypatch.setattr(preview, "make_preview", gated_make_preview)
    shown: list[tuple[str, bool]] = []
    controller = window.preview_ctl
    controller.rendered.connect(lambda r: shown.append((r.spec.fields["url"], r.generation == controller.generation)))
    edit = window.form.editor("url")
    edit.selectAll()
    text = "https://example.com/typed-while-rendering"
    try:
        qtbot.keyClicks(edit, text[0])  # replaces the selection: the field now holds "h"
        qtbot.waitUntil(lambda: started == ["h"])
        for key in text[1:]:
            qtbot.keyClicks(edit, key)
            qtbot.wait(1)  # the event loop turns between keys, as when a person types
        assert started == ["h"], "a second render started while the first was still running"
    finally:
        gate.set()
    wait_preview(qtbot, window, text)
    assert started == ["h", text]
    assert shown == [(text, True)]
    assert decode(window.preview.image()) == [text]


def test_an_invalid_input_is_a_failed_check_whatever_its_message_says(make_window, qtbot):
    window = make_window()
    window.new_code()  # an empty form, so the type switch carries no URL over
    window.form.kind_combo.setCurrentIndex(window.form.kind_combo.findData("phone"))
    qtbot.keyClicks(window.form.editor("number"), "Nothing")  # the reason quotes it: "'Nothing' is not a phone..."
    qtbot.waitUntil(lambda: window.preview_ctl.last is not None and window.preview_ctl.last.spec.fields.get("number")
                    == "Nothing")
    assert window.preview_ctl.last.state is PreviewState.INVALID
    assert window.preview_status.scan_state is ScanState.FAIL
    assert window.preview_status.scan_label.objectName() == "scanFail"
    assert "Nothing" in window.preview_status.summary.text()


def test_a_fresh_form_is_not_a_failure(make_window, qtbot):
    window = make_window()
    window.new_code()
    qtbot.waitUntil(lambda: window.preview_ctl.last is not None
                    and window.preview_ctl.last.generation == window.preview_ctl.generation)
    assert window.preview_ctl.last.state is PreviewState.EMPTY
    assert window.preview_status.scan_state is ScanState.IDLE


def test_data_too_long_shows_the_reason_instead_of_crashing(make_window, qtbot):
    window = make_window()
    window.model.load(QrSpec.text("x" * 8000))
    qtbot.waitUntil(lambda: window.preview_ctl.last is not None
                    and window.preview_ctl.last.state is PreviewState.INVALID)
    assert window.preview.image() is None
    assert "too long" in window.preview_status.summary.text()  # the capacity reason is on screen
    assert window.preview_status.scan_state is ScanState.FAIL
    assert window.preview_status.scan_label.objectName() == "scanFail"
    assert window.preview_status.scan_label.palette().color(QPalette.ColorRole.WindowText).name() == "#d64545"


def test_style_controls_reach_the_spec_and_the_picture(make_window, qtbot):
    window = make_window()
    wait_preview(qtbot, window)
    window.style_panel.module_shape.setCurrentIndex(window.style_panel.module_shape.findData("dots"))
    window.style_panel.quiet.setValue(2)
    assert window.model.spec.style.module_shape == "dots"
    assert window.model.spec.style.quiet_zone == 2
    wait_preview(qtbot, window)
    assert decode(window.preview.image()) == [window.model.spec.fields["url"]]
