#!/usr/bin/env bash
# Builds dist/QRDesk.app with PyInstaller and wraps it in a compressed disk image with an /Applications link:
#   installer/macos/build_dmg.sh          -> dist/QRDesk-VERSION-macos-ARCH.dmg
# Run on macOS from anywhere, with the app and PyInstaller installed in .venv (or PYTHON=...); no system
# library is needed (SVG is drawn by resvg from its wheel).
# Signing: set QRDESK_CODESIGN_IDENTITY (the spec passes it to PyInstaller); notarisation is a separate step.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
cd "$root"

"$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/qrdesk.spec
version=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' dist/QRDesk.app/Contents/Info.plist)
dmg="dist/QRDesk-$version-macos-$(uname -m).dmg"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R dist/QRDesk.app "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "QRDesk $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "built $dmg"
