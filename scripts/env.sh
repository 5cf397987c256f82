# Sourced by the other scripts: the environment every build step needs.
# shellcheck shell=bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk's update check calls a web API this machine cannot reach.
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Where the publishers' files are (index-data reads INDEX_DATA_DIR, default ../shared/data).
export INDEX_DATA_DIR="${INDEX_DATA_DIR:-$root/../shared/data}"
export INDEX_BIN="$root/target/release-native/index"
cd "$root"
