"""Payloads: form fields → the exact string a QR code encodes, and decoded text → form fields.

The public surface is this package: :data:`PAYLOAD_KINDS` (one form per kind), :func:`build_payload`
(the one entry point the core uses to make a payload) and :func:`parse_payload` / :func:`detect_kind`
(to reopen a scanned code in its form). Inside, :mod:`.builders` holds one validating builder per
kind, :mod:`.registry` the forms and :mod:`.parsers` the recognisers; import those modules directly
only to add a kind.
"""

from app.core.payloads.parsers import detect_kind, parse_payload
from app.core.payloads.registry import PAYLOAD_KINDS, FieldDef, PayloadKind, build_payload

__all__ = ["PAYLOAD_KINDS", "FieldDef", "PayloadKind", "build_payload", "detect_kind", "parse_payload"]
