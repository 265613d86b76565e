#!/usr/bin/env bash
# Installs the Debian packages wirenews needs, only those that are missing.
set -eu
pkgs="lua5.4 liblua5.4-dev lua-lpeg lua-busted lua-cjson luarocks cmake gcc make"
[ -n "${WN_EXTRA_PKGS:-}" ] && pkgs="$pkgs $WN_EXTRA_PKGS"
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "wirenews: missing Debian packages:$missing" >&2
  echo "wirenews: run as root, or: sudo apt-get install$missing" >&2
  exit 1
fi
echo "wirenews: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
