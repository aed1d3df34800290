"""Switching a form from one payload kind to another: keep what maps, drop the rest.

The result only ever holds fields of the new kind, so a switch can never leave a field the new kind does not
have (which used to lock the editor on "url: is not a field of text"). What maps:

- to **text**: what the code encoded (the built payload) when the old form was valid, else the old form's
  first value, so nothing typed is lost;
- from **text**: the fields of the new kind when the text is such a payload (a ``WIFI:`` string opened as
  Wi-Fi), else the text itself in the new kind's main field when it is one line and that field accepts it;
- between other kinds: values of the same meaning (a phone number, an e-mail address, a website, a name, a
  message, a title), each into the first field of the new kind that means the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.errors import SpecError
from app.core.payloads.parsers import parse_payload
from app.core.payloads.registry import PAYLOAD_KINDS, build_payload

# Field name → what it means, across kinds (fields not listed mean only themselves).
_MEANING = {
    "number": "phone", "phone": "phone", "mobile": "phone", "work_phone": "phone", "home_phone": "phone",
    "message": "message", "body": "message", "note": "message", "description": "message",
    "subject": "title", "summary": "title",
    "location": "place", "address": "place", "label": "place",
}


def _meaning(field: str) -> str:
    return _MEANING.get(field, field)


def convert_fields(kind: str, fields: Mapping[str, str], to_kind: str) -> dict[str, str]:
    """The fields of a ``to_kind`` form holding what maps from a ``kind`` form's ``fields``."""
    target = PAYLOAD_KINDS[to_kind]
    names = [f.name for f in target.fields]
    if kind == to_kind:
        return {k: v for k, v in fields.items() if k in names}
    filled = {k: v for k, v in fields.items() if v.strip()}
    if not filled:
        return {}
    if to_kind == "text":
        return {"text": _as_text(kind, fields, filled)}
    if kind == "text":
        return _from_text(filled.get("text", ""), to_kind)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        meaning = _meaning(name)
        if meaning in taken:
            continue  # one phone number fills the first phone field, not all three
        value = next((v for k, v in filled.items() if _meaning(k) == meaning), None)
        if value is not None:
            out[name] = value
            taken.add(meaning)
    return out


def _as_text(kind: str, fields: Mapping[str, str], filled: Mapping[str, str]) -> str:
    try:
        return build_payload(kind, fields)
    except SpecError:
        return next(iter(filled.values()))


def _from_text(text: str, to_kind: str) -> dict[str, str]:
    detected, parsed = parse_payload(text)
    if detected == to_kind:
        return {k: v for k, v in parsed.items() if v}
    main = next((f for f in PAYLOAD_KINDS[to_kind].fields if f.required), None)
    if main is None or main.multiline or main.choices or "\n" in text.strip():
        return {}
    value = text.strip()
    try:
        build_payload(to_kind, {main.name: value})
    except SpecError as exc:
        if exc.field == main.name:
            return {}  # "hello" is no web address: the URL form starts empty rather than wrong
    return {main.name: value}
