#!/usr/bin/env bash
# Times `check` (and `build`, for the shapes that are large rather than malformed) on
# hostile ~1 MB inputs (issues 15 and 27): median wall seconds and peak RSS per case.
#   bench/hostile.sh                      # builds the release binary, one row per case
#   bench/hostile.sh --runs 5             # median of 5 runs (default 3)
#   bench/hostile.sh --before OLD_BINARY  # the same cases with another binary too, same run
#   bench/hostile.sh --only items-100k    # cases whose name contains this
#   bench/hostile.sh --timeout 60         # a run killed after this many seconds (default 60)
# Each case is the real project with one file replaced (policy.yaml), extended (one more
# block in policy.yaml) or added (locales/<tag>/hostile.ftl). The malformed ones must end
# with status 1 and a located error; the large ones with the findings they earn.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 before='' only='' limit=60
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    *) echo "usage: bench/hostile.sh [--runs N] [--before BINARY] [--only NAME]" >&2; exit 2 ;;
  esac
done
cargo build --release --locked -q
bin=${CARGO_TARGET_DIR:-target}/release/policyglot
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, shutil, sys
work = sys.argv[1]
def project(name, policy=None, ftl=None, ftl_locale='fr'):
    d = os.path.join(work, name)
    for part in ['policy', 'locales', 'templates']:
        shutil.copytree(part, os.path.join(d, part))
    if policy is not None:
        open(os.path.join(d, 'policy/policy.yaml'), 'w').write(policy)
    if ftl is not None:
        open(os.path.join(d, f'locales/{ftl_locale}/hostile.ftl'), 'w').write(ftl)
bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"; i = 1
while len(bomb) < 1_000_000:
    bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]\n"; i += 1
project('yaml-aliases', policy=bomb)
flow = ''
while len(flow) < 1_000_000:
    flow += '- ' + '[' * 100 + ']' * 100 + '\n'
project('yaml-flow-nesting', policy=flow)
project('yaml-block-nesting', policy=''.join(f"{' ' * i}k:\n" for i in range(1400)))
deep = 'ok = fine\n'
while len(deep) < 1_000_000:
    deep += f'm{len(deep)} = ' + '{' * 40 + 'x' + '}' * 40 + '\n'
project('ftl-deep-nesting', ftl=deep)
noisy = ''; n = 0
while len(noisy) < 1_000_000:
    noisy += f"broken{n} = {{ ]\ndup = x\n"; n += 1
project('ftl-77k-errors', ftl=noisy)
project('ftl-3000-placeables', ftl='deep = ' + '{ ' * 3000 + 'x' + ' }' * 3000 + '\n')
# One block of N items with no messages (issue 27: 50,000 took 10.6 s, 100,000 > 20 s):
# a page of its own, the block in the last version (the policy ends inside its blocks),
# cited by that version's press source.
real = open('policy/policy.yaml').read()
def items(n):
    # the page goes at the end of `pages:` (before the comment that opens `versions:`)
    page = '  - id: hostile\n    blocks: [hostile]\n'
    policy = real.replace("\n# The policy's versions", page + "\n# The policy's versions", 1)
    # a source of the last version cites the block, so its items need no source of their own
    cite = "          - { fact: update-reasons,"
    policy = policy.replace(cite, '          - { fact: hostile, passage: "a annoncé une mise à jour" }\n' + cite, 1)
    assert policy != real
    return policy.rstrip('\n') + '\n      - id: hostile\n        items: [' + ', '.join(f'i{k}' for k in range(n)) + ']\n'
project('items-50k', policy=items(50_000))
project('items-100k', policy=items(100_000))
# 100,000 English messages no page asks for (issue 27: 519 MB for check, 540 for build).
project('en-messages-100k', ftl=''.join(f'm{k} = x\n' for k in range(100_000)), ftl_locale='en')
PY
malformed="yaml-aliases yaml-flow-nesting yaml-block-nesting ftl-deep-nesting ftl-3000-placeables ftl-77k-errors"
large="items-50k items-100k en-messages-100k"
# median of the runs' wall, peak RSS and CPU: prints "wall MiB cpu exit"
measure() {
  local binary=$1 case=$2; shift 2
  local code=0
  : >"$work/times"
  for _ in $(seq "$runs"); do
    rm -rf "$work/$case/site"
    set +e
    timeout "$limit" /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$binary" --root "$work/$case" "$@" >/dev/null 2>&1
    code=$?
    set -e
    if [ "$code" = 124 ]; then
      echo "killed" >>"$work/times"
      break
    fi
    tail -n 1 "$work/time" >>"$work/times"
  done
  python3 -c '
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
if ["killed"] in rows:
    print(f">{sys.argv[2]} - -", end="")
    sys.exit(0)
med = lambda k: statistics.median(float(r[k]) for r in rows)
cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows)
print(f"{med(0):.2f} {int(med(1)) // 1024} {cpu:.2f}", end="")' "$work/times" "$limit"
  echo " $code"
}
row() {
  local case=$1; shift
  [ -z "$only" ] || [[ $case == *"$only"* ]] || return 0
  local after; after=$(measure "$bin" "$case" "$@")
  if [ -n "$before" ]; then
    local old; old=$(measure "$before" "$case" "$@")
    read -r ow om ou oc <<<"$old"; read -r nw nm nu nc <<<"$after"
    printf '| %s | %s | %s → %s | %s s → %s s | %s s → %s s | %s MiB → %s MiB |\n' "$case" "$*" "$oc" "$nc" "$ow" "$nw" "$ou" "$nu" "$om" "$nm"
  else
    read -r nw nm nu nc <<<"$after"
    printf '| %s | %s | %s | %s s | %s s | %s MiB |\n' "$case" "$*" "$nc" "$nw" "$nu" "$nm"
  fi
}
echo "| case | command | exit | wall (median of $runs) | CPU (user + system) | peak RSS |"
echo "|---|---|---|---|---|---|"
for case in $malformed; do
  for format in human json; do row "$case" check --format "$format"; done
done
for case in $large; do
  row "$case" check
  row "$case" build
done
