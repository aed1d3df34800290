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

from app.core.batch.labels import LabelTemplate
from app.core.batch.read import Table
from app.core.spec import Style

BatchSource = str | os.PathLike[str] | Table
BatchProgress = Callable[[int, int, int], None]  # (rows done, rows total, errors so far)
Cancel = threading.Event | Callable[[], bool]
# The writers of app.core.render, spelled out so importing the batch model stays light (a test keeps them equal).
FORMATS = ("png", "svg", "pdf", "eps", "jpeg", "webp", "tiff", "txt")


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
    labels: str | LabelTemplate = "a4-3x8"
    verify: bool = True
    jobs: int = 1  # 0: one per CPU
    chunk_size: int | None = None
    errors_report: bool = True


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    reason: str


@dataclass
class BatchResult:
    output: Path
    total: int  # data rows (header excluded)
    written: list[str] = field(default_factory=list)  # file names (folder/ZIP) or label captions/rows (PDF)
    errors: list[RowError] = field(default_factory=list)
    cancelled: bool = False
    errors_path: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok_count(self) -> int:
        return len(self.written)


@dataclass(frozen=True)
class WorkItem:
    """One row ready to encode: its spreadsheet row number, file name ("" for a label sheet), payload, caption."""

    row: int
    name: str
    data: str
    caption: str
