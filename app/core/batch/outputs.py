"""Where a batch goes: a folder (workers write files), a ZIP or a label-sheet PDF (written here).

Single-file outputs are built under a temporary name beside the target and moved into place only
when the batch completes, so a cancelled or crashed batch never leaves a half-written archive.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from pathlib import Path

from app.core.batch.labels import LabelSheet
from app.core.batch.templates import LabelTemplate
from app.core.encode import QrCode
from app.core.errors import RenderError
from app.core.files import create_beside
from app.core.spec import Style


def output_kind(path: Path) -> str:
    """``zip``, ``labels`` (a .pdf sheet) or ``folder``."""
    suffix = path.suffix.lower()
    return {".zip": "zip", ".pdf": "labels"}.get(suffix, "folder")


def errors_report_path(output: Path) -> Path:
    """``out/`` → ``out-errors.csv`` beside it; ``codes.zip`` → ``codes-errors.csv``."""
    stem = output.name if output_kind(output) == "folder" else output.stem
    return output.parent / f"{stem}-errors.csv"


def prepare_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create the output folder {path}: {exc.strerror or exc}") from None
    if not path.is_dir():
        raise RenderError(f"{path} exists and is not a folder")


def write_file_atomically(folder: Path, name: str, data: bytes) -> None:
    """Write under a hidden temporary name and rename, so a reader never sees a partial file."""
    part = folder / f".{name}.part"
    try:
        with open(part, "wb") as fh:
            fh.write(data)
        os.replace(part, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


class _TempTarget:
    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = create_beside(target, target.suffix + ".part")  # normal permissions, not 0600
        except OSError as exc:
            raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
        self.stream = os.fdopen(fd, "w+b")

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        self.stream.close()
        self.tmp.unlink(missing_ok=True)


class ZipOutput(_TempTarget):
    def __init__(self, target: Path) -> None:
        super().__init__(target)
        self.zip = zipfile.ZipFile(self.stream, "w")

    def add(self, name: str, data: bytes) -> None:
        # PNG and PDF are compressed already; deflating them again costs time and saves nothing.
        method = zipfile.ZIP_DEFLATED if name.lower().endswith((".svg", ".eps")) else zipfile.ZIP_STORED
        self.zip.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, compress_type=method)

    def commit(self) -> None:
        self.zip.close()
        super().commit()

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.zip.close()
        super().discard()


class LabelOutput(_TempTarget):
    def __init__(self, target: Path, template: LabelTemplate, style: Style, *, start: int = 1,
                 offset: tuple[float, float] = (0.0, 0.0), crop_marks: bool = False) -> None:
        super().__init__(target)
        try:
            self.sheet = LabelSheet(self.stream, template, style, start=start, offset=offset, crop_marks=crop_marks)
        except BaseException:
            self.discard()
            raise

    def add(self, code: QrCode, caption: str, style: Style | None = None, copies: int = 1) -> None:
        for _ in range(copies):
            self.sheet.add(code, caption, style)

    def commit(self) -> None:
        self.sheet.close()
        super().commit()
