"""Which column feeds which payload field, which gives the file name and which the caption.

Columns are matched by header text against the kind's field names and labels (``SSID``,
``Password``, ``security`` for Wi-Fi), case and punctuation ignored; an explicit mapping wins. A file
without a header maps columns to the kind's fields in order. Explicit column references are header
names or 1-based column numbers.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.core.batch.names import sanitize_stem
from app.core.batch.read import Row, Table
from app.core.errors import SpecError

# Header words that mean "the whole payload" for the text kind.
_TEXT_ALIASES = ("text", "data", "payload", "content", "value", "url", "link", "qr", "qrcode", "code")
_NAME_ALIASES = ("filename", "file", "name")
_CAPTION_ALIASES = ("caption", "label")


def norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


@dataclass(frozen=True)
class ColumnPlan:
    """Column indexes (0-based) of each payload field, the name and the caption."""

    kind: str
    fields: dict[str, int]
    name: int | None = None
    caption: int | None = None
    header: tuple[str, ...] | None = None
    unused: tuple[str, ...] = field(default_factory=tuple)  # header cells feeding nothing (shown as a hint)

    def row_fields(self, row: Row) -> dict[str, str]:
        # Cells go to the payload builder as they are: it strips the fields that should be stripped and
        # keeps e.g. a Wi-Fi password's or a text's spaces.
        cells = row.cells
        return {name: cells[i] if i < len(cells) else "" for name, i in self.fields.items()}

    def cell(self, row: Row, index: int | None) -> str:
        if index is None or index >= len(row.cells):
            return ""
        return row.cells[index].strip()


def kind_fields(kind: str) -> tuple:
    from app.core.payloads import PAYLOAD_KINDS

    try:
        return tuple(PAYLOAD_KINDS[kind].fields)
    except KeyError:
        raise SpecError("kind", f"{kind!r} is not a payload type; use one of {', '.join(PAYLOAD_KINDS)}") from None


def _resolve_column(ref: str, header: Sequence[str] | None, width: int, option: str) -> int:
    ref = ref.strip()
    if header is not None:
        wanted = norm(ref)
        for i, cell in enumerate(header):
            if cell.strip() == ref or (wanted and norm(cell) == wanted):
                return i
    if ref.isdigit() and 1 <= int(ref) <= width:
        return int(ref) - 1
    known = f"; the header has {', '.join(repr(h) for h in header)}" if header else ""
    raise SpecError(option, f"there is no column {ref!r} (use a header name or a column number 1-{width}){known}")


def detect_header(table: Table, kind: str, explicit: Mapping[str, str], name_column: str | None,
                  caption_column: str | None) -> bool:
    """The first row is a header when a cell names a field, a mapped/name/caption column or a known alias."""
    first = table.rows[0].cells
    words = {norm(c) for c in first if c.strip()}
    if not words:
        return False
    known = {norm(f.name) for f in kind_fields(kind)} | {norm(f.label) for f in kind_fields(kind)}
    known |= {norm(r) for r in (*explicit.keys(), name_column or "", caption_column or "") if not r.isdigit()}
    if table.delimiter is not None:
        known |= {*_NAME_ALIASES, *_CAPTION_ALIASES}
        if kind == "text":
            known |= set(_TEXT_ALIASES)
    known.discard("")
    return bool(words & known)


def plan_columns(table: Table, kind: str, *, explicit: Mapping[str, str] | None = None,
                 name_column: str | None = None, caption_column: str | None = None,
                 has_header: bool | None = None) -> ColumnPlan:
    """Decide the header and the columns; sets ``table.header`` and drops the header row from ``table.rows``.

    ``explicit`` maps a column reference to a field name (``{"Network": "ssid"}``).
    """
    explicit = dict(explicit or {})
    defs = kind_fields(kind)
    field_names = [f.name for f in defs]
    if has_header is None:
        # A .txt file is one payload a line: its first line is data even if it reads "Text".
        has_header = table.delimiter is not None and detect_header(table, kind, explicit, name_column,
                                                                   caption_column)
    if has_header and table.header is None:
        table.header = tuple(c.strip() for c in table.rows[0].cells)
        table.rows = table.rows[1:]
    header = table.header
    width = max([len(r.cells) for r in table.rows] + [len(header or ())] + [1])

    name_idx = _resolve_column(name_column, header, width, "--name-column") if name_column else None
    caption_idx = _resolve_column(caption_column, header, width, "--caption-column") if caption_column else None
    taken = {i for i in (name_idx, caption_idx) if i is not None}

    columns: dict[str, int] = {}
    for ref, target in explicit.items():
        if target not in field_names:
            raise SpecError("--map", f"{target!r} is not a field of {kind}; its fields are {', '.join(field_names)}")
        columns[target] = _resolve_column(ref, header, width, "--map")
    taken |= set(columns.values())

    if header is not None:
        for f in defs:
            if f.name in columns:
                continue
            keys = {norm(f.name), norm(f.label)} - {""}
            for i, cell in enumerate(header):
                if i not in taken and norm(cell) in keys:
                    columns[f.name] = i
                    taken.add(i)
                    break
        if kind == "text" and "text" not in columns:
            free = [i for i in range(width) if i not in taken]
            alias = [i for i in free if i < len(header) and norm(header[i]) in _TEXT_ALIASES]
            if alias or free:
                columns["text"] = (alias or free)[0]
                taken.add(columns["text"])
        if name_idx is None:
            name_idx = _alias_column(header, taken, _NAME_ALIASES if "name" not in field_names else ("filename",))
            if name_idx is not None:
                taken.add(name_idx)
        if caption_idx is None:
            caption_idx = _alias_column(header, taken, _CAPTION_ALIASES if "label" not in field_names
                                        else ("caption",))
            if caption_idx is not None:
                taken.add(caption_idx)
    elif not explicit:
        free = [i for i in range(width) if i not in taken]
        for f, i in zip(defs, free, strict=False):
            columns[f.name] = i
    if not columns:
        raise SpecError("--map", f"no column matches a field of {kind} ({', '.join(field_names)}); "
                                 "name the columns in a header row or map them with --map COLUMN=FIELD")
    missing = [f.name for f in defs if getattr(f, "required", False) and f.name not in columns]
    if missing:
        raise SpecError("--map", f"no column for the required field{'s' if len(missing) > 1 else ''} "
                                 f"{', '.join(missing)} of {kind}; map one with --map COLUMN={missing[0]}")
    unused = tuple(header[i] for i in range(len(header)) if i not in taken) if header else ()
    return ColumnPlan(kind=kind, fields=columns, name=name_idx, caption=caption_idx, header=header, unused=unused)


def _alias_column(header: Sequence[str], taken: set[int], aliases: Sequence[str]) -> int | None:
    for alias in aliases:
        for i, cell in enumerate(header):
            if i not in taken and norm(cell) == alias:
                return i
    return None


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def default_template(plan: ColumnPlan) -> str:
    return "{name}" if plan.name is not None else "{row:05d}"


def check_template(template: str, plan: ColumnPlan) -> None:
    """Fail early, naming the placeholder, instead of once per row."""
    values = _Fields(row=1, name="n", **{name: "v" for name in plan.fields})
    try:
        for _, key, _, _ in string.Formatter().parse(template):
            if key is not None and key.split(".")[0].split("[")[0] not in values:
                usable = ", ".join("{" + k + "}" for k in values)
                raise SpecError("--template", f"{{{key}}} is not known; use {usable}")
        template.format_map(values)
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        raise SpecError("--template", f"{template!r} is not a valid template ({exc})") from None


def file_stem(template: str, row: Row, name: str, fields: Mapping[str, str]) -> str:
    """The sanitised stem for one row; falls back to the row number when the template gives nothing."""
    try:
        text = template.format_map(_Fields(fields, row=row.number, name=name or f"{row.number:05d}"))
    except (ValueError, KeyError, IndexError, AttributeError):
        text = ""
    return sanitize_stem(text) or f"{row.number:05d}"
