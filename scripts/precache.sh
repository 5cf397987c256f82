#!/usr/bin/env bash
# Usage: precache.sh DIR (the staged site; run by scripts/post-build.sh after the page is final)
# Writes into DIR/sw.js the files the service worker precaches — the app: index.html, every
# script, wasm module (the main one, the split parts and chunks) and style sheet at the top
# level, the web manifest and its icons; not the worker's files (cached when first used), the
# data (cached when opened), the service worker itself, nor any .br/.gz (the cache holds URLs,
# whatever encoding the server chose) — and the build's VERSION: the first 16 hex digits of the
# SHA-256 of those files' names and contents. So any change to the app is a new sw.js, which
# the browser installs as an update, and a rebuild of the same files is not.
set -euo pipefail
dir="${1:?usage: precache.sh DIR}"
sw="$dir/sw.js"
[ -f "$sw" ] || { echo "precache: $sw is missing (index.html copies public/sw.js)" >&2; exit 1; }
cd "$dir"
mapfile -t files < <(
  {
    echo index.html
    find . -maxdepth 1 -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.webmanifest' \) \
      ! -name 'sw.js' ! -name 'worker*' -printf '%f\n'
    [ -d icons ] && find icons -type f \( -name '*.png' -o -name '*.svg' \)
  } | LC_ALL=C sort -u
)
for f in "${files[@]}"; do [ -f "$f" ] || { echo "precache: $dir/$f is missing" >&2; exit 1; }; done
version="$(sha256sum "${files[@]}" | sha256sum | cut -c1-16)"
list="$(printf '"%s", ' "${files[@]}")"
list="[${list%, }]"
perl -pi -e 's{^const VERSION = "[^"]*";}{const VERSION = "'"$version"'";};
  s{^const PRECACHE = \[[^\]]*\];}{const PRECACHE = '"$list"';}' sw.js
grep -q "^const VERSION = \"$version\";" sw.js && grep -q "^const PRECACHE = \[.*\"index.html\"" sw.js || {
  echo "precache: could not write the version and list into $sw" >&2
  exit 1
}
echo "[precache] version $version, ${#files[@]} files"
