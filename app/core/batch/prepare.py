"""Rows → work items: map the columns, build each row's payload, style and unique file name, or a row error.

This runs in the parent process (it is cheap, and it keeps file names identical whatever the number of
workers); the GUI and ``--dry-run`` use :func:`preview_batch` to show what the first rows will become.
Cells are trimmed unless ``keep_spaces``; blank rows are skipped (counted, not failed).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.batch.mapping import ColumnPlan, plan_columns
from app.core.batch.model import BatchOptions, BatchSource, RowError, WorkItem
from app.core.batch.names import UniqueNames, check_template, default_template, file_stem
from app.core.batch.outputs import output_kind
from app.core.batch.read import InputError, Row, Table, read_source
from app.core.errors import QrDeskError, SpecError
from app.core.formats import SUFFIXES
from app.core.spec import ECC_LEVELS, Style, parse_color

MAX_COPIES = 1000
_ECC_WORDS = {"low": "L", "medium": "M", "quartile": "Q", "high": "H", "7%": "L", "15%": "M", "25%": "Q", "30%": "H"}


def load_table(source: BatchSource, options: BatchOptions) -> Table:
    if isinstance(source, Table):
        return source
    return read_source(Path(source), delimiter=options.delimiter, sheet=options.sheet)


@dataclass
class Prepared:
    """What :func:`prepare` makes of a table: the plan, the items to encode, the bad rows, the skipped rows."""

    plan: ColumnPlan
    items: list[WorkItem]
    errors: list[RowError]
    skipped: list[int]

    def __iter__(self) -> Iterator[Any]:
        # (plan, items, errors) unpacking, as callers did before skipped rows were counted.
        return iter((self.plan, self.items, self.errors))


def prepare(table: Table, options: BatchOptions) -> Prepared:
    """Map columns and turn every row into an item to encode, an error naming the row, or a skipped row."""
    plan = plan_columns(table, options.kind, explicit=options.mapping, name_column=options.name_column,
                        caption_column=options.caption_column, style_columns=options.style_columns,
                        has_header=options.has_header)
    if not table.rows:
        raise InputError(f"{table.source}: the file has a header row but no data rows")
    template = options.template or default_template(plan.name is not None)
    check_template(template, plan.fields)
    labels = output_kind(Path(options.output)) == "labels"
    base = table.path.parent if table.path is not None else Path.cwd()
    suffix = SUFFIXES[options.fmt]
    names = UniqueNames()
    out = Prepared(plan, [], [], [])
    for row in table.rows:
        if row.undecodable:
            out.errors.append(RowError(row.number, "", f"holds bytes that are not valid {table.encoding} text"))
            continue
        if not any(c.strip() for c in row.cells):
            out.skipped.append(row.number)
            continue
        try:
            item = _item(row, plan, options, base, labels)
        except SpecError as exc:
            out.errors.append(RowError(row.number, exc.field, exc.message, plan.column_of(exc.field)))
            continue
        except QrDeskError as exc:
            out.errors.append(RowError(row.number, "", str(exc)))
            continue
        if item is None:
            out.skipped.append(row.number)
            continue
        if not labels:
            stem = file_stem(template, row, plan.cell(row, plan.name), plan.row_fields(row, options.keep_spaces))
            item = replace(item, name=names.claim(stem, suffix))
        out.items.append(item)
    return out


def _item(row: Row, plan: ColumnPlan, options: BatchOptions, base: Path, labels: bool) -> WorkItem | None:
    """One row's work item; raises SpecError naming the field; None when the row asks for no copies."""
    from app.core.payloads import PAYLOAD_KINDS, build_payload

    fields = plan.row_fields(row, options.keep_spaces)
    if not any(v.strip() for v in fields.values()):
        required = [f.name for f in PAYLOAD_KINDS[plan.kind].fields if f.required and f.name in fields]
        raise SpecError((required or list(fields))[0], "is empty")
    data = build_payload(plan.kind, fields)
    if not data:
        raise SpecError(next(iter(fields)), "the payload is empty")
    style = _row_style(row, plan, options.style, base)
    copies = 1
    if "copies" in plan.style:
        copies = _copies(plan.cell(row, plan.style["copies"]))
        if copies == 0:
            return None
    return WorkItem(row.number, "", data, plan.cell(row, plan.caption), style, copies if labels else 1)


def _row_style(row: Row, plan: ColumnPlan, base_style: Style, base: Path) -> tuple[tuple[str, str], ...]:
    values: dict[str, Any] = {}
    for role in ("fg", "bg", "ecc", "logo"):
        index = plan.style.get(role)
        value = plan.cell(row, index) if index is not None else ""
        if not value:
            continue
        if role in ("fg", "bg"):
            parse_color(value, role)
        elif role == "ecc":
            value = _ECC_WORDS.get(value.lower().replace(" ", ""), value.upper())
            if value not in ECC_LEVELS:
                raise SpecError("ecc", f"{plan.cell(row, index)!r} is not an error correction level "
                                       "(L, M, Q or H)")
        else:
            path = (base / value).resolve()
            if not path.is_file():
                raise SpecError("logo", f"{value}: no such file (logo files are looked up next to the input, "
                                        f"in {base})")
            value = str(path)
        values[role] = value
    if values:
        try:
            replace(base_style, **values)
        except SpecError as exc:
            raise SpecError(exc.field.removeprefix("style."), exc.message) from None
    return tuple(sorted(values.items()))


def _copies(value: str) -> int:
    if not value:
        return 1
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = -1.0
    if not number.is_integer() or not 0 <= number <= MAX_COPIES:
        raise SpecError("copies", f"{value!r} is not a number of copies (0 to {MAX_COPIES})")
    return int(number)


@dataclass(frozen=True)
class PreviewRow:
    """What a row will become, for the dry run and the wizard; nothing is encoded or written."""

    row: int
    file_name: str
    data: str | None
    caption: str
    error: RowError | None = None
    skipped: bool = False
    copies: int = 1


def preview_batch(source: BatchSource, options: BatchOptions, limit: int = 20) -> tuple[ColumnPlan, list[PreviewRow]]:
    """The column plan and the first ``limit`` data rows' payloads, names, errors and skipped rows."""
    table = load_table(source, options)
    head = Table(rows=table.rows[:limit + 1], header=table.header, encoding=table.encoding,
                 delimiter=table.delimiter, source=table.source, notes=list(table.notes), sheet=table.sheet,
                 first_column=table.first_column, path=table.path)
    done = prepare(head, replace(options, output=Path(options.output)))
    rows = [PreviewRow(it.row, it.name, it.data, it.caption, copies=it.copies) for it in done.items]
    rows += [PreviewRow(e.row, "", None, "", e) for e in done.errors]
    rows += [PreviewRow(n, "", None, "", skipped=True) for n in done.skipped]
    rows.sort(key=lambda r: r.row)
    return done.plan, rows[:limit]
