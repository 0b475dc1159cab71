#!/usr/bin/env bash
# Installs what the tests need beyond JDK 17 + Maven: redis-server (policy-redis tests start their own on a free
# loopback port). Idempotent; uses sudo only when not root.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
# the Debian package may start a system service on 6379; the tests do not use it
