#!/usr/bin/env bash
# Per-user install of an unpacked QRDesk tarball (no root): run from inside the unpacked qrdesk/ folder.
#   ./install.sh              copy to ~/.local/share/qrdesk, link ~/.local/bin/qrdesk, add menu entry and icons
#   ./install.sh --uninstall  remove all of that (the library in ~/.local/share/QRDesk is kept)
# The system needs Qt's OpenGL/EGL and X libraries, which the bundle does not carry:
#   Debian/Ubuntu: sudo apt install libgl1 libegl1 libxkbcommon-x11-0 libxcb-cursor0
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target="$data/qrdesk"
bin="$HOME/.local/bin"
sizes=(16 32 48 64 128 256 512)

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin/qrdesk" "$data/applications/qrdesk.desktop" "$data/icons/hicolor/scalable/apps/qrdesk.svg"
    for size in "${sizes[@]}"; do rm -f "$data/icons/hicolor/${size}x${size}/apps/qrdesk.png"; done
    rm -rf "$target"
    echo "QRDesk removed (your library was kept)"
    exit 0
fi

mkdir -p "$data/applications" "$data/icons" "$bin"
if [ "$here" != "$target" ]; then
    # Copy beside the old version first so a failed copy never leaves the user without a working app.
    rm -rf "$target.new"
    cp -a "$here" "$target.new"
    rm -rf "$target"
    mv "$target.new" "$target"
fi
ln -sfn "$target/qrdesk" "$bin/qrdesk"
sed -e "s|^Exec=.*|Exec=$target/qrdesk|" "$target/share/applications/qrdesk.desktop" > "$data/applications/qrdesk.desktop"
cp -a "$target/share/icons/." "$data/icons/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "QRDesk installed in $target; run 'qrdesk' or pick QRDesk from the applications menu"
