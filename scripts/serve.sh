#!/usr/bin/env bash
# Installs what is missing, builds the data bundles and the app, and serves it at
# http://127.0.0.1:8080 with live reload (Ctrl-C to stop). The site people get is built into
# dist/ (what you would ship); `trunk serve` injects a live-reload script into what it serves,
# so it builds and serves its own copy, dist-serve/ (git-ignored), and dist/ stays fit to ship.
# Extra arguments go to `trunk serve` (e.g. --features bench).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build-data.sh"
source "$here/env.sh"
trunk build --release
echo "Built the site into dist/. Serving Index Explorer at http://127.0.0.1:8080 (from dist-serve/)"
exec trunk serve --release --dist dist-serve "$@"
