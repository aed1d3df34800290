"""Payloads: form fields → the exact string a QR code encodes, and decoded text → form fields.

The public surface is this package: :data:`PAYLOAD_KINDS` (one form per kind), :func:`build_payload`
(the one entry point the core uses to make a payload), :func:`parse_payload` / :func:`detect_kind`
(to reopen a scanned code in its form), :func:`item_name` (a library item's default name, never a
secret) and :func:`shown_payload` (a payload as the screen may show it: its secrets hidden). Inside,
:mod:`.builders` holds one validating builder per kind, :mod:`.registry` the forms, :mod:`.parsers` the
recognisers and :mod:`.naming` the names; import those modules directly only to add a kind.
"""

from app.core.payloads.naming import item_name, shown_payload
from app.core.payloads.parsers import detect_kind, parse_payload
from app.core.payloads.registry import PAYLOAD_KINDS, FieldDef, PayloadKind, build_payload

__all__ = ["PAYLOAD_KINDS", "FieldDef", "PayloadKind", "build_payload", "detect_kind", "item_name", "parse_payload",
           "shown_payload"]
