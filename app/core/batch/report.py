"""The errors report: one CSV line per bad row, written next to the output."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from app.core.batch.model import RowError


def _cell(text: str) -> str:
    # A reason may quote a cell; keep spreadsheets from running it as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_errors_report(path: Path, errors: list[RowError]) -> Path:
    """CSV ``row,field,column,reason`` (UTF-8 with BOM so Excel shows non-ASCII text correctly)."""
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["row", "field", "column", "reason"])
        for err in errors:
            writer.writerow([err.row, _cell(err.field), _cell(err.column), _cell(err.reason)])
    os.replace(tmp, path)
    return path
