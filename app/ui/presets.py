"""Style presets ("themes" for codes): named :class:`Style` values saved as JSON in the user's config.

The file format is the core's (:mod:`app.core.presets`), shared with ``qrdesk make --preset``, so an
exported file can be imported on another machine or used from the command line, and a preset file written
for the command line can be imported here. Import validates every style and names the bad one.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import SpecError
from app.core.presets import read_presets, write_presets
from app.core.profile import Profile
from app.core.spec import Style
from app.resources import resource


def built_in_presets() -> dict[str, Style]:
    """The presets every installation has: resources/presets/built-in.json, in the same file format."""
    return read_presets(resource("presets", "built-in.json"))


def default_path() -> Path:
    return Profile.current().presets_path


class PresetStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def load(self) -> dict[str, Style]:
        """Built-in presets plus the user's (a damaged file is reported, not silently replaced)."""
        presets = built_in_presets()
        if self.path.exists():
            presets.update(read_presets(self.path))
        return presets

    def user_presets(self) -> dict[str, Style]:
        return read_presets(self.path) if self.path.exists() else {}

    def save(self, name: str, style: Style) -> None:
        name = name.strip()
        if not name:
            raise SpecError("preset", "needs a name")
        presets = self.user_presets()
        presets[name] = style
        write_presets(self.path, presets)

    def delete(self, name: str) -> None:
        presets = self.user_presets()
        if presets.pop(name, None) is not None:
            write_presets(self.path, presets)

    def import_file(self, source: Path) -> list[str]:
        incoming = read_presets(source)
        presets = self.user_presets()
        presets.update(incoming)
        write_presets(self.path, presets)
        return sorted(incoming)

    def export_file(self, target: Path, names: list[str] | None = None) -> None:
        presets = self.load()
        chosen = {n: s for n, s in presets.items() if names is None or n in names}
        write_presets(target, chosen)
