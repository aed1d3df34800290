#!/usr/bin/env bash
# Sets up what QRDesk needs (first run only) and opens the app; extra arguments go to `qrdesk`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Setup talks on stderr: stdout is the command's own (scripts/run-app.sh library list | head).
"$root/scripts/setup.sh" app >&2
exec "$root/.venv/bin/qrdesk" "$@"
