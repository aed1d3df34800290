"""Reading codes into the editor: files (written by QRDesk, segno and qrencode), dropped data, pasted pictures,
several codes to choose from, and files that are not good pictures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.core.encode import encode
from app.core.render import render, render_image
from app.core.spec import QrSpec, Style
from app.ui.code_import import CodeImporter, DropTarget, Found
from app.ui.imaging import pil_to_qimage

WIFI = QrSpec("wifi", {"ssid": "Café;Net", "password": "p:ss,w0rd!", "security": "WPA", "hidden": "no"},
              Style(fg="#1a237e", bg="#fff8e1", eye_color="#c62828", module_shape="rounded"))


@pytest.fixture
def importer(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    return CodeImporter(parent)


def _opened(qtbot, importer: CodeImporter, start) -> tuple[QrSpec, str]:
    with qtbot.waitSignal(importer.opened, timeout=15000) as blocker:
        start()
    return blocker.args[0], blocker.args[1]


def _failed(qtbot, importer: CodeImporter, start) -> str:
    with qtbot.waitSignal(importer.failed, timeout=15000) as blocker:
        start()
    return blocker.args[0]


@pytest.mark.parametrize("fmt", ["png", "jpeg", "pdf", "svg"])
def test_a_qrdesk_file_opens_with_kind_fields_and_colours(qtbot, importer, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"wifi.{fmt}"
    render(encode(WIFI.data(), WIFI.style), WIFI.style, fmt, path)
    spec, message = _opened(qtbot, importer, lambda: importer.open_files([str(path)]))
    assert (spec.kind, spec.data()) == ("wifi", WIFI.data())
    assert spec.fields == WIFI.fields
    if fmt != "jpeg":  # JPEG shifts colours by a few levels
        assert (spec.style.fg, spec.style.bg, spec.style.eye_color) == ("#1a237e", "#fff8e1", "#c62828")
    assert message == f"Opened the Wi-Fi code from wifi.{fmt}."


def test_codes_made_by_segno_and_qrencode_open_too(qtbot, importer, tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nTEL;TYPE=CELL:+15550100\r\nEND:VCARD\r\n"
    segno.make(card, error="m").save(str(tmp_path / "segno.svg"), scale=4)
    spec, _ = _opened(qtbot, importer, lambda: importer.open_files([str(tmp_path / "segno.svg")]))
    assert (spec.kind, spec.fields["first_name"], spec.fields["mobile"]) == ("vcard", "Jane", "+15550100")
    exe = shutil.which("qrencode")
    assert exe is not None, "qrencode is installed by scripts/setup.sh test"
    subprocess.run([exe, "-o", str(tmp_path / "q.png"), "geo:48.8584,2.2945"], check=True, timeout=30)
    spec, _ = _opened(qtbot, importer, lambda: importer.open_files([str(tmp_path / "q.png")]))
    assert (spec.kind, spec.fields["latitude"], spec.fields["longitude"]) == ("geo", "48.8584", "2.2945")


def test_several_codes_offer_a_choice(qtbot, tmp_path: Path) -> None:
    sheet = Image.new("RGB", (520, 240), "white")
    for index, text in enumerate(("https://example.com/one", "tel:+15550100")):
        sheet.paste(render_image(encode(text), Style(), 6).convert("RGB"), (index * 260, 0))
    sheet.save(tmp_path / "sheet.png")
    offered: list[list[Found]] = []

    def choose(found: list[Found]) -> Found:
        offered.append(found)
        return next(f for f in found if f.code.kind == "phone")

    parent = QWidget()
    qtbot.addWidget(parent)
    importer = CodeImporter(parent, choose=choose)
    spec, _ = _opened(qtbot, importer, lambda: importer.open_files([str(tmp_path / "sheet.png")]))
    assert spec.kind == "phone" and spec.fields["number"] == "+15550100"
    assert sorted(f.describe().split(":")[0] for f in offered[0]) == ["Phone call", "URL"]


def test_cancelling_the_choice_changes_nothing(qtbot, tmp_path: Path) -> None:
    sheet = Image.new("RGB", (520, 240), "white")
    for index in range(2):
        sheet.paste(render_image(encode(f"code {index}"), Style(), 6).convert("RGB"), (index * 260, 0))
    sheet.save(tmp_path / "two.png")
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[list[object]] = []
    importer = CodeImporter(parent, choose=lambda found: asked.append(found))  # None: the person cancelled
    with qtbot.assertNotEmitted(importer.opened, wait=300):
        task = importer.open_files([str(tmp_path / "two.png")])
        assert task is not None
        # Waiting on the task's own signal raced: a fast decode could report before the wait was connected.
        # The importer's handler is connected before the task starts; the result reaches it while we wait.
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=15000)
    assert len(asked[0]) == 2


def test_bad_files_get_one_sentence_each(qtbot, importer, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    Image.new("RGB", (80, 80), "white").save(tmp_path / "blank.png")
    png = (tmp_path / "cut.png")
    render(encode("x"), Style(fg="#123456"), "png", png)
    png.write_bytes(png.read_bytes()[:200])
    message = _failed(qtbot, importer, lambda: importer.open_files(
        [str(tmp_path / n) for n in ("notes.txt", "blank.png", "cut.png", "missing.png")]))
    assert "notes.txt is not a picture QRDesk can read" in message
    assert "No QR code found in blank.png." in message
    assert "cut.png is damaged and cannot be read" in message
    assert "missing.png: no such file" in message and str(tmp_path) not in message


def test_a_good_file_opens_even_beside_bad_ones(qtbot, importer, tmp_path: Path) -> None:
    render(encode("https://example.com"), Style(), "png", tmp_path / "good.png")
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    spec, message = _opened(qtbot, importer, lambda: importer.open_files(
        [str(tmp_path / "bad.png"), str(tmp_path / "good.png")]))
    assert spec.kind == "url" and "bad.png is not a picture" in message


def test_a_pasted_picture_opens(qtbot, importer) -> None:
    image = pil_to_qimage(render_image(encode("mailto:jane@example.com"), Style(), 6))
    QGuiApplication.clipboard().setImage(image)
    spec, message = _opened(qtbot, importer, importer.paste)
    assert (spec.kind, spec.fields["email"]) == ("email", "jane@example.com")
    assert message == "Opened the E-mail code from clipboard."


def test_pasting_text_is_not_a_picture(qtbot, importer) -> None:
    QGuiApplication.clipboard().setText("just text")
    assert _failed(qtbot, importer, importer.paste) == "The clipboard is not a picture or a file."


def test_dropping_a_file_on_the_widget_opens_it(qtbot, importer, tmp_path: Path) -> None:
    render(encode("SMSTO:+15550100:hi"), Style(), "png", tmp_path / "sms.png")
    target = QWidget()
    qtbot.addWidget(target)
    DropTarget(target, importer)
    target.show()
    text = QMimeData()
    text.setText("not a picture")
    refused = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "sms.png"))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()  # the drag shows a "copy" cursor over the window
    drop = QDropEvent(QPointF(QPoint(5, 5)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    spec, _ = _opened(qtbot, importer, lambda: QApplication.sendEvent(target, drop))
    assert (spec.kind, spec.fields["number"], spec.fields["message"]) == ("sms", "+15550100", "hi")
