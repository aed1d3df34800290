"""The output formats, by name and by file suffix (no imports: the CLI reads them before it loads a writer)."""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "eps", "jpeg", "webp", "tiff", "txt", "pdf-cmyk")
# File name suffix per format (a CMYK PDF is still a .pdf), and the format a suffix means.
SUFFIXES: dict[str, str] = {fmt: "." + fmt.partition("-")[0] for fmt in FORMATS}
FORMAT_SUFFIXES: dict[str, str] = {**{f".{fmt}": fmt for fmt in FORMATS if "-" not in fmt}, ".jpg": "jpeg",
                                   ".tif": "tiff"}
