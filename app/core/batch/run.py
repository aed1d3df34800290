"""The batch runner: rows → payloads → codes → files, in this process or in parallel worker processes.

The parent reads the input and prepares every row (:mod:`.prepare`), then sends chunks of work items to
workers (:mod:`.worker`, on a pool from :mod:`.pool` when ``jobs > 1``). It only collects small results,
keeps single-file outputs in row order, reports progress, honours cancellation between chunks and
writes the errors report (:mod:`.report`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.core.batch.model import BatchOptions, BatchProgress, BatchResult, BatchSource, Cancel, RowError
from app.core.batch.outputs import LabelOutput, ZipOutput, errors_report_path, output_kind, prepare_folder
from app.core.batch.pool import chunked, run_pool
from app.core.batch.prepare import load_table, prepare
from app.core.batch.report import robustness_report_path, write_errors_report, write_robustness_report
from app.core.batch.templates import LabelTemplate, get_template
from app.core.batch.worker import Outcome, Worker, WorkerConfig
from app.core.errors import SpecError
from app.core.formats import FORMATS


def _as_callable(cancel: Cancel | None) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def run_batch(source: BatchSource, options: BatchOptions, progress: BatchProgress | None = None,
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
    template: LabelTemplate | None = None
    if mode == "labels":
        template = options.labels if isinstance(options.labels, LabelTemplate) else get_template(options.labels)
    table = load_table(source, options)
    prepared = prepare(table, options)
    plan, items, errors = prepared.plan, prepared.items, prepared.errors
    result = BatchResult(output=options.output, total=len(table.rows), errors=errors, notes=list(table.notes),
                         skipped=list(prepared.skipped))
    result.notes += plan.notes
    if plan.unused:
        result.notes.append(f"columns not used: {', '.join(plan.unused)}")
    if mode != "labels" and any(it.copies > 1 for it in items):
        result.notes.append("copies apply to label sheets; a folder or ZIP gets each code once")
    is_cancelled = _as_callable(cancel)
    jobs = options.jobs or os.cpu_count() or 1
    jobs = max(1, min(jobs, 61, -(-len(items) // 16) if items else 1))  # 61: Windows' wait limit
    size = options.chunk_size or max(8, min(256, len(items) // (jobs * 8) or 8))

    folder: Path | None = None
    sink: ZipOutput | LabelOutput | None = None
    if mode == "folder":
        folder = options.output
        prepare_folder(folder)
    elif items and template is not None:
        sink = LabelOutput(options.output, template, options.style, start=options.label_start,
                           offset=options.label_offset, crop_marks=options.crop_marks)
    elif items:
        sink = ZipOutput(options.output)
    config = WorkerConfig(style=options.style, fmt=fmt, verify=options.verify, mode=mode,
                          folder=str(folder) if folder else None, robustness=options.robustness)
    captions = {it.row: it.caption for it in items}
    names = {it.row: it.name for it in items}
    copies = {it.row: it.copies for it in items}
    chunks = chunked(items, size)
    done = len(errors) + len(prepared.skipped)
    total = len(table.rows)
    if progress:
        progress(done, total, len(result.errors))

    # Outcomes of single-file outputs are appended in row order, whatever order chunks finish in.
    pending: dict[int, list[Outcome]] = {}
    next_index = 0

    def collect(index: int, outcomes: list[Outcome]) -> None:
        nonlocal done, next_index
        done += len(outcomes)
        for row, ok, _value, fld, reason in outcomes:
            if not ok:
                result.errors.append(RowError(row, fld, reason, plan.column_of(fld) if fld else ""))
            elif reason:
                result.robustness[row] = reason
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
                        code, style = value
                        sink.add(code, captions[row], style, copies[row])
                        result.labels += copies[row]
                        result.written.append(captions[row] or f"row {row}")
                next_index += 1
        if progress:
            progress(done, total, len(result.errors))

    try:
        if jobs == 1:
            worker = Worker(config)
            for index, chunk in enumerate(chunks):
                if is_cancelled():
                    result.cancelled = True
                    break
                collect(index, worker.run(chunk))
        else:
            result.cancelled = run_pool(config, chunks, jobs, collect, is_cancelled)
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
    if options.robustness and not result.cancelled:
        result.robustness_path = write_robustness_report(
            robustness_report_path(options.output), result.robustness,
            {row: names.get(row) or captions.get(row) or "" for row in result.robustness})
    return result
