#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests of every crate (engine, data
# pipeline, CLI, app view-models and chart golden files), the engine's wasm32 build, the
# benchmarks' build, the data bundles and site build (with the wasm's size budget), the
# end-to-end tests in headless Chromium, and the in-browser benchmark (figures printed, not
# asserted; with the first load of the default view on a throttled phone profile).
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
step "benchmarks build";      cargo bench -q -p index-core --no-run
step "data bundles";          bash "$here/build-data.sh"
step "site (release)";        trunk build --release
# The size budget (400 KiB gzipped) is a gate: the build fails when the wasm grows past it.
wasm=$(ls dist/*_bg.wasm)
gz=$(gzip -9 -c "$wasm" | wc -c)
budget=$((400 * 1024))
printf 'wasm: %s bytes, %s bytes gzipped (budget %s)\n' "$(wc -c <"$wasm")" "$gz" "$budget"
if [ "$gz" -gt "$budget" ]; then
  echo "the gzipped wasm is over its budget by $((gz - budget)) bytes (see ARCHITECTURE.md, Wasm size)" >&2
  exit 1
fi
step "end-to-end (headless Chromium)"
cargo test -q -p e2e -- --test-threads=1
step "in-browser benchmark"
trunk build --release --features bench --dist dist-bench
# Slider inputs, first loads from localhost, and 3 first loads on the throttled phone profile.
cargo run -q -p e2e --bin browser-bench -- --loads 3
step "all tests passed"
