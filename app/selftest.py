"""``qrdesk --self-test``: proves an installed bundle works end to end without a screen or network.

Makes, exports and decodes one code per output format, opens, writes and reopens a library in a
temporary folder, finds the resources folder, and prints one line per check. Used by the installers' smoke tests.
"""

from __future__ import annotations

import argparse
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from app import __version__
from app.resources import check_resources


def _check_format(fmt: str, folder: Path) -> str:
    from app.core.encode import encode
    from app.core.export import export_code
    from app.core.spec import Style

    data = f"QRDesk self-test {fmt} ✓ Grüße"
    code = encode(data, Style(module_shape="rounded" if fmt == "svg" else "square"))
    result = export_code(code, Style(), folder / f"self-test.{fmt}", fmt)
    assert result.report is not None and result.report.ok, result.report
    return f"{code.description}, decoded back exactly"


def _check_library(folder: Path) -> str:
    from app.core.library import Library
    from app.core.spec import QrSpec

    path = folder / "library"
    with Library.open(path) as library:
        item = library.add(QrSpec.text("QRDesk self-test"), name="self-test", tags=("check",))
    with Library.open(path) as library:
        again = library.get(item.id)
        assert again.name == "self-test" and again.spec.data() == "QRDesk self-test", again
    return "opened, wrote, reopened"


def _check_readers() -> str:
    """Every reader of the thorough check is in the bundle and reads a code (zbar needs the system's libzbar)."""
    import numpy as np

    from app.core import decoders
    from app.core.encode import encode
    from app.core.render import render_image
    from app.core.spec import Style

    grey = np.asarray(render_image(encode("QRDesk readers"), Style(), 6).convert("L"))
    for name, decoder in decoders.DECODERS.items():
        texts = [found.text for found in decoders.read(grey, name)]
        assert texts == ["QRDesk readers"], f"{decoder.label} read {texts}"
    return ", ".join(d.label for d in decoders.DECODERS.values()) + " read it"


def run_self_test(args: argparse.Namespace | None = None) -> int:
    print(f"QRDesk {__version__} self-test")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="qrdesk-selftest-") as tmp:
        folder = Path(tmp)
        from app.core.render import FORMATS

        checks: list[tuple[str, Callable[[], str]]] = [
            (f"make {fmt}", lambda fmt=fmt: _check_format(fmt, folder)) for fmt in FORMATS
        ]
        checks.append(("library", lambda: _check_library(folder)))
        checks.append(("resources", check_resources))
        checks.append(("readers", _check_readers))
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:  # every failure is reported as a line, never as a crash
                failures += 1
                last = traceback.extract_tb(exc.__traceback__)[-1]
                print(f"FAIL {name}: {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})")
            else:
                print(f"ok   {name}: {detail}")
    print("self-test passed" if not failures else f"self-test FAILED ({failures} check(s))")
    return 1 if failures else 0
