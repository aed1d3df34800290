"""Wi-Fi payloads (``WIFI:T:WPA;S:name;P:password;H:true;;``) checked against what ZXing-based readers do.

Sources: ZXing's ``WifiResultParser`` and its Android client's ``WifiConfigManager`` / ``NetworkType``: a
network type other than ``WPA``, ``WPA2``, ``WEP``, ``nopass`` or ``WPA2-EAP`` (case matters) is refused; a
network name made only of hex digits is passed to Android unquoted, i.e. as raw bytes, unless it is written in
double quotes; a WPA key of 64 hex digits (WEP: 10, 26 or 58) is taken as a raw key, not a passphrase.
"""

from __future__ import annotations

import re

from app.core.lint.fields import escape_problems, key_value, quote, split_fields, unescape
from app.core.lint.model import Finding, finding, rule

KEYS = ("T", "S", "P", "H", "E", "A", "I", "PH2", "R")
TYPES = ("WPA", "WPA2", "WEP", "nopass", "WPA2-EAP")
_HEX = re.compile(r"[0-9A-Fa-f]+")

NO_SSID = rule("wifi.no-ssid", "error", "the payload has no network name (S:)")
STRAY_TEXT = rule("wifi.unescaped-semicolon", "error", "a ';' inside a value is not escaped, so the value is cut")
UNESCAPED = rule("wifi.unescaped", "warning", "one of \\ , : \" inside a value is not escaped")
LOST_BACKSLASH = rule("wifi.lost-backslash", "error", "a backslash that escapes nothing is dropped by readers")
BAD_TYPE = rule("wifi.type", "error", "the network type is not one ZXing-based readers know")
PASSWORD_IGNORED = rule("wifi.password-ignored", "error", "a password without T: is ignored (taken as open)")
HEX_SSID = rule("wifi.hex-ssid", "warning", "an all-hex network name is joined as raw bytes on Android")
HEX_KEY = rule("wifi.hex-key", "info", "a WPA/WEP key of hex digits of a key length is used as a raw key")
HIDDEN = rule("wifi.hidden", "warning", "H: is neither true nor false")


def lint_wifi(data: str) -> list[Finding]:
    body = data[5:]
    out: list[Finding] = []
    values: dict[str, str] = {}
    previous = ""
    for segment in split_fields(body):
        key, raw = key_value(segment, KEYS)
        if key is None:
            where = f" after the {'network name' if previous == 'S' else 'password'}" if previous in ("S", "P") else ""
            out.append(finding(STRAY_TEXT, f"{segment!r}{where} is not a field: a ';' inside a name or password "
                                           "must be written as \\; (readers cut the value there)"))
            continue
        previous = key
        values.setdefault(key, raw)
        if key in ("S", "P"):
            out += _escapes("network name" if key == "S" else "password", raw)
    ssid, password, kind = (unescape(values[k]) if k in values else None for k in ("S", "P", "T"))
    if not ssid:
        out.append(finding(NO_SSID, "there is no network name (S:); readers reject the code"))
    if kind is not None and kind not in TYPES:
        hint = f" (write {kind.upper()})" if kind.upper() in TYPES else ""
        out.append(finding(BAD_TYPE, f"network type T:{kind} is unknown to ZXing-based readers{hint}; use WPA, WEP or "
                                     "nopass"))
    if kind is None and password:
        out.append(finding(PASSWORD_IGNORED, "there is a password but no T: type; readers then take the network as "
                                             "open and ignore the password (add T:WPA)"))
    if ssid and _HEX.fullmatch(ssid) and not (ssid.startswith('"') and ssid.endswith('"')):
        out.append(finding(HEX_SSID, f"the network name {ssid!r} is all hex digits: ZXing-based Android readers pass "
                                     f"it on as raw bytes and join no or another network; write it in double "
                                     f'quotes ("{ssid}") as the format asks'))
    if password and _HEX.fullmatch(password):
        lengths = (64,) if kind in ("WPA", "WPA2") else (10, 26, 58) if kind == "WEP" else ()
        if len(password) in lengths:
            out.append(finding(HEX_KEY, f"the {len(password)}-digit hex password is used as the raw key, not as a "
                                        "passphrase (intended for most pre-shared keys of this length)"))
    hidden = values.get("H")
    if hidden is not None and unescape(hidden).lower() not in ("true", "false"):
        out.append(finding(HIDDEN, f"H:{unescape(hidden)} is not true or false; ZXing reads it as an EAP phase-2 "
                                   "method instead"))
    return out


def _escapes(what: str, raw: str) -> list[Finding]:
    out = []
    unescaped, needless = escape_problems(raw)
    if unescaped:
        out.append(finding(UNESCAPED, f"the {what} has {quote(unescaped)} without a backslash; the format escapes "
                                      f"\\ ; , : \" with one, and some readers cut the value there"))
    if needless:
        out.append(finding(LOST_BACKSLASH, f"the {what} has a backslash before {quote(needless)}: readers drop it "
                                           "(write a real backslash as \\\\)"))
    return out
