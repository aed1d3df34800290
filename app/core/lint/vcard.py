"""Contacts: vCard choices phones' importers read, and MeCard versus vCard.

vCard 3.0 (RFC 2426) is what both iOS Contacts and Android's contact importer (``com.android.vcard``) read
fully and what iOS itself writes; 4.0 (RFC 6350) properties such as KIND, GENDER or ``TEL;VALUE=uri`` are
dropped by them, and 2.1's QUOTED-PRINTABLE shows up as ``=C3=BC`` garbage in a 3.0 card. MeCard (NTT
DoCoMo's format) is read by Android's readers (ZXing, Google Lens) but the iPhone Camera app shows it as
text instead of offering to save the contact.
"""

from __future__ import annotations

import re

from app.core.lint.fields import escape_problems, key_value, quote, split_fields
from app.core.lint.model import Finding, finding, rule

V40 = rule("vcard.version-4", "warning", "vCard 4.0: iOS and Android importers read 3.0 fully, 4.0 partly")
NO_VERSION = rule("vcard.no-version", "error", "VERSION is missing (readers fall back to 2.1 rules)")
NO_NAME = rule("vcard.no-name", "error", "N or FN is missing (3.0 requires both, 4.0 FN; phones show no name)")
NO_END = rule("vcard.no-end", "error", "END:VCARD is missing (the card is cut off)")
QP = rule("vcard.quoted-printable", "warning", "QUOTED-PRINTABLE in a 3.0/4.0 card is shown as =XX codes")
PHOTO = rule("vcard.photo", "warning", "a PHOTO makes the code huge, and a photo URL is not fetched on import")
UNESCAPED = rule("vcard.unescaped", "warning", "a ',' or ';' in a single-value text property is not escaped")
BARE_LF = rule("vcard.line-endings", "info", "lines end with LF, not CRLF (phones accept it, some desktop apps not)")
MECARD_IOS = rule("mecard.ios", "warning", "MeCard: Android reads it, the iPhone Camera app shows text")
MECARD_STRAY = rule("mecard.unescaped-semicolon", "error", "a ';' inside a MeCard value is not escaped")
MECARD_UNESCAPED = rule("mecard.unescaped", "warning", "one of \\ , : \" inside a MeCard value is not escaped")

_SINGLE_TEXT = ("FN", "NOTE", "TITLE", "ROLE")  # one text value: an unescaped ; or , is a structure error
_V40_ONLY = ("KIND", "GENDER", "ANNIVERSARY", "LANG", "MEMBER", "RELATED", "XML", "CLIENTPIDMAP")
MECARD_KEYS = ("N", "SOUND", "TEL", "TEL-AV", "EMAIL", "NOTE", "BDAY", "ADR", "URL", "NICKNAME", "ORG", "X-PHONETIC")


def _lines(data: str) -> list[tuple[str, str, str]]:
    """(NAME, params, value) of each unfolded content line."""
    unfolded = re.sub(r"\r?\n[ \t]", "", data)
    out = []
    for line in re.split(r"\r?\n", unfolded):
        head, sep, value = line.partition(":")
        if not sep:
            continue
        name, _, params = head.partition(";")
        out.append((name.strip().upper().split(".")[-1], params.upper(), value))
    return out


def lint_vcard(data: str) -> list[Finding]:
    lines = _lines(data)
    names = {name for name, _, _ in lines}
    version = next((value.strip() for name, _, value in lines if name == "VERSION"), None)
    out: list[Finding] = []
    if version is None:
        out.append(finding(NO_VERSION, "the vCard has no VERSION line; write VERSION:3.0, the version phones read"))
    elif version.startswith("4"):
        extra = sorted(names & set(_V40_ONLY))
        dropped = f" ({', '.join(extra)} will be dropped)" if extra else ""
        out.append(finding(V40, f"vCard 4.0: iOS Contacts and Android's importer read vCard 3.0 fully but 4.0 only "
                                f"partly{dropped}; write VERSION:3.0 for phones"))
    if "END" not in names:
        out.append(finding(NO_END, "END:VCARD is missing: the card is cut off and importers reject it"))
    required = ("N", "FN") if (version or "").startswith("3") else ("FN",) if (version or "").startswith("4") else ()
    missing = [n for n in required if n not in names]
    if missing:
        out.append(finding(NO_NAME, f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing: vCard "
                                    f"{version} requires it, and phones show the contact without a name"))
    if not (version or "").startswith("2") and any("QUOTED-PRINTABLE" in params for _, params, _ in lines):
        out.append(finding(QP, "ENCODING=QUOTED-PRINTABLE belongs to vCard 2.1: in a 3.0 or 4.0 card phones show "
                               "the =C3=BC codes literally; write the text as UTF-8"))
    if "PHOTO" in names:
        out.append(finding(PHOTO, "the card has a PHOTO: embedded it makes the code very dense, as a URL it is not "
                                  "fetched when a phone imports the card from a code"))
    for name, _, value in lines:
        if name in _SINGLE_TEXT and re.search(r"(?<!\\)[;,]", value):
            out.append(finding(UNESCAPED, f"{name} has an unescaped ',' or ';' ({value[:30]!r}): importers split "
                                          "or cut it there; write \\, and \\;"))
    if "\n" in data and "\r\n" not in data:
        out.append(finding(BARE_LF, "lines end with LF only; RFC 2426 wants CRLF (phones accept LF, some desktop "
                                    "contact apps do not)"))
    return out


def lint_mecard(data: str) -> list[Finding]:
    out = [finding(MECARD_IOS, "a MECARD contact is saved by Android's readers (ZXing, Google Lens), but the iPhone "
                               "Camera app shows it as plain text; vCard 3.0 works on both")]
    for segment in split_fields(data[7:]):
        key, raw = key_value(segment, MECARD_KEYS)
        if key is None:
            out.append(finding(MECARD_STRAY, f"{segment!r} is not a MeCard field: a ';' inside a value must be "
                                             "written as \\; (readers cut the value there)"))
            continue
        unescaped, _ = escape_problems(raw)
        unescaped = unescaped.replace(",", "") if key == "N" else unescaped  # N: is "Last,First"
        if unescaped:
            out.append(finding(MECARD_UNESCAPED, f"{key}: has {quote(unescaped)} without a backslash; MeCard escapes "
                                                 "\\ ; , : \" with one"))
    return out
