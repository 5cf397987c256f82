#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/, cargo-fuzz on nightly) and runs each in turn for FUZZ_SECONDS
# (default 30) from its committed corpus, one process at a time; fails when any target crashes
# (a panic, a failed assertion, an input slower than 10 s or over 2 GiB). New inputs go to a
# temporary directory, never into the committed corpus. First, the fuzz crate's unit tests (its
# seeds are current and pass). See ARCHITECTURE.md, Fuzzing.
#
#   bash scripts/fuzz.sh                        # every target, 30 s each (scripts/test.sh)
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh       # the local runs: 10 minutes each
#   FUZZ_SECONDS=60 bash scripts/fuzz.sh engine # some targets only
#
# A crash leaves its input in fuzz/artifacts/<target>/ (git-ignored): reproduce it with
# `cargo +nightly fuzz run <target> <file> --sanitizer none --debug-assertions`, fix the code
# under test and add the input as a unit test beside the fix.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/env.sh"

seconds="${FUZZ_SECONDS:-30}"
# No sanitizer: the code under test forbids `unsafe`, and without one each run makes about
# twice the executions. Debug assertions on: an arithmetic overflow is a crash, not a wrap.
flags=(--sanitizer none --debug-assertions)

cargo fmt --manifest-path fuzz/Cargo.toml -- --check
# The fuzz crate's own tests: the committed seeds are current and pass every check.
nice cargo +nightly test -q --manifest-path fuzz/Cargo.toml --lib
start=$(date +%s)
nice cargo +nightly fuzz build "${flags[@]}"
echo "fuzz targets built in $(($(date +%s) - start)) s"

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  log="$work/$t.log"
  # The first corpus directory takes the new inputs; the committed one is only read.
  if nice cargo +nightly fuzz run "${flags[@]}" "$t" "$work/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1; then
    status=ok
  else
    status=CRASHED
    failed+=("$t")
    tail -n 60 "$log" >&2
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  printf 'fuzz %-14s %-7s %s s, %s executions, corpus %s inputs\n' \
    "$t" "$status" "$seconds" "${execs:-?}" "$(find "$work/$t" "fuzz/corpus/$t" -type f | wc -l)"
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz targets that crashed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
