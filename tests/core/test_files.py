"""Files the app writes for the user to share get the permissions any new file gets, not 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.batch import BatchOptions, run_batch
from app.core.encode import encode
from app.core.export import export_code
from app.core.spec import Style


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield 0o644
    os.umask(old)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_an_exported_code_is_readable_like_any_saved_file(tmp_path: Path, umask_022: int, suffix: str) -> None:
    target = tmp_path / f"code{suffix}"
    export_code(encode("https://qrdesk.app/perm"), Style(), target)
    assert stat.S_IMODE(target.stat().st_mode) == umask_022
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left behind


@pytest.mark.parametrize("name", ["codes.zip", "sheet.pdf"])
def test_batch_archives_and_label_sheets_too(tmp_path: Path, umask_022: int, name: str) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("url\nhttps://qrdesk.app/a\nhttps://qrdesk.app/b\n", encoding="utf-8")
    run_batch(rows, BatchOptions(output=tmp_path / name, fmt="png"))
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == umask_022
