"""Links: schemes phones open, and addresses that open badly or not at all.

Phone cameras open ``https``/``http`` links, ``mailto:``, ``tel:``, ``sms:``/``SMSTO:``, ``geo:``, ``WIFI:`` and
contacts; ``javascript:``, ``data:`` and ``file:`` are blocked; ``intent:``/``market:`` open only on Android,
``itms-apps:``/``shortcuts:`` only on iOS. Plain text that looks like an address is shown as text, not opened.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from app.core.lint.model import Finding, finding, rule

HTTP = rule("url.http", "warning", "http:// is not encrypted; browsers warn about or upgrade it")
SPACE = rule("url.space", "error", "a space or line break in an address: readers cut the link there")
BLOCKED = rule("url.blocked-scheme", "error", "javascript:, data:, file: and vbscript: links are blocked by phones")
ONE_PLATFORM = rule("url.one-platform", "warning", "a scheme only Android or only iOS opens")
IDN = rule("url.idn", "warning", "a non-ASCII host name: some readers do not open it")
NON_ASCII = rule("url.non-ascii", "info", "non-ASCII characters in the path or query: some readers mangle them")
CREDENTIALS = rule("url.credentials", "warning", "a user name or password in the address: phones warn or block")
NO_SCHEME = rule("url.no-scheme", "warning", "text that looks like an address is not opened as a link")

_BLOCKED = ("javascript", "data", "file", "vbscript")
_ANDROID = ("intent", "market")
_IOS = ("itms-apps", "itms-services", "shortcuts", "prefs", "app-prefs")
_LOOKS_LIKE_HOST = re.compile(r"(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?", re.IGNORECASE)


def lint_url(data: str) -> list[Finding]:
    scheme = data.split(":", 1)[0].lower()
    out: list[Finding] = []
    if scheme in _BLOCKED:
        return [finding(BLOCKED, f"{scheme}: links are blocked by phone cameras and browsers; the code does nothing")]
    if scheme in _ANDROID:
        out.append(finding(ONE_PLATFORM, f"{scheme}: links open only on Android; iPhones show the text"))
    if scheme in _IOS:
        out.append(finding(ONE_PLATFORM, f"{scheme}: links open only on iPhones and iPads"))
    if scheme not in ("http", "https"):
        return out
    if re.search(r"\s", data.strip()):
        out.append(finding(SPACE, "the address has a space or line break: readers cut the link there (write %20)"))
    try:
        parts = urlsplit(data.strip())
    except ValueError:
        return out
    if scheme == "http":
        out.append(finding(HTTP, "http:// is not encrypted: browsers mark the page as not secure or switch to "
                                 "https://; use https:// if the site has it"))
    if parts.username or parts.password:
        out.append(finding(CREDENTIALS, "the address carries a user name or password (user@host): phones warn about "
                                        "or block such links, and anyone can read them from the code"))
    host = parts.hostname or ""
    if host and not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = "its punycode form"
        out.append(finding(IDN, f"the host {host!r} is not ASCII: some readers do not open it; {ascii_host!r} always "
                                "works"))
    rest = data.strip()[len(scheme) + 3 + len(parts.netloc):]
    if not rest.isascii():
        out.append(finding(NON_ASCII, "the path or query has non-ASCII characters: most phones open it, some readers "
                                      "mangle them; percent-encoding them always works"))
    return out


def lint_text(data: str) -> list[Finding]:
    if _LOOKS_LIKE_HOST.fullmatch(data.strip()):
        return [finding(NO_SCHEME, f"{data.strip()!r} looks like a web address but has no https://: phone cameras "
                                   "show it as text instead of opening it (use the URL type)")]
    return []
