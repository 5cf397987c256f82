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
# Wasm size): the main module, all the default view loads, 400 KiB; each module split off it
# (scripts/split-wasm.sh: app-<hash>_split_<part>.wasm, fetched once the explorer is on screen,
# and app-<hash>_chunk_<n>.wasm, code two of them share) 400 KiB; the worker's, loaded on the
# first background job, 600 KiB. The Brotli size, what the site's precompressed .br files send
# (scripts/precompress.sh), is printed beside it. Trunk names the main module app-<hash>_bg.wasm;
# a worker's name is fixed (worker_bg.wasm).
budget() { # label, file, budget in KiB
  if [ ! -f "$2" ]; then
    echo "expected the $1 wasm $2: not found (did the split step run?)" >&2
    exit 1
  fi
  local bytes br gz limit
  bytes=$(wc -c <"$2")
  br=$(brotli -q 11 -c "$2" | wc -c)
  gz=$(gzip -9 -c "$2" | wc -c)
  limit=$(($3 * 1024))
  printf '%-6s wasm %-36s %8s bytes, %7s Brotli, %7s gzip -9 (budget %s KiB = %s)\n' \
    "$1" "$(basename "$2")" "$bytes" "$br" "$gz" "$3" "$limit"
  if [ "$gz" -gt "$limit" ]; then
    echo "the $1 wasm $(basename "$2") is over its budget by $((gz - limit)) bytes gzip -9 (see ARCHITECTURE.md, Wasm size)" >&2
    exit 1
  fi
}
# (Trunk's hash is hexadecimal without leading zeros: 15 digits now and then, not always 16.)
mapfile -t mains < <(find dist -maxdepth 1 -regextype posix-extended -regex '.*/app-[0-9a-f]+_bg\.wasm')
[ "${#mains[@]}" -eq 1 ] || { echo "expected one main wasm in dist/, found: ${mains[*]}" >&2; exit 1; }
budget main "${mains[0]}" 400
budget split "${mains[0]%_bg.wasm}_split_below.wasm" 400
budget split "${mains[0]%_bg.wasm}_split_embed.wasm" 400
budget split "${mains[0]%_bg.wasm}_split_map.wasm" 400
budget split "${mains[0]%_bg.wasm}_split_i18n.wasm" 400
budget split "${mains[0]%_bg.wasm}_split_side.wasm" 400
for chunk in "${mains[0]%_bg.wasm}"_chunk_*.wasm; do
  if [ -f "$chunk" ]; then budget split "$chunk" 400; fi
done
budget worker dist/worker_bg.wasm 600
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
