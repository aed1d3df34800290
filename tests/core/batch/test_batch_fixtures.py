"""Spreadsheets written by a real spreadsheet program, decoded by a second reader.

fixtures/codes.{xlsx,ods}, codes-unicode.txt (UTF-16 "Unicode Text") and codes-1252.csv (semicolons,
Windows-1252) were made by LibreOffice Calc from fixtures/source.fods (scripts/make-batch-fixtures.sh).
Every code is decoded with zbar (not zxing-cpp, which the batch's own scan check uses) and compared with
fixtures/expected.json, the intended text of each row written by hand from the source table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from pyzbar.pyzbar import ZBarSymbol
from pyzbar.pyzbar import decode as zbar_decode

from app.core.batch import BatchOptions, read_source, run_batch

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FILES = ["codes.xlsx", "codes.ods", "codes-unicode.txt", "codes-1252.csv"]


def zbar_texts(path: Path) -> list[str]:
    found = zbar_decode(Image.open(path).convert("L"), symbols=[ZBarSymbol.QRCODE])
    return [f.data.decode("utf-8") for f in found]


def intended(name: str) -> dict[int, str]:
    rows = {int(n): text for n, (_label, text) in EXPECTED["rows"].items()}
    if name.endswith("1252.csv"):
        rows = {n: t for n, t in rows.items() if str(n) not in EXPECTED["cjk_or_emoji"]}
    return rows


@pytest.mark.parametrize("name", FILES)
def test_every_row_of_a_real_spreadsheet_export_encodes_its_intended_text(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    result = run_batch(FIXTURES / name, BatchOptions(output=out, template="{row:05d}", jobs=1))
    assert result.errors == []
    assert result.skipped == EXPECTED["blank_rows"]  # blank rows are skipped, not failed
    assert result.summary() == f"{len(intended(name))} done, 2 skipped, 0 failed"
    decoded = {}
    for png in sorted(out.glob("*.png")):
        texts = zbar_texts(png)
        assert len(texts) == 1, f"{png.name}: zbar read {texts}"
        decoded[int(png.stem)] = texts[0]
    assert decoded == intended(name)
    assert any('"Notiz"' in note for note in result.notes)  # the unused column is named


@pytest.mark.parametrize("name", FILES)
def test_the_readers_agree_on_every_cell_as_shown(name: str) -> None:
    """The four exports of one table read as the same rows of shown text (numbers and dates as shown)."""
    table = read_source(FIXTURES / name)
    cells = {row.number: row.cells[:2] for row in table.rows}
    assert cells[1] == ("Bezeichnung", "Inhalt")
    for number, (label, _text) in EXPECTED["rows"].items():
        if int(number) in intended(name):
            assert cells[int(number)][0] == label
    assert cells[3][1] == "4917012345678" and cells[5][1] == "000042" and cells[7][1] == "24.12.2025"


def test_a_sheet_is_chosen_by_name_and_a_wrong_name_lists_the_sheets(tmp_path: Path) -> None:
    from app.core.batch.read import InputError

    assert read_source(FIXTURES / "codes.xlsx", sheet="codes").sheet == "Codes"  # case does not matter
    with pytest.raises(InputError, match=r"--sheet: there is no sheet 'Preise'; the workbook has 'Codes'"):
        read_source(FIXTURES / "codes.ods", sheet="Preise")
