"""The batch runner: rows → payloads → codes → files, in parallel worker processes.

The parent reads the input, builds each row's payload and unique file name (cheap, and it keeps the
names identical whatever the number of workers), then sends chunks of ``(row, file name, data,
caption)`` to workers. Workers encode, check by decoding the in-memory image and, for a folder,
write the files themselves; for a ZIP they return the bytes and for a label sheet the matrix. The
parent only collects small results, reports progress and honours cancellation between chunks.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.core.batch.labels import LabelTemplate, get_template
from app.core.batch.mapping import ColumnPlan, check_template, default_template, file_stem, plan_columns
from app.core.batch.names import UniqueNames
from app.core.batch.outputs import (
    LabelOutput,
    ZipOutput,
    errors_report_path,
    output_kind,
    prepare_folder,
    write_file_atomically,
)
from app.core.batch.read import InputError, Table, read_source
from app.core.errors import CapacityError, QrDeskError, SpecError
from app.core.spec import Style

BatchSource = str | os.PathLike[str] | Table
Progress = Callable[[int, int, int], None]  # (rows done, rows total, errors so far)
Cancel = threading.Event | Callable[[], bool]
FORMATS = ("png", "svg", "pdf", "eps")


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
class _Item:
    row: int
    name: str  # file name, "" for a label sheet
    data: str
    caption: str


@dataclass(frozen=True)
class _WorkerConfig:
    style: Style
    fmt: str
    verify: bool
    mode: str  # folder | zip | labels
    folder: str | None


# (row, ok, value, field, reason): value is a file name (folder), bytes (zip) or the QrCode (labels)
_Outcome = tuple[int, bool, Any, str, str]


class _Worker:
    """Per-process state, built once by the pool initializer (spawn-safe: everything is picklable)."""

    def __init__(self, config: _WorkerConfig) -> None:
        from app.core import encode as _encode  # noqa: F401  (import cost paid once per process)
        from app.core import render as _render  # noqa: F401

        self.config = config
        self.folder = Path(config.folder) if config.folder else None
        self._styles: dict[str, Style] = {}

    def style_for(self, caption: str) -> Style:
        base = self.config.style
        if not caption or self.config.mode == "labels":
            return base
        style = self._styles.get(caption)
        if style is None:
            style = replace(base, caption=caption, frame=True)
            if len(self._styles) < 256:
                self._styles[caption] = style
        return style

    def run(self, items: Iterable[_Item]) -> list[_Outcome]:
        from app.core.encode import encode
        from app.core.render import render_bytes
        from app.core.verify import check_code

        cfg = self.config
        out: list[_Outcome] = []
        for item in items:
            try:
                style = self.style_for(item.caption)
                code = encode(item.data, style)
                if cfg.verify:
                    report = check_code(code, style)
                    if not report.ok:
                        out.append((item.row, False, None, "", "the code does not scan: " + "; ".join(report.errors)))
                        continue
                if cfg.mode == "labels":
                    out.append((item.row, True, code, "", ""))
                    continue
                data = render_bytes(code, style, cfg.fmt)
                if cfg.mode == "zip":
                    out.append((item.row, True, data, "", ""))
                else:
                    assert self.folder is not None
                    write_file_atomically(self.folder, item.name, data)
                    out.append((item.row, True, item.name, "", ""))
            except SpecError as exc:
                out.append((item.row, False, None, _field_name(exc.field), exc.message))
            except CapacityError as exc:
                out.append((item.row, False, None, "data", str(exc)))
            except QrDeskError as exc:
                out.append((item.row, False, None, "", str(exc)))
            except OSError as exc:
                out.append((item.row, False, None, "", f"cannot write {item.name}: {exc.strerror or exc}"))
        return out


def _field_name(name: str) -> str:
    return "caption" if name == "style.caption" else name


_WORKER: _Worker | None = None


def _init_worker(config: _WorkerConfig) -> None:
    global _WORKER
    _WORKER = _Worker(config)


def _run_chunk(items: list[_Item]) -> list[_Outcome]:
    assert _WORKER is not None, "worker initializer did not run"
    return _WORKER.run(items)


def load_table(source: BatchSource, options: BatchOptions) -> Table:
    if isinstance(source, Table):
        return source
    return read_source(Path(source), delimiter=options.delimiter)


def prepare(table: Table, options: BatchOptions) -> tuple[ColumnPlan, list[_Item], list[RowError]]:
    """Map columns and turn every row into an item to encode or an error naming the row."""
    from app.core.payloads import build_payload

    plan = plan_columns(table, options.kind, explicit=options.mapping, name_column=options.name_column,
                        caption_column=options.caption_column, has_header=options.has_header)
    if not table.rows:
        raise InputError(f"{table.source}: the file has a header row but no data rows")
    template = options.template or default_template(plan)
    check_template(template, plan)
    labels = output_kind(options.output) == "labels"
    suffix = "." + options.fmt
    names = UniqueNames()
    items: list[_Item] = []
    errors: list[RowError] = []
    for row in table.rows:
        if row.undecodable:
            errors.append(RowError(row.number, "", f"holds bytes that are not valid {table.encoding} text"))
            continue
        if not any(c.strip() for c in row.cells):
            errors.append(RowError(row.number, "", "the row is empty"))
            continue
        fields = plan.row_fields(row)
        if not any(v.strip() for v in fields.values()):
            mapped = ", ".join(plan.fields)
            errors.append(RowError(row.number, next(iter(plan.fields)), f"the mapped columns ({mapped}) are empty"))
            continue
        try:
            data = build_payload(options.kind, fields)
        except SpecError as exc:
            errors.append(RowError(row.number, exc.field, exc.message))
            continue
        except QrDeskError as exc:
            errors.append(RowError(row.number, "", str(exc)))
            continue
        if not data:
            errors.append(RowError(row.number, "", "the payload is empty"))
            continue
        caption = plan.cell(row, plan.caption)
        name = "" if labels else names.claim(file_stem(template, row, plan.cell(row, plan.name), fields), suffix)
        items.append(_Item(row.number, name, data, caption))
    return plan, items, errors


@dataclass(frozen=True)
class PreviewRow:
    """What a row will become, for the GUI's mapping preview; nothing is encoded or written."""

    row: int
    file_name: str
    data: str | None
    caption: str
    error: RowError | None = None


def preview_batch(source: BatchSource, options: BatchOptions, limit: int = 20) -> tuple[ColumnPlan, list[PreviewRow]]:
    """The column plan and the first ``limit`` data rows' payloads, names and errors."""
    table = load_table(source, options)
    head = Table(rows=table.rows[:limit + 1], header=table.header, encoding=table.encoding,
                 delimiter=table.delimiter, source=table.source)
    plan, items, errors = prepare(head, replace(options, output=Path(options.output)))
    rows = [PreviewRow(it.row, it.name, it.data, it.caption) for it in items]
    rows += [PreviewRow(e.row, "", None, "", e) for e in errors]
    rows.sort(key=lambda r: r.row)
    return plan, rows[:limit]


def _as_callable(cancel: Cancel | None) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def _chunks(items: list[_Item], size: int) -> list[list[_Item]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_batch(source: BatchSource, options: BatchOptions, progress: Progress | None = None,
              cancel: Cancel | None = None) -> BatchResult:
    """Run a whole batch. Bad rows become :class:`RowError` s; only an unusable input or options raise.

    ``progress(done, total, errors)`` is called from this thread after each chunk; ``cancel`` (an
    Event or a callable) is checked between chunks. ``jobs=1`` runs in this process.
    """
    fmt = options.fmt.lower()
    if fmt not in FORMATS:
        raise SpecError("--format", f"{options.fmt!r} is not one of {', '.join(FORMATS)}")
    options = replace(options, fmt=fmt, output=Path(options.output))
    mode = output_kind(options.output)
    template = None
    if mode == "labels":
        template = options.labels if isinstance(options.labels, LabelTemplate) else get_template(options.labels)
    table = load_table(source, options)
    plan, items, errors = prepare(table, options)
    result = BatchResult(output=options.output, total=len(table.rows), errors=errors, notes=list(table.notes))
    if plan.unused:
        result.notes.append(f"columns not used: {', '.join(plan.unused)}")
    is_cancelled = _as_callable(cancel)
    jobs = options.jobs or os.cpu_count() or 1
    jobs = max(1, min(jobs, 61, -(-len(items) // 16) if items else 1))  # 61: Windows' wait limit
    size = options.chunk_size or max(8, min(256, len(items) // (jobs * 8) or 8))

    folder: Path | None = None
    sink: ZipOutput | LabelOutput | None = None
    if mode == "folder":
        folder = options.output
        prepare_folder(folder)
    elif items:
        sink = ZipOutput(options.output) if mode == "zip" else LabelOutput(options.output, template, options.style)
    config = _WorkerConfig(style=options.style, fmt=fmt, verify=options.verify, mode=mode,
                           folder=str(folder) if folder else None)
    captions = {it.row: it.caption for it in items}
    names = {it.row: it.name for it in items}
    chunks = _chunks(items, size)
    done = len(errors)
    total = len(table.rows)
    if progress:
        progress(done, total, len(result.errors))

    # Outcomes of single-file outputs are appended in row order, whatever order chunks finish in.
    pending: dict[int, list[_Outcome]] = {}
    next_index = 0

    def collect(index: int, outcomes: list[_Outcome]) -> None:
        nonlocal done, next_index
        done += len(outcomes)
        for row, ok, _value, fld, reason in outcomes:
            if not ok:
                result.errors.append(RowError(row, fld, reason))
        if sink is None:
            result.written.extend(value for _row, ok, value, _f, _r in outcomes if ok)
        else:
            pending[index] = outcomes
            while next_index in pending:
                for row, ok, value, _f, _r in pending.pop(next_index):
                    if not ok:
                        continue
                    if isinstance(sink, ZipOutput):
                        sink.add(names[row], value)
                        result.written.append(names[row])
                    else:
                        sink.add(value, captions[row])
                        result.written.append(captions[row] or f"row {row}")
                next_index += 1
        if progress:
            progress(done, total, len(result.errors))

    try:
        if jobs == 1:
            worker = _Worker(config)
            for index, chunk in enumerate(chunks):
                if is_cancelled():
                    result.cancelled = True
                    break
                collect(index, worker.run(chunk))
        else:
            _run_pool(config, chunks, jobs, collect, is_cancelled, result)
        if sink is not None:
            if result.cancelled:
                sink.discard()
                result.notes.append(f"cancelled: {options.output.name} was not written")
                result.written.clear()
            elif not result.written:
                sink.discard()  # an archive or sheet with nothing in it would only look like a result
            else:
                sink.commit()
    except BaseException:
        if sink is not None:
            sink.discard()
        raise
    result.errors.sort(key=lambda e: e.row)
    if mode == "folder":
        result.written.sort()
    if options.errors_report:
        result.errors_path = write_errors_report(errors_report_path(options.output), result.errors)
    return result


def _run_pool(config: _WorkerConfig, chunks: list[list[_Item]], jobs: int,
              collect: Callable[[int, list[_Outcome]], None], is_cancelled: Callable[[], bool],
              result: BatchResult) -> None:
    # spawn everywhere: fork is unsafe in a process with Qt or other threads, and it is what macOS
    # and Windows do anyway, so all platforms behave alike.
    context = multiprocessing.get_context("spawn")
    in_flight: dict[Future[list[_Outcome]], int] = {}
    queue = list(enumerate(chunks))
    queue.reverse()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(config,)) as pool:
        while queue or in_flight:
            if is_cancelled():
                result.cancelled = True
                queue.clear()
                for fut in list(in_flight):
                    if fut.cancel():
                        del in_flight[fut]
            # A few chunks per worker in flight keeps workers busy and cancellation prompt.
            while queue and len(in_flight) < jobs * 3:
                index, chunk = queue.pop()
                in_flight[pool.submit(_run_chunk, chunk)] = index
            if not in_flight:
                break
            finished, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                index = in_flight.pop(fut)
                if fut.cancelled():
                    continue
                try:
                    outcomes = fut.result()
                except BrokenProcessPool:
                    raise QrDeskError("a batch worker process stopped unexpectedly (out of memory?); "
                                      "try again with --jobs 1") from None
                collect(index, outcomes)


def _cell(text: str) -> str:
    # A reason may quote a cell; keep spreadsheets from running it as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_errors_report(path: Path, errors: list[RowError]) -> Path:
    """CSV ``row,field,reason`` (UTF-8 with BOM so Excel shows non-ASCII text correctly)."""
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["row", "field", "reason"])
        for err in errors:
            writer.writerow([err.row, _cell(err.field), _cell(err.reason)])
    os.replace(tmp, path)
    return path
