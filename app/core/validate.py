"""The one validator for what enters a library from outside: a sync push (checked by the service), a pulled
record (checked by the client before it is applied) and a library archive (checked on import).

Everything it accepts round-trips through JSON, SQLite and every QRDesk view: ids are canonical lower-case
UUIDs (so ids compare case-insensitively), text is valid Unicode (no lone surrogates), numbers are finite and
small enough for any JSON reader, times are real dates, and a spec parses as one of the payload kinds.
Each problem is an :class:`InvalidRecord` naming the field, fit to show as is and never echoing the value.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from app.core.errors import QrDeskError, SpecError
from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import QrSpec

# 1970-01-01 .. 9999-12-31T23:59:59Z: what every platform's date functions can show.
MIN_TIME = 0.0
MAX_TIME = 253_402_300_799.0
MAX_SAFE_INT = 2**53  # larger integers lose precision in JavaScript and most JSON readers
MAX_DEPTH = 16
MAX_TEXT = 100_000
PAYLOAD_KEYS = frozenset({"spec", "name", "tags", "notes", "trashed"})


class InvalidRecord(QrDeskError, ValueError):
    """``field`` names what is wrong (dotted, e.g. ``payload.spec.style.fg``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def item_id(value: Any, field: str = "id") -> str:
    """A UUID in canonical lower-case form (``ABC…`` and ``abc…`` are the same item)."""
    if not isinstance(value, str) or len(value) != 36:
        raise InvalidRecord(field, "must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e")
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        raise InvalidRecord(field, "must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e") from None
    if str(parsed) != value.lower():
        raise InvalidRecord(field, "must be a UUID in the 8-4-4-4-12 form")
    return str(parsed)


def text(value: Any, field: str, max_len: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise InvalidRecord(field, "must be text")
    _unicode(value, field)
    if len(value) > max_len:
        raise InvalidRecord(field, f"is longer than {max_len} characters")
    return value


def timestamp(value: Any, field: str) -> float:
    """Seconds since 1970 (a number, or a number written as text) between 1970 and the year 9999."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise InvalidRecord(field, "must be a time in seconds since 1970") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRecord(field, "must be a time in seconds since 1970")
    try:
        seconds = float(value)
    except OverflowError:
        raise InvalidRecord(field, "is not a date between 1970 and 9999") from None
    if not math.isfinite(seconds) or not MIN_TIME <= seconds <= MAX_TIME:
        raise InvalidRecord(field, "is not a date between 1970 and 9999")
    return seconds


def json_value(value: Any, field: str, depth: int = 0) -> None:
    """Any JSON value, as long as every string is valid Unicode and every number finite and safe."""
    if depth > MAX_DEPTH:
        raise InvalidRecord(field, f"is nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        _unicode(value, field)
    elif isinstance(value, int):
        if abs(value) > MAX_SAFE_INT:
            raise InvalidRecord(field, "is a number too large to keep exactly")
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) > 1e300:
            raise InvalidRecord(field, "must be a finite number")
    elif isinstance(value, list):
        for n, element in enumerate(value):
            json_value(element, f"{field}[{n}]", depth + 1)
    elif isinstance(value, dict):
        for key, element in value.items():
            if not isinstance(key, str):
                raise InvalidRecord(field, "has a key that is not text")
            _unicode(key, f"{field} (a key)")
            json_value(element, f"{field}.{key}", depth + 1)
    else:
        raise InvalidRecord(field, "is not a JSON value")


def spec(raw: Any, field: str = "spec") -> QrSpec:
    """A spec of a known payload kind with that kind's fields and a valid style."""
    json_value(raw, field)
    try:
        parsed = QrSpec.from_dict(raw)
    except SpecError as exc:
        raise InvalidRecord(f"{field}.{exc.field}", exc.message) from None
    kind = PAYLOAD_KINDS.get(parsed.kind)
    if kind is None:
        raise InvalidRecord(f"{field}.kind", f"is not a payload type (one of {', '.join(PAYLOAD_KINDS)})")
    known = {f.name for f in kind.fields}
    for name in parsed.fields:
        if name not in known:
            raise InvalidRecord(f"{field}.fields.{name}", f"is not a field of {parsed.kind}")
        text(raw["fields"][name], f"{field}.fields.{name}")
    return parsed


def tags(value: Any, field: str = "tags") -> list[str]:
    if not isinstance(value, list | tuple) or len(value) > 200:
        raise InvalidRecord(field, "must be a list of at most 200 tags")
    return [text(t, f"{field}[{n}]", 200) for n, t in enumerate(value)]


def payload(raw: Any, field: str = "payload") -> dict[str, Any]:
    """The synced part of an item: ``spec`` plus optional ``name``, ``tags``, ``notes``, ``trashed``."""
    if not isinstance(raw, dict):
        raise InvalidRecord(field, "must be an object")
    unknown = sorted(k for k in raw if k not in PAYLOAD_KEYS)
    if unknown:
        raise InvalidRecord(f"{field}.{str(unknown[0])[:40]}", "is not a field of an item")
    if "spec" not in raw:
        raise InvalidRecord(f"{field}.spec", "is missing")
    spec(raw["spec"], f"{field}.spec")
    text(raw.get("name", ""), f"{field}.name", 200)
    tags(raw.get("tags", []), f"{field}.tags")
    text(raw.get("notes", ""), f"{field}.notes")
    if not isinstance(raw.get("trashed", False), bool):
        raise InvalidRecord(f"{field}.trashed", "must be true or false")
    return raw


def _unicode(value: str, field: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord(field, "is not valid Unicode text (it holds a lone surrogate)") from None
