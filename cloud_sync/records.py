"""Records checked the way every door into a library checks them: the protocol's shape
(:class:`~cloud_sync.protocol.Record`) and then what a record may hold (:mod:`app.core.validate`).

The service checks each pushed record with :func:`check_record`, and the client each pulled one, so neither side
trusts what the other (or the store) holds. This lives beside the protocol, not in it, because the protocol
imports nothing from ``app``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from app.core import validate
from cloud_sync.protocol import Record

MAX_REASONS = 5


def check_record(raw: Any) -> Record:
    """``raw`` as a valid :class:`Record` with canonical ids, or :class:`~app.core.validate.InvalidRecord`
    naming the record and each problem (field and problem, never the value)."""
    try:
        rec = Record.model_validate(raw)
    except ValidationError as exc:
        raise validate.InvalidRecord(_where(raw), _reasons(exc)) from None
    problems = [p for p in (_problem(validate.item_id, rec.id, "id"),
                            rec.conflict_of and _problem(validate.item_id, rec.conflict_of, "conflict_of"),
                            rec.updated_at and _problem(validate.timestamp, rec.updated_at, "updated_at")) if p]
    if not problems:  # the content is checked once the record's own fields are sound
        content = (_problem(validate.json_value, rec.payload, "payload") if rec.deleted
                   else _problem(validate.payload, rec.payload))
        problems = [content] if content else []
    if problems:
        raise validate.InvalidRecord(_where(raw), "; ".join(problems[:MAX_REASONS]))
    return rec.model_copy(update={"id": validate.item_id(rec.id),
                                  "conflict_of": rec.conflict_of and validate.item_id(rec.conflict_of)})


def _problem(check: Callable[..., object], *args: Any) -> str | None:
    try:
        check(*args)
    except validate.InvalidRecord as err:
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
    rid = raw.get("id") if isinstance(raw, dict) else None
    try:
        return f"record {validate.item_id(rid)}"
    except validate.InvalidRecord:
        return "record"
