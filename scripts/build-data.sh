#!/usr/bin/env bash
# Builds the app's data bundles (public/data/*.json, git-ignored) from the publishers' files in
# $INDEX_DATA_DIR (default ../shared/data). Skips the work when nothing changed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cargo build -q --profile release-native -p index-cli
"$INDEX_BIN" data build --out public/data
