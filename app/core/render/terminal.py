"""Text output: the module grid drawn with UTF-8 half blocks, two module rows per line of text.

This is what ``qrencode -t UTF8`` and segno's terminal output do: ``█`` both modules dark, ``▀`` only the
upper one, ``▄`` only the lower one, a space neither. Plain text assumes dark ink on a light page (a text file,
a document). On a terminal, whose background may be dark, :func:`terminal_text` with ``ansi=True`` sets black
on bright white explicitly for every line, so the code is never shown inverted. Shapes, colours, logos and
frames are not drawn; the quiet zone is.
"""

from __future__ import annotations

from typing import BinaryIO

from app.core.encode import QrCode
from app.core.spec import Style

BLOCKS = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}  # (upper, lower) module, 1 = dark
ANSI_START = "\x1b[30;107m"  # black on bright white
ANSI_END = "\x1b[0m"


def terminal_text(code: QrCode, style: Style, *, ansi: bool = False) -> str:
    quiet = bytes(style.quiet_zone)
    light = bytes(code.size + 2 * style.quiet_zone)
    grid = [light] * style.quiet_zone + [quiet + row + quiet for row in code.rows] + [light] * style.quiet_zone
    if len(grid) % 2:
        grid.append(light)
    lines = []
    for top, bottom in zip(grid[0::2], grid[1::2], strict=True):
        line = "".join(BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        lines.append(f"{ANSI_START}{line}{ANSI_END}" if ansi else line)
    return "\n".join(lines) + "\n"


def write_txt(code: QrCode, style: Style, stream: BinaryIO) -> None:
    stream.write(terminal_text(code, style).encode("utf-8"))
