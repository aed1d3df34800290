"""Reading codes in and the thorough check in the real main window: drop, paste and File → Open image… open a
decoded code as a new item; the robustness badge and scan details follow the code on screen; Copy as SVG and
the export dialog's new formats."""

from __future__ import annotations

import io
from pathlib import Path

import cairosvg
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core.decode import decode_bytes
from app.core.encode import encode
from app.core.render import render, render_image
from app.core.spec import QrSpec, Style
from app.ui.imaging import pil_to_qimage
from tests.core.pdfstreams import content_streams
from tests.ui.uihelpers import wait_preview

CARD = QrSpec("vcard", {"first_name": "Ada", "last_name": "Lovelace", "mobile": "+44 20 7946 0018",
                        "org": "Analytical Engines, Ltd."}, Style(fg="#3b2a1a", bg="#fbf4e4"))


def _drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(40, 40), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(40, 40), *args))


def _wait_opened(qtbot, window, kind: str) -> None:
    qtbot.waitUntil(lambda: window.model.spec.kind == kind, timeout=20000)


def test_a_dropped_picture_opens_as_a_new_item_with_its_fields_and_colours(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    window.form.editor("url").setText("https://example.com/typed")  # something to replace, with undo history
    render(encode(CARD.data(), CARD.style), CARD.style, "png", tmp_path / "card.png")
    _drop(window, tmp_path / "card.png")
    _wait_opened(qtbot, window, "vcard")
    spec = window.model.spec
    assert spec.data() == CARD.data() and (spec.style.fg, spec.style.bg) == ("#3b2a1a", "#fbf4e4")
    assert window.form.editor("first_name").text() == "Ada" and window.form.editor("org").text() == \
        "Analytical Engines, Ltd."
    assert window.current_item_id is None and not window.model.undo_stack.canUndo()  # new and unsaved
    assert window.statusBar().currentMessage() == "Opened the Contact (vCard) code from card.png."
    wait_preview(qtbot, window, CARD.data())


def test_open_image_reads_a_pdf_page(qtbot, make_window, tmp_path, monkeypatch) -> None:
    window = make_window()
    render(encode("WIFI:T:WPA;S:Lab;P:correct horse;;"), Style(), "pdf", tmp_path / "poster.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(tmp_path / "poster.pdf")], ""))
    window.decode_ui.open_image.trigger()
    _wait_opened(qtbot, window, "wifi")
    assert window.model.spec.fields["password"] == "correct horse"


def test_ctrl_v_pastes_a_picture_from_the_clipboard(qtbot, make_window) -> None:
    window = make_window()
    QGuiApplication.clipboard().setImage(pil_to_qimage(render_image(encode("geo:52.52,13.405"), Style(), 6)))
    combo = window.form.kind_combo
    combo.setFocus()  # not a text field: there Ctrl+V pastes text
    qtbot.waitUntil(combo.hasFocus)
    QTest.keyClick(combo, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _wait_opened(qtbot, window, "geo")
    assert (window.model.spec.fields["latitude"], window.model.spec.fields["longitude"]) == ("52.52", "13.405")


def test_a_picture_without_a_code_changes_nothing(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    before = window.model.spec
    Image.new("RGB", (120, 120), "white").save(tmp_path / "blank.png")
    _drop(window, tmp_path / "blank.png")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "No QR code found in blank.png.", timeout=15000)
    assert window.model.spec == before


def test_the_robustness_badge_follows_the_code_and_opens_the_details(qtbot, make_window) -> None:
    window = make_window()
    # Black on white at level H: the sturdy code of tests/core/test_robustness.py.
    window.open_spec(QrSpec("url", {"url": "https://qrdesk.app/r/2025?campaign=spring"}, Style(ecc="H")))
    badge = window.decode_ui.badge
    qtbot.waitUntil(lambda: badge.text() == "Robust 7/7 · 3 readers", timeout=30000)
    eyes = window.style_panel.eye_shape
    eyes.setCurrentIndex(eyes.findData("circle"))  # OpenCV cannot find round eyes
    qtbot.waitUntil(lambda: badge.text() == "Robust 0/7 · 3 readers", timeout=30000)
    QTest.mouseClick(window.preview_status.scan_label, Qt.MouseButton.LeftButton)
    dialog = window.decode_ui.dialog
    assert dialog is not None and dialog.isVisible()
    assert "OpenCV cannot read it even undisturbed" in dialog.summary.text()
    assert dialog.table.item(0, 2).text() == "✗ fails"


def test_copy_as_svg_puts_a_scannable_svg_on_the_clipboard(qtbot, make_window) -> None:
    window = make_window()
    window.open_spec(QrSpec("url", {"url": "https://qrdesk.app/svg"}, Style(fg_gradient="radial #1a237e #000000")))
    window.decode_ui.copy_svg.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    svg = bytes(mime.data("image/svg+xml"))
    assert svg.startswith(b"<?xml") and mime.text() == svg.decode("utf-8")
    png = cairosvg.svg2png(bytestring=svg, output_width=400)
    assert [c.text for c in decode_bytes(png, "clipboard.png").codes] == ["https://qrdesk.app/svg"]


@pytest.mark.parametrize(("chosen", "typed", "written", "cmyk"), [
    ("PDF for print shops (CMYK) (*.pdf)", "print", "print.pdf", True),
    ("PDF document (*.pdf)", "screen.pdf", "screen.pdf", False),
    ("WebP image (*.webp)", "web", "web.webp", False),
])
def test_the_export_dialog_writes_the_chosen_format(qtbot, make_window, tmp_path, monkeypatch, chosen, typed,
                                                    written, cmyk) -> None:
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / typed), chosen))
    with qtbot.waitSignal(window.exported, timeout=20000):
        window.main_actions.export.trigger()
    data = (tmp_path / written).read_bytes()
    assert decode_bytes(data, written).codes[0].text == "https://qrdesk.app/welcome"
    if written.endswith(".pdf"):
        assert (b"/DeviceCMYK" in data or b" k\n" in content_streams(data)) is cmyk
        assert (b" rg\n" in content_streams(data) or b" rg " in content_streams(data)) is not cmyk
    else:
        assert Image.open(io.BytesIO(data)).format == "WEBP"


def test_the_style_panel_draws_a_gradient(qtbot, make_window) -> None:
    window = make_window()
    row = window.style_panel.fg_gradient
    row.kind.setCurrentIndex(row.kind.findData("linear"))
    assert window.model.spec.style.fg_gradient == "linear:90 #1a237e #00897b"
    wait_preview(qtbot, window)
    assert "the code at least" in window.style_panel.print_advice.result.text()
