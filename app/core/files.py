"""New files written under a temporary name beside their target, then moved into place.

``tempfile.mkstemp`` creates files readable by their owner only (0600), which is right for secrets and wrong
for what a user exports to share: a code on a web server or a network drive must be readable like any other
file the user saves. :func:`create_beside` creates the temporary file the way ``open()`` would (0666 minus
the umask), exclusively, so the file that is moved into place has normal permissions.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

_ATTEMPTS = 100


def create_beside(target: Path, suffix: str = "") -> tuple[int, Path]:
    """A new, empty hidden file beside ``target`` (``.stem.RANDOM<suffix>``): its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        tmp = target.parent / f".{target.stem}.{secrets.token_hex(4)}{suffix}"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")
