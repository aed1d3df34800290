"""Safe, unique output file names built from spreadsheet cells.

A name comes from user data (a CSV cell, a template), so it may try to climb out of the output
folder, name a device on Windows or collide with another row's name on a case-insensitive disk.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping

from app.core.batch.read import Row
from app.core.errors import SpecError

# Characters Windows refuses (and the separators of every OS), plus C0/C1 control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{dev}{n}" for dev in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]]
)
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200  # ext4/APFS/NTFS allow 255; leave room for the suffix and a "-NN" counter


def sanitize_stem(text: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """A file name stem (no extension) that is safe on Windows, macOS and Linux; "" if nothing is left."""
    name = unicodedata.normalize("NFC", text)
    name = re.sub(r"\s+", " ", name)
    name = _FORBIDDEN.sub("_", name)
    name = re.sub(r"\.{2,}", ".", name)
    # Leading dots would hide the file (and ".." is a parent); trailing dots/spaces vanish on Windows.
    name = name.strip(" .")
    name = re.sub(r"_{2,}", "_", name)
    name = _truncate(name, max_chars)
    if name.split(".", 1)[0].rstrip(" ").casefold() in _RESERVED:
        name = "_" + name
    return name


def _truncate(name: str, max_chars: int) -> str:
    name = name[:max_chars]
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    return name.rstrip(" .")


class UniqueNames:
    """Hands out file names that never collide, compared case-insensitively (NTFS, APFS defaults).

    The first ``report`` stays ``report.png``; later ones become ``report-2.png``, ``report-3.png``...
    A counter never produces a name that a later row asks for verbatim only if that row comes
    later; it then gets its own counter in turn, so nothing is ever overwritten.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, stem: str, suffix: str) -> str:
        """Reserve and return ``stem + suffix`` or the first free ``stem-N + suffix``."""
        candidate = stem + suffix
        key = candidate.casefold()
        if key not in self._taken:
            self._taken.add(key)
            return candidate
        n = self._next.get(key, 2)
        while True:
            tail = f"-{n}"
            candidate = _truncate(stem, MAX_NAME_CHARS - len(tail)) + tail + suffix
            n += 1
            if candidate.casefold() not in self._taken:
                break
        self._next[key] = n
        self._taken.add(candidate.casefold())
        return candidate


class _Fields(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def default_template(has_name_column: bool) -> str:
    return "{name}" if has_name_column else "{row:05d}"


def check_template(template: str, fields: Iterable[str]) -> None:
    """Fail early, naming the placeholder, instead of once per row."""
    values = _Fields(row=1, name="n", **{name: "v" for name in fields})
    try:
        for _, key, _, _ in string.Formatter().parse(template):
            if key is not None and key.split(".")[0].split("[")[0] not in values:
                usable = ", ".join("{" + k + "}" for k in values)
                raise SpecError("--template", f"{{{key}}} is not known; use {usable}")
        template.format_map(values)
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        raise SpecError("--template", f"{template!r} is not a valid template ({exc})") from None


def file_stem(template: str, row: Row, name: str, fields: Mapping[str, str]) -> str:
    """The sanitised stem for one row; falls back to the row number when the template gives nothing."""
    try:
        text = template.format_map(_Fields(fields, row=row.number, name=name or f"{row.number:05d}"))
    except (ValueError, KeyError, IndexError, AttributeError):
        text = ""
    return sanitize_stem(text) or f"{row.number:05d}"
