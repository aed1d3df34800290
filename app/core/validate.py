"""The desktop side of the one check for what enters a library from outside: a pulled sync record (checked by
the client before it is applied; one that fails is quarantined) and a library archive entry (checked on import).

The wire checks (:mod:`cloud_sync.checks`: canonical UUIDs, valid Unicode, finite numbers, real dates, the shape
of a spec) are the protocol's, shared with the service; they are re-exported here. On top of them this module
parses a spec fully, which needs the payload registry and the style parser that only the desktop app has: the
kind's own fields, colours, shapes. Each problem is an :class:`InvalidRecord` naming the field, fit to show as
is and never echoing the value.
"""

from __future__ import annotations

from typing import Any

from app.core.errors import SpecError
from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import QrSpec
from cloud_sync.checks import (
    MAX_SAFE_INT,
    InvalidRecord,
    item_id,
    json_value,
    tags,
    text,
    timestamp,
)
from cloud_sync.checks import payload as wire_payload
from cloud_sync.checks import spec as wire_spec

__all__ = ["MAX_SAFE_INT", "InvalidRecord", "item_id", "json_value", "payload", "spec", "tags", "text",
           "timestamp"]


def spec(raw: Any, field: str = "spec") -> QrSpec:
    """A spec of a known payload kind with that kind's fields and a valid style."""
    wire_spec(raw, field)
    try:
        parsed = QrSpec.from_dict(raw)
    except SpecError as exc:
        raise InvalidRecord(f"{field}.{exc.field}", exc.message) from None
    kind = PAYLOAD_KINDS.get(parsed.kind)
    if kind is None:  # the protocol's list and the registry differ: a test keeps them equal
        raise InvalidRecord(f"{field}.kind", "is not a payload type this QRDesk knows")
    known = {f.name for f in kind.fields}
    for name in parsed.fields:
        if name not in known:
            raise InvalidRecord(f"{field}.fields.{name}", f"is not a field of {parsed.kind}")
    return parsed


def payload(raw: Any, field: str = "payload") -> dict[str, Any]:
    """The synced part of an item (see :func:`cloud_sync.checks.payload`) with its spec parsed fully."""
    wire_payload(raw, field)
    spec(raw["spec"], f"{field}.spec")
    return dict(raw)
