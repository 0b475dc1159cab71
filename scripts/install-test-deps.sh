#!/usr/bin/env bash
# Installs what the tests need beyond JDK 17 + Maven, each only when missing (idempotent; uses sudo only when not
# root):
#   redis-server      policy-redis tests start their own on a free loopback port
#   chromium          the samples' browser test drives /usr/bin/chromium headless (a real CORS preflight)
#   curl              the adapters' curl tests
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
# the Debian redis-server package may start a system service on 6379; the tests do not use it
