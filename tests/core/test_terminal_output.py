"""Text output (UTF-8 half blocks): the drawn grid is the code's module grid, and it scans once drawn."""

from __future__ import annotations

import numpy as np
import pytest
from pyzbar import pyzbar

from app.core.encode import encode
from app.core.render import render_bytes
from app.core.render.terminal import terminal_text
from app.core.spec import Style

CELLS = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}


def _grid(text: str) -> np.ndarray:
    rows = []
    for line in text.splitlines():
        pairs = [CELLS[ch] for ch in line]
        rows += [[p[0] for p in pairs], [p[1] for p in pairs]]
    return np.array(rows, dtype=bool)


@pytest.mark.parametrize("style", [Style(), Style(quiet_zone=1), Style(micro=True)], ids=["qr", "thin", "micro"])
def test_half_blocks_draw_exactly_the_module_grid_with_its_quiet_zone(style: Style) -> None:
    code = encode("HELLO 123", style)
    grid = _grid(terminal_text(code, style))
    expected = np.pad(code.matrix, style.quiet_zone)
    assert grid.shape[1] == expected.shape[1]
    assert (grid[:expected.shape[0]] == expected).all() and not grid[expected.shape[0]:].any()


def test_the_text_scans_when_drawn() -> None:
    data = "https://example.com/from-a-terminal"
    code = encode(data, Style())
    grid = _grid(render_bytes(code, Style(), "txt").decode("utf-8"))
    pixels = np.where(np.repeat(np.repeat(grid, 6, axis=0), 6, axis=1), 0, 255).astype(np.uint8)
    assert [s.data.decode() for s in pyzbar.decode(pixels)] == [data]  # zbar: not the export gate's reader


def test_ansi_sets_black_on_white_on_every_line() -> None:
    code = encode("ansi", Style())
    plain, ansi = terminal_text(code, Style()), terminal_text(code, Style(), ansi=True)
    lines = ansi.splitlines()
    assert all(line.startswith("\x1b[30;107m") and line.endswith("\x1b[0m") for line in lines)
    assert "\n".join(line[len("\x1b[30;107m"):-len("\x1b[0m")] for line in lines) + "\n" == plain
