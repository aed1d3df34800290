#!/usr/bin/env bash
# Builds the sync service image without a Docker engine, the same way here (CI) and in the release workflow:
#   1. the pinned base (sync-service/image/base.env) as a root filesystem by mmdebstrap, imported into podman
#      under a tag naming the snapshot and a hash of the recipe (a changed package list makes a new base);
#   2. at the same time, the service's wheels with constraints.txt on this machine (pip inside the image never
#      reaches an index). Downloaded wheels are kept in a wheelhouse keyed by the pins (constraints.txt, the
#      service's pyproject.toml, the Python version), so a rebuild with unchanged pins needs no index at all;
#   3. sync-service/Dockerfile built by podman on a staged context (only what it copies; the checkout is untouched).
# Usage: scripts/build-image.sh TAG [OUT.tar]   (OUT: also save the image as an OCI archive, e.g. for a scanner)
# QRDESK_IMAGE_MIRROR overrides the Debian archive (default: the snapshot of base.env); QRDESK_WHEELHOUSE the
# wheelhouse folder (default ~/.cache/qrdesk/wheelhouse). Needs root or rootless podman with uidmap; Debian
# packages: mmdebstrap podman runc uidmap (scripts/setup.sh test installs them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tag=${1:?usage: build-image.sh TAG [OUT.tar]}
out=${2:-}
# shellcheck source=../sync-service/image/base.env
source sync-service/image/base.env
mirror=${QRDESK_IMAGE_MIRROR:-http://snapshot.debian.org/archive/debian/$DEBIAN_SNAPSHOT}
python=${PYTHON:-.venv/bin/python}
# The base's recipe; its hash is part of the base's tag. Documentation, manual pages and translations are not
# installed (copyright files are: licences travel with the binaries). The merged-usr hook sets up /bin -> usr/bin
# itself, so usrmerge and the perl it needs are not installed and converted (half the packages, half the size).
# force-unsafe-io: dpkg does not fsync every file of a root filesystem that is a tarball a minute later.
mm_opts=(--variant=essential "--include=$BASE_PACKAGES" --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
         --dpkgopt=force-unsafe-io "--dpkgopt=path-exclude=/usr/share/doc/*"
         "--dpkgopt=path-include=/usr/share/doc/*/copyright" "--dpkgopt=path-exclude=/usr/share/man/*"
         "--dpkgopt=path-exclude=/usr/share/info/*" "--dpkgopt=path-exclude=/usr/share/locale/*")
recipe=$(printf '%s\n' "$DEBIAN_SUITE" "$DEBIAN_SNAPSHOT" "${mm_opts[@]}" | sha256sum | cut -c1-12)
base="localhost/qrdesk-base:$DEBIAN_SUITE-$DEBIAN_SNAPSHOT-$recipe"
podman=(podman --runtime runc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$SECONDS

build_base() {
    "${podman[@]}" image exists "$base" && return
    echo "build-image: base $base from $mirror"
    mmdebstrap --quiet --mode=root "${mm_opts[@]}" --aptopt='Acquire::Check-Valid-Until "false"' \
        "$DEBIAN_SUITE" "$work/rootfs.tar" "$mirror"
    "${podman[@]}" import --quiet "$work/rootfs.tar" "$base" >/dev/null
    rm -f "$work/rootfs.tar"
}

pip_wheel() {
    "$python" -m pip wheel --quiet --disable-pip-version-check -c constraints.txt "$@" 2>&1 \
        | { grep -v "^WARNING: Location" || true; }
}

build_wheels() {
    local pip key house
    pip=$("$python" -m pip --version | cut -d' ' -f2)
    key=$(cat constraints.txt sync-service/pyproject.toml <("$python" -c 'import sys; print(sys.version_info[:2])') \
          <(echo "pip $pip") | sha256sum | cut -c1-16)
    house=${QRDESK_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/qrdesk/wheelhouse}/$key
    if [ ! -d "$house" ]; then
        echo "build-image: wheelhouse $house from the index"
        # Filled aside and renamed when complete: another checkout may build at the same time.
        mkdir -p "$(dirname "$house")"
        local fill
        fill=$(mktemp -d "$house.XXXXXX")
        # setuptools (pinned) builds the service's wheel; pip (this machine's) installs inside the image.
        pip_wheel -w "$fill" "$work/src/sync-service[cloud]" setuptools "pip==$pip"
        rm -f "$fill"/qrdesk_sync_service-*.whl
        mv -T "$fill" "$house" 2>/dev/null || rm -rf "$fill"  # lost the race: the other one is as good
    fi
    cp "$house"/*.whl "$work/ctx/wheels/"  # resolved again, offline, by pip inside the image
    pip_wheel --no-deps --no-index --find-links "$house" -w "$work/ctx/wheels" "$work/src/sync-service"
    ls "$work/ctx/wheels"/qrdesk_sync_service-*.whl >/dev/null
    echo "build-image: wheels ready after $((SECONDS - start)) s"
}

mkdir -p "$work/ctx/wheels" "$work/ctx/cloud_sync" "$work/src"
# The service's wheel is built from a copy without build/ or *.egg-info: setuptools builds in the tree it is
# given, and a stale build/lib would put modules deleted since into the wheel.
cp -r sync-service "$work/src/sync-service"
rm -rf "$work/src/sync-service/build" "$work/src/sync-service/"*.egg-info
build_wheels > "$work/wheels.log" 2>&1 &
wheels=$!
build_base
echo "build-image: base ready after $((SECONDS - start)) s"
if ! wait "$wheels"; then
    cat "$work/wheels.log" >&2
    echo "build-image: wheels failed" >&2
    exit 1
fi
cat "$work/wheels.log"
cp -r sync-service "$work/ctx/sync-service"
cp constraints.txt "$work/ctx/"
# The wire protocol only (the service imports nothing else of cloud_sync, and nothing of app: lint-imports).
cp cloud_sync/__init__.py cloud_sync/protocol.py cloud_sync/records.py "$work/ctx/cloud_sync/"
cp cloud_sync/checks.py cloud_sync/frames.py "$work/ctx/cloud_sync/"
rm -rf "$work/ctx/sync-service/build" "$work/ctx/sync-service/"*.egg-info

echo "build-image: podman build $tag"
# --layers=false: one committed layer per stage instead of one per instruction (nothing reuses them).
"${podman[@]}" build --quiet --pull=never --layers=false --format docker --build-arg "BASE=$base" \
    -f "$work/ctx/sync-service/Dockerfile" -t "$tag" "$work/ctx" >/dev/null
if [ -n "$out" ]; then
    "${podman[@]}" save --format oci-archive -o "$out" "$tag"
fi
echo "build-image: $tag built in $((SECONDS - start)) s"
