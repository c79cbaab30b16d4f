#!/usr/bin/env bash
# Installs the .deb of `make package` on a fresh, minimal Debian 12 and uses it there as a new
# user would: a debootstrap chroot (minbase) in a temporary folder, `apt install` of the .deb
# (so its Depends are all it gets), then, as an ordinary user, salesc --version, check, emit
# svg and png, analyze and report on the bundled examples. The PNG is kept for a person to
# look at. Needs root, debootstrap and the network (about 150 MB), so it is not part of
# `make test`; docs/install.md says when it was last run and what it found.
#
#   sudo scripts/fresh-debian-check.sh [build/salesc_VERSION_amd64.deb] [KEEP_DIR]
set -euo pipefail
root_dir="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls "$root_dir"/build/salesc_*_amd64.deb | head -1)}"
keep="${2:-$PWD/fresh-debian}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian-check: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "fresh-debian-check: apt-get install debootstrap" >&2; exit 1; }
[ -f "$deb" ] || { echo "fresh-debian-check: no .deb at $deb (run make package)" >&2; exit 1; }

chroot_dir="$(mktemp -d /tmp/salesc-debian12.XXXXXX)"
chmod 755 "$chroot_dir" # a system root: every user reads it
cleanup() {
  umount "$chroot_dir/proc" 2>/dev/null || true
  rm -rf "$chroot_dir"
}
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >/dev/null
mount -t proc proc "$chroot_dir/proc"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
cp "$deb" "$chroot_dir/tmp/salesc.deb"
mkdir "$chroot_dir/tmp/examples"
cp "$root_dir"/examples/*.sales "$chroot_dir/tmp/examples/"
chroot "$chroot_dir" bash -c "apt-get update -qq && apt-get install -y -qq ./tmp/salesc.deb >/dev/null 2>&1"
chroot "$chroot_dir" useradd -m consultant
chroot "$chroot_dir" su consultant -c '
  set -e
  cd /tmp/examples
  salesc --version
  for f in *.sales; do salesc check "$f"; done
  salesc emit --to=svg quickstart.sales -o /tmp/quickstart.svg
  salesc emit --to=png quickstart.sales -o /tmp/quickstart.png
  salesc analyze quickstart.sales >/dev/null
  salesc report quickstart.sales -o /tmp/report >/dev/null
  test -s /tmp/report/index.html
  fc-match "Liberation Sans" | grep -q Liberation
  echo "fresh-debian-check: salesc works on a fresh Debian 12"
'
mkdir -p "$keep"
cp "$chroot_dir/tmp/quickstart.png" "$chroot_dir/tmp/quickstart.svg" "$keep/"
echo "fresh-debian-check: look at $keep/quickstart.png"
