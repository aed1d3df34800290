"""One preset file format for the app and the command line: each reads what the other writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.presets import FORMAT_NAME, read_presets
from app.core.spec import Style
from app.core.verify import verify_file
from app.ui.presets import PresetStore

URL = "https://example.com/preset"
INK = Style(fg="#1a3d8f", module_shape="rounded", eye_shape="rounded", quiet_zone=6)


def _make_svg(tmp_path: Path, *args: str) -> tuple[int, str]:
    out = tmp_path / "code.svg"
    code = main(["make", URL, "-o", str(out), *args])
    return code, out.read_text(encoding="utf-8") if out.exists() else ""


def test_a_preset_exported_by_the_app_styles_a_cli_code(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "config" / "presets.json")
    store.save("Ink", INK)
    exported = tmp_path / "shared.json"
    store.export_file(exported, ["Ink"])
    code, svg = _make_svg(tmp_path, "--preset", str(exported))
    assert code == 0 and "#1a3d8f" in svg.lower()
    assert verify_file(tmp_path / "code.svg", expected=URL).ok


def test_the_app_store_itself_and_a_named_preset_work_from_the_cli(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("Ink", INK)
    store.save("Plain", Style())
    code, svg = _make_svg(tmp_path, "--preset", str(store.path), "--preset-name", "Ink")
    assert code == 0 and "#1a3d8f" in svg.lower()
    capsys.readouterr()
    assert _make_svg(tmp_path, "--preset", str(store.path))[0] == 2
    err = capsys.readouterr().err
    assert "holds 2 presets ('Ink', 'Plain')" in err and err.startswith("qrdesk: error: --preset")
    assert _make_svg(tmp_path, "--preset", str(store.path), "--preset-name", "Nope")[0] == 2
    assert "has no preset 'Nope'" in capsys.readouterr().err


def test_a_cli_preset_file_imports_into_the_app(tmp_path: Path) -> None:
    # What `qrdesk make --preset` has always read: a JSON object of style options.
    handwritten = tmp_path / "Ink blue.json"
    handwritten.write_text(json.dumps({"fg": "#1a3d8f", "module_shape": "rounded", "eye_shape": "rounded",
                                       "quiet_zone": 6}), encoding="utf-8")
    assert _make_svg(tmp_path, "--preset", str(handwritten))[0] == 0
    store = PresetStore(tmp_path / "config" / "presets.json")
    assert store.import_file(handwritten) == ["Ink blue"]
    assert store.user_presets() == {"Ink blue": INK}


def test_the_file_names_its_format_and_version(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("Ink", INK)
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == (FORMAT_NAME, 1)
    assert read_presets(store.path) == {"Ink": INK}
    document["version"] = 2
    store.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match="newer QRDesk"):
        read_presets(store.path)


def test_a_bad_style_in_a_preset_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"presets": {"Broken": {"fg": "not a colour"}}}), encoding="utf-8")
    assert _make_svg(tmp_path, "--preset", str(path))[0] == 2
    err = capsys.readouterr().err
    assert "presets.Broken" in err and "not a colour" in err and err.count("\n") == 1
