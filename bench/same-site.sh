#!/usr/bin/env bash
# Two policyglot binaries build the same sites: are they identical apart from the search
# index? Builds the real project and a synthetic one with each binary (search on), then
# compares every file outside `pagefind/` (must be equal: exit 1 otherwise) and says
# whether the search bundles are byte-identical too, and which of their files differ.
#
#   bench/same-site.sh BEFORE_BIN AFTER_BIN            # real site and 300 topics × 3
#   TOPICS=3000 bench/same-site.sh BEFORE_BIN AFTER_BIN
#
# The synthetic project is made by this checkout's `examples/synth` (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BIN AFTER_BIN" >&2; exit 2; }
before=$(realpath "$1") after=$(realpath "$2")
TOPICS=${TOPICS:-300}
WORK=${WORK:-/dev/shm/policyglot-same-site}
rm -rf "$WORK" && mkdir -p "$WORK"
cargo build --release --locked -q --example synth
TARGET=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
"$TARGET/release/examples/synth" --topics "$TOPICS" --locales 3 --out "$WORK/synth" >/dev/null
status=0
for project in "$PWD" "$WORK/synth"; do
  name=$(basename "$project")
  "$before" --root "$project" build --out "$WORK/$name-before" >/dev/null
  "$after" --root "$project" build --out "$WORK/$name-after" >/dev/null
  if diff -r --exclude=pagefind "$WORK/$name-before" "$WORK/$name-after" >"$WORK/$name.diff"; then
    echo "$name: identical outside pagefind/ ($(find "$WORK/$name-after" -type f -not -path '*/pagefind/*' | wc -l) files)"
  else
    echo "$name: DIFFERENT outside pagefind/ (see $WORK/$name.diff)"
    status=1
  fi
  if diff -rq "$WORK/$name-before/pagefind" "$WORK/$name-after/pagefind" >"$WORK/$name.pagefind.diff"; then
    echo "$name: search bundle byte-identical ($(find "$WORK/$name-after/pagefind" -type f | wc -l) files)"
  else
    echo "$name: search bundle differs in $(wc -l <"$WORK/$name.pagefind.diff") entries (allowed; see $WORK/$name.pagefind.diff)"
  fi
done
exit $status
