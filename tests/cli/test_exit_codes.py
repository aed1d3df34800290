"""Exit codes as the README defines them: 0 done, 1 failed result, 2 bad input, 3 try again; quiet broken pipes."""

from __future__ import annotations

import errno
import io
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.cli.exit_codes import ExitCode
from app.core.library import Library
from app.core.spec import QrSpec
from tests.cli.procs import DRIVER, REPO, run_qrdesk
from tests.platforms import posix_pipes

URL = "https://example.com/exit"


def test_readme_documents_every_exit_code() -> None:
    section = (REPO / "README.md").read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = {int(n) for n in re.findall(r"^\| `(\d+)` \|", section, re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


def test_done_failed_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.png"
    assert main(["make", URL, "-o", str(good)]) == ExitCode.OK
    assert main(["verify", str(good), "--expect", "something else"]) == ExitCode.FAILED
    # A style that cannot scan: not written, and the result is a failure (not an input error).
    assert main(["make", URL, "-o", str(tmp_path / "pale.png"), "--fg", "#eeeeee"]) == ExitCode.FAILED
    assert not (tmp_path / "pale.png").exists()
    assert main(["make", URL, "-o", str(tmp_path / "x.gif")]) == ExitCode.USAGE
    assert main(["make", "--kind", "wifi", "--field", "ssid=x", "--field", "password=short",
                 "-o", str(tmp_path / "w.png")]) == ExitCode.USAGE
    with pytest.raises(SystemExit) as usage:
        main(["make", URL, "-o", str(tmp_path / "x.png"), "--no-such-option"])
    assert usage.value.code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err


class _FullDisk(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_disk_full_means_try_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(io.BufferedWriter(_FullDisk())))
    assert main(["make", URL, "-o", "-", "--format", "png"]) == ExitCode.TRY_AGAIN
    err = capsys.readouterr().err
    assert err.startswith("qrdesk: error: ") and os.strerror(errno.ENOSPC) in err and "try again" in err


def test_batch_stops_on_a_full_disk_and_says_try_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from app.core.batch import worker

    def full(folder: Path, name: str, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / name))

    monkeypatch.setattr(worker, "write_file_atomically", full)
    rows = tmp_path / "rows.txt"
    rows.write_text("".join(f"row {i}\n" for i in range(40)), encoding="utf-8")
    assert main(["batch", str(rows), "--out", str(tmp_path / "out"), "--jobs", "1"]) == ExitCode.TRY_AGAIN
    assert "try again" in capsys.readouterr().err


def test_sync_server_down_means_try_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = str(tmp_path / "lib")
    monkeypatch.setenv("QRDESK_SYNC_TOKEN", "token-for-a-server-that-is-down")
    assert main(["--library", folder, "sync", "--server", f"http://127.0.0.1:{port}"]) == ExitCode.OK
    assert main(["--library", folder, "sync"]) == ExitCode.TRY_AGAIN
    err = capsys.readouterr().err
    assert "token-for-a-server" not in err and err.count("\n") == 1


@posix_pipes
def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    for i in range(3):
        assert main(["--library", str(folder), "library", "add", f"item {i}"]) == ExitCode.OK
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written, like `| head -1` after its line
    with os.fdopen(write_end, "w") as closed_pipe:
        for args in (["library", "list"], ["make", URL, "-o", "-", "--format", "svg"]):
            result = run_qrdesk("--library", str(folder), *args, stdout=closed_pipe.fileno())
            assert (result.returncode, result.stderr) == (ExitCode.BROKEN_PIPE, ""), args


@posix_pipes
def test_head_of_a_long_listing_in_a_shell(tmp_path: Path) -> None:
    """The real pipeline: more output than a pipe holds, so the reader leaves while qrdesk still writes."""
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        for i in range(300):
            lib.add(QrSpec.text(f"item {i}"), name=f"item {i} " + "with a long name " * 40)
    script = '"$1" -c "$2" --library "$3" library list --limit 300 | head -1'
    env = {**os.environ, "PYTHONPATH": str(REPO), "QRDESK_TEST_BLOCKED": "[]"}
    result = subprocess.run(["bash", "-c", script, "sh", sys.executable, DRIVER, str(folder)],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert len(result.stdout.splitlines()) == 1 and "item" in result.stdout
    assert result.stderr == ""
