#!/usr/bin/env bash
# Fuzz policyglot with cargo-fuzz (libFuzzer), one target at a time on one core.
#
#   fuzz/run.sh                  # every target, 60 s each (the smoke run)
#   fuzz/run.sh 600              # every target, 10 minutes each
#   fuzz/run.sh 3600 ftl         # one target for an hour
#   FUZZ_FLAGS=-a fuzz/run.sh    # with debug assertions and overflow checks (default -O:
#                                # optimized, as `cargo fuzz build -O` builds)
#
# Installs the nightly toolchain and cargo-fuzz when they are missing. Seeds each
# target's corpus (fuzz/corpus/<target>/, git-ignored) from the real project and
# tests/fixtures. A crash ends that target's run and leaves the input under
# fuzz/artifacts/<target>/ (reproduce: `cargo +nightly fuzz run <target> <file>`); the
# other targets still run, and the script exits 1 at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(policy ftl project markdown templates)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install --locked cargo-fuzz

seed() {
  local dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $1 in
    policy)
      for f in policy/policy.yaml tests/fixtures/*/policy/policy.yaml; do
        cp "$f" "$dir/$(echo "$f" | tr / _)"
      done ;;
    ftl)
      find locales tests/fixtures -name '*.ftl' | while read -r f; do
        cp "$f" "$dir/$(echo "$f" | tr / _)"
      done ;;
    markdown)
      # One seed per message of the real project and the fixtures (the text after ` = `).
      find locales tests/fixtures -name '*.ftl' | while read -r f; do
        grep -E '^[a-z-]+ = ' "$f" | sed 's/^[a-z-]* = //' | split -l 1 - "$dir/$(echo "$f" | tr / _)." || true
      done ;;
    project)
      for fixture in . tests/fixtures/brightwave; do
        [ -f "$fixture/locales/en/site.ftl" ] || continue
        { cat "$fixture/policy/policy.yaml"; echo '%%'; cat "$fixture/locales/en/site.ftl"; echo '%%'
          cat "$fixture/locales/fr/site.ftl" 2>/dev/null || true; } > "$dir/$(basename "$(realpath "$fixture")").seed"
      done ;;
    templates)
      # One seed per template and per confirmations file of the real project and of the
      # fixtures that have them, each behind the `%% <file>` line that names it, and one
      # seed with two sections (a template and the confirmations).
      for project in . tests/fixtures/*; do
        find "$project/templates" -maxdepth 1 -name '*.html' 2>/dev/null || true
        ls "$project"/locales/confirmed*.yaml 2>/dev/null || true
      done | while read -r f; do
        case $f in
          */templates/*) name=templates/${f##*/} ;;
          *) name=locales/${f##*/} ;;
        esac
        f=${f#./}
        { echo "%% $name"; cat "$f"; } > "$dir/$(echo "$f" | tr / _)"
      done
      cat "$dir/templates_page.html" "$dir/locales_confirmed.yaml" > "$dir/page-and-confirmed" ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  seed "$target"
  echo "== fuzz target $target for ${seconds}s"
  (cd fuzz && cargo +nightly fuzz run ${FUZZ_FLAGS:--O} "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len=1048576 -print_final_stats=1) || failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed in: ${failed[*]} (a crash leaves its input under fuzz/artifacts/; see above for a failed build)"
  exit 1
fi
