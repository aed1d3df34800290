"""`qrdesk make` without -o draws the code in the terminal; `--for-distance` sizes the print."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.decode import decode_bytes


def test_make_without_output_draws_the_code_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["make", "https://example.com"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert set(captured.out) <= set(" ▀▄█\n") and "█" in captured.out  # not a terminal here: no escapes


def test_make_without_output_warns_about_a_code_that_will_not_scan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["make", "pale", "--fg", "#eeeeee"]) == 1
    assert "contrast is too low" in capsys.readouterr().err


def test_make_without_output_refuses_a_binary_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["make", "x", "--format", "png"]) == 2
    assert "--format: png needs an output file" in capsys.readouterr().err


def test_for_distance_sizes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "poster.pdf"
    assert main(["make", "https://qrdesk.app/welcome", "--for-distance", "2m", "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == ("print size: to scan from 2 m: modules at least 8.0 mm, the code at least 20 cm across "
                        "(26 cm with its 4-module margin)")
    (code,) = decode_bytes(out.read_bytes(), out.name).codes
    xs = [p[0] for p in code.corners]
    assert max(xs) - min(xs) == pytest.approx(200 / 25.4 * 72, rel=0.02)  # 20 cm in PDF points


def test_for_distance_warns_when_the_given_size_is_too_small(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    args = ["make", "https://qrdesk.app/welcome", "--for-distance", "3m", "--poor-light", "--size", "2",
            "--unit", "mm", "-o", str(tmp_path / "small.svg")]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "warning: modules of 2.00 mm are too small; to scan from 3 m in poor light: modules at least 20.0 mm" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--for-distance", "2"], "--for-distance: '2' is not a distance"),
    (["--poor-light"], "--poor-light: only applies together with --for-distance"),
])
def test_distance_options_are_checked(args: list[str], message: str, capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    assert main(["make", "x", "-o", str(tmp_path / "x.png"), *args]) == 2
    assert message in capsys.readouterr().err
