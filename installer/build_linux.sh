#!/usr/bin/env bash
# Builds the Linux one-folder bundle and a tarball that carries the .desktop file and icons:
#   installer/build_linux.sh [OUT]      (default OUT: dist/) -> OUT/qrdesk/ and OUT/qrdesk-VERSION-linux-ARCH.tar.gz
# Needs the app installed in .venv with PyInstaller (scripts/setup.sh app && .venv/bin/pip install pyinstaller).
# An AppImage is made too when `appimagetool` is already on PATH: it is not packaged on PyPI, npm or Debian, so
# this script never fetches it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
work=${QRDESK_BUILD_DIR:-$root/build}
py=${PYTHON:-$root/.venv/bin/python}
cd "$root"

"$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$work" installer/qrdesk.spec
bundle="$out/qrdesk"
version=$("$py" -c 'import app; print(app.__version__)')
arch=$(uname -m)

# Desktop integration files live inside the bundle so the tarball is self-describing.
share="$bundle/share"
mkdir -p "$share/applications"
cp resources/linux/qrdesk.desktop "$share/applications/qrdesk.desktop"
"$py" - "$share/icons/hicolor" <<'EOF'
import sys
from pathlib import Path

from app.core.svgraster import svg_to_image

svg = Path("resources/icons/qrdesk.svg")
theme = Path(sys.argv[1])
(theme / "scalable/apps").mkdir(parents=True, exist_ok=True)
(theme / "scalable/apps/qrdesk.svg").write_bytes(svg.read_bytes())
for size in (16, 32, 48, 64, 128, 256, 512):
    folder = theme / f"{size}x{size}/apps"
    folder.mkdir(parents=True, exist_ok=True)
    svg_to_image(svg.read_bytes(), width=size, height=size).save(folder / "qrdesk.png")
EOF
install -m 0755 installer/linux/install.sh "$bundle/install.sh"

tarball="$out/qrdesk-$version-linux-$arch.tar.gz"
tar -C "$out" -czf "$tarball" qrdesk
echo "built $bundle ($(du -sh "$bundle" | cut -f1)) and $tarball ($(du -h "$tarball" | cut -f1))"

if command -v appimagetool >/dev/null; then
    appdir="$work/QRDesk.AppDir"
    rm -rf "$appdir" && mkdir -p "$appdir/usr"
    cp -a "$bundle" "$appdir/usr/qrdesk"
    cp "$share/applications/qrdesk.desktop" "$appdir/qrdesk.desktop"
    cp "$share/icons/hicolor/256x256/apps/qrdesk.png" "$appdir/qrdesk.png"
    printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/qrdesk/qrdesk" "$@"\n' > "$appdir/AppRun"
    chmod +x "$appdir/AppRun"
    ARCH=$arch appimagetool --no-appstream "$appdir" "$out/QRDesk-$version-$arch.AppImage"
else
    echo "appimagetool not on PATH: no AppImage (the tarball is the Linux download)"
fi
