"""Workbooks (``.xlsx``, ``.xlsm``, ``.ods``, ``.xls``, ``.xlsb``) → a table of the text each cell shows.

python-calamine reads the cells (fast, every format). Text cells are used as they are; numbers and dates
need the text the sheet shows, which is not a value calamine returns:

- ``.ods`` stores the shown text of every cell (``<text:p>``, ODF 1.2 part 1, 9.1.4), so it is read from
  ``content.xml`` for the cells that hold numbers or dates;
- ``.xlsx`` stores a number format per cell: openpyxl reads the formats of those cells and
  :mod:`.cellformat` renders the value with it;
- ``.xls``/``.xlsb`` numbers are shown in General format (with a note), dates as ISO dates.

Row numbers are the sheet's own (row 1 is the sheet's first row), so an error names the row the user sees.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.batch.cellformat import format_value, general
from app.core.batch.read import InputError, Row, Table, drop_trailing_blank

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from python_calamine import CalamineWorkbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls", ".xlsb")
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

Position = tuple[int, int]  # (row, column), 0-based from the sheet's A1


def is_workbook(path: Path, head: bytes) -> bool:
    """By suffix, or by content for a workbook saved under another name (a ZIP with a workbook inside)."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return False  # an old Office file of unknown kind: read.py names it
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (OSError, zipfile.BadZipFile):
            return False
        return "xl/workbook.xml" in names or "content.xml" in names
    return False


def sheet_names(path: str | Path) -> list[str]:
    """The visible sheets of a workbook, in workbook order (for the GUI's sheet choice)."""
    workbook = _open(Path(path))
    try:
        return _visible(workbook)
    finally:
        workbook.close()


def read_workbook(path: str | Path, sheet: str | None = None) -> Table:
    """One sheet (the first visible one unless ``sheet`` names another) as rows of shown text."""
    path = Path(path)
    workbook = _open(path)
    try:
        visible = _visible(workbook)
        name = _choose_sheet(path, workbook.sheet_names, visible, sheet)
        try:
            values = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own error types for damaged sheets
            raise InputError(f"{path.name}: sheet {name!r} cannot be read ({exc})") from None
    finally:
        workbook.close()
    table = Table(rows=[], encoding="", delimiter="sheet", source=path.name, sheet=name)
    numeric = {(r, c) for r, cells in enumerate(values) for c, v in enumerate(cells)
               if not isinstance(v, str) and v is not None}
    shown = _shown_text(path, name, values, numeric, table) if numeric else {}
    rows: list[Row] = []
    for r, cells in enumerate(values):
        texts = tuple(shown[(r, c)] if (r, c) in shown else _plain(v) for c, v in enumerate(cells))
        rows.append(Row(r + 1, texts))
    first = next((i for i, row in enumerate(rows) if any(c.strip() for c in row.cells)), len(rows))
    table.rows = drop_trailing_blank(rows[first:])
    left = min((next((i for i, c in enumerate(row.cells) if c.strip()), 10**6) for row in table.rows),
               default=0)
    if left and left < 10**6:
        table.rows = [Row(row.number, row.cells[left:]) for row in table.rows]
        table.first_column = left
    if not table.rows:
        raise InputError(f"{path.name}: sheet {name!r} is empty")
    return table


def _open(path: Path) -> CalamineWorkbook:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise InputError(f"{path.name}: the workbook is protected with a password; save a copy without "
                         "one") from None
    except (CalamineError, OSError, ValueError) as exc:
        raise InputError(f"{path.name}: cannot be read as a workbook ({exc})") from None


def _visible(workbook: CalamineWorkbook) -> list[str]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    return [m.name for m in workbook.sheets_metadata
            if m.visible == SheetVisibleEnum.Visible and m.typ == SheetTypeEnum.WorkSheet]


def _choose_sheet(path: Path, names: list[str], visible: list[str], wanted: str | None) -> str:
    if wanted is None:
        if not visible:
            raise InputError(f"{path.name}: the workbook has no visible worksheet")
        return visible[0]
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    raise SheetNotFound(wanted, names)


class SheetNotFound(InputError):
    """``--sheet`` names no sheet of the workbook; the message lists the sheets."""

    def __init__(self, wanted: str, names: Iterable[str]) -> None:
        self.names = list(names)
        super().__init__(f"--sheet: there is no sheet {wanted!r}; the workbook has "
                         f"{', '.join(repr(n) for n in self.names)}")


def _plain(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return general(value)  # type: ignore[arg-type]


def _shown_text(path: Path, sheet: str, values: Sequence[Sequence[object]], cells: set[Position],
                table: Table) -> dict[Position, str]:
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(4)
    try:
        if head.startswith(b"PK") and _zip_has(path, "content.xml"):
            return _ods_shown_text(path, sheet, cells)
        if head.startswith(b"PK") and suffix != ".xlsb" and _zip_has(path, "xl/workbook.xml"):
            return _xlsx_shown_text(path, sheet, values, cells)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path.name}: the number formats of sheet {sheet!r} cannot be read ({exc})") from None
    table.notes.append(f"numbers and dates in {path.suffix or 'this'} files are read without their number "
                       "format (e.g. leading zeros); save the sheet as .xlsx or .ods to keep them as shown")
    return {}


def _zip_has(path: Path, member: str) -> bool:
    with zipfile.ZipFile(path) as archive:
        return member in archive.namelist()


def _xlsx_shown_text(path: Path, sheet: str, values: Sequence[Sequence[object]],
                     cells: set[Position]) -> dict[Position, str]:
    """Render the numbers and dates with their number formats (read with openpyxl, only where needed)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        date1904 = bool(getattr(book, "epoch", None) and book.epoch.year == 1904)
        ws = book[sheet]
        min_r, max_r = min(r for r, _ in cells), max(r for r, _ in cells)
        min_c, max_c = min(c for _, c in cells), max(c for _, c in cells)
        shown: dict[Position, str] = {}
        for r, row in enumerate(ws.iter_rows(min_row=min_r + 1, max_row=max_r + 1, min_col=min_c + 1,
                                              max_col=max_c + 1), start=min_r):
            for c, cell in enumerate(row, start=min_c):
                if (r, c) in cells:
                    shown[(r, c)] = format_value(values[r][c], getattr(cell, "number_format", None),  # type: ignore[arg-type]
                                                 date1904=date1904)
        return shown
    finally:
        book.close()


def _ods_shown_text(path: Path, sheet: str, cells: set[Position]) -> dict[Position, str]:
    """The ``<text:p>`` content of the wanted cells of one table in ``content.xml`` (streamed)."""
    from defusedxml.ElementTree import iterparse

    shown: dict[Position, str] = {}
    last_row = max(r for r, _ in cells)
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as fh:
        inside, row, col, depth = False, 0, 0, 0
        for event, element in iterparse(fh, events=("start", "end")):
            tag = element.tag
            if tag == _TABLE + "table":
                if event == "start":
                    inside = element.get(_TABLE + "name") == sheet
                    row = 0
                elif inside:
                    break
                continue
            if not inside:
                if event == "end" and depth == 0:
                    element.clear()
                continue
            if tag == _TABLE + "table-row":
                if event == "start":
                    col = 0
                else:
                    row += int(element.get(_TABLE + "number-rows-repeated", "1"))
                    element.clear()
                    if row > last_row:
                        break
            elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if (row, col) in cells:
                    shown[(row, col)] = "\n".join(_paragraph(p) for p in element.findall(_TEXT + "p"))
                col += int(element.get(_TABLE + "number-columns-repeated", "1"))
                element.clear()
    return shown


def _paragraph(element: Element) -> str:
    """The text of a ``<text:p>``: spans and links inline, ``<text:s text:c="n"/>`` as n spaces."""
    out = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            out.append(" " * int(child.get(_TEXT + "c", "1")))
        elif tag == _TEXT + "tab":
            out.append("\t")
        elif tag == _TEXT + "line-break":
            out.append("\n")
        elif tag != _OFFICE + "annotation":
            out.append(_paragraph(child))
        out.append(child.tail or "")
    return "".join(out)

