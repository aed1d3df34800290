"""Reading a batch input: bytes → text (encoding sniffed) → rows (delimiter and header sniffed).

Workbooks (``.xlsx``, ``.ods``…) go to :mod:`.sheets`. A ``.txt`` file is a table when it is what a
spreadsheet's text export writes (Excel's "Unicode Text" is UTF-16 with tabs and a header row; any
tab-separated text counts), otherwise one payload a line. Row numbers are the ones a spreadsheet shows:
the first line of the file is row 1, header included, so a user can go straight to the row an error names.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import QrDeskError

MAX_INPUT_BYTES = 200 * 1024 * 1024
DELIMITERS = ",;\t"
# U+FFFD stands in for bytes the chosen encoding cannot decode; rows holding it are reported.
UNDECODABLE = "\ufffd"

_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (not a workbook)"),
    (b"\xd0\xcf\x11\xe0", "an Office document that is not a workbook (or a workbook named .csv/.txt: "
                         "give it its .xls suffix)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


class InputError(QrDeskError):
    """The whole input cannot be used (unreadable, binary, empty): no row can be made."""


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it, counting the header line
    cells: tuple[str, ...]
    undecodable: bool = False


@dataclass
class Table:
    """The parsed input; ``header`` is None when the first row is data."""

    rows: list[Row]
    header: tuple[str, ...] | None = None
    encoding: str = "utf-8"
    delimiter: str | None = None  # None for a line list (one payload a line); "sheet" for a workbook
    source: str = "input"  # the file name, for messages
    notes: list[str] = field(default_factory=list)
    sheet: str | None = None  # the workbook's sheet the rows come from
    first_column: int = 0  # columns left of the data that were empty (so messages name the sheet's letters)
    path: Path | None = None  # the file read (logo files in a logo column are relative to its folder)

    def column_name(self, index: int) -> str:
        """``B "Inhalt"`` in a workbook, ``"Inhalt"`` in a CSV with a header, else ``column 2``."""
        head = self.header[index].strip() if self.header is not None and index < len(self.header) else ""
        if self.sheet is not None:
            letter = column_letter(self.first_column + index)
            return f'{letter} "{head}"' if head else f"column {letter}"
        return f'"{head}"' if head else f"column {index + 1}"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def decode_bytes(raw: bytes, source: str = "input") -> tuple[str, str, bool]:
    """Return ``(text, encoding, lossy)``; ``lossy`` means some bytes became U+FFFD.

    BOMs decide first (UTF-8, UTF-16 LE/BE). Without one the text is UTF-8 when it decodes as such;
    when most non-ASCII lines fail as UTF-8 it is cp1252 (the Windows Excel default); a mostly UTF-8
    file with a few broken lines stays UTF-8 and only those lines are lost (and reported).
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            body = raw[len(bom):]
            if name.startswith("utf-16") and len(body) % 2:
                body = body[:-1]
            text = body.decode(name.removesuffix("-sig"), errors="replace")
            return text, name, UNDECODABLE in text and UNDECODABLE.encode(name.removesuffix("-sig")) not in body
    _refuse_binary(raw, source)
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    good = bad = 0
    for line in raw.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    if good > bad:
        return raw.decode("utf-8", errors="replace"), "utf-8", True
    text = raw.decode("cp1252", errors="replace")
    return text, "cp1252", UNDECODABLE in text


def _refuse_binary(raw: bytes, source: str) -> None:
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise InputError(f"{source}: this is {what}, not a CSV or text file")
    head = raw[:65536]
    if b"\x00" in head:
        raise InputError(f"{source}: this looks like a binary file (it contains NUL bytes); if it is UTF-16 "
                         "text, save it with a byte order mark (BOM) or as UTF-8")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    if controls > max(8, len(head) // 100):
        raise InputError(f"{source}: this looks like a binary file (many control characters), "
                         "not a CSV or text file")


def sniff_delimiter(text: str) -> str:
    """``,`` ``;`` or tab: csv.Sniffer on the first lines, else the most frequent one in the first line."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_text(text: str, *, csv_format: bool, delimiter: str | None = None) -> tuple[list[Row], str | None]:
    """Split decoded text into rows; blank lines are kept (as empty rows) so numbering stays true."""
    if not csv_format:
        lines = text.splitlines()
        rows = [Row(i, (line.strip("\r"),), UNDECODABLE in line) for i, line in enumerate(lines, 1)]
        return drop_trailing_blank(rows), None
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    rows = []
    try:
        for i, cells in enumerate(reader, 1):
            rows.append(Row(i, tuple(cells), any(UNDECODABLE in c for c in cells)))
    except csv.Error as exc:  # e.g. a field larger than csv.field_size_limit
        raise InputError(f"row {len(rows) + 1}: cannot be read as CSV ({exc})") from None
    return drop_trailing_blank(rows), delim


def drop_trailing_blank(rows: list[Row]) -> list[Row]:
    while rows and not any(c.strip() for c in rows[-1].cells):
        rows.pop()
    return rows


def read_source(path: str | Path, *, delimiter: str | None = None, sheet: str | None = None) -> Table:
    """Read a workbook sheet, a ``.csv``/``.tsv`` table or a ``.txt`` file into rows (header not yet decided)."""
    from app.core.batch.sheets import is_workbook, read_workbook

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path.name}: {size // 2**20} MB is too large for a batch (limit "
                             f"{MAX_INPUT_BYTES // 2**20} MB); split the file")
        with open(path, "rb") as fh:
            head = fh.read(8)
        if is_workbook(path, head):
            table = read_workbook(path, sheet)
            table.path = path
            return table
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a CSV, text or workbook file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if sheet is not None:
        raise InputError(f"--sheet: {path.name} is not a workbook (.xlsx, .ods, .xls); it has no sheets")
    table = parse_bytes(raw, csv_format=path.suffix.lower() != ".txt", source=path.name, delimiter=delimiter)
    table.path = path
    return table


def parse_bytes(raw: bytes, *, csv_format: bool, source: str = "input", delimiter: str | None = None) -> Table:
    """``csv_format=False`` (a .txt file): a table if it is tab-separated or UTF-16, else one payload a line."""
    if not raw.strip():
        raise InputError(f"{source}: the file is empty")
    text, encoding, lossy = decode_bytes(raw, source)
    if not csv_format and (delimiter is not None or encoding.startswith("utf-16") or _tab_separated(text)):
        csv_format, delimiter = True, delimiter or "\t"
    rows, delim = read_text(text, csv_format=csv_format, delimiter=delimiter)
    if not rows:
        raise InputError(f"{source}: the file has no rows")
    table = Table(rows=rows, encoding=encoding, delimiter=delim, source=source)
    if lossy:
        table.notes.append(f"some bytes are not valid {encoding}; the rows holding them are reported")
    return table


def _tab_separated(text: str) -> bool:
    """Most of the first non-blank lines hold a tab: a spreadsheet's tab-separated export."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    return bool(lines) and "\t" in lines[0] and sum("\t" in line for line in lines) * 5 >= len(lines) * 4
