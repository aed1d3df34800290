"""``qrdesk batch`` from the command line: exit codes, one-line errors, reports next to the output."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import decode_folder, decode_pdf_pages, decode_zip, write

from app.cli import main


def test_batch_to_folder_with_a_bad_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", "text,name\nhello,a\n" + "z" * 3000 + ",b\nwörld,c\n")
    code = main(["batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "1", "--fg", "#003366"])
    captured = capsys.readouterr()
    assert code == 0
    assert "wrote 2 codes" in captured.out and "2 done, 0 skipped, 1 failed" in captured.out
    assert "out-errors.csv" in captured.out
    assert 'row 3 (data, column "text"): data is too long' in captured.err
    assert decode_folder(tmp_path / "out") == {"a.png": "hello", "c.png": "wörld"}
    assert (tmp_path / "out-errors.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("3,data,")


def test_every_row_failing_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.txt", "y" * 3000 + "\n" + "x" * 3000 + "\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "o.zip"), "--jobs", "1"]) == 1
    assert "0 done, 0 skipped, 2 failed" in capsys.readouterr().out
    assert (tmp_path / "o-errors.csv").exists() and not (tmp_path / "o.zip").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01\x02binary" * 50, "binary file"),
    (b"", "the file is empty"),
    (b"ssid,password\n", "header row but no data rows"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 content: bytes, message: str) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(content)
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--kind", "wifi"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qrdesk: error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_bad_map_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", "Network,Key\nHome,pw\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "o"), "--kind", "wifi", "--map", "Netz=ssid"]) == 2
    assert "--map: there is no column 'Netz'" in capsys.readouterr().err


def test_wifi_zip_with_mapping(tmp_path: Path) -> None:
    from app.core.payloads import build_payload

    src = write(tmp_path / "in.csv", "Network;Key;Room\nHome;\"s3cr;et:42\";Kitchen\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "w.zip"), "--kind", "wifi", "--map", "Network=ssid",
                 "--map", "Key=password", "--name-column", "Room", "--jobs", "1"]) == 0
    assert decode_zip(tmp_path / "w.zip") == {
        "Kitchen.png": build_payload("wifi", {"ssid": "Home", "password": "s3cr;et:42"})}


def test_label_sheet_with_template_and_margin(tmp_path: Path) -> None:
    src = write(tmp_path / "in.txt", "\n".join(f"code {i}" for i in range(5)))
    assert main(["batch", str(src), "--out", str(tmp_path / "l.pdf"), "--labels", "letter-3x10",
                 "--label-margin-top", "20", "--jobs", "1", "--quiet"]) == 0
    assert sorted(decode_pdf_pages(tmp_path / "l.pdf")[0]) == [f"code {i}" for i in range(5)]


def test_unknown_label_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.txt", "a\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "l.pdf"), "--labels", "a5-1x1"]) == 2
    assert "'a5-1x1' is not a label template" in capsys.readouterr().err


FIXTURES = Path(__file__).parent / "fixtures"


def test_dry_run_prints_the_mapping_and_the_first_rows_as_encoded(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(FIXTURES / "codes.xlsx"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "codes.xlsx, sheet 'Codes': 14 rows, a header row" in out
    assert 'text <- B "Inhalt"' in out and 'name <- A "Bezeichnung"' in out and 'not used: C "Notiz"' in out
    assert "row 3: 4917012345678" in out and "row 5: 000042" in out and "row 4: blank, skipped" in out
    assert "row 9: https://example.com/über?q=1  [file Webseite.png]" in out  # trimmed
    assert "row 11: Zeile 1\\nZeile 2" in out
    assert list(tmp_path.iterdir()) == []


def test_an_ambiguous_sheet_is_refused_naming_the_columns_and_the_option(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", "Name;Website;Mail\nShop;https://a.example;a@b.example\n")
    assert main(["batch", str(src), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert '"Website" (URLs) or "Mail" (e-mail addresses)' in err and "--map Website=text" in err
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--map", "Mail=text", "--jobs", "1"]) == 0
    assert decode_folder(tmp_path / "out") == {"Shop.png": "a@b.example"}


def test_blank_rows_are_skipped_and_the_summary_counts_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", "Name;Inhalt\na;  https://a.example  \n;\n\nb;\n c ; hello \n")
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "2 done, 2 skipped, 1 failed" in captured.out
    assert 'row 5 (text, column "Inhalt"): is empty' in captured.err
    assert decode_folder(tmp_path / "out") == {"a.png": "https://a.example", "c.png": "hello"}


def test_list_labels_and_calibration_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--list-labels"]) == 0
    listing = capsys.readouterr().out
    assert "avery-l7160" in listing and "herma-4360" in listing and "zweckform-3474" in listing
    assert main(["batch", "--labels", "5160", "--calibration-page", "--out", str(tmp_path / "c.pdf"),
                 "--label-offset", "0.5,-1"]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert main(["batch", "--labels", "5160", "--calibration-page", "--out", str(tmp_path / "c.pdf"),
                 "--label-offset", "a,b"]) == 2
