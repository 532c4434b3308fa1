#!/usr/bin/env bash
# Times `check` on hostile 1 MB inputs (issue 15): wall seconds and peak memory per case.
#   bench/hostile.sh            # builds the release binary, prints one line per case
# Each case is the real project with one file replaced (policy.yaml) or added
# (locales/fr/hostile.ftl). Every case must end with status 1 and a located error.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin=${CARGO_TARGET_DIR:-target}/release/policyglot
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, shutil, sys
work = sys.argv[1]
def project(name, policy=None, ftl=None):
    d = os.path.join(work, name)
    for part in ['policy', 'locales', 'templates']:
        shutil.copytree(part, os.path.join(d, part))
    if policy is not None:
        open(os.path.join(d, 'policy/policy.yaml'), 'w').write(policy)
    if ftl is not None:
        open(os.path.join(d, 'locales/fr/hostile.ftl'), 'w').write(ftl)
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
PY
for case in yaml-aliases yaml-flow-nesting yaml-block-nesting ftl-deep-nesting ftl-3000-placeables ftl-77k-errors; do
  for format in human json; do
    set +e
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --root "$work/$case" check --format "$format" >/dev/null 2>&1
    code=$?
    set -e
    read -r secs kb < <(tail -n 1 "$work/time")
    printf '| %s | %s | %s | %s s | %s MiB |\n' "$case" "$format" "$code" "$secs" "$((kb / 1024))"
  done
done
