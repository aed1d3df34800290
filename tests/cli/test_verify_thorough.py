"""`qrdesk verify --thorough` and the core's thorough checks: three readers and the robustness score."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.encode import encode
from app.core.render import render
from app.core.spec import Style
from app.core.verify import check_code_thorough, verify_file

URL = "https://qrdesk.app/r/2025?campaign=spring"


def test_a_sturdy_file_is_read_by_every_reader_and_survives_every_condition(tmp_path: Path) -> None:
    render(encode(URL, Style(ecc="H")), Style(ecc="H"), "png", tmp_path / "sturdy.png")
    report = verify_file(tmp_path / "sturdy.png", expected=URL, thorough=True)
    assert report.ok and report.readers == {"zxing": True, "zbar": True, "opencv": True}
    assert report.robustness is not None and report.robustness.summary() == "survives 7 of 7 conditions on 3 readers"


def test_thorough_fails_a_file_one_reader_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    style = Style(module_shape="dots", eye_shape="circle")
    render(encode(URL, style), style, "svg", tmp_path / "round.svg")
    assert main(["verify", str(tmp_path / "round.svg")]) == 0  # the export gate's reader is happy
    capsys.readouterr()
    assert main(["verify", "--thorough", str(tmp_path / "round.svg")]) == 1
    lines = capsys.readouterr().out.splitlines()
    name = tmp_path / "round.svg"
    assert lines[0] == f"{name}: FAIL OpenCV cannot read the code (some phones' readers are built on it)"
    assert lines[1] == f"{name}: readers: zxing-cpp yes, zbar yes, OpenCV no"
    assert lines[2].startswith(f"{name}: robustness: survives 0 of 7 conditions on 3 readers; OpenCV cannot read "
                               "it even undisturbed; weakest: ")


def test_micro_qr_is_checked_on_the_reader_that_reads_it_with_a_warning(capsys: pytest.CaptureFixture[str],
                                                                         tmp_path: Path) -> None:
    render(encode("12345", Style(micro=True)), Style(micro=True), "png", tmp_path / "micro.png")
    assert main(["verify", "--thorough", str(tmp_path / "micro.png")]) == 0
    out = capsys.readouterr().out
    assert "readers: zxing-cpp yes\n" in out and "on 1 reader" in out
    assert "warning: zbar does not read Micro QR codes" in out and "warning: OpenCV does not read Micro QR codes" in out


def test_check_code_thorough_adds_readers_and_score_to_the_style_findings() -> None:
    style = Style(fg="#949494")  # 3:1, a warning on its own
    report = check_code_thorough(encode(URL, style), style)
    assert report.ok and any("contrast is low" in w for w in report.warnings)
    assert set(report.readers) == {"zxing", "zbar", "opencv"}
    assert report.robustness is not None and report.robustness.weakest == "dim"


def test_a_missing_reader_is_named_and_the_others_still_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from app.core import decoders

    monkeypatch.setitem(sys.modules, "pyzbar", None)  # what a machine without libzbar0 looks like to pyzbar
    decoders._pyzbar.cache_clear()
    try:
        render(encode(URL, Style(ecc="H")), Style(ecc="H"), "png", tmp_path / "c.png")
        assert main(["verify", "--thorough", str(tmp_path / "c.png")]) == 0
        out = capsys.readouterr().out
        assert "readers: zxing-cpp yes, OpenCV yes\n" in out and "on 2 readers" in out
        assert "warning: zbar is not available" in out and "install libzbar0 and the pyzbar package" in out
    finally:
        decoders._pyzbar.cache_clear()


def test_batch_robustness_report_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rows.txt").write_text("https://qrdesk.app/a\nhttps://qrdesk.app/b\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "rows.txt"), "--out", str(tmp_path / "codes.zip"), "--jobs", "1",
                 "--robustness", "--quiet"]) == 0
    assert f"robustness of each code in {tmp_path / 'codes-robustness.csv'}" in capsys.readouterr().out
    lines = (tmp_path / "codes-robustness.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "row,name,robustness" and len(lines) == 3 and "conditions on 3 readers" in lines[1]
