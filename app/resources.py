"""Where the app's data files live: the top-level ``resources/`` folder, however QRDesk runs.

``resources/`` holds icons, themes, built-in style presets, translations and label templates (see
``resources/README.md``). It is found in one of two places:

- ``app/_resources/`` inside the installed package: an installed wheel (pyproject.toml maps the folder there
  with setuptools' ``package-dir``; setup.py adds it to the package list) and the PyInstaller bundle
  (installer/qrdesk.spec copies it to the same place);
- ``resources/`` next to the ``app`` package: a source checkout or an editable install.

Plain Python (no Qt), so the core, the CLI and the self-test can use it too. The app is never run from a zip
archive, so a resource is an ordinary file with a path (Qt's loaders want paths).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
CANDIDATES = (_PACKAGE / "_resources", _PACKAGE.parent / "resources")

# What every way of running the app must find; the self-test checks them (`qrdesk --self-test`).
REQUIRED = (
    "icons/qrdesk.svg",
    "themes/light.json",
    "themes/dark.json",
    "presets/built-in.json",
    "linux/qrdesk.desktop",
    "labels/generic.toml",
)


class ResourceMissing(FileNotFoundError):
    """A data file the installation should carry is not there: a broken install, not a user error."""


@cache
def resources_dir() -> Path:
    """The folder the resources were found in (the first candidate that carries the app icon)."""
    for candidate in CANDIDATES:
        if (candidate / REQUIRED[0]).is_file():
            return candidate
    looked = ", ".join(str(c) for c in CANDIDATES)
    raise ResourceMissing(f"QRDesk's resources folder is missing (looked in {looked}); reinstall QRDesk")


def resource(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource("icons", "save.svg")``; raises :class:`ResourceMissing`."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise ResourceMissing(f"QRDesk's resource {'/'.join(parts)} is missing from {resources_dir()}; "
                              "reinstall QRDesk")
    return path


def check_resources() -> str:
    """Every required resource is present and not empty; returns a one-line summary (for the self-test)."""
    empty = [name for name in REQUIRED if resource(*name.split("/")).stat().st_size == 0]
    if empty:
        raise ResourceMissing(f"empty resource file(s) in {resources_dir()}: {', '.join(empty)}")
    icons = len(list((resources_dir() / "icons").glob("*.svg")))
    catalogues = compiled_catalogues()
    return f"{len(REQUIRED)} required files, {icons} icons and {len(catalogues)} translations in {resources_dir()}"


def compiled_catalogues() -> list[Path]:
    """The compiled translations (``translations/*.qm``); raises :class:`ResourceMissing` when a source (``.ts``)
    has no catalogue: they are build output (scripts/translations.py), so a build step did not run."""
    folder = resources_dir() / "translations"
    missing = [ts.name for ts in sorted(folder.glob("*.ts")) if not ts.with_suffix(".qm").is_file()]
    if missing:
        raise ResourceMissing(f"translations not compiled in {folder}: {', '.join(missing)} without a .qm "
                              "(run scripts/setup.sh, or python scripts/translations.py build)")
    return sorted(folder.glob("*.qm"))
