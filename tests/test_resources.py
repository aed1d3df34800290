"""The top-level resources/ folder is found from the checkout and from an installed wheel.

The third way the app runs, the PyInstaller bundle, is covered by tests/installer/test_bundle.py (its
``--self-test`` has a ``resources`` line that must point inside the bundle).
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import resources
from app.core.spec import style_from_dict

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_lookup():
    resources.resources_dir.cache_clear()
    yield
    resources.resources_dir.cache_clear()


def test_checkout_uses_the_top_level_folder(fresh_lookup) -> None:
    assert resources.resources_dir() == ROOT / "resources"
    assert f"{len(resources.REQUIRED)} required files" in resources.check_resources()


def test_a_missing_folder_is_a_clear_error(fresh_lookup, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(resources, "CANDIDATES", (tmp_path / "a", tmp_path / "b"))
    with pytest.raises(resources.ResourceMissing, match="reinstall QRDesk") as caught:
        resources.resource("icons", "save.svg")
    assert str(tmp_path / "a") in str(caught.value) and str(tmp_path / "b") in str(caught.value)


def test_a_missing_file_names_itself(fresh_lookup) -> None:
    with pytest.raises(resources.ResourceMissing, match=r"icons/no-such-icon\.svg"):
        resources.resource("icons", "no-such-icon.svg")


def _icon_names_used_in(folder: Path) -> set[str]:
    """Every literal name in the UI's source passed as ``icon("name")`` or as an ``icon_name="name"`` keyword."""
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "icon" and node.args:
                names.add(node.args[0])
            names.update(kw.value for kw in node.keywords if kw.arg == "icon_name")
    return {n.value for n in names if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_every_icon_the_ui_names_exists() -> None:
    used = _icon_names_used_in(ROOT / "app" / "ui")
    assert {"qrdesk", "save", "new"} <= used  # the scan itself works
    missing = sorted(n for n in used if n and not (ROOT / "resources" / "icons" / f"{n}.svg").is_file())
    assert not missing, f"icon(...) names without resources/icons/NAME.svg: {missing}"


def test_theme_and_preset_files_are_valid() -> None:
    from PySide6.QtGui import QPalette

    light = json.loads((ROOT / "resources/themes/light.json").read_text())["palette"]
    dark = json.loads((ROOT / "resources/themes/dark.json").read_text())["palette"]
    assert light.keys() == dark.keys(), "both themes must colour the same roles"
    for role in light:
        QPalette.ColorRole[role]  # a typo in a role name would raise KeyError here
    presets = json.loads((ROOT / "resources/presets/built-in.json").read_text())["presets"]
    assert presets, "no built-in presets"
    for style in presets.values():
        style_from_dict(style)


def _build_wheel(tmp_path: Path) -> Path:
    """Build the wheel from a copy of the sources (so the build leaves nothing in the checkout)."""
    src = tmp_path / "src"
    for name in ("app", "cloud_sync", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "_resources"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(tmp_path / "dist"), str(src)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (tmp_path / "dist").glob("qrdesk-*.whl")
    return wheel


def test_installed_wheel_finds_its_resources(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for top in ("app", "cloud_sync") for p in (ROOT / top).rglob("*.py")
               if "__pycache__" not in p.parts}
    assert not sources - names, f"modules missing from the wheel: {sorted(sources - names)}"
    assert {"app/py.typed", "cloud_sync/py.typed"} <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # what installing a pure-Python wheel puts on disk
    probe = ("import app, app.resources as r; print(app.__file__); print(r.resources_dir()); "
             "print(r.check_resources())")
    env = {**os.environ, "PYTHONPATH": str(site)}
    empty = tmp_path / "cwd"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-c", probe], cwd=empty, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    module, folder, _summary = result.stdout.splitlines()
    assert Path(module).is_relative_to(site), "the probe imported the checkout, not the wheel"
    assert Path(folder) == site / "app" / "_resources"
