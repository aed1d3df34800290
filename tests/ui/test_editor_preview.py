"""Typing into the real editor changes the live preview; undo/redo; style changes; bad input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from uihelpers import decode, wait_preview

from app.core.spec import QrSpec


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
    assert window.version_label.text().startswith("Version ")
    qtbot.waitUntil(lambda: window.scan_label.text() == "✓ Scannable", timeout=5000)


def test_undo_restores_the_whole_typed_text_and_redo_reapplies_it(make_window, qtbot):
    window = make_window()
    _type_url(qtbot, window, "https://a.example")
    window.model.undo_stack.clear()
    qtbot.keyClicks(window.form.editor("url"), "/more")
    assert window.model.spec.fields["url"] == "https://a.example/more"

    window.act_undo.trigger()  # the keystrokes merged into one step
    assert window.model.spec.fields["url"] == "https://a.example"
    assert window.form.editor("url").text() == "https://a.example"
    window.act_redo.trigger()
    assert window.form.editor("url").text() == "https://a.example/more"
    wait_preview(qtbot, window, "https://a.example/more")


def test_ctrl_z_shortcut_undoes_a_style_change(make_window, qtbot):
    window = make_window()
    window.style_panel.ecc.setCurrentText("H")
    assert window.model.spec.style.ecc == "H"
    url = window.form.editor("url")
    url.setFocus()
    qtbot.waitUntil(lambda: url.hasFocus())
    qtbot.keyClick(url, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # from inside a text field
    assert window.model.spec.style.ecc == "M"
    assert window.style_panel.ecc.currentText() == "M"


def test_stale_previews_are_dropped_while_typing_fast(make_window, qtbot):
    window = make_window()
    seen: list[str] = []
    window.preview_ctl.rendered.connect(lambda r: seen.append(r.code.data if r.code else ""))
    _type_url(qtbot, window, "https://example.com/" + "x" * 60)
    wait_preview(qtbot, window, "https://example.com/" + "x" * 60)
    # Fewer renders were shown than keys typed, and the last one shown is the final text.
    assert 0 < len(seen) < 80
    assert seen[-1] == "https://example.com/" + "x" * 60


def test_data_too_long_shows_the_reason_instead_of_crashing(make_window, qtbot):
    window = make_window()
    window.model.load(QrSpec.text("x" * 8000))
    qtbot.waitUntil(lambda: window.preview_ctl.last is not None and window.preview_ctl.last.error != "")
    assert window.preview.image() is None
    assert window.summary.text()  # the capacity reason is on screen
    assert window.scan_label.objectName() == "scanFail"


def test_style_controls_reach_the_spec_and_the_picture(make_window, qtbot):
    window = make_window()
    wait_preview(qtbot, window)
    window.style_panel.module_shape.setCurrentText("dots")
    window.style_panel.quiet.setValue(2)
    assert window.model.spec.style.module_shape == "dots"
    assert window.model.spec.style.quiet_zone == 2
    wait_preview(qtbot, window)
    assert decode(window.preview.image()) == [window.model.spec.fields["url"]]
