#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), run on the staged site before Trunk moves it into its
# dist folder, for every `trunk build` and `trunk serve` build:
#  0. splits the app's wasm into the main module and the deferred parts' module
#     (scripts/split-wasm.sh);
#  1. writes the default view's ranking (bundle `ftri`, app::loader::DEFAULT_BUNDLE, with its
#     default year, method and weights) into index.html, computed by the `index` CLI — the same
#     engine — from the very bundle file the site ships, so it is on screen before the wasm
#     (in place of the marker comment `<!-- prerendered ranking -->`: a build with Trunk's
#     --minify would drop it, and `index prerender` then fails rather than ship without);
#  2. adds the SHA-256 hash of each inline script of the page (its boot script and Trunk's
#     loader) to the script-src of its Content-Security-Policy, which refuses any other;
#  3. writes into the service worker (sw.js) the list of the app's files it precaches and the
#     build's version, a hash of their contents (scripts/precache.sh; ARCHITECTURE.md, Offline);
#  4. precompresses the site (scripts/precompress.sh): .br and .gz beside each file.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk as its post_build hook}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
bash "$here/split-wasm.sh" "$stage"
cargo build -q --profile release-native -p index-cli
"$INDEX_BIN" prerender --bundle "$stage/data/ftri.json" --into "$stage/index.html"
# The page's Content-Security-Policy (index.html) allows only the inline scripts it names by
# hash: those of this build's page (its boot script and Trunk's loader) are added here.
perl -0777 -pi -MDigest::SHA=sha256_base64 -e '
  my @hashes = map { my $h = sha256_base64($_); $h .= "=" x ((4 - length($h) % 4) % 4); "\x27sha256-$h\x27" }
    m{<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>}gs;
  s{(script-src \x27self\x27 \x27wasm-unsafe-eval\x27)}{join(" ", $1, @hashes)}e
    or die "post-build: index.html has no Content-Security-Policy with script-src to add hashes to\n";
' "$stage/index.html"
bash "$here/precache.sh" "$stage"
bash "$here/precompress.sh" "$stage"
