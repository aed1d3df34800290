"""Style presets: named :class:`Style` values in one JSON file format, read and written by the app and the CLI.

    {"format": "qrdesk-presets", "version": 1, "presets": {"Ink blue": {"fg": "#1a3d8f", ...}, ...}}

The app keeps the user's presets in such a file and exports and imports the same files; ``qrdesk make
--preset FILE`` reads them. Readers also accept what people write by hand or already have: a file without
the ``format``/``version`` header, a bare style object (named after the file) and a saved spec
(``{"kind": ..., "style": {...}}``, its style named after the file). Every style is validated and a bad
one is named.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.core.errors import SpecError
from app.core.spec import Style, style_from_dict

FORMAT_NAME = "qrdesk-presets"
FORMAT_VERSION = 1


def read_presets(path: Path) -> dict[str, Style]:
    """The presets in ``path`` by name; raises :class:`SpecError` naming the file or the bad preset."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError("presets", f"cannot read {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SpecError("presets", f"{path.name} is not valid JSON ({exc})") from None
    return parse_presets(raw, default_name=path.stem, source=path.name)


def parse_presets(raw: Any, default_name: str, source: str) -> dict[str, Style]:
    """Presets from a decoded JSON document (see the module doc for the shapes accepted)."""
    if not isinstance(raw, dict):
        raise SpecError("presets", f"{source} must hold a JSON object")
    if "presets" not in raw:
        style = raw.get("style") if isinstance(raw.get("style"), dict) else raw
        return {default_name: _style(style, default_name)}
    if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise SpecError("presets", f"{source} is a {raw['format']!r} file, not QRDesk presets")
    version = raw.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise SpecError("presets", f"{source} was written by a newer QRDesk (presets format {version}); update QRDesk")
    if not isinstance(raw["presets"], dict):
        raise SpecError("presets", f"{source}: \"presets\" must be an object of named styles")
    return {str(name): _style(style, str(name)) for name, style in raw["presets"].items()}


def _style(raw: Any, name: str) -> Style:
    try:
        return style_from_dict(raw)
    except SpecError as exc:
        raise SpecError(f"presets.{name}", exc.message) from None


def presets_document(presets: dict[str, Style]) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "presets": {n: asdict(s) for n, s in presets.items()}}


def write_presets(path: Path, presets: dict[str, Style]) -> None:
    """Write ``presets`` to ``path`` atomically (a crash leaves the old file or the new one, never half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(presets_document(presets), indent=2, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(prefix=".presets.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def choose_preset(presets: dict[str, Style], name: str | None, source: str) -> Style:
    """The preset called ``name``, or the only one when no name is given."""
    if name is not None:
        try:
            return presets[name]
        except KeyError:
            raise SpecError("preset", f"{source} has no preset {name!r}; it has {_names(presets)}") from None
    if len(presets) != 1:
        raise SpecError("preset", f"{source} holds {len(presets)} presets ({_names(presets)}); choose one by name")
    return next(iter(presets.values()))


def _names(presets: dict[str, Style]) -> str:
    return ", ".join(repr(n) for n in presets) or "none"
