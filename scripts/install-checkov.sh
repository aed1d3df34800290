#!/usr/bin/env bash
# Installs the pinned checkov into its own virtualenv, .venv-checkov (it is large and pins libraries the app's
# .venv must not share). Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
CHECKOV_VERSION=3.3.30
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.venv-checkov"
python=${PYTHON:-python3}

installed=$("$venv/bin/pip" show checkov 2>/dev/null || true)
if [ -x "$venv/bin/checkov" ] && grep -qx "Version: $CHECKOV_VERSION" <<<"$installed"; then
    echo "checkov $CHECKOV_VERSION already in $venv"
    exit 0
fi
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
echo "checkov $CHECKOV_VERSION installed in $venv"
