#!/usr/bin/env bash
# The default build (search on) of two policyglot binaries side by side, on synthetic
# projects of several sizes × 3 locales: wall time, CPU time (user + system) and peak
# RSS, median of RUNS runs each from an emptied output folder, the two binaries in turn
# (A B A B…) so that both see the same load.
#
#   bench/search-scale.sh BEFORE_BIN AFTER_BIN             # 300 and 3000 topics, 3 runs
#   RUNS=5 SIZES="300" bench/search-scale.sh BEFORE_BIN AFTER_BIN
#
# Projects are made by this checkout's `examples/synth` (release build) in WORK (tmpfs).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BIN AFTER_BIN" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install time" >&2; exit 2; }
bins=("$(realpath "$1")" "$(realpath "$2")")
RUNS=${RUNS:-3}
read -r -a SIZES <<<"${SIZES:-300 3000}"
WORK=${WORK:-/dev/shm/policyglot-search-scale}
mkdir -p "$WORK"
cargo build --release --locked -q --example synth
TARGET=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "| topics × 3 | binary | wall s (median) | CPU s (median) | peak RSS MiB (median) | runs |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
  project=$WORK/s$n
  [ -d "$project/policy" ] || "$TARGET/release/examples/synth" --topics "$n" --locales 3 --out "$project" >/dev/null
  for i in $(seq "$RUNS"); do
    for b in 0 1; do
      rm -rf "$WORK/out"
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.$b.$i" "${bins[$b]}" --root "$project" build --out "$WORK/out" >/dev/null
    done
  done
  for b in 0 1; do
    wall=$(for i in $(seq "$RUNS"); do cut -d' ' -f1 "$WORK/time.$b.$i"; done | median)
    cpu=$(for i in $(seq "$RUNS"); do awk '{print $2 + $3}' "$WORK/time.$b.$i"; done | median)
    rss=$(for i in $(seq "$RUNS"); do awk '{printf "%.0f\n", $4 / 1024}' "$WORK/time.$b.$i"; done | median)
    echo "| $n | ${bins[$b]} | $wall | $cpu | $rss | $RUNS |"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
