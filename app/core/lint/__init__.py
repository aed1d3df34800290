"""Payload lint: what phone readers will make of a payload, beyond "does the code decode".

A code can decode perfectly and still fail the person scanning it: a Wi-Fi name a ZXing-based Android reader
takes as hex bytes, a vCard 4.0 whose fields an importer drops, a MeCard an iPhone shows as plain text, an
``http://`` link the browser warns about. :func:`lint` reads the payload *string* (so it checks codes typed,
built by QRDesk or decoded from someone else's picture alike) and returns :class:`Finding` s. Each rule has an
id and fixed test vectors (``tests/core/test_lint.py``); :data:`RULES` lists them all.
"""

from __future__ import annotations

import re

from app.core.lint.model import RULES, Finding, Rule
from app.core.lint.url import lint_text, lint_url
from app.core.lint.vcard import lint_mecard, lint_vcard
from app.core.lint.wifi import lint_wifi

__all__ = ["RULES", "Finding", "Rule", "lint"]

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]{0,30}:", re.IGNORECASE)


def lint(data: str) -> list[Finding]:
    """Findings for the payload ``data``, most severe first."""
    head = data[:16].upper()
    if head.startswith("WIFI:"):
        found = lint_wifi(data)
    elif head.startswith("BEGIN:VCARD"):
        found = lint_vcard(data)
    elif head.startswith("MECARD:"):
        found = lint_mecard(data)
    elif _SCHEME.match(data):
        found = lint_url(data)
    else:
        found = lint_text(data)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda f: order[f.severity])
