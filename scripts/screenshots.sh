#!/usr/bin/env bash
# Screenshots of the index and one article per language, at 1280 px and 375 px wide,
# with headless Chromium (Debian `chromium`), for reviewing the look of the published site.
#   scripts/screenshots.sh [out-dir]      (default: target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
site=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$site" "$profile"; kill "$server" 2>/dev/null || true' EXIT
cargo run --release -q -- build --out "$site/site" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/site" >/dev/null 2>&1 &
server=$!
sleep 0.5
shoot() { # page width height name [extra chromium flags]
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$2,$3" ${5:-} \
    --screenshot="$out/$4.png" "http://127.0.0.1:$port/$1" >/dev/null 2>&1
}
for lang in en fr de; do
  for width in 1280 375; do
    height=$([ "$width" = 1280 ] && echo 1100 || echo 1800)
    shoot "$lang/index.html" "$width" "$height" "$lang-index-$width"
    shoot "$lang/data-retention.html" "$width" "$height" "$lang-retention-$width"
  done
done
shoot "fr/conversations-and-training.html" 1280 1400 "fr-conversations-dark-1280" "--force-dark-mode --blink-settings=preferredColorScheme=0"
shoot "index.html?choose" 1280 700 "root-1280"
ls "$out"
