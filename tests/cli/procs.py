"""Run ``qrdesk`` as a real process, optionally with some modules made unimportable (as if not installed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Runs the CLI the way the installed `qrdesk` script does, with a meta-path finder in front that makes
# the BLOCKED top-level packages look uninstalled, and prints the imported top-level packages at the end.
DRIVER = """
import importlib.abc, json, os, sys
BLOCKED = set(json.loads(os.environ["QRDESK_TEST_BLOCKED"]))

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
from app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
report = os.environ.get("QRDESK_TEST_MODULES")
if report:
    with open(report, "w") as fh:
        json.dump(sorted({m.partition(".")[0] for m in sys.modules}), fh)
sys.exit(code)
"""


def run_qrdesk(*args: str, blocked: tuple[str, ...] = (), modules_file: Path | None = None, cwd: Path | None = None,
               stdout: int | None = subprocess.PIPE, env: dict[str, str] | None = None,
               ) -> subprocess.CompletedProcess[str]:
    import json

    full_env = {**os.environ, **(env or {}), "PYTHONPATH": str(REPO), "QRDESK_TEST_BLOCKED": json.dumps(blocked)}
    if modules_file is not None:
        full_env["QRDESK_TEST_MODULES"] = str(modules_file)
    return subprocess.run([sys.executable, "-c", DRIVER, *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=full_env, cwd=cwd or REPO, timeout=300, check=False)
