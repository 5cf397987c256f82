#!/usr/bin/env bash
# Installs what is missing, builds the data bundles and the app, and serves it at
# http://127.0.0.1:8080, rebuilt on each change (reload the page to see it; Ctrl-C to stop).
# The site people get is built into dist/ (what you would ship); `trunk serve` builds and
# serves its own copy, dist-serve/ (git-ignored). Its live-reload script is turned off: it is
# an inline script, which the page's Content-Security-Policy refuses.
# Extra arguments go to `trunk serve` (e.g. --features bench).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build-data.sh"
source "$here/env.sh"
trunk build --release
echo "Built the site into dist/. Serving Index Explorer at http://127.0.0.1:8080 (from dist-serve/)"
exec trunk serve --release --no-autoreload --dist dist-serve "$@"
