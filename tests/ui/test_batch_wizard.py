"""The batch wizard driven through its pages: a CSV with a bad row is reported before running, then run."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QWizard
from uihelpers import decode

from app.core.spec import Style
from app.ui.batch_wizard import BatchWizard

CSV = "Name,URL\nShop,https://shop.example/a\nBroken,\nBlog,https://blog.example/b\n"


@pytest.fixture
def wizard(qtbot, tmp_path, library):
    wiz = BatchWizard(Style(), library=library)
    qtbot.addWidget(wiz)
    wiz.show()
    src = tmp_path / "rows.csv"
    src.write_text(CSV, encoding="utf-8")
    wiz.source_page.path.setText(str(src))
    wiz.source_page.kind_combo.setCurrentIndex(wiz.source_page.kind_combo.findData("url"))
    return wiz


def test_bad_row_is_reported_with_its_row_number_before_running(wizard):
    wizard.next()
    assert wizard.currentPage() is wizard.rows_page
    bad = [wizard.rows_page.bad_rows.item(i).text() for i in range(wizard.rows_page.bad_rows.count())]
    assert len(bad) == 1 and bad[0].startswith("Row 3:")
    assert "2 row(s) ready, 1 will be skipped" in wizard.rows_page.summary.text()
    assert wizard.rows_page.preview.rowCount() == 3


def test_run_writes_decodable_codes_and_adds_them_to_the_library(wizard, qtbot, tmp_path, library):
    before = len(library.items())
    wizard.next()
    wizard.next()
    page = wizard.run_page
    page.output.setText(str(tmp_path / "out"))
    page.add_to_library.setChecked(True)
    with qtbot.waitSignal(wizard.finished_run, timeout=20000, raising=False) as blocker:
        page.start.click()
    assert blocker.signal_triggered, page.status.text()
    result = blocker.args[0]
    assert result.ok_count == 2 and [e.row for e in result.errors] == [3]
    decoded = sorted(decode(Image.open(p))[0] for p in (tmp_path / "out").glob("*.png"))
    assert decoded == ["https://blog.example/b", "https://shop.example/a"]
    assert "Row" in page.status.text() or "skipped" in page.status.text()
    assert len(library.items()) == before + 2


def test_unreadable_file_keeps_the_wizard_on_the_first_page(wizard, tmp_path):
    binary = tmp_path / "sheet.csv"
    binary.write_bytes(b"PK\x03\x04" + b"\0" * 64)
    wizard.source_page.path.setText(str(binary))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert "ZIP" in wizard.source_page.info.text() or "Excel" in wizard.source_page.info.text()
    for w in wizard.findChildren(QWizard):
        w.close()
