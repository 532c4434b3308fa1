#!/usr/bin/env bash
# Whole-process timings of policyglot on the real project, with hyperfine (Debian
# `hyperfine`). Medians go to stdout as Markdown; see BENCHMARKS.md for the latest run.
#   bench/run.sh            # release build, then 30 runs of each command
# "a page changed": a French sentence of a copy of the project is toggled before each run
# (bench/toggle-fr.sh), so the build re-renders, re-writes and re-indexes for search.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --locked -q
bin=target/release/policyglot
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/project" && cp -r policy locales templates "$out/project/"
hyperfine --style none -N --warmup 3 --runs 30 --export-json "$out/h.json" \
  -n check "$bin check" \
  -n build "$bin build --out $out/site" >/dev/null
hyperfine --style none -N --warmup 3 --runs 30 --export-json "$out/c.json" \
  --prepare "bench/toggle-fr.sh $out/project" \
  -n "build, a page changed" "$bin --root $out/project build --out $out/changed" >/dev/null
python3 - "$out/h.json" "$out/c.json" <<'PY'
import json, sys
for r in [r for f in sys.argv[1:] for r in json.load(open(f))["results"]]:
    t = sorted(r["times"])
    print(f"| `policyglot {r['command']}` (real site) | {r['median']*1000:.1f} ms | {t[0]*1000:.1f}–{t[-1]*1000:.1f} ms | {len(t)} |")
PY
