"""``qrdesk batch``: one code per row of a spreadsheet, CSV or text file, into a folder, a ZIP or a label sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.exit_codes import ExitCode
from app.cli.style_options import add_style_arguments, style_from_args
from app.core.batch import (
    BatchOptions,
    BatchResult,
    builtin_templates,
    get_template,
    preview_batch,
    run_batch,
    write_calibration_page,
)
from app.core.batch.templates import LabelTemplate
from app.core.errors import SpecError
from app.core.formats import FORMATS

DRY_RUN_ROWS = 10
STYLE_COLUMNS = {"fg": "code colour (#rrggbb)", "bg": "background colour", "logo": "logo file (relative to INPUT)",
                 "ecc": "error correction (L, M, Q, H)", "copies": "number of labels (label sheets)"}


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make one QR code per row of INPUT: an .xlsx/.ods/.xls workbook (first sheet unless --sheet), a .csv/.tsv "
        "table or a .txt file (tab-separated or UTF-16 'Unicode Text' is a table, otherwise one payload a line). "
        "Columns are mapped by their header in many languages or by what their cells hold; --dry-run shows the "
        "mapping and the first rows. Blank rows are skipped; rows that cannot be made are listed with their row "
        "number and column in an errors report (CSV) next to the output. Exits 1 only when no row could be made, "
        "2 when the input or options are unusable, 3 when the disk is full (run it again when there is room).")
    parser.add_argument("input", metavar="INPUT", nargs="?",
                        help="workbook (.xlsx, .ods, .xls), CSV/TSV or TXT (UTF-8, UTF-16 or Windows-1252)")
    parser.add_argument("--out", metavar="DIR|FILE.zip|FILE.pdf",
                        help="a folder of files, a ZIP archive, or a PDF sheet of labels")
    parser.add_argument("--dry-run", action="store_true",
                        help=f"print the column mapping and the first {DRY_RUN_ROWS} rows as they will be encoded; "
                             "write nothing")
    parser.add_argument("--format", default="png", choices=FORMATS,
                        help="file format of each code in a folder or ZIP (default png)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes (default: one per CPU; 1 runs in this process)")
    parser.add_argument("--kind", default="text", metavar="KIND",
                        help="payload type of every row, e.g. text, url, wifi, vcard (default text)")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="feed a payload field from a column (header name or 1-based number), e.g. "
                             "--map Network=ssid; columns are otherwise mapped by header words and content")
    parser.add_argument("--name-column", metavar="C", help="column giving each file its name")
    parser.add_argument("--caption-column", metavar="C", help="column giving each code its caption")
    for role, what in STYLE_COLUMNS.items():
        parser.add_argument(f"--{role}-column", metavar="C", help=f"column giving each row's {what}")
    parser.add_argument("--keep-spaces", action="store_true",
                        help="keep spaces around cell values (trimmed by default)")
    parser.add_argument("--template", metavar="T",
                        help="file name template, e.g. '{row:05d}-{name}'; any mapped field can be used "
                             "(default {name} with a name column, else {row:05d})")
    header = parser.add_mutually_exclusive_group()
    header.add_argument("--header", dest="has_header", action="store_true", default=None,
                        help="the first row is a header (default: detected)")
    header.add_argument("--no-header", dest="has_header", action="store_false", help="the first row is data")
    parser.add_argument("--delimiter", choices=[",", ";", "tab"], help="CSV delimiter (default: detected)")
    labels = parser.add_argument_group("label sheets (a .pdf output)")
    labels.add_argument("--labels", default="a4-3x8", metavar="SHEET",
                        help="a template name or part number (e.g. avery-l7160, L7160, 5160, 3474; --list-labels), "
                             "a .toml file, or inline: page=a4,grid=3x8,label=70x37,margin=0x0.5,pitch=70x37 "
                             "(mm; default a4-3x8)")
    labels.add_argument("--list-labels", action="store_true", help="list the label templates and exit")
    for name in ("margin-left", "margin-top", "gap-x", "gap-y"):
        labels.add_argument(f"--label-{name}", type=float, metavar="MM", help=f"override the sheet's {name} in mm")
    labels.add_argument("--label-start", type=int, default=1, metavar="N",
                        help="first free label of a partly used sheet, counted across then down (default 1)")
    labels.add_argument("--label-offset", metavar="X,Y", default="0,0",
                        help="shift everything by X mm right and Y mm down (measure it with --calibration-page)")
    labels.add_argument("--crop-marks", action="store_true", help="crop marks in the margins at every label edge")
    labels.add_argument("--calibration-page", action="store_true",
                        help="write a page (to --out FILE.pdf) that measures the printer's offset on this sheet")
    parser.add_argument("--no-verify", action="store_true", help="do not decode each code to check it scans")
    parser.add_argument("--robustness", action="store_true",
                        help="score each code under seven simulated conditions with three readers into "
                             "OUT-robustness.csv (about half a second of CPU per code)")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    add_style_arguments(parser)
    parser.set_defaults(handler=run)


def _mapping(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        if not sep or not column.strip() or not target.strip():
            raise SpecError("--map", f"{item!r} must look like COLUMN=FIELD")
        mapping[column.strip()] = target.strip()
    return mapping


def _offset(text: str) -> tuple[float, float]:
    parts = text.replace(";", ",").split(",")
    try:
        x, y = (float(p.strip().removesuffix("mm")) for p in parts)
    except ValueError:
        raise SpecError("--label-offset", f"{text!r} must be two numbers of mm like 1.5,-0.5") from None
    if max(abs(x), abs(y)) > 20:
        raise SpecError("--label-offset", "more than 20 mm is not a printer offset; check the template")
    return x, y


def _template(args: argparse.Namespace) -> LabelTemplate:
    labels = get_template(args.labels)
    overrides = {field: getattr(args, f"label_{field}") for field in ("margin_left", "margin_top", "gap_x", "gap_y")
                 if getattr(args, f"label_{field}") is not None}
    return labels.with_changes(**overrides) if overrides else labels


def _list_labels() -> int:
    for template in builtin_templates().values():
        aliases = f" (also {', '.join(template.aliases[:6])})" if template.aliases else ""
        print(f"{template.name:<18} {template.describe()}{aliases}")
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    if args.list_labels:
        return _list_labels()
    template = _template(args)
    offset = _offset(args.label_offset)
    if args.calibration_page:
        if not args.out or not args.out.lower().endswith(".pdf"):
            raise SpecError("--out", "the calibration page needs --out FILE.pdf")
        with open(args.out, "wb") as fh:
            write_calibration_page(fh, template, offset)
        print(f"wrote the calibration page for {template.name} to {args.out}")
        return ExitCode.OK
    if not args.input:
        raise SpecError("INPUT", "name the spreadsheet, CSV or text file to read")
    if not args.out and not args.dry_run:
        raise SpecError("--out", "name a folder, a .zip or a .pdf (or use --dry-run)")
    if args.jobs < 0:
        raise SpecError("--jobs", "must be 0 (one per CPU) or more")
    style_columns = {role: getattr(args, f"{role}_column") for role in STYLE_COLUMNS
                     if getattr(args, f"{role}_column")}
    options = BatchOptions(
        output=Path(args.out or "dry-run"), kind=args.kind, style=style_from_args(args), fmt=args.format,
        mapping=_mapping(args.map), name_column=args.name_column, caption_column=args.caption_column,
        template=args.template, has_header=args.has_header,
        delimiter={"tab": "\t"}.get(args.delimiter, args.delimiter), sheet=args.sheet, keep_spaces=args.keep_spaces,
        style_columns=style_columns, labels=template, label_start=args.label_start, label_offset=offset,
        crop_marks=args.crop_marks, verify=not args.no_verify, jobs=args.jobs, robustness=args.robustness)
    if args.dry_run:
        return _dry_run(args.input, options)
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int, errors: int) -> None:
        if show:
            print(f"\r{done}/{total} rows, {errors} failed", end="", file=sys.stderr, flush=True)

    result = run_batch(args.input, options, progress=progress)
    if show:
        print(file=sys.stderr)
    _report(result)
    return ExitCode.FAILED if result.total and result.ok_count == 0 and result.errors else ExitCode.OK


def _report(result: BatchResult) -> None:
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for err in result.errors[:20]:
        print(f"{err.where()}: {err.reason}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"... and {len(result.errors) - 20} more", file=sys.stderr)
    report = f"; errors listed in {result.errors_path}" if result.errors_path and result.errors else ""
    stopped = " (cancelled)" if result.cancelled else ""
    labels = f" ({result.labels} labels)" if result.labels != result.ok_count and result.labels else ""
    print(f"wrote {result.ok_count} code{'s' if result.ok_count != 1 else ''}{labels} to {result.output}"
          f"{stopped}: {result.summary()}{report}")
    if result.robustness_path is not None:
        print(f"robustness of each code in {result.robustness_path}")


def _dry_run(source: str, options: BatchOptions) -> int:
    from app.core.batch import read_source

    table = read_source(Path(source), delimiter=options.delimiter, sheet=options.sheet)
    total = len(table.rows)
    plan, rows = preview_batch(table, options, limit=DRY_RUN_ROWS)
    where = f", sheet {table.sheet!r}" if table.sheet else ""
    header = "a header row" if plan.header is not None else "no header row"
    print(f"{Path(source).name}{where}: {total - (plan.header is not None)} rows, {header}; kind {options.kind}")
    for note in table.notes + list(plan.notes):
        print(f"note: {note}")
    print("columns:")
    for line in plan.describe():
        print(f"  {line}")
    print(f"first {len(rows)} rows as they will be encoded:")
    for row in rows:
        if row.skipped:
            print(f"  row {row.row}: blank, skipped")
        elif row.error is not None:
            print(f"  {row.error.where()}: FAILS: {row.error.reason}")
        else:
            extra = [f"file {row.file_name}"] if row.file_name else []
            extra += [f"caption {row.caption!r}"] if row.caption else []
            extra += [f"{row.copies} copies"] if row.copies != 1 else []
            print(f"  row {row.row}: {_shown(row.data or '')}" + (f"  [{', '.join(extra)}]" if extra else ""))
    return ExitCode.OK


def _shown(data: str) -> str:
    """The payload on one line: line breaks and tabs made visible, long payloads cut."""
    text = data.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return text if len(text) <= 200 else text[:199] + "…"
