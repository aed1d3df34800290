"""Schemathesis fuzzes the service's OpenAPI: no 5xx, and responses match the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .helpers import make_token


def test_schemathesis_finds_no_server_errors(local_service, tmp_path: Path) -> None:
    exe = str(Path(sys.executable).parent / "schemathesis")  # a dev dependency: missing means a broken setup
    assert Path(exe).exists(), f"{exe} is missing: run scripts/setup.sh test"
    token = make_token("fuzz", "fuzzer", store="local", data_dir=str(local_service.data_dir))
    out = subprocess.run(
        [exe, "run", f"{local_service.url}/openapi.json",
         "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance",
         "--max-examples", "25", "--phases", "examples,coverage,fuzzing", "--request-timeout", "10",
         "-H", f"Authorization: Bearer {token}", "--no-color"],
        capture_output=True, text=True, timeout=180, cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
