"""What a batch is asked to do and what it did: options, per-row errors, the result, the work items.

Plain data shared by the preparation (:mod:`.prepare`), the workers (:mod:`.worker`) and the runner
(:mod:`.run`); nothing here reads files or encodes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.core.batch.read import Table
from app.core.batch.templates import LabelTemplate
from app.core.spec import Style

BatchSource = str | os.PathLike[str] | Table
BatchProgress = Callable[[int, int, int], None]  # (rows done, rows total, errors so far)
Cancel = threading.Event | Callable[[], bool]


@dataclass(frozen=True)
class BatchOptions:
    """Everything a batch needs besides its input. ``output`` decides the kind: a folder, ``.zip`` or ``.pdf``."""

    output: Path
    kind: str = "text"
    style: Style = field(default_factory=Style)
    fmt: str = "png"  # per-code format in a folder or ZIP; a .pdf output is a label sheet
    mapping: Mapping[str, str] = field(default_factory=dict)  # column reference → payload field
    name_column: str | None = None
    caption_column: str | None = None
    template: str | None = None  # e.g. "{row:05d}-{name}"; default {name} or {row:05d}
    has_header: bool | None = None  # None: detect
    delimiter: str | None = None  # None: sniff
    sheet: str | None = None  # a workbook's sheet; None: the first
    keep_spaces: bool = False  # keep spaces around cells (trimmed by default)
    style_columns: Mapping[str, str] = field(default_factory=dict)  # fg/bg/logo/ecc/copies -> column reference
    labels: str | LabelTemplate = "a4-3x8"
    label_start: int = 1  # first free label on a partly used sheet, counted across then down from 1
    label_offset: tuple[float, float] = (0.0, 0.0)  # mm to shift everything right/down (the printer's offset)
    crop_marks: bool = False
    verify: bool = True
    jobs: int = 1  # 0: one per CPU
    chunk_size: int | None = None
    errors_report: bool = True
    # Score every code's robustness (app.core.robustness, one variant per condition: ~0.5 s of CPU a code) into
    # a report CSV beside the output.
    robustness: bool = False


@dataclass(frozen=True)
class RowError:
    """A row that was not made: its sheet row number, the field (or role) at fault and its column."""

    row: int
    field: str
    reason: str
    column: str = ""  # 'B "Inhalt"', '"Inhalt"' or 'column 2'

    def where(self) -> str:
        """``row 5 (url, column B "Link")`` for messages."""
        parts = [p for p in (self.field, f"column {self.column}" if self.column and not
                             self.column.startswith("column") else self.column) if p]
        return f"row {self.row}" + (f" ({', '.join(parts)})" if parts else "")


@dataclass
class BatchResult:
    output: Path
    total: int  # data rows (header excluded)
    written: list[str] = field(default_factory=list)  # file names (folder/ZIP) or label captions/rows (PDF)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # blank rows (and rows asking for 0 copies)
    cancelled: bool = False
    errors_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    robustness: dict[int, str] = field(default_factory=dict)  # row → robustness summary (with options.robustness)
    robustness_path: Path | None = None

    labels: int = 0  # labels printed on a sheet (rows times their copies)

    @property
    def ok_count(self) -> int:
        return len(self.written)

    @property
    def done(self) -> int:
        return self.ok_count

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        """``9 done, 2 skipped, 1 failed`` (the CLI and the wizard say the same)."""
        return f"{self.done} done, {len(self.skipped)} skipped, {self.failed} failed"


@dataclass(frozen=True)
class WorkItem:
    """One row ready to encode: its spreadsheet row number, file name ("" for a label sheet), payload, caption,
    the row's own style values (``(("fg", "#1a237e"), ...)``, checked already) and how many labels it fills."""

    row: int
    name: str
    data: str
    caption: str
    style: tuple[tuple[str, str], ...] = ()
    copies: int = 1
