#!/usr/bin/env bash
# Splits the app's main wasm module into the module the default view needs and the modules of
# the page's deferred parts (app/src/components/deferred.rs: each `#[wasm_split(..)]` function
# is a split point), fetched once the explorer is on screen. Run by scripts/post-build.sh on
# Trunk's staged site, for every build (ARCHITECTURE.md, "Wasm size").
#
# Trunk runs cargo, wasm-bindgen and wasm-opt in one go and offers no hook between them, and the
# split has to come between cargo and wasm-bindgen. So this step starts again from cargo's
# output (linked with --emit-relocs, app/build.rs) and writes over Trunk's files under the same
# names:
#   1. wasm-split-cli (wasm_split_cli_support, installed by scripts/setup.sh): the main module,
#      one module per split point and chunks of the code several of them share, and the link
#      module (JavaScript) through which the main module fetches them;
#   2. wasm-bindgen (the exact pin Trunk uses) on the main module, as Trunk calls it, keeping
#      the function table export (--keep-lld-exports) the split modules import;
#   3. wasm-opt -Oz on every module (the app's rust link in index.html sets data-wasm-opt="0":
#      Trunk's own pass would be thrown away);
#   4. the link module gets the main module's hashed name (app-<hash>_split.js), so that a new
#      build never meets an old one in a cache, and the page's subresource-integrity hashes of
#      the main module and its JavaScript are written again.
set -euo pipefail
stage="${1:?usage: split-wasm.sh STAGING_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
profile="${TRUNK_PROFILE:-release}"
raw="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$profile/app.wasm"

# Trunk's hash is hexadecimal without leading zeros (15 digits now and then, not always 16).
mapfile -t scripts < <(find "$stage" -maxdepth 1 -regextype posix-extended -regex '.*/app-[0-9a-f]+\.js' -printf '%f\n')
if [ "${#scripts[@]}" -ne 1 ]; then
  echo "split-wasm: expected one app-<hash>.js in $stage, found ${#scripts[@]}: ${scripts[*]}" >&2
  exit 1
fi
name="${scripts[0]%.js}"
[ -f "$raw" ] || { echo "split-wasm: cargo's output $raw is missing" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$raw" "$work/split" --target web --out-name "$name" >/dev/null
wasm-bindgen --target=web --keep-lld-exports --out-dir="$work/bindgen" --out-name="$name" --no-typescript \
  "$work/split/$name.wasm"

# The main module imports the link module as "./__wasm_split.js", and the link module fetches
# the split modules by their plain names: each takes the build's name.
link="${name}_split.js"
js="$work/bindgen/$name.js"
grep -q '"\./__wasm_split\.js"' "$js" || {
  echo "split-wasm: $name.js does not import __wasm_split.js: nothing was split" >&2
  exit 1
}
# (the ES imports only: the wasm still names the module "./__wasm_split.js" in its imports)
sed -i -E "s#^(import \* as [a-z0-9_]+ from )\"\./__wasm_split\.js\"#\1\"./$link\"#" "$js"
sed -E "s#new URL\(\"\./([a-z0-9_]+)\.wasm\"#new URL(\"./${name}_\1.wasm\"#g" \
  "$work/split/__wasm_split.js" >"$work/$link"
# (binaryen does not know the name section's newest subsection and says so for every module;
# KEEP_NAMES=1 keeps the functions' names, for a profile that names them: not for shipping)
opt() { wasm-opt -Oz ${KEEP_NAMES:+-g} "$1" -o "$1" 2> >(grep -v 'unknown name subsection' >&2); }
opt "$work/bindgen/${name}_bg.wasm"
cp "$work/bindgen/${name}_bg.wasm" "$js" "$stage/"
for part in "$work"/split/*.wasm; do
  part_name="$(basename "$part")"
  [ "$part_name" = "$name.wasm" ] && continue
  opt "$part"
  cp "$part" "$stage/${name}_$part_name"
done
cp "$work/$link" "$stage/"

# The language module's files (its own and the chunks it shares with others), for the page's
# boot script to preload beside the main module when the page will not be in English
# (index.html: the script's data-i18n attribute; ARCHITECTURE.md, First load).
i18n_files="$(awk '
  /^\/\* .* \*\/$/ { kinds = $0; next }
  /new URL\("\.\/[^"]*\.wasm"/ {
    match($0, /"\.\/[^"]*\.wasm"/); file = substr($0, RSTART + 3, RLENGTH - 4)
    if (kinds ~ /[ ,]i18n[ ,]/ || file ~ /_split_i18n\.wasm$/) printf "%s%s", sep, file
    if (kinds ~ /[ ,]i18n[ ,]/ || file ~ /_split_i18n\.wasm$/) sep = " "
    kinds = ""
  }' "$work/$link")"
case "$i18n_files" in
  *_split_i18n.wasm*) ;;
  *) echo "split-wasm: no language module (_split_i18n.wasm) in $link" >&2; exit 1 ;;
esac
perl -pi -e 's{data-i18n="[^"]*"}{data-i18n="'"$i18n_files"'"}' "$stage/index.html"
grep -q "data-i18n=\"$i18n_files\"" "$stage/index.html" || {
  echo "split-wasm: index.html has no boot script with data-i18n to name the language module's files in" >&2
  exit 1
}

# Subresource integrity: Trunk hashed the files it wrote; these are new.
for file in "$name.js" "${name}_bg.wasm"; do
  sri="sha384-$(openssl dgst -sha384 -binary "$stage/$file" | openssl base64 -A)"
  perl -pi -e 's{(href="[^"]*\Q'"$file"'\E"[^>]*integrity=")sha384-[^"]*"}{$1'"$sri"'"}g' "$stage/index.html"
  grep -q "$sri" "$stage/index.html" || { echo "split-wasm: no integrity attribute for $file in index.html" >&2; exit 1; }
done
