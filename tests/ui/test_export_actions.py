"""Export from the window to every format and decode what was written; clipboard; print at true size; errors."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from uihelpers import decode

from app.core.spec import QrSpec, Style
from app.ui import export as ui_export

URL = "https://example.org/export-check"


def _load(window, spec: QrSpec) -> None:
    window.model.load(spec)


def _export(window, qtbot, path):
    with qtbot.waitSignal(window.exported, timeout=10000) as blocker:
        window.export_to(path)
    return blocker.args[0]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_writes_a_file_that_decodes(make_window, qtbot, tmp_path, fmt):
    window = make_window()
    _load(window, QrSpec("url", {"url": URL}, Style(module_shape="rounded")))
    result = _export(window, qtbot, tmp_path / f"code.{fmt}")
    assert result.path.exists() and result.report is not None and result.report.ok
    data = result.path.read_bytes()
    if fmt == "png":
        image = Image.open(io.BytesIO(data))
    elif fmt == "pdf":
        page = pypdfium2.PdfDocument(data)[0]
        image = page.render(scale=4).to_pil()
    else:
        from app.core.verify import load_pages

        image = load_pages(data, result.path)[0]
    assert decode(image) == [URL]
    assert "Exported" in window.statusBar().currentMessage()


def test_export_failure_shows_a_message_not_a_traceback(make_window, qtbot, tmp_path):
    window = make_window()
    _load(window, QrSpec("url", {"url": URL}))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    window.export_to(blocker / "code.png")  # parent is a file: the OS refuses

    def box_shown() -> QMessageBox:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes
        return boxes[0]

    qtbot.waitUntil(lambda: box_shown() is not None)
    box = box_shown()
    assert box.windowTitle() == "Export failed"
    assert "Traceback" not in box.text() and box.text()
    box.close()


def test_unscannable_style_is_refused_on_export(make_window, qtbot, tmp_path):
    window = make_window()
    _load(window, QrSpec("url", {"url": URL}, Style(fg="#f4f4f4", bg="#ffffff")))
    window.export_to(tmp_path / "pale.png")
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "does not scan" in box.text() or "contrast" in box.text().lower()
    assert not (tmp_path / "pale.png").exists()
    box.close()


def test_copy_image_puts_a_scannable_code_on_the_clipboard(make_window):
    window = make_window()
    _load(window, QrSpec("url", {"url": URL}))
    window.main_actions.copy_image.trigger()
    assert decode(QGuiApplication.clipboard().image()) == [URL]


def test_print_places_the_code_at_its_physical_size(qapp, tmp_path):
    spec = QrSpec("url", {"url": URL}, Style(size=40, size_unit="mm", size_mode="total", quiet_zone=4))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "print.pdf"))
    printer.setFullPage(True)
    edge_mm = ui_export.print_spec(spec, printer)
    assert edge_mm == pytest.approx(40, abs=0.01)
    page = pypdfium2.PdfDocument(str(tmp_path / "print.pdf"))[0]
    dpi = 200
    image = page.render(scale=dpi / 72).to_pil().convert("L")
    # Measure the printed code: the dark modules' bounding box plus the quiet zone on both sides.
    dark = image.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert dark is not None
    code = ui_export.encode_for_export(spec)
    module_mm = 40 / (code.size + 8)
    printed_modules_mm = (dark[2] - dark[0]) / dpi * 25.4
    assert printed_modules_mm == pytest.approx(code.size * module_mm, abs=0.5)
    assert decode(image) == [URL]
