"""What a library item from outside may hold: the one check at every door into a library.

A record pushed to the service, a record a client pulls, an entry of a library archive: each comes from outside
and is checked here before anything keeps it. What passes round-trips through JSON, SQLite and every QRDesk
view: ids are canonical lower-case UUIDs (so ids compare case-insensitively), text is valid Unicode (no lone
surrogates), numbers are finite and small enough for any JSON reader, times are real dates, and a spec has the
shape of one: an object with a payload kind from :data:`KINDS`, text fields and a style object.

This is part of the wire protocol, shared by the service, so it is plain Python and imports nothing from
``app`` (an import contract holds it so). Whether a spec's fields and style make sense for its kind (colours,
shapes, the kind's own fields) needs the payload registry: the desktop side checks that in
:mod:`app.core.validate`, on top of these checks, and quarantines a pulled record that fails it.

Each problem is an :class:`InvalidRecord` naming the field, fit to show as is and never echoing the value.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

# The payload kinds (app.core.payloads' registry); tests/cloud_sync/test_checks.py keeps the two equal. A
# new kind is added here too, and a service that predates it refuses records of it with that reason.
KINDS = frozenset({"text", "url", "wifi", "vcard", "mecard", "email", "sms", "phone", "geo", "event"})
SPEC_KEYS = frozenset({"kind", "fields", "style"})
PAYLOAD_KEYS = frozenset({"spec", "name", "tags", "notes", "trashed"})

# 1970-01-01 .. 9999-12-31T23:59:59Z: what every platform's date functions can show.
MIN_TIME = 0.0
MAX_TIME = 253_402_300_799.0
MAX_SAFE_INT = 2**53  # larger integers lose precision in JavaScript and most JSON readers
MAX_DEPTH = 16
MAX_TEXT = 100_000
MAX_NAME = 200
MAX_TAGS = 200
UUID_HINT = "must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"


class InvalidRecord(ValueError):
    """``field`` names what is wrong (dotted, e.g. ``payload.spec.style.fg``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def item_id(value: Any, field: str = "id") -> str:
    """A UUID in canonical lower-case form (``ABC…`` and ``abc…`` are the same item)."""
    if not isinstance(value, str) or len(value) != 36:
        raise InvalidRecord(field, UUID_HINT)
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        raise InvalidRecord(field, UUID_HINT) from None
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


def spec(raw: Any, field: str = "spec") -> dict[str, Any]:
    """The shape of a spec: ``{"kind": one of KINDS, "fields": {name: text}, "style": {...}}`` (fields and
    style may be left out), every value JSON-safe."""
    if not isinstance(raw, dict):
        raise InvalidRecord(field, "must be an object")
    _only(raw, SPEC_KEYS, field, "a spec")
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidRecord(f"{field}.kind", f"is not a payload type (one of {', '.join(sorted(KINDS))})")
    fields = raw.get("fields", {})
    if not isinstance(fields, dict):
        raise InvalidRecord(f"{field}.fields", "must be an object")
    for name, value in fields.items():
        text(name, f"{field}.fields (a key)", 100)
        text(value, f"{field}.fields.{name}")
    style = raw.get("style", {})
    if not isinstance(style, dict):
        raise InvalidRecord(f"{field}.style", "must be an object")
    json_value(style, f"{field}.style")
    return raw


def tags(value: Any, field: str = "tags") -> list[str]:
    if not isinstance(value, list | tuple) or len(value) > MAX_TAGS:
        raise InvalidRecord(field, f"must be a list of at most {MAX_TAGS} tags")
    return [text(t, f"{field}[{n}]", MAX_NAME) for n, t in enumerate(value)]


def payload(raw: Any, field: str = "payload") -> dict[str, Any]:
    """The synced part of an item: ``spec`` plus optional ``name``, ``tags``, ``notes``, ``trashed``."""
    if not isinstance(raw, dict):
        raise InvalidRecord(field, "must be an object")
    _only(raw, PAYLOAD_KEYS, field, "an item")
    if "spec" not in raw:
        raise InvalidRecord(f"{field}.spec", "is missing")
    spec(raw["spec"], f"{field}.spec")
    text(raw.get("name", ""), f"{field}.name", MAX_NAME)
    tags(raw.get("tags", []), f"{field}.tags")
    text(raw.get("notes", ""), f"{field}.notes")
    if not isinstance(raw.get("trashed", False), bool):
        raise InvalidRecord(f"{field}.trashed", "must be true or false")
    return raw


def _only(raw: dict[Any, Any], known: frozenset[str], field: str, what: str) -> None:
    unknown = sorted(str(k) for k in raw if k not in known)
    if unknown:
        shown = unknown[0][:40].encode("utf-8", "backslashreplace").decode("utf-8")
        raise InvalidRecord(f"{field}.{shown}", f"is not a field of {what}")


def _unicode(value: str, field: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord(field, "is not valid Unicode text (it holds a lone surrogate)") from None
