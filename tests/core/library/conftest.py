from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.library import Library


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    return tmp_path / "lib"


@pytest.fixture
def lib(lib_dir: Path) -> Iterator[Library]:
    library = Library.open(lib_dir)
    yield library
    library.close()
