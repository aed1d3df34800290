"""Input decoding and sniffing: encodings, delimiters, binary and empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.core.batch.read import InputError, parse_bytes, read_source

ROWS = "name;text\nMünchen;Grüße aus Köln\nZürich;€ 5\n"


@pytest.mark.parametrize(("raw", "encoding"), [
    (ROWS.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + ROWS.encode("utf-16-be"), "utf-16-be"),
    (ROWS.encode("cp1252"), "cp1252"),
])
def test_encodings_give_the_same_cells(raw: bytes, encoding: str) -> None:
    table = parse_bytes(raw, csv_format=True)
    assert table.encoding == encoding
    assert table.delimiter == ";"
    assert [r.cells for r in table.rows] == [("name", "text"), ("München", "Grüße aus Köln"), ("Zürich", "€ 5")]
    assert not any(r.undecodable for r in table.rows)


def test_bom_does_not_end_up_in_the_first_header_cell() -> None:
    table = parse_bytes(codecs.BOM_UTF8 + b"url\nhttps://a.example\n", csv_format=True)
    assert table.rows[0].cells == ("url",)


@pytest.mark.parametrize(("text", "delimiter"), [
    ("a,b,c\n1,2,3\n4,5,6\n", ","),
    ("a;b;c\n1;2;3\n4;5;6\n", ";"),
    ("a\tb\tc\n1\t2\t3\n4\t5\t6\n", "\t"),
    ('ssid,password\n"Cafe; Bar","p,w;x"\n', ","),
    ("only\n", ","),  # nothing to sniff: falls back to comma
])
def test_delimiters(text: str, delimiter: str) -> None:
    assert parse_bytes(text.encode(), csv_format=True).delimiter == delimiter


def test_a_quoted_multiline_cell_is_one_spreadsheet_row() -> None:
    table = parse_bytes(b'text,name\n"line one\nline two",a\nthird,b\n', csv_format=True)
    assert [(r.number, r.cells) for r in table.rows] == [
        (1, ("text", "name")), (2, ("line one\nline two", "a")), (3, ("third", "b"))]


def test_txt_is_one_payload_a_line_with_blank_lines_numbered() -> None:
    table = parse_bytes(b"a,b;c\r\n\r\nhttps://x.example/?q=1,2\n\n\n", csv_format=False)
    assert [(r.number, r.cells) for r in table.rows] == [(1, ("a,b;c",)), (2, ("",)), (3, ("https://x.example/?q=1,2",))]


@pytest.mark.parametrize(("raw", "message"), [
    (b"\x00\x01\x02\x03binary\x00stuff" * 10, "binary"),
    (b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
    (b"%PDF-1.7\n...", "PDF"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_binary_files_are_refused_with_a_reason(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_bytes(raw, csv_format=True, source="codes.csv")


@pytest.mark.parametrize("raw", [b"", b"   \n\r\n\t\n"])
def test_empty_file(raw: bytes) -> None:
    with pytest.raises(InputError, match=r"codes\.csv: the file is empty"):
        parse_bytes(raw, csv_format=True, source="codes.csv")


def test_a_few_broken_bytes_in_a_utf8_file_lose_only_their_rows() -> None:
    raw = "text\nGrüße\n".encode() + b"caf\xe9 bad\n" + "Smørrebrød\nÅrhus\n".encode()
    table = parse_bytes(raw, csv_format=True)
    assert table.encoding == "utf-8"
    assert [r.number for r in table.rows if r.undecodable] == [3]
    assert table.rows[3].cells == ("Smørrebrød",)
    assert table.notes


def test_read_source_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_source(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path)
