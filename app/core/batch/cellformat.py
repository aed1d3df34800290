"""A spreadsheet cell's value as the sheet shows it, from the value and its Excel number format.

An ``.xlsx`` file stores numbers and dates as values plus a number format (``000000``, ``dd.mm.yyyy``,
``#,##0.00``); the text a user sees exists only on screen. A batch encodes what the user sees, so a
customer number formatted ``000000`` stays ``000042`` and a date stays ``24.12.2025``. (An ``.ods`` file
stores the shown text itself, see :mod:`.sheets`.)

This renders the formats people use for data: General, text ``@``, digit placeholders ``0 # ?`` with
literals between them (``(000) 000-0000``), thousands separators and scaling, decimals, percent,
scientific notation, quoted text and currency tokens, sections (``pos;neg;zero``) and dates and times
(``yyyy mm dd hh:mm:ss AM/PM``, elapsed ``[h]``). Separators are the format's own (``.`` for decimals,
``,`` for thousands), as Excel writes them into the file; month and day names are English. Fractions and
conditional sections fall back to General. General never uses scientific notation for a whole number
below 10^15, so a phone number kept as a number reads as its digits, not ``4.91701E+12``.

No library on the project's package index does this (xlsx2csv, the closest, drops zero padding).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

Value = int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta

_EPOCH = dt.datetime(1899, 12, 30)  # serial 0 in the 1900 date system (with Excel's 1900 leap-year quirk)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DATE_TOKEN = re.compile(r"\[(h+|m+|s+)\]|am/pm|a/p|y+|m+|d+|h+|s+(?:\.0+)?", re.IGNORECASE)
_CONDITION = re.compile(r"\[[<>=]")


def general(value: Value) -> str:
    """Excel's General format in a column wide enough: whole numbers in full, no exponent for everyday sizes."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = f"{value:.15g}"
        if "e" in text and 1e-9 <= abs(value) < 1e15:
            text = format(Decimal(text), "f")
        return text
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return format_value(value, "[h]:mm:ss")
    return str(value)


def format_value(value: Value, fmt: str | None, *, date1904: bool = False) -> str:
    """The text a spreadsheet shows for ``value`` under number format ``fmt`` (General when None)."""
    if fmt is None or fmt.strip().lower() in ("", "general", "@") or isinstance(value, bool):
        return general(value)
    sections = _sections(fmt)
    if any(_CONDITION.search(s) for s in sections):
        return general(value)
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        section = sections[0]
        return _format_date(_as_datetime(value), section, value) if _is_date(section) else general(value)
    number = float(value)
    section, negative_sign = sections[0], number < 0
    if number < 0 and len(sections) > 1:
        section, negative_sign = sections[1], False
    elif number == 0 and len(sections) > 2:
        section = sections[2]
    if _is_date(section):
        base = _EPOCH_1904 if date1904 else _EPOCH
        try:
            return _format_date(base + dt.timedelta(days=number), section, number)
        except OverflowError:
            return general(value)
    if "/" in _strip_literals(section):  # fractions
        return general(value)
    text = _format_number(abs(number) if len(sections) > 1 else number, section)
    if text is None:
        return general(value)
    return text if not negative_sign or text.startswith("-") or len(sections) < 2 else "-" + text


def is_date_format(fmt: str | None) -> bool:
    return bool(fmt) and _is_date(_sections(fmt)[0])


@lru_cache(maxsize=256)
def _sections(fmt: str) -> tuple[str, ...]:
    parts, current, i = [], [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) - 1 if end < 0 else end
            current.append(fmt[i:end + 1])
            i = end + 1
            continue
        if ch in "\\_*" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 2
            continue
        if ch == "[":
            end = fmt.find("]", i)
            end = len(fmt) - 1 if end < 0 else end
            current.append(fmt[i:end + 1])
            i = end + 1
            continue
        if ch == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return tuple(parts)


def _tokens(section: str) -> list[tuple[str, str]]:
    """(kind, text): kind is "lit" for text shown as is, "fmt" for format characters."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[i + 1:end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))  # a space as wide as the next character
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2  # fill character: only pads to the column width
        elif ch == "[":
            end = section.find("]", i)
            end = len(section) - 1 if end < 0 else end
            inner = section[i + 1:end]
            if inner.startswith("$"):  # currency and locale: [$€-407] shows €, [$-409] nothing
                symbol = inner[1:].split("-", 1)[0]
                if symbol:
                    out.append(("lit", symbol))
            elif re.fullmatch(r"h+|m+|s+", inner, re.IGNORECASE):
                out.append(("fmt", section[i:end + 1]))
            i = end + 1  # colours and other flags show nothing
        else:
            out.append(("fmt", ch))
            i += 1
    return out


def _merged(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs of format characters joined into one string (``yyyy``), so date tokens can be matched."""
    out: list[tuple[str, str]] = []
    for kind, text in tokens:
        if out and kind == out[-1][0] == "fmt" and not text.startswith("[") and not out[-1][1].endswith("]"):
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


def _strip_literals(section: str) -> str:
    return "".join(text for kind, text in _tokens(section) if kind == "fmt")


def _is_date(section: str) -> bool:
    return bool(re.search(r"[ymdhs]|am/pm|a/p|\[h\]", _strip_literals(section), re.IGNORECASE))


def _as_datetime(value: dt.date | dt.datetime | dt.time | dt.timedelta) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, dt.time):
        return dt.datetime.combine(_EPOCH.date(), value)
    return _EPOCH + value


def _format_date(moment: dt.datetime, section: str, raw: object) -> str:
    items: list[tuple[str, str]] = []  # ("tok", token) or ("lit", text)
    for kind, text in _merged(_tokens(section)):
        if kind == "lit":
            items.append(("lit", text))
            continue
        pos = 0
        for m in _DATE_TOKEN.finditer(text):
            if m.start() > pos:
                items.append(("lit", text[pos:m.start()]))
            items.append(("tok", m.group(0)))
            pos = m.end()
        if pos < len(text):
            items.append(("lit", text[pos:]))
    twelve = any(k == "tok" and t.lower() in ("am/pm", "a/p") for k, t in items)
    toks = [i for i, (k, _t) in enumerate(items) if k == "tok"]
    elapsed = (moment - _EPOCH) if not isinstance(raw, dt.timedelta) else raw
    if isinstance(raw, int | float):
        elapsed = dt.timedelta(days=float(raw))
    # Round to the shown precision of seconds (Excel rounds, it does not truncate).
    decimals = max((len(t.split(".")[1]) for k, t in items if k == "tok" and "." in t), default=0)
    step = dt.timedelta(microseconds=10 ** (6 - decimals))
    moment = dt.datetime.min + round((moment - dt.datetime.min) / step) * step
    out = []
    for n, (kind, token) in enumerate(items):
        if kind == "lit":
            out.append(token)
            continue
        low = token.lower()
        if low.startswith("["):
            unit = low[1]
            seconds = round(elapsed.total_seconds())
            value = seconds // 3600 if unit == "h" else seconds // 60 if unit == "m" else seconds
            out.append(str(value).zfill(len(low) - 2))
        elif low.startswith("y"):
            out.append(f"{moment.year % 100:02d}" if len(low) <= 2 else f"{moment.year:04d}")
        elif low.startswith("d"):
            out.append(_day(moment, len(low)))
        elif low.startswith("m"):
            out.append(_minute_or_month(items, toks, n, moment, len(low)))
        elif low.startswith("h"):
            hour = moment.hour % 12 or 12 if twelve else moment.hour
            out.append(f"{hour:0{min(len(low), 2)}d}")
        elif low.startswith("s"):
            whole, _, frac = low.partition(".")
            out.append(f"{moment.second:0{min(len(whole), 2)}d}")
            if frac:
                out.append("." + f"{moment.microsecond:06d}"[:len(frac)])
        elif low == "am/pm":
            out.append("AM" if moment.hour < 12 else "PM")
        elif low == "a/p":
            out.append("A" if moment.hour < 12 else "P")
    return "".join(out)


def _day(moment: dt.datetime, width: int) -> str:
    if width == 1:
        return str(moment.day)
    if width == 2:
        return f"{moment.day:02d}"
    name = _DAYS[moment.weekday()]
    return name[:3] if width == 3 else name


def _minute_or_month(items: list[tuple[str, str]], toks: list[int], n: int, moment: dt.datetime, width: int) -> str:
    """``m``/``mm`` are minutes right after an hour or right before a second, months otherwise."""
    at = toks.index(n)
    before = items[toks[at - 1]][1].lower() if at > 0 else ""
    after = items[toks[at + 1]][1].lower() if at + 1 < len(toks) else ""
    if width <= 2 and (before.startswith(("h", "[h")) or after.startswith(("s", "[s"))):
        return f"{moment.minute:0{width}d}"
    if width == 1:
        return str(moment.month)
    if width == 2:
        return f"{moment.month:02d}"
    name = _MONTHS[moment.month - 1]
    return name[0] if width == 5 else name[:3] if width == 3 else name


def _format_number(number: float, section: str) -> str | None:
    tokens = _tokens(section)
    fmt = "".join(text for kind, text in tokens if kind == "fmt")
    if "@" in fmt:
        return general(number)
    if not re.search(r"[0#?]", fmt):  # only literals, e.g. "-" for zero in accounting formats
        return "".join(text if kind == "lit" else ("" if text in "0#?,.%" else text) for kind, text in tokens)
    percent = fmt.count("%")
    value = Decimal(repr(number)) * (Decimal(100) ** percent)
    # Split the placeholders: integer part, decimal part, exponent.
    parts: dict[str, list[tuple[str, str]]] = {"int": [], "dec": [], "exp": []}
    where, exp_sign, grouping, seen_digit = "int", "", False, False
    pending_commas = 0
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "fmt" and text in "eE" and i + 1 < len(tokens) and tokens[i + 1][1] in "+-":
            where, exp_sign = "exp", tokens[i + 1][1]
            i += 2
            continue
        if kind == "fmt" and text == "." and where == "int":
            where = "dec"
        elif kind == "fmt" and text == "," and where == "int":
            pending_commas += 1
        elif kind == "fmt" and text in "0#?":
            if pending_commas and seen_digit:
                grouping = True
            pending_commas = 0
            seen_digit = True
            parts[where].append(("ph", text))
        elif kind == "fmt" and text == "%":
            parts[where].append(("lit", "%"))
        else:
            if kind == "fmt" and text == "," and where == "dec":
                pass
            else:
                parts[where].append(("lit", text))
        i += 1
    scale = pending_commas  # commas right after the last integer placeholder divide by 1000 each
    if scale and not parts["dec"]:
        value /= Decimal(1000) ** scale
    decimals = sum(1 for k, _ in parts["dec"] if k == "ph")
    exponent = 0
    if where == "exp" or parts["exp"]:
        int_places = max(1, sum(1 for k, _ in parts["int"] if k == "ph"))
        if value:
            exponent = value.adjusted() - (int_places - 1)
            value = value.scaleb(-exponent)
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = format(abs(rounded), "f").partition(".")
    whole = whole.lstrip("0")
    text = sign + _fill_integer(parts["int"], whole, grouping)
    if parts["dec"] or "." in fmt:
        dec = _fill_decimals(parts["dec"], frac)
        text += ("." if dec or "." in fmt else "") + dec
        if text.endswith(".") and not any(k == "ph" and t == "0" for k, t in parts["dec"]):
            text = text[:-1]
    if parts["exp"] or exp_sign:
        exp_digits = str(abs(exponent))
        exp_text = _fill_integer(parts["exp"], exp_digits.lstrip("0"), False)
        text += "E" + ("-" if exponent < 0 else "+" if exp_sign == "+" else "") + exp_text
    return text


def _fill_integer(tokens: list[tuple[str, str]], digits: str, grouping: bool) -> str:
    """Digits fill the placeholders from the right; extra digits go before the first placeholder."""
    holders = [t for k, t in tokens if k == "ph"]
    if grouping:
        zeros = sum(1 for t in holders if t == "0")
        body = digits.rjust(zeros, "0") if zeros else digits
        body = f"{int(body):,}" if body else ""
        lead = "".join(t for k, t in tokens[:_first_ph(tokens)] if k == "lit")
        tail = "".join(t for k, t in tokens[_last_ph(tokens) + 1:] if k == "lit")
        return lead + body + tail
    places = [i for i, (kind, _t) in enumerate(tokens) if kind == "ph"]
    filled: dict[int, str] = {}
    rest = digits
    for index in reversed(places):
        filled[index] = rest[-1] if rest else {"0": "0", "?": " ", "#": ""}[tokens[index][1]]
        rest = rest[:-1]
    out = []
    for index, (kind, text) in enumerate(tokens):
        if places and index == places[0]:
            out.append(rest)
        out.append(text if kind == "lit" else filled[index])
    return "".join(out)


def _fill_decimals(tokens: list[tuple[str, str]], digits: str) -> str:
    holders = [t for k, t in tokens if k == "ph"]
    digits = digits.ljust(len(holders), "0")
    # Trailing zeros under # vanish and under ? become spaces.
    keep = len(holders)
    while keep and holders[keep - 1] != "0" and digits[keep - 1] == "0":
        keep -= 1
    out, n = [], 0
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
            continue
        out.append(digits[n] if n < keep else (" " if text == "?" else ""))
        n += 1
    return "".join(out)


def _first_ph(tokens: list[tuple[str, str]]) -> int:
    return next((i for i, (k, _t) in enumerate(tokens) if k == "ph"), 0)


def _last_ph(tokens: list[tuple[str, str]]) -> int:
    return max((i for i, (k, _t) in enumerate(tokens) if k == "ph"), default=len(tokens) - 1)
