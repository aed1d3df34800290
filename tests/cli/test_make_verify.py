"""`qrdesk make`, `qrdesk verify` and `qrdesk --self-test` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.render import FORMATS
from app.core.verify import verify_file


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_make_writes_a_file_that_decodes(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"code.{fmt}"
    data = "https://example.com/ünïcode?q=1"
    assert main(["make", data, "-o", str(out), "--module-shape", "rounded", "--fg", "#1a237e"]) == 0
    assert verify_file(out, expected=data).ok
    assert "scans OK" in capsys.readouterr().out


def test_make_eps_is_written(tmp_path: Path) -> None:
    out = tmp_path / "code.eps"
    assert main(["make", "eps please", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%!PS-Adobe")


def test_make_wifi_fields_with_special_characters(tmp_path: Path) -> None:
    out = tmp_path / "wifi.png"
    args = ["make", "--kind", "wifi", "--field", "ssid=My;Net", "--field", 'password=p;a:ss\\w"rd', "-o", str(out)]
    assert main(args) == 0
    assert verify_file(out, expected='WIFI:T:WPA;S:My\\;Net;P:p\\;a\\:ss\\\\w\\"rd;;').ok


def test_unscannable_code_is_not_written_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pale.png"
    assert main(["make", "pale", "-o", str(out), "--fg", "#eeeeee"]) == 1  # the result is a failure (README)
    err = capsys.readouterr().err
    assert out.exists() is False and list(tmp_path.iterdir()) == []
    assert err.startswith("qrdesk: error: pale.png was not written") and "contrast" in err and err.count("\n") == 1
    assert main(["make", "pale", "-o", str(out), "--fg", "#eeeeee", "--force"]) == 1
    assert out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["make", "x", "-o", "x.bmp"], "cannot tell the format"),
    (["make", "x", "-o", "x.png", "--field", "novalue"], "--field: 'novalue' must look like NAME=VALUE"),
    (["make", "x", "-o", "x.png", "--fg", "notacolour"], "--fg: 'notacolour' is not a colour"),
    (["make", "x", "-o", "x.png", "--quiet-zone", "99"], "--quiet-zone"),
    (["make", "a" * 3000, "-o", "x.png", "--ecc", "H"], "too long"),
    (["make", "--kind", "wifi", "--field", "ssid=x", "--field", "password=short", "-o", "x.png"], "password"),
])
def test_bad_input_gives_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("qrdesk: error: ") and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_verify_reports_each_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.svg"
    assert main(["make", "hello", "-o", str(good)]) == 0
    capsys.readouterr()
    assert main(["verify", str(good)]) == 0
    assert main(["verify", str(good), "--expect", "other"]) == 1
    assert main(["verify", str(tmp_path / "missing.png")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{good}: OK 'hello'"
    assert "FAIL" in lines[1] and "'other'" in lines[1]
    assert "file not found" in lines[2]


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["make", "--help"])
    text = capsys.readouterr().out
    for option in ("--ecc", "--logo", "--module-shape", "--eye-shape", "--caption", "--micro", "--unit", "--dpi"):
        assert option in text


def test_self_test_passes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path))
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    # formats, library, resources, readers
    assert out.count("\nok   ") == len(FORMATS) + 3 and "self-test passed" in out
