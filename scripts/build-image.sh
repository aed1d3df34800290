#!/usr/bin/env bash
# Builds the sync service image without a Docker engine, the same way here (CI) and in the release workflow:
#   1. the pinned base (sync-service/image/base.env) as a root filesystem by mmdebstrap, imported into podman;
#   2. the service's wheels with constraints.txt on this machine (pip inside the image never reaches an index);
#   3. sync-service/Dockerfile built by podman on a staged context (only what it copies; the checkout is untouched).
# Usage: scripts/build-image.sh TAG [OUT.tar]   (OUT: also save the image as an OCI archive, e.g. for a scanner)
# QRDESK_IMAGE_MIRROR overrides the Debian archive (default: the snapshot of base.env). Needs root or rootless
# podman with uidmap; Debian packages: mmdebstrap podman runc uidmap (scripts/setup.sh test installs them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tag=${1:?usage: build-image.sh TAG [OUT.tar]}
out=${2:-}
# shellcheck source=../sync-service/image/base.env
source sync-service/image/base.env
mirror=${QRDESK_IMAGE_MIRROR:-http://snapshot.debian.org/archive/debian/$DEBIAN_SNAPSHOT}
python=${PYTHON:-.venv/bin/python}
base="localhost/qrdesk-base:$DEBIAN_SUITE-$DEBIAN_SNAPSHOT"
podman=(podman --runtime runc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$SECONDS

if ! "${podman[@]}" image exists "$base"; then
    echo "build-image: base $base from $mirror"
    mmdebstrap --quiet --mode=root --variant=essential --include="$BASE_PACKAGES" \
        --aptopt='Acquire::Check-Valid-Until "false"' "$DEBIAN_SUITE" "$work/rootfs.tar" "$mirror"
    "${podman[@]}" import --quiet "$work/rootfs.tar" "$base" >/dev/null
    rm -f "$work/rootfs.tar"
fi

echo "build-image: wheels (constraints.txt)"
mkdir -p "$work/ctx/wheels" "$work/ctx/cloud_sync"
"$python" -m pip wheel --quiet --disable-pip-version-check --no-cache-dir -c constraints.txt \
    -w "$work/ctx/wheels" "./sync-service[cloud]" 2>&1 | grep -v "^WARNING: Location" || true
ls "$work/ctx/wheels"/qrdesk_sync_service-*.whl >/dev/null
cp -r sync-service "$work/ctx/sync-service"
cp constraints.txt "$work/ctx/"
# The wire protocol only (the service imports nothing else of cloud_sync, and nothing of app: lint-imports).
cp cloud_sync/__init__.py cloud_sync/protocol.py cloud_sync/records.py cloud_sync/checks.py "$work/ctx/cloud_sync/"
rm -rf "$work/ctx/sync-service/build" "$work/ctx/sync-service/"*.egg-info

echo "build-image: podman build $tag"
"${podman[@]}" build --quiet --pull=never --format docker --build-arg "BASE=$base" \
    -f "$work/ctx/sync-service/Dockerfile" -t "$tag" "$work/ctx" >/dev/null
podman image prune --force >/dev/null  # the build stage's untagged layers
if [ -n "$out" ]; then
    "${podman[@]}" save --format oci-archive -o "$out" "$tag"
fi
echo "build-image: $tag built in $((SECONDS - start)) s"
