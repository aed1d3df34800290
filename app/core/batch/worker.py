"""One worker's job: encode its items, check each by decoding the in-memory image, and hand back outcomes.

For a folder the worker writes the files itself; for a ZIP it returns the bytes and for a label sheet
the matrix, so the parent only collects small results. The same :class:`Worker` runs in this process
(``jobs=1``) or, built once by the pool initializer, in each worker process (spawn-safe: everything it
receives is picklable).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.batch.model import WorkItem
from app.core.batch.outputs import write_file_atomically
from app.core.errors import CapacityError, QrDeskError, SpecError, is_transient
from app.core.spec import Style

if TYPE_CHECKING:
    from app.core.encode import QrCode


@dataclass(frozen=True)
class WorkerConfig:
    style: Style
    fmt: str
    verify: bool
    mode: str  # folder | zip | labels
    folder: str | None
    robustness: bool = False


# (row, ok, value, field, reason): value is a file name (folder), bytes (zip) or (QrCode, Style) (labels); for a
# good row ``reason`` is empty, or its robustness summary when the batch scores robustness
Outcome = tuple[int, bool, Any, str, str]


class Worker:
    """Per-process state: the configuration and a small cache of per-row styles (caption, colours, logo, ECC)."""

    def __init__(self, config: WorkerConfig) -> None:
        from app.core import encode as _encode  # noqa: F401  (import cost paid once per process)
        from app.core import render as _render  # noqa: F401

        self.config = config
        self.folder = Path(config.folder) if config.folder else None
        self._styles: dict[tuple[str, tuple[tuple[str, str], ...]], Style] = {}

    def style_for(self, item: WorkItem) -> Style:
        caption = "" if self.config.mode == "labels" else item.caption
        if not caption and not item.style:
            return self.config.style
        key = (caption, item.style)
        style = self._styles.get(key)
        if style is None:
            changes: dict[str, object] = dict(item.style)
            if caption:
                changes.update(caption=caption, frame=True)
            style = replace(self.config.style, **changes)  # type: ignore[arg-type]
            if len(self._styles) < 256:
                self._styles[key] = style
        return style

    def run(self, items: Iterable[WorkItem]) -> list[Outcome]:
        from app.core.encode import encode
        from app.core.render import render_bytes
        from app.core.verify import check_code

        cfg = self.config
        out: list[Outcome] = []
        for item in items:
            try:
                style = self.style_for(item)
                code = encode(item.data, style)
                if cfg.verify:
                    report = check_code(code, style)
                    if not report.ok:
                        out.append((item.row, False, None, "", "the code does not scan: " + "; ".join(report.errors)))
                        continue
                note = robustness_note(code, style) if cfg.robustness else ""
                if cfg.mode == "labels":
                    out.append((item.row, True, (code, style), "", note))
                    continue
                data = render_bytes(code, style, cfg.fmt)
                if cfg.mode == "zip":
                    out.append((item.row, True, data, "", note))
                else:
                    assert self.folder is not None
                    write_file_atomically(self.folder, item.name, data)
                    out.append((item.row, True, item.name, "", note))
            except SpecError as exc:
                out.append((item.row, False, None, _field_name(exc.field), exc.message))
            except CapacityError as exc:
                out.append((item.row, False, None, "data", str(exc)))
            except QrDeskError as exc:
                out.append((item.row, False, None, "", str(exc)))
            except OSError as exc:
                if is_transient(exc):
                    raise  # a full disk fails every row that follows: stop the batch, it can be run again
                out.append((item.row, False, None, "", f"cannot write {item.name}: {exc.strerror or exc}"))
        return out


def robustness_note(code: QrCode, style: Style) -> str:
    """The robustness summary a batch records per code (one seeded variant per condition, to keep it cheap)."""
    from app.core.robustness import score_code

    return score_code(code, style, trials=1).summary()


def _field_name(name: str) -> str:
    return "caption" if name == "style.caption" else name


_WORKER: Worker | None = None


def init_worker(config: WorkerConfig) -> None:
    """Pool initializer: build this process's :class:`Worker` once."""
    global _WORKER
    _WORKER = Worker(config)


def run_chunk(items: list[WorkItem]) -> list[Outcome]:
    """Pool task: run one chunk on this process's worker."""
    assert _WORKER is not None, "worker initializer did not run"
    return _WORKER.run(items)
