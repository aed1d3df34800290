"""A writer killed with SIGKILL loses nothing it committed, and leaves the library openable."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest
from procs import read_until, start_python, stop

from app.core.library import Library
from tests.platforms import posix_kill

WRITER = """
    import sys
    from app.core.library import Library
    from app.core.spec import QrSpec

    lib = Library.open(sys.argv[1] if len(sys.argv) > 1 else {folder!r})
    for i in range(40):
        item = lib.add(QrSpec.text(f"committed {{i}}"), name=f"committed {{i}}", tags=["crash"])
        lib.attach_file(item.id, "export", f"file {{i}}".encode())
        print("C", item.id, flush=True)
    if {mid_tx}:
        with lib.transaction():
            for i in range(1_000_000):
                lib.add(QrSpec.text(f"uncommitted {{i}}"), name=f"uncommitted {{i}}")
                if i == 300:
                    print("IN-TX", flush=True)
    else:
        for i in range(1_000_000):
            item = lib.add(QrSpec.text(f"committed {{40 + i}}"), name=f"committed {{40 + i}}", tags=["crash"])
            print("C", item.id, flush=True)
            if i == 100:
                print("LOOPING", flush=True)
"""


@posix_kill
@pytest.mark.parametrize("mid_tx", [True, False], ids=["inside-a-transaction", "between-commits"])
def test_sigkill_of_a_writer_keeps_every_committed_item(tmp_path: Path, mid_tx: bool) -> None:
    folder = tmp_path / "lib"
    proc = start_python(WRITER.format(folder=str(folder), mid_tx=mid_tx))
    try:
        lines = read_until(proc, "IN-TX" if mid_tx else "LOOPING")
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        stop(proc)
    committed = {line.split()[1] for line in lines if line.startswith("C ")}
    assert len(committed) >= 40

    # The OS released the dead writer's lock: a normal (writable) open works at once.
    with Library.open(folder) as lib:
        items = {item.id: item for item in lib.all_items()}
        assert committed <= items.keys()  # every commit the writer saw succeed is there
        assert all(item.name.startswith("committed") for item in items.values())  # no half transaction
        if mid_tx:
            assert items.keys() == committed
        assert lib.list("uncommitted").total == 0
        assert lib.list(tag="crash").total == len(items)
        for item in items.values():
            for ref in item.files:
                assert lib.files.read_bytes(ref.sha256) == f"file {item.name.split()[1]}".encode()
        lib.add(lib.get(next(iter(committed))).spec, name="after the crash")  # and it takes writes
    conn = sqlite3.connect(folder / "library.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
