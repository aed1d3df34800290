"""The app's translations: extract the strings (lupdate), compile the catalogues (lrelease).

    python scripts/translations.py update [LANG...]   app/ui → resources/translations/qrdesk_LANG.ts (every .ts there,
                                                      plus a new one per LANG given), keeping what is translated;
                                                      qrdesk_en.ts holds only the English plural forms
    python scripts/translations.py build [OUT]        every .ts → OUT/qrdesk_LANG.qm (default: next to the .ts);
                                                      only the catalogues older than their source are compiled

Both tools come with PySide6 (``pyside6-lupdate``, ``pyside6-lrelease``), so nothing beyond the app's own
dependencies is needed. The ``.ts`` files are the sources kept in git; the ``.qm`` files are build output
(ignored by git), made by ``scripts/setup.sh``, ``installer/qrdesk.spec`` and the wheel build (``setup.py``).
Sources carry no line numbers (``-locations none``), so moving code does not touch the catalogues.

Plain Python with no import from the app, so setup.py and the PyInstaller spec can load it by path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "qrdesk"
SOURCE_LANGUAGE = "en"


class ToolMissing(RuntimeError):
    """pyside6-lupdate / pyside6-lrelease is not installed (PySide6 is not in this Python)."""


def tool(name: str) -> str:
    """The path of a PySide6 tool (``lupdate``, ``lrelease``): beside this Python first (a venv), then PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe", here / "Scripts" / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise ToolMissing(f"pyside6-{name} not found beside {sys.executable} or on PATH: install PySide6")
    return found


def sources() -> list[Path]:
    """The Python files whose strings are translated: the desktop app's."""
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def catalogue_sources(folder: Path = TRANSLATIONS) -> list[Path]:
    return sorted(folder.glob(f"{CATALOGUE}_*.ts"))


def update(languages: tuple[str, ...] = (), folder: Path = TRANSLATIONS) -> list[Path]:
    """Extract the strings of app/ui into every catalogue source (new ones for ``languages``); messages that
    left the code are dropped, translations of the ones still there are kept. Returns the .ts files."""
    targets = {*catalogue_sources(folder), *(folder / f"{CATALOGUE}_{lang}.ts" for lang in languages)}
    updated = []
    for ts in sorted(targets):
        lang = ts.stem.removeprefix(f"{CATALOGUE}_")
        # English is the source language: its catalogue only holds the plural forms ("1 code", "2 codes").
        only = ["-pluralonly"] if lang == SOURCE_LANGUAGE else []
        subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *only, "-target-language",
                        lang, *map(str, sources()), "-ts", str(ts)], check=True, env=tool_environment())
        updated.append(ts)
    return updated


def tool_environment() -> dict[str, str]:
    """The environment for a PySide6 tool: ours without PYTHONPATH. pip's isolated build (setup.py, when a venv
    that already has PySide6 re-installs the project) points PYTHONPATH at its own overlay, which hides the venv's
    site-packages from the tool's Python: the tool is found but cannot import PySide6."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def compile_catalogue(ts: Path, qm: Path) -> None:
    """One .ts → .qm with Qt's lrelease (unfinished messages are left out: they show the English source)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                            check=False, env=tool_environment())
    if result.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease failed on {ts}:\n{result.stdout}{result.stderr}")


def build(out: Path | None = None, folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every catalogue source in ``folder`` into ``out`` (default: beside it) when the .qm is missing or
    older than its .ts; returns the .qm files (all of them, compiled now or already current)."""
    out = out or folder
    built = []
    for ts in catalogue_sources(folder):
        qm = out / ts.with_suffix(".qm").name
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            compile_catalogue(ts, qm)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if argv[0] == "update":
            for ts in update(tuple(argv[1:])):
                print(f"updated {ts.relative_to(ROOT)}")
        else:
            built = build(Path(argv[1]).resolve() if len(argv) > 1 else None)
            print(f"translations: {len(built)} catalogue(s) current in {built[0].parent if built else TRANSLATIONS}",
                  file=sys.stderr)  # a status line, not output: setup.sh runs this before every app start
    except ToolMissing as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
