#!/usr/bin/env bash
# Starts a QRDesk executable on the current X display, waits (bounded) for its main window, screenshots the
# whole screen, then stops the app by its own PID. Run it inside `xvfb-run -a`:
#   scripts/capture-window.sh EXECUTABLE OUT.png [TIMEOUT_S]
# Prints QRDESK-ALIVE when the app was still running at the screenshot, then the QRDesk window lines of
# `xwininfo`. Needs Debian x11-utils (xwininfo) and imagemagick (import). Used by tests/installer/test_bundle.py
# and by scripts/screenshots.py --bundle.
set -u
exe=$1 out=$2 timeout=${3:-60}
"$exe" & pid=$!
for _ in $(seq 1 $(( timeout * 2 ))); do
    xwininfo -root -tree 2>/dev/null | grep -q '"QRDesk' && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
sleep 2  # let the first paint (preview, thumbnails) finish
import -window root "$out"
if kill -0 "$pid" 2>/dev/null; then echo QRDESK-ALIVE; fi
xwininfo -root -tree | grep '"QRDesk' || true
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
