#!/usr/bin/env bash
# Usage: precompress.sh DIR
# Writes FILE.br (Brotli, quality 11) and FILE.gz (gzip -9) beside every text or wasm file of
# DIR (html, js, css, wasm, json, svg, the Fluent texts .ftl; 1 KiB or more), as static hosts serve them to browsers
# that accept them (nginx's brotli_static/gzip_static, most static hosting). A file whose .br
# and .gz are already newer than it is skipped. Without the `brotli` command (scripts/setup.sh
# installs it), only the .gz files are written.
set -euo pipefail
dir="${1:?usage: precompress.sh DIR}"
have_brotli=1
if ! command -v brotli >/dev/null; then
  have_brotli=0
  echo "[precompress] no brotli command: writing .gz only (run scripts/setup.sh)" >&2
fi
find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
  -o -name '*.json' -o -name '*.svg' -o -name '*.ftl' \) -size +1023c -print0 |
  while IFS= read -r -d '' f; do
    if [ ! "$f.gz" -nt "$f" ]; then
      gzip -9 -n -c "$f" >"$f.gz.tmp" && mv "$f.gz.tmp" "$f.gz"
    fi
    if [ "$have_brotli" = 1 ] && [ ! "$f.br" -nt "$f" ]; then
      brotli -q 11 -f -o "$f.br.tmp" "$f" && mv "$f.br.tmp" "$f.br"
    fi
  done
