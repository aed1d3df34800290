"""The checkout guard fails a run whose tests change a tracked file or leave a new one, and names it.

The inner runs happen in this process, so their test modules have names no file of the real suite has."""

from __future__ import annotations

import subprocess

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture
def checkout(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest('pytest_plugins = ["tests.checkout_guard"]')
    pytester.makefile(".md", README="# a tracked file\n")
    (pytester.path / ".gitignore").write_text("out/\n__pycache__/\n")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=pytester.path, check=True, capture_output=True)
    return pytester


def test_a_test_that_rewrites_a_tracked_file_fails_the_run(checkout: pytest.Pytester) -> None:
    checkout.makepyfile(test_guard_probe_writer='def test_writes():\n    open("README.md", "w").write("changed")\n')
    subprocess.run(["git", "add", "test_guard_probe_writer.py"], cwd=checkout.path, check=True)
    result = checkout.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*the suite changed files of the checkout*README.md*"])


def test_new_files_count_but_ignored_and_tmp_ones_do_not(checkout: pytest.Pytester) -> None:
    checkout.makepyfile(test_guard_probe_litter=(
        'import os\ndef test_ok(tmp_path):\n    os.makedirs("out", exist_ok=True)\n'
        '    open("out/x.png", "w").write("ignored")\n    (tmp_path / "y").write_text("y")\n'
        'def test_litter():\n    open("stray.png", "w").write("new")\n'))
    subprocess.run(["git", "add", "test_guard_probe_litter.py"], cwd=checkout.path, check=True)
    result = checkout.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*the suite changed files of the checkout*: stray.png"])
