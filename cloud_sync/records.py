"""Records checked at the doors of the sync: the service checks each pushed record with :func:`check_record`,
and the client each pulled one, so neither side trusts what the other (or the store) holds.

A record is valid when it has the protocol's shape (:class:`~cloud_sync.protocol.Record`) and holds what
:mod:`cloud_sync.checks` allows. Like the protocol, this imports nothing from ``app``: the service ships it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from cloud_sync import checks
from cloud_sync.checks import InvalidRecord
from cloud_sync.protocol import Record

MAX_REASONS = 5


def check_record(raw: Any) -> Record:
    """``raw`` as a valid :class:`Record` with canonical ids, or :class:`~cloud_sync.checks.InvalidRecord`
    naming the record and each problem (field and problem, never the value)."""
    try:
        rec = Record.model_validate(raw)
    except ValidationError as exc:
        raise InvalidRecord(_where(raw), _reasons(exc)) from None
    problems = [p for p in (_problem(checks.item_id, rec.id, "id"),
                            rec.conflict_of and _problem(checks.item_id, rec.conflict_of, "conflict_of"),
                            rec.updated_at and _problem(checks.timestamp, rec.updated_at, "updated_at")) if p]
    if not problems:  # the content is checked once the record's own fields are sound
        content = (_problem(checks.json_value, rec.payload, "payload") if rec.deleted
                   else _problem(checks.payload, rec.payload))
        problems = [content] if content else []
    if problems:
        raise InvalidRecord(_where(raw), "; ".join(problems[:MAX_REASONS]))
    return rec.model_copy(update={"id": checks.item_id(rec.id),
                                  "conflict_of": rec.conflict_of and checks.item_id(rec.conflict_of)})


def id_of(raw: Any) -> str:
    """The record's id in canonical form, or "" when it has none that is valid."""
    try:
        return checks.item_id(raw.get("id") if isinstance(raw, dict) else None)
    except InvalidRecord:
        return ""


def _problem(check: Callable[..., object], *args: Any) -> str | None:
    try:
        check(*args)
    except InvalidRecord as err:
        return str(err)
    return None


def _reasons(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_input=False, include_url=False)[:MAX_REASONS]:
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def _where(raw: Any) -> str:
    rid = id_of(raw)
    return f"record {rid}" if rid else "record"
