#!/usr/bin/env bash
# Runs every test: unit, integration and the headless-Chromium browser tests (the
# `browser-tests` feature). Installs Debian's chromium and chromium-driver first when
# they are missing. Extra arguments go to `cargo test` (e.g. a test name filter).
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "scripts/test.sh: installing chromium and chromium-driver for the browser tests" >&2
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "scripts/test.sh: run as root, or install chromium and chromium-driver yourself" >&2
    exit 2
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
fi

exec cargo test --locked --features browser-tests "$@"
