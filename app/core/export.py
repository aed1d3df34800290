"""Writing one code to a file, checked by decoding it first (docs/architecture.md, rule 3).

The file is written beside its target under a temporary name, decoded from disk exactly as written,
and only then moved into place, so a code that does not scan is never left behind silently and an
existing file is never half-overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.encode import QrCode
from app.core.errors import ScanError, SpecError
from app.core.files import create_beside
from app.core.formats import FORMAT_SUFFIXES
from app.core.render import render
from app.core.spec import Style
from app.core.verify import ScanReport, check_code, style_findings, verify_file


@dataclass(frozen=True)
class ExportResult:
    path: Path
    report: ScanReport | None  # None when the check was turned off


def format_for_path(path: Path, fmt: str | None = None) -> str:
    """The output format: given explicitly, or from the file's suffix."""
    if fmt:
        return fmt
    try:
        return FORMAT_SUFFIXES[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMAT_SUFFIXES)
        raise SpecError("output", f"cannot tell the format of {path.name} from its suffix; use one of {known}") \
            from None


def export_code(code: QrCode, style: Style, path: str | Path, fmt: str | None = None, *,
                verify: bool = True, force: bool = False) -> ExportResult:
    """Render ``code`` to ``path``; with ``verify`` refuse (unless ``force``) a file that does not scan.

    EPS cannot be rasterised without Ghostscript and text is not a picture, so both are checked through
    the same matrix rendered as PNG (the writers share one layout).
    """
    target = Path(path)
    fmt = format_for_path(target, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_beside(target, f".{fmt}")
    try:
        with os.fdopen(fd, "wb") as stream:
            render(code, style, fmt, stream)
        report: ScanReport | None = None
        if verify:
            report = _check(tmp, code, style, fmt)
            if not report.ok and not force:
                reason = "; ".join(report.errors) or "it does not decode"
                raise ScanError(f"{target.name} was not written: the code does not scan ({reason})")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return ExportResult(path=target, report=report)


def _check(written: Path, code: QrCode, style: Style, fmt: str) -> ScanReport:
    if fmt in ("eps", "txt"):
        return check_code(code, style)
    # The file is decoded as written; the style's own findings (contrast, quiet zone) explain why a
    # file fails, and the temporary name means nothing to the user.
    report = verify_file(written, expected=code.data)
    errors, warnings = style_findings(code, style)
    found = [e for e in report.errors if written.name not in e]
    if report.errors and not found:
        found = ["the code does not decode"]
    return ScanReport(ok=report.ok and not errors, decoded=report.decoded, errors=[*errors, *found],
                      warnings=[*warnings, *report.warnings])
