"""Dragging library items out of the app: to the desktop, a file manager, a chat or a design tool.

Each item is written as a file (the default export format from the preferences, named after the item) through
:func:`app.core.export.export_code`, the same writer and scan check as File → Export, and offered as a file
URL; the first item also travels as image data (PNG, and SVG markup) for apps that take pictures rather than
files. A code that does not scan is refused before the drag starts, naming the item (a drag cannot ask
"export anyway?"; File → Export can).

The files live in a folder of this session that is removed when the app quits: a drop target copies them
when the drop happens.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QUrl
from PySide6.QtGui import QImage

from app.core.encode import encode
from app.core.errors import QrDeskError, ScanError
from app.core.export import export_code
from app.core.library import Item
from app.core.render import render_bytes
from app.ui.export import suffix_for

MAX_ITEMS = 50  # a drag writes and checks every file up front; more is a job for Export or an archive


class DragFolder:
    """The session's folder for dragged files (created on first use, removed by :meth:`cleanup`)."""

    def __init__(self) -> None:
        self._path: Path | None = None

    def new_batch(self) -> Path:
        if self._path is None:
            self._path = Path(tempfile.mkdtemp(prefix="qrdesk-drag-"))
        return Path(tempfile.mkdtemp(dir=self._path))

    def cleanup(self) -> None:
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None


def drag_data(items: Sequence[Item], folder: Path, fmt: str = "png", verify: bool = True) -> QMimeData:
    """The mime data for dragging ``items`` out; raises :class:`QrDeskError` naming the item that fails."""
    from app.core.batch.names import UniqueNames, sanitize_stem  # the batch package is big; only drags need it

    if len(items) > MAX_ITEMS:
        raise QrDeskError(f"drag up to {MAX_ITEMS} codes at once; export or archive more than that")
    suffix = suffix_for(fmt)
    names = UniqueNames()  # portable names (no separators, nothing Windows refuses), none twice
    urls: list[QUrl] = []
    mime = QMimeData()
    for index, item in enumerate(items):
        try:
            code = encode(item.spec.data(), item.spec.style)
            target = folder / names.claim(sanitize_stem(item.name) or "qr-code", suffix)
            result = export_code(code, item.spec.style, target, fmt, verify=verify)
            if index == 0:
                png = render_bytes(code, item.spec.style, "png")
                mime.setImageData(QImage.fromData(png))
                mime.setData("image/png", QByteArray(png))
                mime.setData("image/svg+xml", QByteArray(render_bytes(code, item.spec.style, "svg")))
        except ScanError as exc:
            raise ScanError(f"{item.name} does not scan, so it was not dragged ({exc}); File → Export can write "
                            "it anyway") from None
        except QrDeskError as exc:
            raise QrDeskError(f"{item.name}: {exc}") from None
        urls.append(QUrl.fromLocalFile(str(result.path)))
    mime.setUrls(urls)
    return mime
