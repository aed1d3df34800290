"""Locked by another instance, damaged database: a clear message and a way out, never a crash or loss."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from procs import read_until, start_python, stop

from app.core.library import (
    Library,
    LibraryCorruptError,
    LibraryLockedError,
    LibraryReadOnlyError,
    list_backups,
    restore_backup,
)
from app.core.spec import QrSpec

HOLDER = """
    import sys, time
    from app.core.library import Library
    from app.core.spec import QrSpec

    lib = Library.open({folder!r})
    lib.add(QrSpec.text("written by the other instance"), name="theirs")
    print("READY", flush=True)
    time.sleep(120)
"""


def test_library_locked_by_another_instance(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    proc = start_python(HOLDER.format(folder=str(folder)))
    try:
        read_until(proc, "READY")
        with pytest.raises(LibraryLockedError) as caught:
            Library.open(folder)
        message = str(caught.value)
        assert f"open in another QRDesk instance (process {proc.pid} on " in message
        assert "--read-only" in message
        # The recovery path: read-only access works while the other instance keeps writing.
        with Library.open(folder, read_only=True) as ro:
            assert [i.name for i in ro.list().items] == ["theirs"]
            with pytest.raises(LibraryReadOnlyError):
                ro.add(QrSpec.text("x"))
    finally:
        stop(proc)
    with Library.open(folder) as lib:  # the lock died with its holder
        assert lib.count() == 1


def _library_with_items(folder: Path, n: int = 3) -> list[str]:
    with Library.open(folder) as lib:
        return [lib.add(QrSpec.text(f"item {i}"), name=f"item {i}").id for i in range(n)]


def test_first_close_after_changes_takes_an_automatic_backup(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    ids = _library_with_items(folder)
    [backup] = list_backups(folder)
    conn = sqlite3.connect(backup)
    assert {r[0] for r in conn.execute("SELECT id FROM items")} == set(ids)
    conn.close()
    Library.open(folder).close()  # nothing changed: no new backup
    assert list_backups(folder) == [backup]


def _damage_header(folder: Path) -> None:
    with open(folder / "library.db", "r+b") as fh:
        fh.write(b"this is not sqlite at all" * 4)


def test_damaged_database_is_reported_and_restored_from_the_backup(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    ids = _library_with_items(folder)
    _damage_header(folder)
    for read_only in (False, True):
        with pytest.raises(LibraryCorruptError) as caught:
            Library.open(folder, read_only=read_only)
        assert "is damaged" in str(caught.value) and "qrdesk library recover" in str(caught.value)
        assert len(caught.value.backups) == 1
    used = restore_backup(folder)
    assert used == list_backups(folder)[0]
    damaged = list(folder.glob("library.db.damaged-*"))
    assert damaged and damaged[0].read_bytes().startswith(b"this is not sqlite")  # kept aside, not deleted
    with Library.open(folder) as lib:
        assert {i.id for i in lib.all_items()} == set(ids)
        lib.add(QrSpec.text("after recovery"))


def test_damaged_database_without_backup_points_to_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _library_with_items(folder)
    for backup in list_backups(folder):
        backup.unlink()
    _damage_header(folder)
    with pytest.raises(LibraryCorruptError, match="no automatic backup exists; try opening it read-only"):
        Library.open(folder)
    with pytest.raises(Exception, match="no sound automatic backup"):
        restore_backup(folder)


def test_damaged_pages_inside_the_file_are_reported_not_crashed(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _library_with_items(folder, 500)
    path = folder / "library.db"
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)  # keep page 1 (the schema), wreck every table page
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryCorruptError, match="is damaged"), Library.open(folder) as lib:
        lib.list()
        list(lib.all_items())
    restore_backup(folder)
    with Library.open(folder) as lib:
        assert lib.count() == 500
