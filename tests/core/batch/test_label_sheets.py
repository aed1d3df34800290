"""Label sheets print where the sheet's labels are: rendered by Poppler at 600 dpi, located by zbar.

Expected label centres are computed here from the template data files (margin + n x pitch + label / 2),
not by the layout code; codes are found in the pixels by a second decoder (zbar), each in a window
around its label, and must be centred on their label within 0.5 mm.
"""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pyzbar.pyzbar import ZBarSymbol
from pyzbar.pyzbar import decode as zbar_decode

from app.core.batch import BatchOptions, builtin_templates, get_template, run_batch, write_calibration_page
from app.core.batch.templates import PAGES
from app.core.errors import SpecError
from tests.platforms import debian_tool

LABELS = Path(__file__).resolve().parents[3] / "resources" / "labels"
needs_poppler = debian_tool("pdftoppm", "poppler-utils")
DPI = 600
PX_PER_MM = DPI / 25.4


def records() -> dict[str, dict]:
    out = {}
    for path in sorted(LABELS.glob("*.toml")):
        for record in tomllib.loads(path.read_text(encoding="utf-8"))["template"]:
            out[record["name"]] = record
    return out


def expected_centres(record: dict, start: int, count: int, offset: tuple[float, float]) -> list[tuple[float, float]]:
    columns = record["grid"][0]
    width, height = record["label"]
    pitch_x, pitch_y = record.get("pitch", record["label"])
    left, top = record["margin"]
    centres = []
    for slot in range(start - 1, start - 1 + count):
        r, c = divmod(slot, columns)
        centres.append((left + c * pitch_x + width / 2 + offset[0], top + r * pitch_y + height / 2 + offset[1]))
    return centres


def render_page(pdf: Path, tmp_path: Path) -> np.ndarray:
    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)
    return np.asarray(Image.open(f"{stem}.pgm"))


def find_code(page: np.ndarray, centre: tuple[float, float], record: dict) -> tuple[str, float, float]:
    """zbar on a window one label plus 4 mm around the expected centre: (text, centre x, centre y) in mm."""
    half_w, half_h = record["label"][0] / 2 + 4, record["label"][1] / 2 + 4
    x0, y0 = max(0, int((centre[0] - half_w) * PX_PER_MM)), max(0, int((centre[1] - half_h) * PX_PER_MM))
    x1, y1 = int((centre[0] + half_w) * PX_PER_MM), int((centre[1] + half_h) * PX_PER_MM)
    found = zbar_decode(Image.fromarray(page[y0:y1, x0:x1]), symbols=[ZBarSymbol.QRCODE])
    assert len(found) == 1, f"expected one code near {centre} mm, zbar found {len(found)}"
    rect = found[0].rect
    return (found[0].data.decode("utf-8"), (x0 + rect.left + rect.width / 2) / PX_PER_MM,
            (y0 + rect.top + rect.height / 2) / PX_PER_MM)


@needs_poppler
@pytest.mark.parametrize(("name", "start", "offset"), [
    ("avery-l7160", 1, (0.0, 0.0)),  # A4 with gaps between columns
    ("zweckform-3474", 5, (0.0, 0.0)),  # A4 edge to edge, a partly used sheet (4 labels gone)
    ("avery-5160", 1, (1.5, -0.8)),  # US Letter, with a measured printer offset applied
])
def test_each_code_is_centred_on_its_label(tmp_path: Path, name: str, start: int, offset: tuple[float, float]) -> None:
    record = records()[name]
    count = record["grid"][0] * record["grid"][1] - (start - 1)
    src = tmp_path / "rows.txt"
    src.write_text("\n".join(f"https://example.com/l/{i}" for i in range(count)), encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    result = run_batch(src, BatchOptions(output=pdf, labels=name, label_start=start, label_offset=offset,
                                         verify=False, jobs=1))
    assert result.ok_count == count and result.errors == []
    page = render_page(pdf, tmp_path)
    assert page.shape == (round(PAGES[record["page"].lower()][1] * PX_PER_MM),
                          round(PAGES[record["page"].lower()][0] * PX_PER_MM))
    for i, centre in enumerate(expected_centres(record, start, count, offset)):
        text, x, y = find_code(page, centre, record)
        assert text == f"https://example.com/l/{i}"
        assert abs(x - centre[0]) <= 0.5 and abs(y - centre[1]) <= 0.5, (i, (x, y), centre)


def test_the_sheets_are_real_products_with_sources() -> None:
    templates = builtin_templates()
    makers = {name.split("-")[0] for name in templates}
    assert len([n for n in templates if not n.startswith(("a4-", "letter-"))]) >= 30
    assert {"avery", "zweckform", "herma"} <= makers
    for name, record in records().items():
        assert record.get("source"), f"{name} has no source"
        template = templates[name]
        assert template.per_page == record["grid"][0] * record["grid"][1]
    # Part numbers and equivalents find their sheet.
    assert get_template("L7160").name == "avery-l7160" and get_template("J8160").name == "avery-l7160"
    assert get_template("8160").name == "avery-5160" and get_template("Herma 4360").name == "herma-4360"


def test_custom_templates_inline_and_from_a_file(tmp_path: Path) -> None:
    inline = get_template("page=a4,grid=2x5,label=90x50,pitch=95x55")
    assert (inline.columns, inline.rows, inline.gap_x, inline.gap_y) == (2, 5, 5.0, 5.0)
    assert inline.margin_left == pytest.approx((210 - 95 - 90) / 2)  # centred when no margin is given
    sheet = tmp_path / "shelf.toml"
    sheet.write_text('page = [100, 150]\ngrid = [1, 3]\nlabel = [80, 40]\nmargin = [10, 10]\npitch = [80, 45]\n',
                     encoding="utf-8")
    assert get_template(str(sheet)).label_origin(2) == (10, 100)
    with pytest.raises(SpecError, match="do not fit on the page"):
        get_template("page=a4,grid=3x8,label=80x37")
    with pytest.raises(SpecError, match="needs grid"):
        get_template("page=a4,label=80x37")


def test_start_position_beyond_the_sheet_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "rows.txt"
    src.write_text("a\n", encoding="utf-8")
    with pytest.raises(SpecError, match="--label-start: must be a label of the sheet, 1 to 21"):
        run_batch(src, BatchOptions(output=tmp_path / "l.pdf", labels="L7160", label_start=22))
    assert not (tmp_path / "l.pdf").exists()


@needs_poppler
def test_copies_fill_labels_and_crop_marks_sit_in_the_margins(tmp_path: Path) -> None:
    src = tmp_path / "rows.csv"
    src.write_text("URL;Anzahl\nhttps://a.example;3\nhttps://b.example;0\nhttps://c.example;\n", encoding="utf-8")
    pdf = tmp_path / "l.pdf"
    result = run_batch(src, BatchOptions(output=pdf, labels="avery-l7160", crop_marks=True, verify=False))
    assert result.labels == 4 and result.skipped == [3]  # 3 + 1 labels; 0 copies is a skipped row
    page = render_page(pdf, tmp_path)
    record = records()["avery-l7160"]
    texts = [find_code(page, c, record)[0] for c in expected_centres(record, 1, 4, (0, 0))]
    assert texts == ["https://a.example"] * 3 + ["https://c.example"]
    # A crop mark in the top margin above the first label's left edge, none on the label itself.
    x = round(record["margin"][0] * PX_PER_MM)
    top = record["margin"][1]
    assert page[round((top - 3) * PX_PER_MM), x - 2:x + 3].min() < 128
    assert page[round((top + 1) * PX_PER_MM), x - 2:x + 3].min() > 200


@needs_poppler
def test_calibration_page_puts_its_scales_on_the_label_edges(tmp_path: Path) -> None:
    template = get_template("avery-l7160")
    pdf = tmp_path / "calibration.pdf"
    with open(pdf, "wb") as fh:
        write_calibration_page(fh, template, (1.0, 0.0))
    page = render_page(pdf, tmp_path)
    record = records()["avery-l7160"]
    left, top = record["margin"]
    y = round((top + record["label"][1] / 2) * PX_PER_MM)
    # The long tick "0" sits on the first label's left edge, moved by the 1 mm offset; "+5" 5 mm right of it.
    for mm_x in (left + 1.0, left + 6.0):
        x = round(mm_x * PX_PER_MM)
        assert page[y - round(1.2 * PX_PER_MM), x - 3:x + 4].min() < 128
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "--label-offset" in text and "Avery L7160" in text
