#!/usr/bin/env bash
# Installs what is missing, builds the data bundles and the app, and serves it at
# http://127.0.0.1:8080 (Ctrl-C to stop). Extra arguments go to `trunk serve`.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build-data.sh"
source "$here/env.sh"
echo "Serving Index Explorer at http://127.0.0.1:8080"
exec trunk serve --release "$@"
