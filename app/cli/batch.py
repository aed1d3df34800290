"""``qrdesk batch``: one code per row of a CSV or text file, into a folder, a ZIP or a label-sheet PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.style_options import add_style_arguments, style_from_args
from app.core.batch import TEMPLATES, BatchOptions, get_template, run_batch
from app.core.batch.model import FORMATS
from app.core.errors import SpecError

EXIT_OK = 0
EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch", help="make one code per row of a CSV or text file",
        description="Make one QR code per row of INPUT (.csv/.tsv with a header or not, or .txt with one payload "
                    "a line). Rows that cannot be made are listed with their row number in an errors report "
                    "(CSV) next to the output; the other rows are still made. Exits 1 only when no row could be "
                    "made, 2 when the input or options are unusable.")
    parser.add_argument("input", metavar="INPUT", help="CSV, TSV or TXT file (UTF-8, UTF-16 with BOM or Windows-1252)")
    parser.add_argument("--out", required=True, metavar="DIR|FILE.zip|FILE.pdf",
                        help="a folder of files, a ZIP archive, or a PDF sheet of labels")
    parser.add_argument("--format", default="png", choices=FORMATS,
                        help="file format of each code in a folder or ZIP (default png)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes (default: one per CPU; 1 runs in this process)")
    parser.add_argument("--kind", default="text", metavar="KIND",
                        help="payload type of every row, e.g. text, url, wifi, vcard (default text)")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="feed a payload field from a column (header name or 1-based number), e.g. "
                             "--map Network=ssid; columns named like a field are mapped automatically")
    parser.add_argument("--name-column", metavar="C", help="column giving each file its name")
    parser.add_argument("--caption-column", metavar="C", help="column giving each code its caption")
    parser.add_argument("--template", metavar="T",
                        help="file name template, e.g. '{row:05d}-{name}'; any mapped field can be used "
                             "(default {name} with --name-column, else {row:05d})")
    header = parser.add_mutually_exclusive_group()
    header.add_argument("--header", dest="has_header", action="store_true", default=None,
                        help="the first row is a header (default: detected)")
    header.add_argument("--no-header", dest="has_header", action="store_false", help="the first row is data")
    parser.add_argument("--delimiter", choices=[",", ";", "tab"], help="CSV delimiter (default: detected)")
    parser.add_argument("--labels", default="a4-3x8", metavar="TEMPLATE",
                        help=f"label sheet for a .pdf output: {', '.join(TEMPLATES)} (default a4-3x8)")
    for name in ("margin-left", "margin-top", "gap-x", "gap-y"):
        parser.add_argument(f"--label-{name}", type=float, metavar="MM", help=f"override the sheet's {name} in mm")
    parser.add_argument("--no-verify", action="store_true", help="do not decode each code to check it scans")
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


def run(args: argparse.Namespace) -> int:
    labels = get_template(args.labels)
    overrides = {field: getattr(args, f"label_{field}") for field in ("margin_left", "margin_top", "gap_x", "gap_y")
                 if getattr(args, f"label_{field}") is not None}
    if overrides:
        labels = labels.with_changes(**overrides)
    if args.jobs < 0:
        raise SpecError("--jobs", "must be 0 (one per CPU) or more")
    options = BatchOptions(
        output=Path(args.out), kind=args.kind, style=style_from_args(args), fmt=args.format,
        mapping=_mapping(args.map), name_column=args.name_column, caption_column=args.caption_column,
        template=args.template, has_header=args.has_header,
        delimiter={"tab": "\t"}.get(args.delimiter, args.delimiter), labels=labels,
        verify=not args.no_verify, jobs=args.jobs)
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int, errors: int) -> None:
        if show:
            print(f"\r{done}/{total} rows, {errors} errors", end="", file=sys.stderr, flush=True)

    result = run_batch(args.input, options, progress=progress)
    if show:
        print(file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for err in result.errors[:20]:
        where = f" ({err.field})" if err.field else ""
        print(f"row {err.row}{where}: {err.reason}", file=sys.stderr)
    if len(result.errors) > 20:
        print(f"... and {len(result.errors) - 20} more", file=sys.stderr)
    report = f"; errors listed in {result.errors_path}" if result.errors_path and result.errors else ""
    failed = len(result.errors)
    failures = f", {failed} row{'s' if failed != 1 else ''} failed" if failed else ""
    stopped = " (cancelled)" if result.cancelled else ""
    print(f"wrote {result.ok_count} of {result.total} codes to {result.output}{stopped}{failures}{report}")
    return EXIT_FAILED if result.total and result.ok_count == 0 else EXIT_OK
