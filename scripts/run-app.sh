#!/usr/bin/env bash
# Sets up what QRDesk needs (first run only) and opens the app; extra arguments go to `qrdesk`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" app
exec "$root/.venv/bin/qrdesk" "$@"
