"""Reading a batch input: bytes → text (encoding sniffed) → rows (delimiter and header sniffed).

Row numbers are the ones a spreadsheet shows: the first line of the file is row 1, header included,
so a user can go straight to the row an error names.
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
    (b"PK\x03\x04", "a ZIP archive or an Excel/OpenDocument workbook; save the sheet as CSV"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office document; save the sheet as CSV"),
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
    delimiter: str | None = None  # None for a .txt file (one payload per line)
    source: str = "input"  # the file name, for messages
    notes: list[str] = field(default_factory=list)


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
        return _drop_trailing_blank(rows), None
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    rows = []
    try:
        for i, cells in enumerate(reader, 1):
            rows.append(Row(i, tuple(cells), any(UNDECODABLE in c for c in cells)))
    except csv.Error as exc:  # e.g. a field larger than csv.field_size_limit
        raise InputError(f"row {len(rows) + 1}: cannot be read as CSV ({exc})") from None
    return _drop_trailing_blank(rows), delim


def _drop_trailing_blank(rows: list[Row]) -> list[Row]:
    while rows and not any(c.strip() for c in rows[-1].cells):
        rows.pop()
    return rows


def read_source(path: str | Path, *, delimiter: str | None = None) -> Table:
    """Read a ``.txt`` (one payload per line) or ``.csv``/``.tsv`` file into rows (header not yet decided)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path.name}: {size // 2**20} MB is too large for a batch (limit "
                             f"{MAX_INPUT_BYTES // 2**20} MB); split the file")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a CSV or text file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_bytes(raw, csv_format=path.suffix.lower() != ".txt", source=path.name, delimiter=delimiter)


def parse_bytes(raw: bytes, *, csv_format: bool, source: str = "input", delimiter: str | None = None) -> Table:
    if not raw.strip():
        raise InputError(f"{source}: the file is empty")
    text, encoding, lossy = decode_bytes(raw, source)
    rows, delim = read_text(text, csv_format=csv_format, delimiter=delimiter)
    if not rows:
        raise InputError(f"{source}: the file has no rows")
    table = Table(rows=rows, encoding=encoding, delimiter=delim, source=source)
    if lossy:
        table.notes.append(f"some bytes are not valid {encoding}; the rows holding them are reported")
    return table
