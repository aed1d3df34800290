#!/usr/bin/env bash
# Sets up everything QRDesk needs on a fresh Debian-like machine; safe to run again (skips what is there).
#   scripts/setup.sh app    -> system libraries for Qt + the Python venv with the app
#   scripts/setup.sh test   -> the above + test tools (Prometheus, Xvfb, Azurite, checkov, sync service)
set -euo pipefail
profile=${1:-app}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

apt_app=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
         libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-dejavu-core
         libzbar0)
# libcairo2: for cairosvg, the tests' second SVG renderer (the app draws SVG with resvg: no system library)
apt_test=(libcairo2 prometheus xvfb x11-apps x11-utils xauth imagemagick qrencode rclone poppler-utils
          mmdebstrap podman runc uidmap)  # the last four build and run the sync service image (scripts/build-image.sh)

need=()
want=("${apt_app[@]}")
[ "$profile" = test ] && want+=("${apt_test[@]}")
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing Debian packages: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
extras="gui,sync"
[ "$profile" = test ] && extras="gui,sync,dev"
stamp=".venv/.qrdesk-$profile-$(cat pyproject.toml constraints.txt sync-service/pyproject.toml 2>/dev/null | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
    echo "setup: installing Python packages ($profile)"
    args=(-c constraints.txt -e ".[$extras]")
    [ "$profile" = test ] && [ -f sync-service/pyproject.toml ] && args+=(-e "./sync-service[dev]")
    "${pip[@]}" "${args[@]}"
    touch "$stamp"
fi
# The translation catalogues (.qm) are build output: compiled from resources/translations/*.ts when newer.
.venv/bin/python scripts/translations.py build

if [ "$profile" = test ]; then
    if [ -f package-lock.json ] && [ ! -x node_modules/.bin/azurite-blob ]; then
        echo "setup: installing Azurite (npm)"
        npm ci --no-audit --no-fund --loglevel=error >/dev/null
    fi
    if [ -x scripts/install-checkov.sh ] && [ ! -x .venv-checkov/bin/checkov ]; then
        echo "setup: installing checkov"
        scripts/install-checkov.sh
    fi
fi
