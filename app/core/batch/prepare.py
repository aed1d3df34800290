"""Rows → work items: map the columns, build each row's payload and a unique file name, or a row error.

This runs in the parent process (it is cheap, and it keeps file names identical whatever the number of
workers); the GUI uses :func:`preview_batch` to show what the first rows will become.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.core.batch.mapping import ColumnPlan, check_template, default_template, file_stem, plan_columns
from app.core.batch.model import BatchOptions, BatchSource, RowError, WorkItem
from app.core.batch.names import UniqueNames
from app.core.batch.outputs import output_kind
from app.core.batch.read import InputError, Table, read_source
from app.core.errors import QrDeskError, SpecError


def load_table(source: BatchSource, options: BatchOptions) -> Table:
    if isinstance(source, Table):
        return source
    return read_source(Path(source), delimiter=options.delimiter)


def prepare(table: Table, options: BatchOptions) -> tuple[ColumnPlan, list[WorkItem], list[RowError]]:
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
    items: list[WorkItem] = []
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
        items.append(WorkItem(row.number, name, data, caption))
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
