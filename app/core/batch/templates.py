"""Label sheet templates: the sheets people buy (Avery, Avery Zweckform, HERMA…) as data, and custom ones.

The templates live in ``resources/labels/*.toml``, one file per maker, each figure with its source. A
template is chosen by name (``avery-l7160``), by an alias (``L7160``, ``J8160``, ``5160``), by a TOML file
of the same shape, or written inline::

    page=a4,grid=3x8,label=70x37,margin=0x0.5,pitch=70x37

(lengths in mm; ``page`` is A4, A5, Letter, Legal or ``WIDTHxHEIGHT``; ``pitch`` defaults to the label
size, i.e. no gaps; ``margin`` defaults to centring the labels on the page).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from app.core.errors import SpecError

PAGES = {"a4": (210.0, 297.0), "a5": (148.0, 210.0), "letter": (215.9, 279.4), "legal": (215.9, 355.6)}
MIN_CODE_MM = 8.0


@dataclass(frozen=True)
class LabelTemplate:
    """A sheet of ``columns`` x ``rows`` labels; all lengths in millimetres, from the page's top-left corner."""

    name: str
    page: tuple[float, float]
    columns: int
    rows: int
    label_w: float
    label_h: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 2.0  # kept free inside each label (printers drift a little)
    title: str = ""
    shape: str = "rect"  # or "round"
    source: str = ""
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.columns < 1 or self.rows < 1:
            raise SpecError("labels", "a sheet needs at least one column and one row")
        if min(self.label_w, self.label_h, *self.page) <= 0 or min(self.margin_left, self.margin_top,
                                                                   self.padding) < 0:
            raise SpecError("labels", f"{self.name}: sizes must be positive and margins and padding not negative")
        if min(self.gap_x, self.gap_y) < -0.01:
            raise SpecError("labels", f"{self.name}: the pitch is smaller than the label (labels would overlap)")
        right = self.margin_left + self.columns * self.label_w + (self.columns - 1) * self.gap_x
        bottom = self.margin_top + self.rows * self.label_h + (self.rows - 1) * self.gap_y
        if right > self.page[0] + 0.05 or bottom > self.page[1] + 0.05:
            raise SpecError("labels", f"{self.name}: the labels ({right:.1f} x {bottom:.1f} mm with margins) "
                                      f"do not fit on the page ({self.page[0]:g} x {self.page[1]:g} mm)")
        if min(self.label_w, self.label_h) - 2 * self.padding < MIN_CODE_MM:
            raise SpecError("labels", f"{self.name}: labels are too small for a scannable code")
        if self.shape not in ("rect", "round"):
            raise SpecError("labels", f"{self.name}: shape must be rect or round")

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def pitch(self) -> tuple[float, float]:
        return self.label_w + self.gap_x, self.label_h + self.gap_y

    def label_origin(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of label ``index`` on its page, row by row."""
        slot = index % self.per_page
        r, c = divmod(slot, self.columns)
        return (self.margin_left + c * (self.label_w + self.gap_x),
                self.margin_top + r * (self.label_h + self.gap_y))

    def label_centre(self, index: int) -> tuple[float, float]:
        left, top = self.label_origin(index)
        return left + self.label_w / 2, top + self.label_h / 2

    def with_changes(self, **changes: float) -> LabelTemplate:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        page = next((k.upper() if k != "letter" else "Letter" for k, v in PAGES.items() if v == self.page),
                    f"{self.page[0]:g} x {self.page[1]:g} mm")
        return (f"{self.columns} x {self.rows} labels of {self.label_w:g} x {self.label_h:g} mm on {page}, "
                f"first at {self.margin_left:g}, {self.margin_top:g} mm, pitch {self.pitch[0]:g} x "
                f"{self.pitch[1]:g} mm")


def _labels_dir() -> Path:
    try:
        from app.resources import resources_dir  # the top-level resources/ folder, however the app runs
    except ImportError:  # pragma: no cover - before app.resources existed
        return Path(__file__).resolve().parents[3] / "resources" / "labels"
    return resources_dir() / "labels"


def from_record(record: dict[str, Any], origin: str) -> LabelTemplate:
    """A template from one ``[[template]]`` table (see resources/labels/*.toml)."""
    try:
        page = record["page"]
        size = PAGES[page.lower()] if isinstance(page, str) else (float(page[0]), float(page[1]))
        columns, rows = (int(v) for v in record["grid"])
        label_w, label_h = (float(v) for v in record["label"])
        pitch_x, pitch_y = (float(v) for v in record.get("pitch", (label_w, label_h)))
        # One column (or row) has no pitch; some sources write 0 there.
        pitch_x, pitch_y = (label_w if columns == 1 else pitch_x), (label_h if rows == 1 else pitch_y)
        if "margin" in record:
            left, top = (float(v) for v in record["margin"])
        else:
            left = (size[0] - (columns - 1) * pitch_x - label_w) / 2
            top = (size[1] - (rows - 1) * pitch_y - label_h) / 2
            if min(left, top) < 0:
                raise SpecError("labels", f"{origin}: the labels do not fit on the page ({size[0]:g} x {size[1]:g} mm)")
        return LabelTemplate(
            name=str(record.get("name", "custom")).lower(), page=size, columns=columns, rows=rows,
            label_w=label_w, label_h=label_h, margin_left=left, margin_top=top, gap_x=round(pitch_x - label_w, 4),
            gap_y=round(pitch_y - label_h, 4), padding=float(record.get("padding", 2.0)),
            title=str(record.get("title", "")), shape=str(record.get("shape", "rect")),
            source=str(record.get("source", "")),
            aliases=tuple(str(a).lower() for a in record.get("aliases", ())))
    except SpecError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SpecError("labels", f"{origin}: a template needs page, grid = [columns, rows], label = [width, height] "
                                  f"and may have margin and pitch, in mm ({exc.__class__.__name__}: {exc})") from None


@cache
def builtin_templates() -> dict[str, LabelTemplate]:
    """Every template in resources/labels, by name, in file order (generic sheets first)."""
    templates: dict[str, LabelTemplate] = {}
    files = sorted(_labels_dir().glob("*.toml"), key=lambda p: (p.stem != "generic", p.stem))
    for path in files:
        with open(path, "rb") as fh:
            for record in tomllib.load(fh).get("template", []):
                template = from_record(record, path.name)
                templates[template.name] = template
    return templates


@cache
def _aliases() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for template in builtin_templates().values():
        for alias in {template.name, *template.aliases}:
            found.setdefault(alias, []).append(template.name)
    return found


def parse_inline(spec: str) -> LabelTemplate:
    """``page=a4,grid=3x8,label=70x37,margin=0x0.5,pitch=70x37``: a custom template on the command line."""
    record: dict[str, object] = {"name": "custom"}
    for part in spec.split(","):
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip().lower()
        if not sep or not value:
            raise SpecError("--labels", f"{part.strip()!r} must look like KEY=VALUE (page, grid, label, margin, "
                                        "pitch, padding)")
        if key == "page":
            record[key] = value if value in PAGES else _pair(value, key)
        elif key in ("grid", "label", "margin", "pitch"):
            record[key] = _pair(value, key)
        elif key == "padding":
            record[key] = _number(value, key)
        else:
            raise SpecError("--labels", f"{key!r} is not a template setting (page, grid, label, margin, pitch, "
                                        "padding)")
    for needed in ("page", "grid", "label"):
        if needed not in record:
            raise SpecError("--labels", f"a custom template needs {needed}=…, e.g. "
                                        "page=a4,grid=3x8,label=70x37,margin=0x0.5,pitch=70x37")
    return from_record(record, "--labels")


def _pair(value: str, key: str) -> tuple[float, float]:
    parts = value.replace("*", "x").split("x")
    if len(parts) != 2:
        raise SpecError("--labels", f"{key}={value!r} must be two numbers like 70x37")
    return _number(parts[0], key), _number(parts[1], key)


def _number(text: str, key: str) -> float:
    try:
        return float(text.strip().removesuffix("mm").replace(",", "."))
    except ValueError:
        raise SpecError("--labels", f"{key}: {text!r} is not a number of millimetres") from None


def get_template(spec: str) -> LabelTemplate:
    """A template by name or alias, from a ``.toml`` file, or written inline (see the module docstring)."""
    text = spec.strip()
    if "=" in text:
        return parse_inline(text)
    if text.lower().endswith(".toml"):
        return template_file(Path(text))
    key = " ".join(text.lower().split())
    names: list[str] = []
    for candidate in (key, key.replace(" ", "-"), key.replace(" ", ""), key.replace("-", " ").split(" ")[-1]):
        names = _aliases().get(candidate, [])
        if names:
            break
    if len(names) == 1:
        return builtin_templates()[names[0]]
    if len(names) > 1:
        raise SpecError("--labels", f"{spec!r} is the name of several sheets: {', '.join(names)}; use one of them")
    close = [n for n in builtin_templates() if key and key in n][:8]
    hint = f"; did you mean {', '.join(close)}?" if close else "; `qrdesk batch --list-labels` lists them"
    raise SpecError("--labels", f"{spec!r} is not a label template{hint}")


def template_file(path: Path) -> LabelTemplate:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise SpecError("--labels", f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError("--labels", f"{path.name} is not valid TOML ({exc})") from None
    records = data.get("template", [data])
    if len(records) != 1:
        raise SpecError("--labels", f"{path.name} must hold one template (it holds {len(records)})")
    return from_record({"name": path.stem, **records[0]}, path.name)
