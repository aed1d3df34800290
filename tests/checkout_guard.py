"""A pytest plugin: the suite must leave the checkout as it found it.

At the start of a session it fingerprints every tracked file and lists the untracked, not ignored ones; at the
end, a tracked file whose content changed or a new untracked file fails the run and is named. Tests write to
``tmp_path``; pictures for the docs are made by ``scripts/screenshots.py``. (A file you edit yourself while the
suite runs is reported too.)
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

_BEFORE = pytest.StashKey["dict[str, str] | None"]()


def _git(root: Path, *args: str) -> list[str] | None:
    try:
        done = subprocess.run(["git", *args, "-z"], cwd=root, capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None  # not a git checkout (e.g. an unpacked sdist): nothing to guard
    return [name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def _fingerprint(root: Path) -> dict[str, str] | None:
    """Content hash of every tracked file, and the untracked files git does not ignore."""
    tracked = _git(root, "ls-files")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    if tracked is None or untracked is None:
        return None
    prints = {}
    for name in tracked:
        path = root / name
        prints[name] = hashlib.sha1(path.read_bytes()).hexdigest() if path.is_file() else "absent"
    prints.update({name: "untracked" for name in untracked})
    return prints


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_BEFORE] = _fingerprint(session.config.rootpath)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_BEFORE, None)
    after = _fingerprint(session.config.rootpath)
    if before is None or after is None:
        return
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "the suite changed files of the checkout (tests must write to tmp_path): " + ", ".join(changed)
        if reporter is not None:
            reporter.write_line(message, red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
