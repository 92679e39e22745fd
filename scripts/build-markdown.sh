#!/usr/bin/env bash
# Builds the viewer's markdown module (src/bin/folio-markdown.rs) into Trunk's
# staging folder as folio-markdown.js + folio-markdown_bg.wasm. Trunk runs it
# as a post_build hook (Trunk.toml), with the same tools and flags as the
# main wasm: wasm-bindgen --target web, then wasm-opt -Oz in release builds.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk build (a post_build hook in Trunk.toml)}"
profile=${TRUNK_PROFILE:-debug}
flags=(--target wasm32-unknown-unknown --bin folio-markdown --locked --offline --quiet)
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}"
wasm="target/wasm32-unknown-unknown/$profile/folio-markdown.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    -o "$TRUNK_STAGING_DIR/folio-markdown_bg.wasm" "$TRUNK_STAGING_DIR/folio-markdown_bg.wasm"
fi
