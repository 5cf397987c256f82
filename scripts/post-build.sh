#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), run on the staged site before Trunk moves it into its
# dist folder, for every `trunk build` and `trunk serve` build:
#  1. writes the default view's ranking (bundle `ftri`, app::loader::DEFAULT_BUNDLE, with its
#     default year, method and weights) into index.html, computed by the `index` CLI — the same
#     engine — from the very bundle file the site ships, so it is on screen before the wasm
#     (in place of the marker comment `<!-- prerendered ranking -->`: a build with Trunk's
#     --minify would drop it, and `index prerender` then fails rather than ship without);
#  2. precompresses the site (scripts/precompress.sh): .br and .gz beside each file.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk as its post_build hook}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
cargo build -q --profile release-native -p index-cli
"$INDEX_BIN" prerender --bundle "$stage/data/ftri.json" --into "$stage/index.html"
bash "$here/precompress.sh" "$stage"
