"""Turn what a user types into a safe FTS5 query: every word must match, as a prefix, in any column."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """``"wifi guest"`` → ``"wifi"* AND "guest"*``; None when there is nothing to search for.

    Words are quoted so FTS5 operators and punctuation in user input (``-``, ``:``, ``"``) never reach the
    query parser as syntax.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def body_text(kind: str, fields: dict[str, str]) -> str:
    """What the search sees of a payload: its kind and every field value."""
    return " ".join([kind, *(str(v) for v in fields.values() if v)])
