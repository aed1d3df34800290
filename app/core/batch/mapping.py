"""Which column feeds which payload field, and which columns give the file name, caption and per-row style.

The plan is decided in this order, each step only over columns not taken yet:

1. explicit choices (``--map COLUMN=FIELD``, ``--name-column``, ``--caption-column``, ``--fg-column``…);
2. header words in the major European languages (:mod:`.headers`): ``Inhalt`` and ``Contenu`` name the
   payload, ``Telefon`` a phone field, ``Bezeichnung`` the file name, ``Farbe`` the code colour (a style
   column is used only when its cells are what it says: colours, image files, ECC levels, counts);
3. the cells themselves (:mod:`.content`): when no header names a field, the column of URLs, e-mail
   addresses or phone numbers feeds it; for text, the non-name column holding the data is the payload;
4. without a header, multi-field kinds take the columns in the kind's field order.

When two columns fit equally, nothing is guessed: :class:`AmbiguousColumns` names the candidates and
the option that chooses one. Column references are header texts or 1-based column numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.batch import content, headers
from app.core.batch.read import Row, Table
from app.core.errors import SpecError

if TYPE_CHECKING:
    from app.core.payloads import FieldDef

# Content kinds that can feed a field, by the field's strongest concept.
_CONTENT_FOR = {"url": ("url",), "email": ("email",), "phone": ("phone", "number"), "mobile": ("phone", "number")}
# What a per-row style column's cells must be for a header word to be trusted.
_STYLE_CONTENT = {"fg": ("colour",), "bg": ("colour",), "logo": ("image",), "ecc": ("ecc",), "copies": ("number",)}
_ROLE_OPTION = {"name": "--name-column", "caption": "--caption-column", "fg": "--fg-column", "bg": "--bg-column",
                "logo": "--logo-column", "ecc": "--ecc-column", "copies": "--copies-column"}
_ROLE_TEXT = {"name": "file names", "caption": "captions", "fg": "code colour", "bg": "background colour",
              "logo": "logo file", "ecc": "error correction", "copies": "copies"}


class AmbiguousColumns(SpecError):
    """Two or more columns fit one field equally well; ``choices`` are (column index, column label, content)."""

    def __init__(self, target: str, choices: list[tuple[int, str, str]], refs: list[str]) -> None:
        self.target = target
        self.choices = choices
        listed = " or ".join(f"{label} ({what})" for _i, label, what in choices)
        super().__init__("--map", f"cannot tell which column holds the {target}: {listed}; choose one with "
                                  f"--map {_quote(refs[0])}={target}")


def _quote(ref: str) -> str:
    return ref if ref.replace("-", "").replace("_", "").isalnum() else repr(ref)


@dataclass(frozen=True)
class ColumnPlan:
    """Column indexes (0-based) of each payload field, the name, the caption and the per-row style columns."""

    kind: str
    fields: dict[str, int]
    name: int | None = None
    caption: int | None = None
    header: tuple[str, ...] | None = None
    unused: tuple[str, ...] = ()  # header cells feeding nothing (shown as a hint)
    style: dict[str, int] = field(default_factory=dict)  # fg, bg, logo, ecc, copies -> column
    labels: tuple[str, ...] = ()  # each column as messages name it: 'B "Inhalt"' or 'column 2'
    reasons: dict[str, str] = field(default_factory=dict)  # target -> why that column
    notes: tuple[str, ...] = ()

    def row_fields(self, row: Row, keep_spaces: bool = False) -> dict[str, str]:
        """The payload fields of one row; cells trimmed unless ``keep_spaces``."""
        cells = row.cells
        out = {}
        for name, i in self.fields.items():
            value = cells[i] if i < len(cells) else ""
            out[name] = value if keep_spaces else value.strip()
        return out

    def cell(self, row: Row, index: int | None) -> str:
        if index is None or index >= len(row.cells):
            return ""
        return row.cells[index].strip()

    def label(self, index: int) -> str:
        return self.labels[index] if index < len(self.labels) else f"column {index + 1}"

    def column_of(self, target: str) -> str:
        """The column label that feeds ``target`` (a field, ``name``, ``caption`` or a style role), or ""."""
        index = self.fields.get(target, self.style.get(target))
        if target == "data" and len(self.fields) == 1:  # the whole payload (e.g. too long): its only column
            index = next(iter(self.fields.values()))
        if target == "name":
            index = self.name
        elif target == "caption":
            index = self.caption
        return "" if index is None else self.label(index)

    def describe(self) -> list[str]:
        """One line per mapped column and one for the unused ones: what ``--dry-run`` and the wizard show."""
        lines = []
        targets = [(f, i) for f, i in self.fields.items()]
        targets += [(role, i) for role, i in (("name", self.name), ("caption", self.caption)) if i is not None]
        targets += list(self.style.items())
        width = max(len(t) for t, _ in targets) if targets else 0
        for target, index in targets:
            why = self.reasons.get(target, "")
            role = f"{_ROLE_TEXT[target]}; " if target in _ROLE_TEXT else ""
            lines.append(f"{target:<{width}} <- {self.label(index)}" + (f"  ({role}{why})" if role or why else ""))
        if self.unused:
            lines.append("not used: " + ", ".join(self.unused))
        return lines


def kind_fields(kind: str) -> tuple[FieldDef, ...]:
    from app.core.payloads import PAYLOAD_KINDS

    try:
        return tuple(PAYLOAD_KINDS[kind].fields)
    except KeyError:
        raise SpecError("kind", f"{kind!r} is not a payload type; use one of {', '.join(PAYLOAD_KINDS)}") from None


def resolve_column(ref: str, header: Sequence[str] | None, width: int, option: str) -> int:
    ref = ref.strip()
    if header is not None:
        wanted = headers.norm(ref)
        for i, cell in enumerate(header):
            if cell.strip() == ref:
                return i
        for i, cell in enumerate(header):
            if wanted and headers.norm(cell) == wanted:
                return i
    if ref.isdigit() and 1 <= int(ref) <= width:
        return int(ref) - 1
    known = f"; the header has {', '.join(repr(h) for h in header)}" if header else ""
    raise SpecError(option, f"there is no column {ref!r} (use a header name or a column number 1-{width}){known}")


def _field_words(defs: Sequence[FieldDef]) -> tuple[str, ...]:
    concepts: list[str] = list(headers.ROLES)
    for f in defs:
        strong, weak = headers.field_concepts(f.name)
        concepts += [*strong, *weak]
    return tuple(concepts)


def detect_header(table: Table, kind: str, explicit: Mapping[str, str], refs: Sequence[str | None] = ()) -> bool:
    """The first row is a header when a cell names a field, a role or a chosen column, or when a cell reads
    as a word above a column of URLs, numbers, dates… (``Website`` over ``https://…``)."""
    first = table.rows[0].cells
    defs = kind_fields(kind)
    concepts = _field_words(defs)
    named = {headers.norm(r) for r in (*explicit.keys(), *refs) if r and not r.strip().isdigit()} - {""}
    labels = {headers.norm(f.label) for f in defs}
    for cell in first:
        key = headers.norm(cell)
        if key and (key in named or key in labels or headers.names(cell, concepts)):
            return True
    body = table.rows[1:41]
    if not body:
        return False
    for c, cell in enumerate(first):
        if content.classify(cell) != "text":
            continue
        kind_of, share = content.profile(row.cells[c] if c < len(row.cells) else "" for row in body)
        if kind_of not in ("text", "blank") and share >= 0.8:
            return True
    return False


class _Planner:
    """The state of one planning run: columns taken so far and why."""

    def __init__(self, table: Table, kind: str) -> None:
        self.table = table
        self.kind = kind
        self.defs = kind_fields(kind)
        self.header = table.header
        self.width = max([len(r.cells) for r in table.rows] + [len(self.header or ())] + [1])
        self.labels = tuple(table.column_name(i) for i in range(self.width))
        self.taken: dict[int, str] = {}
        self.fields: dict[str, int] = {}
        self.roles: dict[str, int] = {}
        self.reasons: dict[str, str] = {}
        self.notes: list[str] = []
        self._profiles: dict[int, tuple[str, float]] = {}

    def profile(self, index: int) -> tuple[str, float]:
        if index not in self._profiles:
            self._profiles[index] = content.profile(
                r.cells[index] if index < len(r.cells) else "" for r in self.table.rows)
        return self._profiles[index]

    def free(self) -> list[int]:
        return [i for i in range(self.width) if i not in self.taken and self.profile(i)[0] != "blank"]

    def take(self, index: int, target: str, why: str) -> None:
        self.taken[index] = target
        self.reasons[target] = why
        if target in headers.ROLES:
            self.roles[target] = index
        else:
            self.fields[target] = index

    def ref(self, index: int) -> str:
        head = self.header[index] if self.header and index < len(self.header) else ""
        return head.strip() or str(index + 1)

    def ambiguous(self, target: str, candidates: list[int]) -> AmbiguousColumns:
        choices = [(i, self.labels[i], content.describe(self.profile(i)[0])) for i in candidates]
        return AmbiguousColumns(target, choices, [self.ref(i) for i in candidates])

    def header_named(self, concepts: tuple[str, ...]) -> list[int]:
        if not self.header or not concepts:
            return []
        return [i for i in range(min(self.width, len(self.header)))
                if i not in self.taken and headers.names(self.header[i], concepts)]

    def content_fits(self, index: int, kinds: tuple[str, ...]) -> bool:
        kind, share = self.profile(index)
        return kind in kinds and share >= 0.8


def plan_columns(table: Table, kind: str, *, explicit: Mapping[str, str] | None = None,
                 name_column: str | None = None, caption_column: str | None = None,
                 style_columns: Mapping[str, str] | None = None, has_header: bool | None = None) -> ColumnPlan:
    """Decide the header and the columns; sets ``table.header`` and drops the header row from ``table.rows``.

    ``explicit`` maps a column reference to a field name (``{"Network": "ssid"}``); ``style_columns`` maps a
    style role (fg, bg, logo, ecc, copies) to a column reference.
    """
    explicit = dict(explicit or {})
    chosen = {"name": name_column, "caption": caption_column, **dict(style_columns or {})}
    defs = kind_fields(kind)
    field_names = [f.name for f in defs]
    for target in explicit.values():
        if target not in field_names:
            raise SpecError("--map", f"{target!r} is not a field of {kind}; its fields are {', '.join(field_names)}")
    if has_header is None:
        # A line list (.txt without tabs) is one payload a line: its first line is data even if it reads "Text".
        has_header = table.delimiter is not None and detect_header(table, kind, explicit, list(chosen.values()))
    if has_header and table.header is None:
        table.header = tuple(c.strip() for c in table.rows[0].cells)
        table.rows = table.rows[1:]
    p = _Planner(table, kind)

    for role, ref in chosen.items():
        if ref:
            p.take(resolve_column(ref, p.header, p.width, _ROLE_OPTION[role]), role, "chosen")
    for ref, target in explicit.items():
        index = resolve_column(ref, p.header, p.width, "--map")
        p.take(index, target, "chosen with --map")

    if p.header is not None:
        _by_header(p, strong=True)
        for role in ("name", "caption"):
            if role not in p.roles:
                found = p.header_named((role,))
                if found:
                    p.take(found[0], role, f"header {p.header[found[0]]!r}")
        _style_by_header(p)
        _by_header(p, strong=False)
    _by_content(p, positional=p.header is None and not explicit)
    if not p.fields:
        raise SpecError("--map", f"no column matches a field of {kind} ({', '.join(field_names)}); "
                                 "name the columns in a header row or map them with --map COLUMN=FIELD")
    missing = [f.name for f in defs if getattr(f, "required", False) and f.name not in p.fields]
    if missing:
        raise SpecError("--map", f"no column for the required field{'s' if len(missing) > 1 else ''} "
                                 f"{', '.join(missing)} of {kind}; map one with --map COLUMN={missing[0]}")
    unused = tuple(p.labels[i] for i in range(len(p.header or ()))
                   if i not in p.taken and (p.header or ())[i].strip())
    style = {r: i for r, i in p.roles.items() if r in headers.STYLE_ROLES}
    return ColumnPlan(kind=kind, fields=p.fields, name=p.roles.get("name"), caption=p.roles.get("caption"),
                      header=p.header, unused=unused, style=style, labels=p.labels, reasons=p.reasons,
                      notes=tuple(p.notes))


def _by_header(p: _Planner, *, strong: bool) -> None:
    for f in p.defs:
        if f.name in p.fields:
            continue
        concepts = headers.field_concepts(f.name)[0 if strong else 1]
        found = p.header_named(concepts)
        if not strong:
            # A weak word (e.g. "URL" for the text kind) must also hold what it says.
            fits = [i for i in found if p.profile(i)[0] != "blank"]
            found = fits
        if len(found) == 1:
            p.take(found[0], f.name, f"header {p.header[found[0]]!r}")  # type: ignore[index]
        elif len(found) > 1 and (strong or f.required):
            raise p.ambiguous(f.name, found)


def _style_by_header(p: _Planner) -> None:
    for role in headers.STYLE_ROLES:
        if role in p.roles:
            continue
        for index in p.header_named((role,)):
            if p.content_fits(index, _STYLE_CONTENT[role]):
                p.take(index, role, f"header {p.header[index]!r}")  # type: ignore[index]
                break
            what = content.describe(_STYLE_CONTENT[role][0])
            p.notes.append(f"column {p.labels[index]} is not used for the {_ROLE_TEXT[role]}: its cells are not "
                           f"{what}; choose it with {_ROLE_OPTION[role]} to use it anyway")


def _by_content(p: _Planner, *, positional: bool) -> None:
    if positional and len(p.defs) > 1:
        for f, i in zip([f for f in p.defs if f.name not in p.fields], p.free(), strict=False):
            p.take(i, f.name, "column order (no header row)")
        return
    for f in p.defs:
        if f.name in p.fields:
            continue
        if f.name == "text":
            _payload_column(p)
            continue
        kinds = _CONTENT_FOR.get(headers.field_concepts(f.name)[0][0], ())
        if not kinds:
            continue
        fits = [i for i in p.free() if p.content_fits(i, kinds) and not _named_otherwise(p, i)]
        if len(fits) == 1:
            p.take(fits[0], f.name, f"holds {content.describe(p.profile(fits[0])[0])}")
        elif len(fits) > 1 and f.required:
            raise p.ambiguous(f.name, fits)


def _named_otherwise(p: _Planner, index: int) -> bool:
    """The header names some other concept (e.g. "Notiz"): such a column is not the payload."""
    if not p.header or index >= len(p.header) or not p.header[index].strip():
        return False
    return headers.names(p.header[index], _field_words(p.defs) + headers.CONCEPTS)


def _payload_column(p: _Planner) -> None:
    """The text kind: the column holding the data, never a column whose header names something else."""
    free = [i for i in p.free() if not _named_otherwise(p, i)]
    structured = [i for i in free if p.content_fits(i, content.STRUCTURED)]
    if len(structured) == 1:
        p.take(structured[0], "text", f"holds {content.describe(p.profile(structured[0])[0])}")
        return
    if len(structured) > 1:
        raise p.ambiguous("text", structured)
    if len(free) == 1:
        p.take(free[0], "text", "the only column with data" if p.width > 1 else "")
    elif len(free) > 1:
        raise p.ambiguous("text", free)
