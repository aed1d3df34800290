"""The ``KEY:value;KEY:value;;`` syntax Wi-Fi and MeCard payloads share, read the way ZXing reads it.

ZXing (``ResultParser.matchPrefixedField``) ends a value at the first ``;`` not preceded by an odd number of
backslashes and then drops every backslash that escapes the next character. The format asks for ``\\ ; , : "``
to be escaped; ZXing itself only needs ``;`` and ``\\``, other readers need all five.
"""

from __future__ import annotations

SPECIALS = '\\;,:"'


def split_fields(body: str) -> list[str]:
    """Raw ``KEY:value`` segments, split at unescaped semicolons (empty segments dropped)."""
    parts, start, i = [], 0, 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body[i] == ";":
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return [p for p in parts if p]


def unescape(raw: str) -> str:
    """ZXing's ``unescapeBackslash``: a backslash keeps the next character, whatever it is."""
    out, escaped = [], False
    for ch in raw:
        if escaped or ch != "\\":
            out.append(ch)
            escaped = False
        else:
            escaped = True
    return "".join(out)


def escape_problems(raw: str) -> tuple[str, str]:
    """(specials left unescaped, characters needlessly escaped) in a raw value, each without repeats."""
    unescaped, needless = [], []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            if raw[i + 1] not in SPECIALS and raw[i + 1] not in needless:
                needless.append(raw[i + 1])
            i += 2
            continue
        if ch in SPECIALS[2:] and ch not in unescaped:  # ";" cannot be here (it splits) and "\\" ends a value
            unescaped.append(ch)
        i += 1
    if raw.endswith("\\") and (len(raw) - len(raw.rstrip("\\"))) % 2:
        unescaped.append("\\")
    return "".join(unescaped), "".join(needless)


def key_value(segment: str, keys: tuple[str, ...]) -> tuple[str | None, str]:
    """The known key a segment starts with (longest first) and its raw value; ``None`` for an unknown key."""
    for key in sorted(keys, key=len, reverse=True):
        if segment.startswith(key + ":"):
            return key, segment[len(key) + 1:]
    return None, segment


def quote(chars: str) -> str:
    return " ".join(f"'{c}'" for c in chars)
