#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests of every crate (engine, data
# pipeline, CLI, app view-models and chart golden files), the engine's wasm32 build, the
# benchmarks' build, the data bundles and site build (with the wasm's size budget), each fuzz
# target for a bounded time (scripts/fuzz.sh, FUZZ_SECONDS each), the end-to-end tests in
# headless Chromium, and the in-browser benchmark (figures printed, not asserted; with the
# first load of the default view on a throttled phone profile).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
source "$here/env.sh"
step() { printf '\n=== %s\n' "$*"; }

step "formatting";            cargo fmt --all -- --check
step "lints";                 cargo clippy --workspace --all-targets -q -- -D warnings
cargo clippy --workspace --all-targets --all-features -q -- -D warnings
step "native tests";          cargo test --workspace --exclude e2e --all-features -q
step "engine for wasm32";     cargo build -q -p index-core --target wasm32-unknown-unknown
cargo build -q -p index-core --features lp --target wasm32-unknown-unknown
step "benchmarks build";      cargo bench -q -p index-core --all-features --no-run
step "data bundles";          bash "$here/build-data.sh"
step "site (release)";        trunk build --release
# Size budgets, one per wasm module and each a gate on its gzip -9 size (see ARCHITECTURE.md,
# Wasm size): the main module, all the default view loads, 400 KiB; the worker's, loaded on the
# first background job, 600 KiB. The Brotli size, what the site's precompressed .br files send
# (scripts/precompress.sh), is printed beside it. Trunk names the main module
# app-<hash>_bg.wasm; a worker's name is fixed (worker_bg.wasm). The modules split off the main
# one (scripts/split-wasm.sh: app-<hash>_split_<part>.wasm and the chunks they share) are
# fetched once the default view is on screen; they are listed, and must exist.
sizes() { # file: bytes, Brotli, gzip -9
  printf '%s %s %s' "$(wc -c <"$1")" "$(brotli -q 11 -c "$1" | wc -c)" "$(gzip -9 -c "$1" | wc -c)"
}
budget() { # label, file pattern, budget in KiB
  # shellcheck disable=SC2206 # the pattern is meant to be expanded
  local files=( $2 )
  if [ "${#files[@]}" -ne 1 ] || [ ! -f "${files[0]}" ]; then
    echo "expected one $1 wasm matching $2, found: ${files[*]}" >&2
    exit 1
  fi
  local bytes br gz limit
  read -r bytes br gz < <(sizes "${files[0]}")
  limit=$(($3 * 1024))
  printf '%-6s wasm %-36s %8s bytes, %7s Brotli, %7s gzip -9 (budget %s KiB = %s)\n' \
    "$1" "$(basename "${files[0]}")" "$bytes" "$br" "$gz" "$3" "$limit"
  if [ "$gz" -gt "$limit" ]; then
    echo "the $1 wasm is over its budget by $((gz - limit)) bytes gzip -9 (see ARCHITECTURE.md, Wasm size)" >&2
    exit 1
  fi
}
budget main 'dist/app-????????????????_bg.wasm' 400
budget worker 'dist/worker_bg.wasm' 600
split_modules=( dist/app-????????????????_split_*.wasm dist/app-????????????????_chunk_*.wasm )
[ -f "${split_modules[0]}" ] || { echo "no split modules in dist/: the split step did not run" >&2; exit 1; }
for f in "${split_modules[@]}"; do
  [ -f "$f" ] || continue
  read -r bytes br gz < <(sizes "$f")
  printf 'split  wasm %-36s %8s bytes, %7s Brotli, %7s gzip -9\n' "$(basename "$f")" "$bytes" "$br" "$gz"
done
step "fuzzing (each target ${FUZZ_SECONDS:-30} s)"
bash "$here/fuzz.sh"
# The site with the benchmark harness: the benchmark's, and the crash screen's test
# (`?bench=panic`, end-to-end test `strict`).
step "site with the benchmark harness"
trunk build --release --features bench --dist dist-bench
step "end-to-end (headless Chromium)"
cargo test -q -p e2e -- --test-threads=1
step "in-browser benchmark"
# Slider inputs, first loads from localhost, and 3 first loads on the throttled phone profile.
cargo run -q -p e2e --bin browser-bench -- --loads 3
step "all tests passed"
