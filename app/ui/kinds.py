"""Payload kinds as the editor sees them.

The forms are generated from :data:`app.core.payloads.PAYLOAD_KINDS`. Until that module is present in a
build, a two-kind stand-in (text, URL) keeps the editor usable; it mirrors the core's ``FieldDef`` shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.spec import QrSpec


@dataclass(frozen=True)
class _FieldDef:
    name: str
    label: str
    required: bool = False
    multiline: bool = False
    choices: tuple[str, ...] = ()
    placeholder: str = ""


@dataclass(frozen=True)
class _Kind:
    name: str
    label: str
    fields: tuple[_FieldDef, ...]


_FALLBACK: dict[str, Any] = {
    "text": _Kind("text", "Text", (_FieldDef("text", "Text", True, True, (), "Any text"),)),
    "url": _Kind("url", "URL", (_FieldDef("url", "URL", True, False, (), "https://example.com"),)),
}


def payload_kinds() -> dict[str, Any]:
    """Kind name -> kind definition (``name``, ``label``, ``fields``)."""
    try:
        from app.core.payloads import PAYLOAD_KINDS
    except ImportError:  # payload builders not in this build (yet)
        return _FALLBACK
    return dict(PAYLOAD_KINDS)


def payload_data(spec: QrSpec) -> str:
    """The string ``spec`` encodes (core's builder; the stand-in when the payload module is absent)."""
    try:
        return spec.data()
    except ImportError:  # payload builders not in this build (yet)
        value = spec.fields.get("url") if spec.kind == "url" else spec.fields.get("text")
        return value or ""
