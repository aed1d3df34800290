"""The Linux PyInstaller bundle works on its own: no Python on PATH, no venv, an empty home.

Builds the Linux package with ``installer/build_linux.sh`` (PyInstaller spec, tarball, desktop files) from the
current checkout into ``build/bundle-test`` (reused while it is newer than every source file, so a second run costs
seconds), then runs the bundle's ``--self-test`` with a bare
environment and starts its GUI under Xvfb. Needs PyInstaller in the venv and Debian ``xvfb x11-utils imagemagick``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "bundle-test"
EXE = CACHE / "dist" / "qrdesk" / "qrdesk"
CAPTURE = ROOT / "scripts" / "capture-window.sh"  # also what scripts/screenshots.py --bundle uses
SOURCES = ("app", "cloud_sync", "resources", "installer", "pyproject.toml", "setup.py", "constraints.txt")
GUI_START_TIMEOUT_S = 60


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                newest = max(newest, file.stat().st_mtime)
    return newest


def _require_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail(f"PyInstaller is not installed in {sys.prefix}: run `{sys.executable} -m pip install pyinstaller`")


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built bundle's executable, rebuilt only when a source file is newer than it."""
    if EXE.exists() and EXE.stat().st_mtime > _newest_source_mtime():
        return EXE
    _require_pyinstaller()
    shutil.rmtree(CACHE, ignore_errors=True)
    env = os.environ | {"PYTHON": sys.executable, "QRDESK_BUILD_DIR": str(CACHE / "work")}
    result = subprocess.run(
        ["bash", str(ROOT / "installer" / "build_linux.sh"), str(CACHE / "dist")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, f"build_linux.sh failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    assert EXE.exists(), f"PyInstaller succeeded but left no {EXE}"
    return EXE


def _bare_env(home: Path, path: str) -> dict[str, str]:
    """What `env -i` would leave, plus a HOME: no PYTHONPATH, no VIRTUAL_ENV, no DISPLAY."""
    return {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", "QRDESK_HOME": str(home / "library")}


def _expected_checks() -> list[str]:
    from app.core.render import FORMATS

    return [*(f"make {fmt}" for fmt in FORMATS), "library", "resources", "readers"]


@pytest.mark.parametrize("path", ["/usr/bin:/bin", "/nonexistent"], ids=["system-path", "no-path"])
def test_bundle_self_test_passes_without_python(bundle: Path, tmp_path: Path, path: str) -> None:
    # The bundle folder itself must not offer an interpreter that could mask a missing dependency.
    assert shutil.which("python", path=str(bundle.parent)) is None
    assert shutil.which("python3", path=str(bundle.parent)) is None
    env = _bare_env(tmp_path, path) | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(bundle), "--self-test"], env=env, cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = result.stdout.splitlines()
    ok_checks = [line.split()[1:] for line in lines if line.startswith("ok ")]
    ok_names = [" ".join(words).split(":")[0] for words in ok_checks]
    assert ok_names == _expected_checks(), output
    # The resources come from inside the bundle, never from a checkout that happens to be near it.
    (found,) = [line for line in lines if line.startswith("ok   resources")]
    assert str(bundle.parent / "_internal" / "app" / "_resources") in found, found
    assert not [line for line in lines if line.startswith("FAIL")], output
    assert lines[-1] == "self-test passed", output
    assert "Traceback" not in output


def test_bundle_exit_code_reports_bad_usage(bundle: Path, tmp_path: Path) -> None:
    # A bundle that swallowed errors would make the self-test above meaningless: bad input must exit non-zero.
    result = subprocess.run([str(bundle), "--no-such-option"], env=_bare_env(tmp_path, "/usr/bin:/bin"),
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_bundle_gui_starts_under_xvfb(bundle: Path, tmp_path: Path) -> None:
    tools = {"xvfb-run": "xvfb", "xwininfo": "x11-utils", "import": "imagemagick"}
    missing = [f"{tool} (Debian {package})" for tool, package in tools.items() if shutil.which(tool) is None]
    assert not missing, f"cannot start the bundled GUI: missing {', '.join(missing)}"
    shot = tmp_path / "screen.png"
    env = _bare_env(tmp_path, "/usr/bin:/bin")
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp",
         "bash", str(CAPTURE), str(bundle), str(shot), str(GUI_START_TIMEOUT_S)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=GUI_START_TIMEOUT_S + 60, check=False,
    )
    output = result.stdout + result.stderr
    assert "QRDESK-ALIVE" in result.stdout, f"the bundled GUI did not stay up:\n{output}"
    assert '"QRDesk' in result.stdout, f"no QRDesk window appeared on the screen:\n{output}"
    assert "Traceback" not in output, output

    from PIL import Image

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    # A bare X root is one colour; a drawn main window has text, icons and a preview.
    assert colours is None or len(colours) > 50, f"the screenshot looks empty ({len(colours)} colours)"


def test_bundle_has_no_development_leftovers(bundle: Path) -> None:
    # Test and server-side packages would bloat the download and hint at a spec that collects too much.
    internal = bundle.parent / "_internal"
    for name in ("pytest", "hypothesis", "moto", "boto3", "fastapi", "sync_service", "tkinter"):
        assert not (internal / name).exists(), f"{name} was bundled"
    assert (internal / "app" / "_resources" / "icons" / "qrdesk.svg").exists(), "the resources folder was not bundled"
    assert os.access(bundle, os.X_OK)


def test_tarball_installs_runs_and_uninstalls_for_one_user(bundle: Path, tmp_path: Path) -> None:
    tarballs = list(bundle.parent.parent.glob("qrdesk-*-linux-*.tar.gz"))
    assert len(tarballs) == 1, tarballs
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    with tarfile.open(tarballs[0]) as tar:
        tar.extractall(unpacked, filter="tar")
    home = tmp_path / "home"
    env = _bare_env(home, "/usr/bin:/bin")
    subprocess.run([str(unpacked / "qrdesk" / "install.sh")], env=env, check=True, capture_output=True, timeout=120)

    data = home / ".local" / "share"
    desktop = (data / "applications" / "qrdesk.desktop").read_text()
    assert f"Exec={data / 'qrdesk' / 'qrdesk'}\n" in desktop
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "qrdesk.png").exists()
    launcher = home / ".local" / "bin" / "qrdesk"
    result = subprocess.run([str(launcher), "--self-test"], env=env | {"QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

    subprocess.run([str(data / "qrdesk" / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True,
                   timeout=60)
    assert not launcher.exists() and not launcher.is_symlink()
    assert not (data / "qrdesk").exists()
    assert not (data / "applications" / "qrdesk.desktop").exists()
