"""The reports written next to the output: one CSV line per bad row, and (optionally) each code's robustness."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from app.core.batch.model import RowError
from app.core.batch.outputs import errors_report_path


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


def robustness_report_path(output: Path) -> Path:
    """``out/`` → ``out-robustness.csv`` beside it (named like the errors report)."""
    errors = errors_report_path(output)
    return errors.with_name(errors.name.removesuffix("-errors.csv") + "-robustness.csv")


def write_robustness_report(path: Path, scores: dict[int, str], names: dict[int, str]) -> Path:
    """CSV ``row,name,robustness``: each good row's score ("survives 6 of 7 conditions on 3 readers; weakest: …")."""
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["row", "name", "robustness"])
        for row in sorted(scores):
            writer.writerow([row, _cell(names.get(row, "")), _cell(scores[row])])
    os.replace(tmp, path)
    return path
