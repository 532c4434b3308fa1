#!/usr/bin/env sh
# Changes one French sentence of the project at $1 back and forth, so that every build
# timed after it has pages that changed (bench/run.sh, "a page changed").
f="$1/locales/fr/retention.ftl"
if grep -q "nous les conservons pendant" "$f"; then
  sed -i 's/nous les conservons pendant/nous les gardons pendant/' "$f"
else
  sed -i 's/nous les gardons pendant/nous les conservons pendant/' "$f"
fi
