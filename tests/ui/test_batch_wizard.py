"""The batch wizard driven through its pages, as a user would: file, columns, look, output, run.

Covers what was seen on main: the editor's logo and caption were used silently, closing during a run did
not stop it (files kept appearing), a PDF output was reported as "Format: png", no label layout choice.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QWizard
from uihelpers import decode

from app.core.spec import Style
from app.ui.batch_wizard import BatchWizard

CSV = "Name,URL\nShop,https://shop.example/a\nBroken,\nBlog,https://blog.example/b\n"
FIXTURES = Path(__file__).resolve().parents[1] / "core" / "batch" / "fixtures"


@pytest.fixture
def make_wizard(qtbot, tmp_path, library):
    def build(text: str = CSV, kind: str = "url", style: Style | None = None, path: Path | None = None,
              presets: dict | None = None) -> BatchWizard:
        wiz = BatchWizard(style or Style(), library=library, presets=presets or {})
        qtbot.addWidget(wiz)
        wiz.show()
        if path is None:
            path = tmp_path / "rows.csv"
            path.write_text(text, encoding="utf-8")
        wiz.source_page.path.setText(str(path))
        wiz.source_page.kind_combo.setCurrentIndex(wiz.source_page.kind_combo.findData(kind))
        return wiz
    return build


def go_to(wizard: BatchWizard, page) -> None:
    while wizard.currentPage() is not page:
        before = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not before, f"stuck on {before.title()}"


def run(qtbot, wizard: BatchWizard, output: Path, add_to_library: bool = False):
    go_to(wizard, wizard.output_page)
    wizard.output_page.output.setText(str(output))
    go_to(wizard, wizard.run_page)
    wizard.run_page.add_to_library.setChecked(add_to_library)
    with qtbot.waitSignal(wizard.finished_run, timeout=60000) as blocker:
        wizard.run_page.start.click()
    return blocker.args[0]


def test_bad_row_is_reported_with_its_row_number_before_running(make_wizard):
    wizard = make_wizard()
    go_to(wizard, wizard.rows_page)
    bad = [wizard.rows_page.bad_rows.item(i).text() for i in range(wizard.rows_page.bad_rows.count())]
    assert len(bad) == 1 and bad[0].startswith("Row 3 (url")
    assert "2 rows ready, 0 blank rows skipped, 1 will fail" in wizard.rows_page.summary.text()
    assert wizard.rows_page.preview.rowCount() == 3


def test_rows_page_shows_the_mapping_and_first_rows_as_encoded(make_wizard):
    wizard = make_wizard(path=FIXTURES / "codes.xlsx", kind="text")
    go_to(wizard, wizard.rows_page)
    page = wizard.rows_page
    assert 'Text ← B "Inhalt"' in page.mapping_text.text() and 'C "Notiz"' in page.mapping_text.text()
    shown = {page.preview.item(r, 0).text(): (page.preview.item(r, 1).text(), page.preview.item(r, 3).text())
             for r in range(page.preview.rowCount())}
    assert shown["3"] == ("4917012345678", "ok") and shown["5"] == ("000042", "ok")
    assert shown["4"][1] == "blank: skipped" and shown["9"][0] == "https://example.com/über?q=1"


def test_an_ambiguous_mapping_is_fixed_by_choosing_the_column(make_wizard, qtbot):
    wizard = make_wizard("Name;Website;Mail\nShop;https://a.example;a@b.example\n", kind="text")
    go_to(wizard, wizard.rows_page)
    page = wizard.rows_page
    assert not page.isComplete()
    assert '"Website" (URLs) or "Mail" (e-mail addresses)' in page.choice.text()
    combo = page.column_combos["text"]
    combo.setCurrentIndex(combo.findText('"Mail"'))
    assert page.isComplete() and page.choice.text().startswith("✓")
    assert page.preview.item(0, 1).text() == "a@b.example"


def test_the_style_is_an_explicit_choice_not_the_editors_logo_and_caption(make_wizard, qtbot, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "#cc0000").save(logo)
    editor = Style(logo=str(logo), frame=True, caption="Scan me", ecc="H")
    wizard = make_wizard(style=editor, presets={"Navy": Style(fg="#1a237e")})
    go_to(wizard, wizard.style_page)
    page = wizard.style_page
    assert page.plain.isChecked() and page.chosen_style() == Style()
    assert "logo logo.png" in page.current_text.text() and "'Scan me'" in page.current_text.text()
    result = run(qtbot, wizard, tmp_path / "plain")
    assert result.ok_count == 2
    for png in (tmp_path / "plain").glob("*.png"):
        image = Image.open(png).convert("RGB")
        assert image.width == image.height  # no caption frame
        assert (204, 0, 0) not in {c for _n, c in image.getcolors(1 << 16)}  # no red logo
    wizard.back()
    wizard.back()
    wizard.style_page.preset.setChecked(True)
    assert wizard.style_page.chosen_style().fg == "#1a237e"


def test_closing_during_a_run_cancels_it_and_no_file_appears_afterwards(make_wizard, qtbot, tmp_path):
    rows = "\n".join(f"Item {i},https://shop.example/item/{i}" for i in range(600))
    wizard = make_wizard("Name,URL\n" + rows + "\n")
    out = tmp_path / "many"
    go_to(wizard, wizard.output_page)
    wizard.output_page.output.setText(str(out))
    go_to(wizard, wizard.run_page)
    results = []
    wizard.finished_run.connect(results.append)
    progressed = []
    wizard.run_page.start.click()
    wizard.run_page._progress_signal.connect(lambda done, total: progressed.append(done))
    qtbot.waitUntil(lambda: len(progressed) > 1, timeout=60000)
    wizard.close()
    assert not wizard.run_page.running()
    written = sorted(p.name for p in out.iterdir())
    time.sleep(1.5)
    assert sorted(p.name for p in out.iterdir()) == written  # nothing keeps appearing
    assert not any(name.endswith(".part") for name in written)
    assert len(written) < 600
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results[0].cancelled and results[0].ok_count == len(written)


def test_pdf_output_is_a_label_sheet_with_the_clis_layout_choices(make_wizard, qtbot, tmp_path):
    from tests.core.batch.conftest import decode_pdf_pages

    wizard = make_wizard()
    go_to(wizard, wizard.output_page)
    page = wizard.output_page
    page.output.setText(str(tmp_path / "sheet.pdf"))
    assert not page.fmt.isEnabled() and page.labels_box.isVisibleTo(wizard)
    assert page.sheet.count() >= 35
    page.sheet.setCurrentIndex(page.sheet.findData("avery-l7160"))
    assert page.margin_left.value() == pytest.approx(7.2) and page.start.maximum() == 21
    page.start.setValue(3)
    page.offset_x.setValue(0.5)
    page.crop_marks.setChecked(True)
    assert "PDF label sheet on Avery L7160" in page.what.text()
    page.write_calibration(tmp_path / "calibration.pdf")
    assert (tmp_path / "calibration.pdf").read_bytes().startswith(b"%PDF")
    result = run(qtbot, wizard, tmp_path / "sheet.pdf")
    status = wizard.run_page.status.text()
    assert "PDF label sheet" in status and "png" not in status.lower()
    assert "2 done, 0 skipped, 1 failed" in status
    assert sorted(decode_pdf_pages(tmp_path / "sheet.pdf")[0]) == ["https://blog.example/b", "https://shop.example/a"]
    assert result.labels == 2


def test_run_writes_decodable_codes_and_adds_them_to_the_library(make_wizard, qtbot, tmp_path, library):
    before = len(library.items())
    wizard = make_wizard()
    result = run(qtbot, wizard, tmp_path / "out", add_to_library=True)
    assert result.ok_count == 2 and [e.row for e in result.errors] == [3]
    decoded = sorted(decode(Image.open(p))[0] for p in (tmp_path / "out").glob("*.png"))
    assert decoded == ["https://blog.example/b", "https://shop.example/a"]
    assert "a folder of PNG files" in wizard.run_page.status.text()
    assert len(library.items()) == before + 2


def test_rows_without_a_name_column_are_named_from_their_payload(make_wizard, qtbot, tmp_path, library):
    text = "SSID,Password\nLobby,correct-horse-1\nRoof,battery-staple-2\n"
    run(qtbot, make_wizard(text, kind="wifi"), tmp_path / "out", add_to_library=True)
    names = {i.name for i in library.items()}
    assert {"Wi-Fi Lobby", "Wi-Fi Roof"} <= names
    assert not any("correct-horse" in n or "Row " in n for n in names)


def test_unreadable_file_keeps_the_wizard_on_the_first_page(make_wizard, tmp_path):
    wizard = make_wizard()
    binary = tmp_path / "sheet.csv"
    binary.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    wizard.source_page.path.setText(str(binary))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert "ZIP" in wizard.source_page.info.text()
    for w in wizard.findChildren(QWizard):
        w.close()
